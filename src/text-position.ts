/**
 * Positions in text for messages: 1-based line and column of an offset. Its own file so
 * that the runtime (JSON body errors, page HTML) can say where without the scanner.
 */
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
