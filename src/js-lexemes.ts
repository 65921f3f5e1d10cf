/**
 * JavaScript's character classes (spaces, line terminators, identifier characters) and
 * the literals the scanner skips whole (quoted strings, regular expressions, numbers).
 * Each lexer returns the offset just past its literal, or -1 when it is unterminated.
 */

export function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029
}

export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

const ID_START = /^\p{ID_Start}$/u
const ID_CONTINUE = /^[\p{ID_Continue}\u200C\u200D]$/u

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

export function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95
}

/** Length (1 or 2) of the identifier-start code point at `i`, or 0. */
export function idStartLength(src: string, i: number): number {
  const c = src.charCodeAt(i)
  if (c < 128) return isAsciiIdStart(c) ? 1 : 0
  if (Number.isNaN(c)) return 0 // past the end
  const cp = src.codePointAt(i)!
  return ID_START.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0
}

/** Length (1 or 2) of the identifier-part code point at `i`, or 0. */
export function idPartLength(src: string, i: number): number {
  const c = src.charCodeAt(i)
  if (c < 128) return isAsciiIdStart(c) || isDigit(c) ? 1 : 0
  if (Number.isNaN(c)) return 0 // past the end
  const cp = src.codePointAt(i)!
  return ID_CONTINUE.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0
}

export function identifierEnd(src: string, i: number): number {
  const n = src.length
  while (i < n) {
    const len = idPartLength(src, i)
    if (len === 0) break
    i += len
  }
  return i
}

/** Offset just past the quoted string whose quote is at `i`, or -1. A raw line break ends it with an error, as in JS; a backslash-newline continues it. */
export function quotedStringEnd(src: string, i: number): number {
  const quote = src.charCodeAt(i)
  const n = src.length
  let j = i + 1
  for (;;) {
    if (j >= n) return -1
    const d = src.charCodeAt(j)
    if (d === quote) return j + 1
    if (d === 10 || d === 13) return -1
    if (d === 92) j += src.charCodeAt(j + 1) === 13 && src.charCodeAt(j + 2) === 10 ? 3 : 2
    else j++
  }
}

/** Offset just past the regular-expression literal (flags included) whose `/` is at `i`, or -1. */
export function regexEnd(src: string, i: number): number {
  const n = src.length
  let j = i + 1
  let inClass = false
  for (;;) {
    if (j >= n) return -1
    const d = src.charCodeAt(j)
    if (isLineTerminator(d)) return -1
    if (d === 92) {
      if (j + 1 < n && isLineTerminator(src.charCodeAt(j + 1))) return -1
      j += 2
      continue
    }
    j++
    if (d === 91) inClass = true
    else if (d === 93) inClass = false
    else if (d === 47 && !inClass) break
  }
  return identifierEnd(src, j) // flags
}

/** Offset just past the numeric literal starting at `i` (a digit, or `.` before one). */
export function numberEnd(src: string, i: number): number {
  const c = src.charCodeAt(i)
  const hex = c === 48 && (src.charCodeAt(i + 1) | 32) === 120
  const n = src.length
  let j = i + 1
  while (j < n) {
    const d = src.charCodeAt(j)
    if (isDigit(d) || isAsciiIdStart(d) || d === 46) j++
    else if ((d === 43 || d === 45) && !hex && (src.charCodeAt(j - 1) | 32) === 101) j++
    else break
  }
  return j
}
