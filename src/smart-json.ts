/**
 * JSON body checks: whether a substituted body parses, and where it stops being JSON.
 * (How a body's parts are joined is in ./template-join.ts.)
 */
import { lineColumn } from './text-position'

/**
 * Checks that a body parses as JSON. The error names the line and column only: the
 * body may hold secrets, so none of its text goes into the message.
 */
export function assertJson(body: string): void {
  try {
    JSON.parse(body)
  } catch {
    // V8's own message quotes the text, so find the offset ourselves.
    const { line, column } = lineColumn(body, jsonErrorOffset(body))
    throw new SyntaxError(`the JSON body is not valid JSON after substitution, at line ${line}, column ${column}`)
  }
}

/** The offset of the first character that makes `text` invalid JSON (a small recursive descent). */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length
    else fail()
  }
  const string = (): void => {
    i++
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i)
      if (c < 0x20) fail()
      if (text[i] === '\\') {
        i++
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail()
          i += 4
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail()
      }
      i++
    }
    if (i >= text.length) fail()
    i++
  }
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (match === null || match[0] === '' || match[0] === '-') fail()
    i += match![0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail()
        string()
        ws()
        if (text[i] !== ':') fail()
        i++
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail()
      }
    } else if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail()
      }
    } else if (c === '"') string()
    else if (c === 't') literal('true')
    else if (c === 'f') literal('false')
    else if (c === 'n') literal('null')
    else number()
  }
  try {
    value()
    ws()
    return i < text.length ? i : -1
  } catch (offset) {
    return offset as number
  }
}
