/**
 * The JavaScript words the scanner and the compiler treat specially: keywords that decide
 * what a `/` or `{` means next, and the names that are never a free reference.
 */

/** Keywords after which an expression (so possibly a regex) starts. */
export const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw',
  'case', 'do', 'else', 'yield', 'await', 'extends',
])

/** Keywords after which `{` opens a block rather than an object literal. */
export const BLOCK_KEYWORDS: ReadonlySet<string> = new Set(['else', 'try', 'finally', 'do'])

/** Keywords whose `( … )` is followed by a statement, not an operator. */
export const CONTROL_KEYWORDS: ReadonlySet<string> = new Set(['if', 'while', 'for', 'with'])

/**
 * Names that are never free references to a scope entry: reserved words
 * (including strict-mode ones, since `let public` is a SyntaxError there),
 * literals, and a few contextual keywords that are cheaper to leave out than to
 * resolve. `undefined`, `NaN` and `Infinity` are globals no app should shadow.
 */
const NON_REFERENCE_NAMES: ReadonlySet<string> = new Set([
  'true', 'false', 'null', 'undefined', 'NaN', 'Infinity', 'this', 'typeof', 'new',
  'void', 'delete', 'in', 'of', 'instanceof', 'return', 'function', 'class', 'const',
  'let', 'var', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'default',
  'break', 'continue', 'try', 'catch', 'finally', 'throw', 'yield', 'await', 'async',
  'import', 'export', 'super', 'arguments', 'eval', 'debugger', 'with', 'enum',
  'static', 'get', 'set', 'extends', 'implements', 'interface', 'package', 'private',
  'protected', 'public',
])

/** True when a name token (not after `.`) may be a free reference: not a keyword or literal, not `$r`. */
export function isReferenceCandidate(name: string): boolean {
  return name !== '$r' && !NON_REFERENCE_NAMES.has(name)
}
