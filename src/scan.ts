/**
 * A small JavaScript-aware scanner: just enough lexing to find where a binding
 * ends and which names an expression may read, without a full parser.
 *
 * It understands single- and double-quoted strings with escapes, template
 * literals with nested `${ … }` (which may hold strings, templates and braces),
 * line and block comments, regular-expression literals, and bracket nesting
 * `()[]{}`. Whether a `/` starts a regex or is a division is decided by the
 * previous significant token, as JS engines do for the common cases: after a
 * value (a name, number, string, `)`, `]`, an object literal's `}`, `++`/`--`)
 * it divides; after an operator, an opening bracket, `,`, `;`, a block's `}`,
 * `=>`, the `)` of `if (…)`/`while (…)`/`for (…)`, or an expression keyword such
 * as `return` or `typeof`, it starts a regex.
 *
 * Nothing here throws on any input: problems are returned as {@link ScanFailure}.
 * No dependencies, so the same file serves the runtime and the esbuild plugin.
 */

/** A kind of significant token reported to a {@link TokenVisitor}. */
export type TokenKind = 'name' | 'private' | 'number' | 'string' | 'template' | 'regex' | 'punct'

/**
 * Receives each significant token (comments and whitespace are skipped) in
 * source order. `depth` is the bracket depth after the token (an opener counts
 * itself, a closer does not); `afterDot` is true for a name that follows `.` or
 * `?.`, i.e. a property name rather than a reference.
 */
export type TokenVisitor = (
  kind: TokenKind,
  start: number,
  end: number,
  depth: number,
  afterDot: boolean,
  /** True when the innermost open bracket is an object literal's `{`. */
  inObject: boolean,
) => void

/** Options for {@link scan}. */
export interface ScanOptions {
  /** Stop at the first occurrence of this text at bracket depth 0 in code (not in a string, comment…). */
  readonly closer?: string
  /** Stop right after the first bracket group opened at depth 0 closes. */
  readonly group?: boolean
  /** Called for every significant token. */
  readonly onToken?: TokenVisitor
}

/** Why a scan failed. */
export type ScanErrorReason =
  | 'unterminated-string'
  | 'unterminated-template'
  | 'unterminated-comment'
  | 'unterminated-regex'
  | 'unexpected-closer'
  | 'mismatched-closer'
  | 'unclosed-bracket'
  | 'missing-closer'

/** A failed scan: `position` is a 0-based offset into the scanned text; `message` includes its line:column. */
export interface ScanFailure {
  readonly ok: false
  readonly reason: ScanErrorReason
  readonly message: string
  readonly position: number
}

/**
 * A successful scan. `end` is the offset of the closer when one was asked for,
 * the offset just past the group when `group` was set, else the text's length.
 */
export interface ScanSuccess {
  readonly ok: true
  readonly end: number
}

/** The result of {@link scan}. */
export type ScanResult = ScanSuccess | ScanFailure

// Bracket-stack entries. A `{` is a block or an object literal (it decides
// what a `/` after its `}` means); a `(` after if/while/for/with is a control
// paren (a `/` after its `)` starts a regex); TEMPLATE is a `${` whose `}`
// resumes the template literal.
const PAREN = 1
const CONTROL_PAREN = 2
const BRACKET = 3
const OBJECT = 4
const BLOCK = 5
const TEMPLATE = 6

/** Keywords after which an expression (so possibly a regex) starts. */
const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw',
  'case', 'do', 'else', 'yield', 'await', 'extends',
])

/** Keywords after which `{` opens a block rather than an object literal. */
const BLOCK_KEYWORDS: ReadonlySet<string> = new Set(['else', 'try', 'finally', 'do'])

/** Keywords whose `( … )` is followed by a statement, not an operator. */
const CONTROL_KEYWORDS: ReadonlySet<string> = new Set(['if', 'while', 'for', 'with'])

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

/** 1-based line and column (in UTF-16 code units) of `position` in `text`. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(position, 0), text.length)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/** `"line:column"` of `position` in `text`, for error messages. */
export function formatPosition(text: string, position: number): string {
  const { line, column } = lineColumn(text, position)
  return `${line}:${column}`
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029
}

function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

const ID_START = /^\p{ID_Start}$/u
const ID_CONTINUE = /^[\p{ID_Continue}\u200C\u200D]$/u

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95
}

/** Length (1 or 2) of the identifier-start code point at `i`, or 0. */
function idStartLength(src: string, i: number): number {
  const c = src.charCodeAt(i)
  if (c < 128) return isAsciiIdStart(c) ? 1 : 0
  if (Number.isNaN(c)) return 0 // past the end
  const cp = src.codePointAt(i)!
  return ID_START.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0
}

/** Length (1 or 2) of the identifier-part code point at `i`, or 0. */
function idPartLength(src: string, i: number): number {
  const c = src.charCodeAt(i)
  if (c < 128) return isAsciiIdStart(c) || isDigit(c) ? 1 : 0
  if (Number.isNaN(c)) return 0 // past the end
  const cp = src.codePointAt(i)!
  return ID_CONTINUE.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0
}

function identifierEnd(src: string, i: number): number {
  const n = src.length
  while (i < n) {
    const len = idPartLength(src, i)
    if (len === 0) break
    i += len
  }
  return i
}

function fail(src: string, reason: ScanErrorReason, what: string, position: number): ScanFailure {
  return { ok: false, reason, message: `${what} at ${formatPosition(src, position)}`, position }
}

function bracketChar(kind: number): string {
  return kind === BRACKET ? '[' : kind === OBJECT || kind === BLOCK ? '{' : kind === TEMPLATE ? '${' : '('
}

/**
 * Walks JavaScript source from `start`, skipping strings, template literals,
 * comments and regex literals, and tracking bracket nesting. Stops at
 * `options.closer` at depth 0, after the first group when `options.group` is
 * set, or at the end of the text. Inside a line comment at depth 0 the closer
 * still ends the scan, so `{{ a // note }}` closes where a reader expects.
 * Never throws.
 */
export function scan(src: string, start: number, options: ScanOptions = {}): ScanResult {
  const { closer, group = false, onToken } = options
  const closer0 = closer ? closer.charCodeAt(0) : -1
  const n = src.length
  const kinds: number[] = []
  const openedAt: number[] = []
  let i = start
  let regexAllowed = true // a `/` here starts a regex
  let braceIsBlock = false // a `{` here opens a block
  let afterDot = false // the previous token was `.` or `?.`
  let parenIsControl = false // a `(` here belongs to if/while/for/with

  const emit = (kind: TokenKind, s: number, e: number, dot: boolean) => {
    if (onToken) onToken(kind, s, e, kinds.length, dot, kinds[kinds.length - 1] === OBJECT)
  }

  // Scans template-literal text from `j` (just after `` ` `` or a `${…}`'s `}`).
  // Returns the offset after the closing backtick, or -(offset after `${`) - 1
  // when a substitution begins, or null at end of input.
  const templateChunk = (j: number): number | null => {
    while (j < n) {
      const c = src.charCodeAt(j)
      if (c === 92) j += 2
      else if (c === 96) return j + 1
      else if (c === 36 && src.charCodeAt(j + 1) === 123) return -(j + 2) - 1
      else j++
    }
    return null
  }

  // Emits a template chunk found by templateChunk and moves past it; shared by
  // the opening backtick and a substitution's closing `}`.
  const afterTemplateChunk = (chunkStart: number, r: number, backtick: number): void => {
    if (r >= 0) {
      emit('template', chunkStart, r, false)
      i = r
      regexAllowed = false
      braceIsBlock = false
    } else {
      const e = -r - 1
      kinds.push(TEMPLATE)
      openedAt.push(backtick)
      emit('template', chunkStart, e, false)
      i = e
      regexAllowed = true
      braceIsBlock = false
    }
  }

  while (i < n) {
    const c = src.charCodeAt(i)
    if (isSpace(c)) {
      i++
      continue
    }
    if (c === closer0 && kinds.length === 0 && src.startsWith(closer!, i)) return { ok: true, end: i }

    const dot: boolean = afterDot
    afterDot = false
    const control: boolean = parenIsControl
    parenIsControl = false

    if (c === 47 /* / */) {
      const next = src.charCodeAt(i + 1)
      if (next === 47) {
        // Line comment: to the end of the line, or to the closer at depth 0.
        let j = i + 2
        while (j < n) {
          const d = src.charCodeAt(j)
          if (isLineTerminator(d)) break
          if (d === closer0 && kinds.length === 0 && src.startsWith(closer!, j)) break
          j++
        }
        i = j
        afterDot = dot
        parenIsControl = control
        continue
      }
      if (next === 42) {
        const close = src.indexOf('*/', i + 2)
        if (close < 0) return fail(src, 'unterminated-comment', 'Unterminated comment', i)
        i = close + 2
        afterDot = dot
        parenIsControl = control
        continue
      }
      if (regexAllowed) {
        let j = i + 1
        let inClass = false
        for (;;) {
          if (j >= n) return fail(src, 'unterminated-regex', 'Unterminated regular expression', i)
          const d = src.charCodeAt(j)
          if (isLineTerminator(d)) return fail(src, 'unterminated-regex', 'Unterminated regular expression', i)
          if (d === 92) {
            if (j + 1 < n && isLineTerminator(src.charCodeAt(j + 1))) {
              return fail(src, 'unterminated-regex', 'Unterminated regular expression', i)
            }
            j += 2
            continue
          }
          j++
          if (d === 91) inClass = true
          else if (d === 93) inClass = false
          else if (d === 47 && !inClass) break
        }
        j = identifierEnd(src, j) // flags
        emit('regex', i, j, dot)
        i = j
        regexAllowed = false
        braceIsBlock = false
        continue
      }
      emit('punct', i, i + 1, dot)
      i++
      regexAllowed = true
      braceIsBlock = false
      continue
    }

    if (c === 39 || c === 34) {
      // Quoted string. A raw line break ends it with an error, as in JS; a
      // backslash-newline is a line continuation.
      let j = i + 1
      for (;;) {
        if (j >= n) return fail(src, 'unterminated-string', 'Unterminated string literal', i)
        const d = src.charCodeAt(j)
        if (d === c) {
          j++
          break
        }
        if (d === 10 || d === 13) return fail(src, 'unterminated-string', 'Unterminated string literal', i)
        if (d === 92) j += src.charCodeAt(j + 1) === 13 && src.charCodeAt(j + 2) === 10 ? 3 : 2
        else j++
      }
      emit('string', i, j, dot)
      i = j
      regexAllowed = false
      braceIsBlock = false
      continue
    }

    if (c === 96 /* ` */) {
      const r = templateChunk(i + 1)
      if (r === null) return fail(src, 'unterminated-template', 'Unterminated template literal', i)
      afterTemplateChunk(i, r, i)
      continue
    }

    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      const hex = c === 48 && (src.charCodeAt(i + 1) | 32) === 120
      let j = i + 1
      while (j < n) {
        const d = src.charCodeAt(j)
        if (isDigit(d) || isAsciiIdStart(d) || d === 46) j++
        else if ((d === 43 || d === 45) && !hex && (src.charCodeAt(j - 1) | 32) === 101) j++
        else break
      }
      emit('number', i, j, dot)
      i = j
      regexAllowed = false
      braceIsBlock = false
      continue
    }

    const idLen = idStartLength(src, i)
    if (idLen > 0) {
      const j = identifierEnd(src, i + idLen)
      emit('name', i, j, dot)
      if (dot) {
        // A property name, even `a.return`, is a value.
        regexAllowed = false
        braceIsBlock = false
      } else {
        // Keywords are short and lowercase; skip the slice for other names.
        const word = j - i <= 10 && c >= 97 && c <= 122 ? src.slice(i, j) : ''
        regexAllowed = EXPRESSION_KEYWORDS.has(word)
        braceIsBlock = BLOCK_KEYWORDS.has(word)
        parenIsControl = CONTROL_KEYWORDS.has(word)
      }
      i = j
      continue
    }

    if (c === 35 /* # */ && idStartLength(src, i + 1) > 0) {
      const j = identifierEnd(src, i + 1)
      emit('private', i, j, dot)
      i = j
      regexAllowed = false
      braceIsBlock = false
      continue
    }

    if (c === 40 || c === 91 || c === 123) {
      const kind = c === 40 ? (control ? CONTROL_PAREN : PAREN) : c === 91 ? BRACKET : braceIsBlock ? BLOCK : OBJECT
      kinds.push(kind)
      openedAt.push(i)
      emit('punct', i, i + 1, dot)
      i++
      regexAllowed = true
      braceIsBlock = kind === BLOCK
      continue
    }

    if (c === 41 || c === 93 || c === 125) {
      const ch = String.fromCharCode(c)
      if (kinds.length === 0) return fail(src, 'unexpected-closer', `Unexpected "${ch}"`, i)
      const top = kinds[kinds.length - 1]
      if (c === 125 && top === TEMPLATE) {
        kinds.pop()
        const backtick = openedAt.pop()!
        const r = templateChunk(i + 1)
        if (r === null) return fail(src, 'unterminated-template', 'Unterminated template literal', backtick)
        afterTemplateChunk(i, r, backtick)
        continue
      }
      const matches = c === 41 ? top === PAREN || top === CONTROL_PAREN : c === 93 ? top === BRACKET : top === OBJECT || top === BLOCK
      if (!matches) {
        const open = openedAt[openedAt.length - 1]
        return fail(
          src,
          'mismatched-closer',
          `Expected "${top === TEMPLATE ? '}' : closingChar(top)}" to close "${bracketChar(top)}" at ${formatPosition(src, open)} but found "${ch}"`,
          i,
        )
      }
      kinds.pop()
      openedAt.pop()
      emit('punct', i, i + 1, dot)
      i++
      regexAllowed = top === CONTROL_PAREN || top === BLOCK
      braceIsBlock = top === PAREN || top === CONTROL_PAREN || top === BLOCK
      if (group && kinds.length === 0) return { ok: true, end: i }
      continue
    }

    // Punctuators. Only the multi-character ones that change what follows are
    // tokenized whole: `...`, `?.`, `=>`, `++`, `--`.
    const next = src.charCodeAt(i + 1)
    if (c === 46 /* . */) {
      if (next === 46 && src.charCodeAt(i + 2) === 46) {
        emit('punct', i, i + 3, dot)
        i += 3
        regexAllowed = true
        braceIsBlock = false
        continue
      }
      emit('punct', i, i + 1, dot)
      i++
      afterDot = true
      regexAllowed = false
      braceIsBlock = false
      continue
    }
    if (c === 63 /* ? */ && next === 46 && !isDigit(src.charCodeAt(i + 2))) {
      emit('punct', i, i + 2, dot)
      i += 2
      afterDot = true
      regexAllowed = false
      braceIsBlock = false
      continue
    }
    if (c === 61 /* = */ && next === 62 /* > */) {
      emit('punct', i, i + 2, dot)
      i += 2
      regexAllowed = true
      braceIsBlock = true
      continue
    }
    if ((c === 43 || c === 45) && next === c) {
      emit('punct', i, i + 2, dot)
      i += 2
      regexAllowed = false // postfix, the common case in expressions
      braceIsBlock = false
      continue
    }
    // Any other character, including ones JS would reject (`@`, `\`, emoji):
    // one punctuator, one code point, so surrogate pairs are never split.
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
    emit('punct', i, i + len, dot)
    i += len
    regexAllowed = true
    braceIsBlock = c === 59 // `;` starts a statement
  }

  if (kinds.length > 0) {
    const top = kinds[kinds.length - 1]
    const open = openedAt[openedAt.length - 1]
    if (top === TEMPLATE) return fail(src, 'unterminated-template', 'Unterminated template literal', open)
    return fail(src, 'unclosed-bracket', `Unclosed "${bracketChar(top)}"`, open)
  }
  if (closer) return fail(src, 'missing-closer', `Missing "${closer}"`, start)
  return { ok: true, end: n }
}

function closingChar(kind: number): string {
  return kind === BRACKET ? ']' : kind === OBJECT || kind === BLOCK ? '}' : ')'
}

/**
 * Offset of the first `closer` (`}}` or `>>`) at bracket depth 0 from `start`,
 * outside strings, templates, comments and regex literals — or a failure
 * (unterminated string, unbalanced bracket, no closer).
 */
export function scanExpressionEnd(src: string, start: number, closer: string): ScanResult {
  return scan(src, start, { closer })
}

/**
 * Offset of the next significant character at or after `i` (skipping
 * whitespace and comments), or a failure for an unterminated block comment.
 */
export function skipTrivia(src: string, i: number): ScanResult {
  const n = src.length
  while (i < n) {
    const c = src.charCodeAt(i)
    if (isSpace(c)) i++
    else if (c === 47 && src.charCodeAt(i + 1) === 47) {
      i += 2
      while (i < n && !isLineTerminator(src.charCodeAt(i))) i++
    } else if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const close = src.indexOf('*/', i + 2)
      if (close < 0) return fail(src, 'unterminated-comment', 'Unterminated comment', i)
      i = close + 2
    } else break
  }
  return { ok: true, end: i }
}
