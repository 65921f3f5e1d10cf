/**
 * Binding expressions and trigger snippets become functions of a resolver: the body text
 * (`expressionSource`, `triggerSource`), the same text the esbuild plugin emits ahead of
 * time, and `new Function` over it at run time (`compileExpression`, `compileTrigger`,
 * cached per code). See ./compile.ts for the shape of the generated code.
 */
import { describeError } from './errors'
import { analyze } from './code-analysis'
import { allLenient, checkedCode, declarations, functionText } from './checked-code'
import { CompileError, MISSING } from './compiled-code'
import type { CompiledFn, Resolver, TriggerFn } from './compiled-code'
import { seededExpression, seededTrigger } from './precompiled'
import { lineColumn } from './text-position'
import { hasBinding, parseTemplate } from './template'

/** The expression for messages: trimmed and cut short. */
export function quote(code: string): string {
  const t = code.trim()
  return '`' + (t.length > 120 ? t.slice(0, 117) + '...' : t) + '`'
}

const EMPTY_BODY = '"use strict"; return undefined;'

/**
 * The function body for a binding expression: `"use strict"; let …; return (EXPR\n);`.
 * The newline before `)` keeps a trailing `// comment` from swallowing it; a
 * final `;` is dropped. Empty code (or only comments) returns undefined.
 * Throws {@link CompileError} when the code does not scan (unbalanced
 * brackets, an unterminated string…) — that also keeps a stray `)` from
 * escaping the `return ( … )`.
 */
export function expressionSource(code: string): string {
  const { checked, lenient } = expressionBodies(code)
  return preferChecked(checked, lenient)
}

/** The checked body (a missing name throws) and the lenient one (a missing name is undefined). */
function expressionBodies(code: string): { checked: string; lenient: string } {
  const a = analyze(code)
  if (a.failure !== null) {
    throw new CompileError(
      `Invalid expression ${quote(code)}: ${a.failure.message}`,
      code,
      undefined,
      lineColumn(code, a.failure.position).line,
    )
  }
  if (a.tokens === 0 || (a.tokens === 1 && a.trailingSemicolon >= 0)) return { checked: EMPTY_BODY, lenient: EMPTY_BODY }
  const s = a.trailingSemicolon
  const body = (text: string): string => (s >= 0 ? text.slice(0, s) + text.slice(s + 1) : text).trim()
  const lenient = `"use strict"; ${declarations(a.names, allLenient(a.names))}return (${body(code)}\n);`
  if (a.uses.length === 0 && a.lenient.size === 0) return { checked: lenient, lenient }
  // The semicolon offset is in the original text: cut it before rewriting (uses lie before it).
  const cut = s >= 0 ? code.slice(0, s) + ' ' + code.slice(s + 1) : code
  const checked = checkedCode(cut, a.uses).trim()
  return { checked: `"use strict"; ${declarations(a.names, a)}return (${checked}\n);`, lenient }
}

/**
 * The checked body, unless the rewrite made it invalid (a destructuring
 * assignment such as `[a, b] = [b, a]` cannot take checked reads): then the
 * lenient one, where a missing name is undefined. Where `new Function` is
 * forbidden (strict CSP) nothing can be compiled anyway; the checked body is
 * returned.
 */
export function preferChecked(checked: string, lenient: string): string {
  if (checked === lenient) return checked
  try {
    new Function('$r', checked)
    return checked
  } catch (e) {
    return e instanceof SyntaxError ? lenient : checked
  }
}

// Compiled expressions by their code text; a failure is cached too, so a
// broken binding in a re-rendered table cell costs one compile. Bounded so that
// code built at run time cannot grow it without limit.
const expressionCache = new Map<string, CompiledFn | CompileError>()
const EXPRESSION_CACHE_LIMIT = 10_000

/**
 * Compiles a binding expression to `(this, $r) => value` (cached per code
 * string). Throws {@link CompileError} for code that does not scan, a
 * SyntaxError, or an environment that forbids `new Function` (a strict CSP:
 * build with the esbuild plugin instead).
 */
export function compileExpression(code: string): CompiledFn {
  const seeded = seededExpression(code)
  if (seeded !== undefined) return seeded
  const cached = expressionCache.get(code)
  if (cached !== undefined) {
    if (cached instanceof CompileError) throw cached
    return cached
  }
  let result: CompiledFn | CompileError
  try {
    result = compileBodies(expressionBodies(code)) as CompiledFn
  } catch (e) {
    result = e instanceof CompileError ? e : new CompileError(`${describe(e)} in expression ${quote(code)}`, code, undefined, undefined, { cause: e })
  }
  if (expressionCache.size >= EXPRESSION_CACHE_LIMIT) expressionCache.clear()
  expressionCache.set(code, result)
  if (result instanceof CompileError) throw result
  return result
}

/** "SyntaxError: …", or a hint when `new Function` itself is forbidden. */
export function describe(e: unknown): string {
  if (e instanceof Error && e.name === 'EvalError') {
    return `EvalError: run-time compilation is blocked (Content-Security-Policy without 'unsafe-eval'); compile ahead of time with the esbuild plugin (${e.message})`
  }
  return describeError(e)
}

/** The code of a trigger snippet: its one binding's code, or the whole text when it has no binding. */
function triggerCode(snippet: string): string {
  if (!hasBinding(snippet)) return snippet
  const parsed = parseTemplate(snippet)
  if (!parsed.ok) {
    throw new CompileError(`Invalid trigger ${quote(snippet)}: ${parsed.error.message}`, snippet, undefined, lineColumn(snippet, parsed.error.position).line)
  }
  if (!parsed.single) {
    throw new CompileError(`Invalid trigger ${quote(snippet)}: a trigger must be one {{ … }} binding, not text around bindings`, snippet)
  }
  for (const segment of parsed.segments) if (segment.kind === 'expr') return segment.code
  return '' // unreachable: a single template holds one binding
}

/**
 * The function body for a trigger (an event handler, `app.run`), written as in
 * Appsmith: `{{ storeValue('k', 1); showAlert('saved') }}`, or the same code
 * without the braces. As Appsmith does, the code is placed after
 * `const $$result =` in an async function, so several `;`-separated statements
 * run in order, `await` works, and the value is the first statement's:
 * `"use strict"; let …; return (async () => { const $$result = CODE\n; return await $$result; })();`.
 * Throws {@link CompileError} for text around the binding or code that does not scan.
 */
export function triggerSource(snippet: string): string {
  const { checked, lenient } = triggerBodies(snippet)
  return preferChecked(checked, lenient)
}

function triggerBodies(snippet: string): { checked: string; lenient: string } {
  const code = triggerCode(snippet)
  const a = analyze(code)
  if (a.failure !== null) {
    throw new CompileError(`Invalid trigger ${quote(code)}: ${a.failure.message}`, snippet, undefined, lineColumn(code, a.failure.position).line)
  }
  if (a.tokens === 0) {
    const empty = '"use strict"; return Promise.resolve(undefined);'
    return { checked: empty, lenient: empty }
  }
  const wrap = (decls: string, text: string): string =>
    `"use strict"; ${decls}return (async () => { const $$result = ${text.trim()}\n; return await $$result; })();`
  const lenient = wrap(declarations(a.names, allLenient(a.names)), code)
  if (a.uses.length === 0 && a.lenient.size === 0) return { checked: lenient, lenient }
  const checked = checkedCode(code, a.uses)
  return { checked: wrap(declarations(a.names, a), checked), lenient }
}

// PRELUDE's names as values, for functions made at run time.
const lineStartCheck = (v: unknown, n: string): unknown => {
  if (v === MISSING) throw new ReferenceError(n + ' is not defined')
  return v
}

/**
 * `function ($r) { <body> }` made at run time, closed over PRELUDE's names (./checked-code.ts)
 * as the build's functions are over the `smithlet:compiled` module's: the same function
 * text, the same values. They come in as the outer function's parameters rather than as
 * PRELUDE's text, and the inner function is parenthesised so that V8 compiles it with the
 * outer one instead of parsing it twice: compiling 1,000 expressions costs about what one
 * `new Function('$r', body)` each did. The generated body's brackets are balanced (the
 * scanner refuses code that is not), so it cannot close the function early.
 */
export function functionOf(body: string): (this: unknown, $r: Resolver) => unknown {
  return new Function('$$M', '$$v', `return (${functionText(body)});`)(MISSING, lineStartCheck) as (this: unknown, $r: Resolver) => unknown
}

/** Compiles the checked body, falling back to the lenient one when only the rewrite is a SyntaxError. */
export function compileBodies(bodies: { checked: string; lenient: string }): (this: unknown, $r: Resolver) => unknown {
  try {
    return functionOf(bodies.checked)
  } catch (e) {
    if (!(e instanceof SyntaxError) || bodies.checked === bodies.lenient) throw e
    return functionOf(bodies.lenient)
  }
}

const triggerCache = new Map<string, TriggerFn | CompileError>()

/**
 * Compiles a trigger snippet (see {@link triggerSource}) to `(this, $r) =>
 * Promise` (cached per snippet). A throw inside becomes a rejection. Throws
 * {@link CompileError} when the snippet cannot be compiled.
 */
export function compileTrigger(snippet: string): TriggerFn {
  const seeded = seededTrigger(snippet)
  if (seeded !== undefined) return seeded
  const cached = triggerCache.get(snippet)
  if (cached !== undefined) {
    if (cached instanceof CompileError) throw cached
    return cached
  }
  let result: TriggerFn | CompileError
  try {
    result = compileBodies(triggerBodies(snippet)) as TriggerFn
  } catch (e) {
    result = e instanceof CompileError ? e : new CompileError(`${describe(e)} in trigger ${quote(snippet)}`, snippet, undefined, undefined, { cause: e })
  }
  if (triggerCache.size >= EXPRESSION_CACHE_LIMIT) triggerCache.clear()
  triggerCache.set(snippet, result)
  if (result instanceof CompileError) throw result
  return result
}