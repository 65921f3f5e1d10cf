/**
 * A JS object's source, `export default { … }` as Appsmith writes it, becomes a factory
 * that returns the object with its free names resolved (`jsObjectSource` is the body the
 * esbuild plugin emits for `?jsobject` imports; `compileJSObject` builds it at run time).
 * The factory also attaches the RESOLVE_NAMES refresher (see ./compiled-code.ts).
 */
import { analyze } from './code-analysis'
import type { Analysis } from './code-analysis'
import { allLenient, checkedCode, declarations, lenientFixups } from './checked-code'
import { compileBodies, describe, preferChecked } from './compile-expression'
import { CompileError, RESOLVE_NAMES } from './compiled-code'
import type { JSObjectFactory } from './compiled-code'
import { scan, skipTrivia } from './scan'
import { formatPosition, lineColumn } from './text-position'

/** Offset range of the object literal in `export default { … }`, or a CompileError. */
export function locateObject(source: string, name: string): { open: number; end: number } {
  const prefix = `JS object ${JSON.stringify(name)}`
  const expected = (at: number): CompileError => {
    const found = source.slice(at, at + 24).split(/\r?\n/)[0]
    return new CompileError(
      `${prefix}: expected \`export default { … }\` at ${formatPosition(source, at)}, found ${found ? JSON.stringify(found) : 'the end of the source'}`,
      source,
      name,
      lineColumn(source, at).line,
    )
  }
  const trivia = (at: number): number => {
    const r = skipTrivia(source, at)
    if (!r.ok) throw new CompileError(`${prefix}: ${r.message}`, source, name, lineColumn(source, r.position).line)
    return r.end
  }
  const word = (at: number, w: string): boolean =>
    source.startsWith(w, at) && !/[\p{ID_Continue}$\u200C\u200D]/u.test(source.charAt(at + w.length))

  let i = trivia(0)
  if (!word(i, 'export')) throw expected(i)
  i = trivia(i + 6)
  if (!word(i, 'default')) throw expected(i)
  i = trivia(i + 7)
  if (source.charCodeAt(i) !== 123) throw expected(i)
  const open = i
  const r = scan(source, open, { group: true })
  if (!r.ok) throw new CompileError(`${prefix}: ${r.message}`, source, name, lineColumn(source, r.position).line)
  const end = r.end
  i = trivia(end)
  if (source.charCodeAt(i) === 59) i = trivia(i + 1)
  if (i < source.length) {
    throw new CompileError(
      `${prefix}: unexpected text after the object at ${formatPosition(source, i)}; the source must be exactly \`export default { … }\``,
      source,
      name,
      lineColumn(source, i).line,
    )
  }
  return { open, end }
}

// The generated code names the symbol the same way, from this one string.
const RESOLVE_NAMES_KEY = JSON.stringify(RESOLVE_NAMES.description)

/**
 * The function body for a JS object written as Appsmith does,
 * `export default { … }` (leading comments, a trailing `;` and trailing
 * comments allowed): `"use strict"; let …; return ({ … });` with the object
 * literal text unchanged, plus the {@link RESOLVE_NAMES} refresher when there
 * are names:
 * `return Object.defineProperty(({ … }), Symbol.for("smithlet.resolveNames"), { value: () => { a = $r("a"); } });`.
 * Anything else — `export const`, `module.exports`, a bare object, text after
 * the object — is a {@link CompileError} naming the object.
 */
export function jsObjectSource(source: string, name: string): string {
  const { checked, lenient } = jsObjectBodies(source, name)
  return preferChecked(checked, lenient)
}

function jsObjectBodies(source: string, name: string): { checked: string; lenient: string } {
  const { open, end } = locateObject(source, name)
  const literal = source.slice(open, end)
  const a = analyze(literal)
  const names = a.names
  if (names.length === 0) {
    const body = `"use strict"; return (${literal});`
    return { checked: body, lenient: body }
  }
  const build = (info: Pick<Analysis, 'uses' | 'lenient'>, text: string): string => {
    let refresh = ''
    for (const n of names) refresh += `${n} = $r(${JSON.stringify(n)}); `
    refresh += lenientFixups(names, info)
    return `"use strict"; ${declarations(names, info)}return Object.defineProperty((${text}), Symbol.for(${RESOLVE_NAMES_KEY}), { value: () => { ${refresh}} });`
  }
  const lenient = build(allLenient(names), literal)
  return { checked: a.uses.length === 0 && a.lenient.size === 0 ? lenient : build(a, checkedCode(literal, a.uses)), lenient }
}

/**
 * Compiles a JS object source to a factory `(this, $r) => object`. A
 * SyntaxError is a {@link CompileError} naming the object and, found by
 * compiling each top-level property alone, the property and its line.
 */
export function compileJSObject(source: string, name: string): JSObjectFactory {
  const bodies = jsObjectBodies(source, name)
  try {
    return compileBodies(bodies) as JSObjectFactory
  } catch (e) {
    throw diagnose(source, name, e)
  }
}

/** One top-level property of a JS object's literal, between the separating commas. */
export interface PropertyChunk {
  readonly from: number
  readonly to: number
  /** Offsets of its first significant token (messages name the property by it). */
  readonly first: number
  readonly firstEnd: number
}

/** The top-level properties of the object literal that opens at `open`: split at depth-1 commas. */
export function propertyChunks(source: string, open: number): PropertyChunk[] {
  const chunks: PropertyChunk[] = []
  let from = open + 1
  let first = -1
  let firstEnd = -1
  scan(source, open, {
    group: true,
    onToken(kind, start, end, depth) {
      const isComma = kind === 'punct' && depth === 1 && source.charCodeAt(start) === 44
      const isClose = kind === 'punct' && depth === 0
      if (isComma || isClose) {
        if (first >= 0) chunks.push({ from, to: start, first, firstEnd })
        from = end
        first = -1
      } else if (first < 0 && depth >= 1 && start > open) {
        first = start
        firstEnd = end
      }
    },
  })
  return chunks
}

/**
 * Engines rarely say where a `new Function` body fails (V8 never does), so
 * compile the object's top-level properties one at a time and blame the first
 * that fails on its own. Runs only on the error path.
 */
function diagnose(source: string, name: string, error: unknown): CompileError {
  const prefix = `JS object ${JSON.stringify(name)}`
  if (!(error instanceof SyntaxError)) return new CompileError(`${prefix}: ${describe(error)}`, source, name, undefined, { cause: error })
  const { open } = locateObject(source, name)
  for (const chunk of propertyChunks(source, open)) {
    try {
      new Function(`"use strict"; return ({${source.slice(chunk.from, chunk.to)}\n});`)
    } catch (e) {
      if (!(e instanceof SyntaxError)) continue
      const line = lineColumn(source, chunk.first).line
      const key = source.slice(chunk.first, chunk.firstEnd)
      return new CompileError(
        `${prefix}: ${e.name}: ${e.message} in property ${key} (line ${line})`,
        source,
        name,
        line,
        { cause: error },
      )
    }
  }
  return new CompileError(`${prefix}: ${error.name}: ${error.message}`, source, name, undefined, { cause: error })
}