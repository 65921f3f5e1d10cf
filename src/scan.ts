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
 * No dependencies, so the same file serves the run-time compiler and the esbuild plugin
 * (a build that compiled everything ahead of time ships neither). Character classes and
 * whole literals are lexed in ./js-lexemes.ts, keywords are in ./js-words.ts.
 *
 * Over 300 lines for a reason: `scan` is one state machine (bracket stack, regex-or-divide,
 * block-or-object, template nesting), and its states read best in one place.
 */
import { identifierEnd, idStartLength, isDigit, isLineTerminator, isSpace, numberEnd, quotedStringEnd, regexEnd } from './js-lexemes'
import { BLOCK_KEYWORDS, CONTROL_KEYWORDS, EXPRESSION_KEYWORDS } from './js-words'
import { formatPosition } from './text-position'
import type { ScanErrorReason, ScanFailure, ScanOptions, ScanResult, TokenKind } from './scan-types'

export { isReferenceCandidate } from './js-words'
export { formatPosition, lineColumn } from './text-position'

export type { ScanErrorReason, ScanFailure, ScanOptions, ScanResult, ScanSuccess, TokenKind, TokenVisitor } from './scan-types'

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
        const j = regexEnd(src, i)
        if (j < 0) return fail(src, 'unterminated-regex', 'Unterminated regular expression', i)
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
      const j = quotedStringEnd(src, i)
      if (j < 0) return fail(src, 'unterminated-string', 'Unterminated string literal', i)
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
      const j = numberEnd(src, i)
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
