/**
 * The compiler: binding expressions and JS object sources become functions of
 * a resolver. One compiler, two places it runs — `compileExpression` and
 * `compileJSObject` call `new Function` at run time, and the esbuild plugin
 * emits the very same body text (from `expressionSource` / `jsObjectSource`)
 * into an ES module, so a built app needs no `'unsafe-eval'`.
 *
 * Generated bodies look like
 *
 * ```js
 * "use strict"; let Table1 = $r("Table1"), Math = $r("Math"); return (Math.max(Table1.pageNo, 1)
 * );
 * ```
 *
 * The parameter `$r` resolves a name (the app's scope first, then
 * `globalThis`); `this` is whatever the caller binds (queries bind
 * `{ params }`). Every identifier that might be a free reference gets a `let`;
 * over-including is harmless (an arrow parameter shadows its `let`, an object
 * key is not a reference), so there is no scope analysis and no `with` — the
 * code is valid strict-mode and module code. The text depends only on the
 * input, so ahead-of-time output equals run-time output. A binding that names
 * `$r` gets the resolver itself.
 *
 * Triggers (event handlers, `app.run`) compile like Appsmith's: statements
 * after `const $$result =` in an async function (see `triggerSource`). A JS
 * object's names are resolved when its factory runs and again whenever the
 * runtime calls its `RESOLVE_NAMES` refresher, which the generated code
 * attaches with `Object.defineProperty` and `Symbol.for` (so an entity named
 * `Object` or `Symbol` would shadow them — a name no app should take).
 */
import { describeError } from './errors'
import { formatPosition, isReferenceCandidate, lineColumn, scan, skipTrivia } from './scan'
import type { ScanFailure, TokenKind } from './scan'
import { hasBinding, parseTemplate } from './template'

/** Resolves a free name: the app scope first, then `globalThis`. */
export type Resolver = (name: string) => unknown

/** A compiled binding expression; call it with the caller's `this`. */
export type CompiledFn = (this: unknown, $r: Resolver) => unknown

/** A compiled trigger: runs the snippet's statements and resolves with the first one's value. */
export type TriggerFn = (this: unknown, $r: Resolver) => Promise<unknown>

/** A compiled JS object source: returns a fresh object literal each call. */
export type JSObjectFactory = (this: unknown, $r: Resolver) => Record<string, unknown>

/** A `{{ X.data }}`-style reference: `path` is everything before `.data`, `entity` its first name. */
export interface DataReference {
  readonly entity: string
  readonly path: string
}

/** An expression or JS object that cannot be compiled. The message names the problem and what it was in. */
export class CompileError extends Error {
  override readonly name = 'CompileError'
  constructor(
    message: string,
    /** The expression or JS object source as given. */
    readonly source: string,
    /** The JS object's name, for JS object sources. */
    readonly objectName?: string,
    /** 1-based line in `source`, when known. */
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** What one pass of the scanner learns about a piece of code. */
interface Analysis {
  readonly names: string[]
  readonly failure: ScanFailure | null
  /** Number of significant tokens. */
  readonly tokens: number
  /** Offset of a final `;` at depth 0 (Appsmith accepts `{{ a; }}`), or -1. */
  readonly trailingSemicolon: number
  /** Free-reference uses to rewrite so that a name found nowhere throws (see {@link MISSING}). */
  readonly uses: readonly NameUse[]
  /** Names read without a check (declared or assigned in the code): missing means undefined for them. */
  readonly lenient: ReadonlySet<string>
}

/**
 * A use of a free name that the generated code checks: `read` throws Appsmith's
 * `ReferenceError: X is not defined` when X is missing, `typeof` gives
 * "undefined", `shorthand` is `{ X }` in an object literal.
 */
interface NameUse {
  readonly start: number
  readonly end: number
  readonly mode: 'read' | 'typeof' | 'shorthand'
}

interface Token {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  readonly depth: number
  readonly afterDot: boolean
  readonly inObject: boolean
  readonly text: string
}

/** Words after which a name is declared or is a member name, never a read. */
const DECLARING_WORDS: ReadonlySet<string> = new Set(['let', 'const', 'var', 'function', 'class', 'get', 'set', 'async', 'static', 'import', 'export', 'as', 'break', 'continue'])
const CONTROL_WORDS: ReadonlySet<string> = new Set(['if', 'while', 'for', 'switch', 'with'])
/** An assignment operator right after a name (`=`, `+=`, `??=`…, not `==`, `=>`, `<=`, `>=`). */
const ASSIGNMENT = /^\s*(?:=(?![=>])|(?:\*\*|\+|-|\*|\/|%|<<|>>>?|&&?|\|\|?|\?\?|\^)=|\+\+|--)/

function analyze(code: string): Analysis {
  const tokens: Token[] = []
  const result = scan(code, 0, {
    onToken(kind, start, end, depth, afterDot, inObject) {
      tokens.push({ kind, start, end, depth, afterDot, inObject, text: kind === 'name' || kind === 'punct' ? code.slice(start, end) : '' })
    },
  })
  let lastSemicolon = -1
  const last = tokens[tokens.length - 1]
  if (last !== undefined && last.kind === 'punct' && last.depth === 0 && last.text === ';') lastSemicolon = last.start
  const names = new Set<string>()
  for (const t of tokens) if (t.kind === 'name' && !t.afterDot && isReferenceCandidate(t.text)) names.add(t.text)
  const analysis = { names: Array.from(names), failure: result.ok ? null : result, tokens: tokens.length, trailingSemicolon: lastSemicolon }
  if (!result.ok || names.size === 0) return { ...analysis, uses: [], lenient: new Set() }
  return { ...analysis, ...classifyUses(code, tokens) }
}

/**
 * Decides, token by token, which name tokens are plain reads of a free name.
 * Conservative: a name declared anywhere in the code (a parameter, `let`,
 * `catch`, destructuring) or assigned to is read without a check, as is every
 * name in code with a `class` (whose bodies look like blocks); only positions
 * where a rewrite is certainly valid JavaScript are rewritten.
 */
function classifyUses(code: string, tokens: readonly Token[]): { uses: NameUse[]; lenient: Set<string> } {
  const lenient = new Set<string>()
  const uses: NameUse[] = []
  // Parameter lists and declaration patterns: every name inside is declared.
  const opens: number[] = []
  const declaringOpen: boolean[] = []
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.kind === 'name' && t.text === 'class') return { uses: [], lenient: new Set(tokens.filter((x) => x.kind === 'name').map((x) => x.text)) }
    if (t.kind !== 'punct') continue
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      const prev = tokens[k - 1]
      opens.push(k)
      declaringOpen.push(prev !== undefined && prev.kind === 'name' && (prev.text === 'let' || prev.text === 'const' || prev.text === 'var' || prev.text === 'catch' || prev.text === 'function'))
    } else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const from = opens.pop()
      const declaring = declaringOpen.pop()
      if (from === undefined) continue
      const next = tokens[k + 1]
      const beforeOpen = tokens[from - 1]
      const params = t.text === ')' && next !== undefined && (next.text === '=>' ||
        (next.text === '{' && !(beforeOpen !== undefined && beforeOpen.kind === 'name' && CONTROL_WORDS.has(beforeOpen.text))))
      if (declaring || params) for (let j = from + 1; j < k; j++) if (tokens[j]!.kind === 'name' && !tokens[j]!.afterDot) lenient.add(tokens[j]!.text)
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.kind !== 'name' || t.afterDot || !isReferenceCandidate(t.text)) continue
    const prev = tokens[k - 1]
    const next = tokens[k + 1]
    const prevText = prev?.text ?? ''
    if (prev !== undefined && prev.kind === 'name' && DECLARING_WORDS.has(prevText)) {
      lenient.add(t.text)
      continue
    }
    if (prevText === ',' && isDeclarationListAt(tokens, k)) {
      lenient.add(t.text)
      continue
    }
    if (next?.text === '=>') {
      lenient.add(t.text)
      continue
    }
    if (prevText === '++' || prevText === '--' || ASSIGNMENT.test(code.slice(t.end, t.end + 5))) {
      lenient.add(t.text)
      continue
    }
    const startsMember = prev === undefined || prevText === '{' || prevText === ',' || prevText === ';' || prevText === '}'
    if (next?.text === ':' && startsMember) continue // an object key or a label
    if (t.inObject && (prevText === '{' || prevText === ',')) {
      if (next?.text === ',' || next?.text === '}') uses.push({ start: t.start, end: t.end, mode: 'shorthand' })
      continue // a method name (`f() {}`), a default in a pattern (`{ a = 1 }`)…
    }
    if (t.inObject && prevText === '*') continue // a generator method
    if (prevText === '(' && (next?.text === 'in' || next?.text === 'of')) {
      lenient.add(t.text)
      continue
    }
    uses.push({ start: t.start, end: t.end, mode: prevText === 'typeof' && prev?.kind === 'name' ? 'typeof' : 'read' })
  }
  const kept = uses.filter((u) => !lenient.has(code.slice(u.start, u.end)))
  return { uses: kept, lenient }
}

/** True when the `,` before `tokens[k]` continues a `let`/`const`/`var` list at the same depth. */
function isDeclarationListAt(tokens: readonly Token[], k: number): boolean {
  const depth = tokens[k]!.depth
  for (let j = k - 2; j >= 0; j--) {
    const t = tokens[j]!
    if (t.depth < depth) return false
    if (t.depth > depth) continue
    if (t.kind === 'punct' && t.text === ';') return false
    if (t.kind === 'name' && (t.text === 'let' || t.text === 'const' || t.text === 'var')) return true
  }
  return false
}

/**
 * What resolvers return for a name that is neither in the scope nor on
 * `globalThis`. Code compiled here turns a read of it into Appsmith's
 * `ReferenceError: X is not defined` (and `typeof X` into "undefined"); a
 * resolver that returns `undefined` instead keeps the old lenient behaviour.
 */
export const MISSING: unique symbol = Symbol.for('smithlet.missing')
const MISSING_SOURCE = 'Symbol.for("smithlet.missing")'

/** `code` with each checked use rewritten to throw or yield undefined when its name is missing. */
function checkedCode(code: string, uses: readonly NameUse[]): string {
  if (uses.length === 0) return code
  let out = ''
  let at = 0
  for (const use of uses) {
    const name = code.slice(use.start, use.end)
    out += code.slice(at, use.start)
    const thrower = `(() => { throw new ReferenceError(${JSON.stringify(`${name} is not defined`)}) })()`
    if (use.mode === 'typeof') out += `(${name} === $$M ? undefined : ${name})`
    else if (use.mode === 'shorthand') out += `${name}: (${name} !== $$M ? ${name} : ${thrower})`
    // A read that starts a line must not start with "(": after a line without a semicolon
    // (`setInterval(…)` then `setTimeout(…)`) JS would call the previous line's value
    // with it. A call of $$v starts with a name, so the line ends where it did.
    else if (startsLine(code, use.start)) out += `$$v(${name}, ${JSON.stringify(name)})`
    else out += `(${name} !== $$M ? ${name} : ${thrower})`
    at = use.end
  }
  return out + code.slice(at)
}

/** True when only spaces and tabs stand between the previous line break and `at`. */
function startsLine(code: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = code.charCodeAt(i)
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true
    if (c !== 32 && c !== 9) return false
  }
  return false
}

/** The line-start read check (see checkedCode), declared only in bodies that use it. */
const LINE_START_CHECK = 'const $$v = (v, n) => { if (v === $$M) throw new ReferenceError(n + " is not defined"); return v; }; '

// The exact shapes checkedCode writes, so that code read back from a compiled function
// (a JS function's toString, for page-load ordering) can be read as it was written.
const CHECKED_USE = /\(([\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*) (?:!==|===) \$\$M \? (?:\1 : \(\(\) => \{ throw new ReferenceError\("[^"]*"\) \}\)\(\)|undefined : \1)\)|\$\$v\(([\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*), "[^"]*"\)/gu

/** Undoes {@link checkedCode}'s rewrite: `(X !== $$M ? X : …)` reads as `X` again. */
function uncheckedCode(code: string): string {
  return code.includes('$$M') || code.includes('$$v(') ? code.replace(CHECKED_USE, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '') : code
}

/** `let a = $r("a"), b = $r("b"); ` for the given names (with the missing-name sentinel when needed), or '' for none. */
function declarations(names: readonly string[], a?: Pick<Analysis, 'uses' | 'lenient'>, body = ''): string {
  if (names.length === 0) return ''
  let out = 'let '
  for (let k = 0; k < names.length; k++) {
    if (k > 0) out += ', '
    out += `${names[k]} = $r(${JSON.stringify(names[k])})`
  }
  out += '; '
  // After the lets: `Symbol` may be one of them (in its temporal dead zone before).
  if (a === undefined || !needsSentinel(names, a)) return out
  return out + `const $$M = ${MISSING_SOURCE}; ` + (body.includes('$$v(') ? LINE_START_CHECK : '') + lenientFixups(names, a)
}

function needsSentinel(names: readonly string[], a: Pick<Analysis, 'uses' | 'lenient'>): boolean {
  return a.uses.length > 0 || names.some((n) => a.lenient.has(n))
}

/** `if (x === $$M) x = undefined; ` for names read without a check. */
function lenientFixups(names: readonly string[], a: Pick<Analysis, 'lenient'>): string {
  let out = ''
  for (const n of names) if (a.lenient.has(n)) out += `if (${n} === $$M) ${n} = undefined; `
  return out
}

/** The expression for messages: trimmed and cut short. */
function quote(code: string): string {
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
  return { checked: `"use strict"; ${declarations(a.names, a, checked)}return (${checked}\n);`, lenient }
}

/** Every name read without a check: the fallback body. */
function allLenient(names: readonly string[]): Pick<Analysis, 'uses' | 'lenient'> {
  return { uses: [], lenient: new Set(names) }
}

/**
 * The checked body, unless the rewrite made it invalid (a destructuring
 * assignment such as `[a, b] = [b, a]` cannot take checked reads): then the
 * lenient one, where a missing name is undefined. Where `new Function` is
 * forbidden (strict CSP) nothing can be compiled anyway; the checked body is
 * returned.
 */
function preferChecked(checked: string, lenient: string): string {
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
  const seeded = seededExpressions.get(code)
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
function describe(e: unknown): string {
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
  return { checked: wrap(declarations(a.names, a, checked), checked), lenient }
}

/** Compiles the checked body, falling back to the lenient one when only the rewrite is a SyntaxError. */
function compileBodies(bodies: { checked: string; lenient: string }): (this: unknown, $r: Resolver) => unknown {
  try {
    return new Function('$r', bodies.checked) as (this: unknown, $r: Resolver) => unknown
  } catch (e) {
    if (!(e instanceof SyntaxError) || bodies.checked === bodies.lenient) throw e
    return new Function('$r', bodies.lenient) as (this: unknown, $r: Resolver) => unknown
  }
}

const triggerCache = new Map<string, TriggerFn | CompileError>()

/**
 * Compiles a trigger snippet (see {@link triggerSource}) to `(this, $r) =>
 * Promise` (cached per snippet). A throw inside becomes a rejection. Throws
 * {@link CompileError} when the snippet cannot be compiled.
 */
export function compileTrigger(snippet: string): TriggerFn {
  const seeded = seededTriggers.get(snippet)
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

// Functions compiled ahead of time by the esbuild plugin (src/build), by code
// text. Apart from the caches above because they are never evicted: under a
// strict CSP a seeded function that fell out could not be compiled again.
const seededExpressions = new Map<string, CompiledFn>()
const seededTriggers = new Map<string, TriggerFn>()

/** Ahead-of-time compiled functions, keyed by the exact code the runtime compiles. */
export interface SeededFunctions {
  /** Binding expressions (the text between `{{ }}` / `<< >>`), each `function ($r) { <expressionSource(code)> }`. */
  readonly expressions?: Readonly<Record<string, CompiledFn>>
  /** Trigger snippets (an `on-…` attribute's whole value), each `function ($r) { <triggerSource(snippet)> }`. */
  readonly triggers?: Readonly<Record<string, TriggerFn>>
}

/**
 * Pre-seeds {@link compileExpression} and {@link compileTrigger} with functions
 * compiled ahead of time (the `smithlet:compiled` module of the esbuild plugin
 * calls this), so a built app compiles its known bindings without `new
 * Function` and runs under a CSP without `'unsafe-eval'`. Call it before the
 * app is created; later calls add to the seed.
 */
export function seedCompiled(functions: SeededFunctions): void {
  for (const [code, fn] of Object.entries(functions.expressions ?? {})) seededExpressions.set(code, fn)
  for (const [snippet, fn] of Object.entries(functions.triggers ?? {})) seededTriggers.set(snippet, fn)
}

/** Offset range of the object literal in `export default { … }`, or a CompileError. */
function locateObject(source: string, name: string): { open: number; end: number } {
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

/**
 * The symbol under which a compiled JS object carries its name refresher: a
 * non-enumerable function that resolves the object's free names again through
 * the factory's `$r`. Names are first resolved when the factory runs; an
 * entity defined later (a widget registered on mount, a JS object created
 * after this one) is `undefined` until the runtime calls the refresher — so
 * call it before each method call for Appsmith's "sees the live data tree"
 * behaviour. Present only when the object has free names.
 */
export const RESOLVE_NAMES: unique symbol = Symbol.for('smithlet.resolveNames')
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
    return `"use strict"; ${declarations(names, info, text)}return Object.defineProperty((${text}), Symbol.for(${RESOLVE_NAMES_KEY}), { value: () => { ${refresh}} });`
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

/**
 * Engines rarely say where a `new Function` body fails (V8 never does), so
 * compile the object's top-level properties one at a time and blame the first
 * that fails on its own. Runs only on the error path.
 */
function diagnose(source: string, name: string, error: unknown): CompileError {
  const prefix = `JS object ${JSON.stringify(name)}`
  if (!(error instanceof SyntaxError)) return new CompileError(`${prefix}: ${describe(error)}`, source, name, undefined, { cause: error })
  const { open } = locateObject(source, name)
  // Property chunks: between the object's braces, split at depth-1 commas.
  const chunks: Array<{ from: number; to: number; first: number; firstEnd: number }> = []
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
  for (const chunk of chunks) {
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

/**
 * Names `code` may read from the scope, in first-use order: the same
 * candidates the compiled function declares. Over-inclusive by design (arrow
 * parameters, object keys, labels): there is no scope analysis.
 */
export function referencedNames(code: string): string[] {
  return analyze(code).names
}

/**
 * Names `code` certainly reads as free references (not keys, parameters or
 * locals), in first-use order. Code the analysis cannot classify (it holds a
 * `class`) gives every candidate, as {@link referencedNames} does.
 */
export function freeReads(code: string): string[] {
  const a = analyze(code)
  if (a.failure !== null) return a.names
  if (a.uses.length === 0 && a.lenient.size === a.names.length && a.names.length > 0) return a.names
  const out = new Set<string>()
  for (const use of a.uses) out.add(code.slice(use.start, use.end))
  return Array.from(out)
}

/**
 * Member paths read as `X.data`, `X.fn.data` (also through `?.`), for
 * ordering page-load actions: `getusers_API.data.results` gives
 * `{ entity: 'getusers_API', path: 'getusers_API' }`,
 * `Auth_Module.getAccessToken.data` gives `{ entity: 'Auth_Module', path:
 * 'Auth_Module.getAccessToken' }`. Only the first `.data` of a chain counts
 * (`Q.data.data` is Q's). Deduplicated by path, first-use order.
 */
export function dataReferences(source: string): DataReference[] {
  const code = uncheckedCode(source)
  const out: DataReference[] = []
  const seen = new Set<string>()
  let chain: string[] | null = null // the names of the member chain being read
  let expectName = false // the previous token was `.`/`?.` on that chain
  scan(code, 0, {
    onToken(kind, start, end, _depth, afterDot) {
      if (kind === 'name') {
        const word = code.slice(start, end)
        if (afterDot && chain !== null && expectName) {
          expectName = false
          if (word === 'data') {
            const path = chain.join('.')
            if (!seen.has(path)) {
              seen.add(path)
              out.push({ entity: chain[0], path })
            }
            chain = null
          } else chain.push(word)
          return
        }
        expectName = false
        chain = !afterDot && isReferenceCandidate(word) ? [word] : null
        return
      }
      const isDot = kind === 'punct' && (end - start === 1 ? code.charCodeAt(start) === 46 : code.startsWith('?.', start))
      if (isDot && chain !== null && !expectName) expectName = true
      else {
        chain = null
        expectName = false
      }
    },
  })
  return out
}
