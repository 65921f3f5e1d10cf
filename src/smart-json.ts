import { stringifyForText, type TemplatePart } from './template-compile'
import { lineColumn } from './scan'

/**
 * Appsmith's "smart JSON substitution": joins an evaluated JSON body template so that
 * a binding in value position becomes `JSON.stringify(value)` (its type comes from
 * the value, never from the text; `undefined` becomes `null`), and a binding inside a
 * JSON string is escaped into that string. The seed's unquoted
 * `{"refresh_token": {{appsmith.store.authRefreshToken}}}` therefore sends a string.
 */
export function smartJsonBody(input: readonly TemplatePart[]): string {
  let parts = input
  let out = ''
  // Whether the text so far leaves us inside a JSON string literal.
  let inString = false
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!
    if (part.expr && inString && out.endsWith('"') && isQuoteOnlyBefore(out) && startsWithQuote(parts[k + 1])) {
      // `"{{ x }}"`, a string that is exactly one binding: Appsmith drops the quotes and
      // writes the value as JSON, typed by the value (`"{{ 5 }}"` sends 5).
      out = out.slice(0, -1) + jsonValue(part.value)
      const next = parts[k + 1]!
      parts = [...parts.slice(0, k + 1), { expr: false, value: (next.value as string).slice(1) }, ...parts.slice(k + 2)]
      inString = false
      continue
    }
    if (!part.expr) {
      const text = part.value as string
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]
        if (inString && ch === '\\') i++
        else if (ch === '"') inString = !inString
      }
      out += text
    } else if (inString) {
      out += JSON.stringify(stringifyForText(part.value)).slice(1, -1)
    } else {
      out += jsonValue(part.value)
    }
  }
  return out
}

/** True when the `"` that ends `out` opens a string (it is not an escaped quote inside one). */
function isQuoteOnlyBefore(out: string): boolean {
  let backslashes = 0
  for (let i = out.length - 2; i >= 0 && out[i] === '\\'; i--) backslashes++
  return backslashes % 2 === 0
}

function startsWithQuote(part: TemplatePart | undefined): boolean {
  return part !== undefined && !part.expr && (part.value as string).startsWith('"')
}

function jsonValue(value: unknown): string {
  if (typeof value === 'bigint') throw new TypeError('a BigInt cannot be written as JSON')
  return JSON.stringify(value) ?? 'null'
}

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
