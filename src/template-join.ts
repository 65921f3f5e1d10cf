/**
 * How an evaluated template's parts become text — the one place for it. A binding in
 * plain text follows Appsmith's rule ({@link stringifyForText}); a query's URL refuses
 * objects ({@link joinScalarText}); a JSON body substitutes by position
 * ({@link smartJsonBody}). Evaluation itself is in ./template-compile.ts.
 */
import { BindingError } from './errors'

/** One segment of an evaluated template: literal text, or a binding's value. */
export interface TemplatePart {
  readonly expr: boolean
  readonly value: unknown
}

/** Appsmith's rule for a binding inside text: null and undefined vanish, objects become JSON. */
export function stringifyForText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') {
    if (value instanceof BindingError) throw value
    return JSON.stringify(value)
  }
  return String(value)
}

/** The parts joined by Appsmith's text rule (a template with text around its bindings). */
export function joinText(parts: readonly TemplatePart[]): string {
  let out = ''
  for (const part of parts) out += stringifyForText(part.value)
  return out
}

/**
 * The parts joined as text, or `null` when a binding evaluated to an object: where the
 * text is a URL, `[object Object]` or a JSON blob is never what was meant.
 */
export function joinScalarText(parts: readonly TemplatePart[]): string | null {
  let out = ''
  for (const part of parts) {
    if (part.expr && part.value !== null && typeof part.value === 'object') return null
    out += stringifyForText(part.value)
  }
  return out
}

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
