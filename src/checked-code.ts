/**
 * The generated code's declarations and name checks: `let a = $r("a"), …;` for every name
 * the code may read, and the rewrite that turns a read of a name found nowhere into
 * Appsmith's `ReferenceError: X is not defined` (resolvers return MISSING for such names,
 * see ./compiled-code.ts). Text in, text out: the same at build time and at run time.
 */
import type { Analysis, NameUse } from './code-analysis'

/**
 * What generated bodies read besides `$r`: `$$M`, the missing-name sentinel, and `$$v`,
 * the line-start read check (see checkedCode). Declared once where the functions are made
 * — the top of the `smithlet:compiled` module and of each `?jsobject` module, or the closure
 * the run-time compiler wraps each function in, given the same values (functionOf in
 * ./compile-expression.ts) — so that an evaluation neither looks the
 * symbol up in the registry nor allocates the check (about 17 ns a call in V8 otherwise).
 * Outside the body, a `let Symbol = $r("Symbol")` of the code cannot shadow it either.
 */
export const PRELUDE = 'const $$M = Symbol.for("smithlet.missing"), $$v = (v, n) => { if (v === $$M) throw new ReferenceError(n + " is not defined"); return v; };'

/** `function ($r) { <body> }`, the shape `new Function('$r', body)` has; it reads {@link PRELUDE}'s names. */
export function functionText(body: string): string {
  // The newline keeps a trailing `// comment` in the body from swallowing the brace.
  return `function ($r) { ${body}\n}`
}

/** `code` with each checked use rewritten to throw or yield undefined when its name is missing. */
export function checkedCode(code: string, uses: readonly NameUse[]): string {
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

// The exact shapes checkedCode writes, so that code read back from a compiled function
// (a JS function's toString, for page-load ordering) can be read as it was written.
const CHECKED_USE = /\(([\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*) (?:!==|===) \$\$M \? (?:\1 : \(\(\) => \{ throw new ReferenceError\("[^"]*"\) \}\)\(\)|undefined : \1)\)|\$\$v\(([\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*), "[^"]*"\)/gu

/** Undoes {@link checkedCode}'s rewrite: `(X !== $$M ? X : …)` reads as `X` again. */
export function uncheckedCode(code: string): string {
  return code.includes('$$M') || code.includes('$$v(') ? code.replace(CHECKED_USE, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '') : code
}

/** `let a = $r("a"), b = $r("b"); ` for the given names (then the lenient names' fixups), or '' for none. */
export function declarations(names: readonly string[], a?: Pick<Analysis, 'lenient'>): string {
  if (names.length === 0) return ''
  let out = 'let '
  for (let k = 0; k < names.length; k++) {
    if (k > 0) out += ', '
    out += `${names[k]} = $r(${JSON.stringify(names[k])})`
  }
  out += '; '
  return a === undefined ? out : out + lenientFixups(names, a)
}

/** `if (x === $$M) x = undefined; ` for names read without a check. */
export function lenientFixups(names: readonly string[], a: Pick<Analysis, 'lenient'>): string {
  let out = ''
  for (const n of names) if (a.lenient.has(n)) out += `if (${n} === $$M) ${n} = undefined; `
  return out
}

/** Every name read without a check: the fallback body. */
export function allLenient(names: readonly string[]): Pick<Analysis, 'uses' | 'lenient'> {
  return { uses: [], lenient: new Set(names) }
}