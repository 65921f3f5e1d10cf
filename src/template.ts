/**
 * Binding templates: text with `{{ expr }}` or `<< expr >>` bindings, as in an
 * Appsmith property (`Token valid for {{Auth_Module.secondsLeft}} s`).
 *
 * The two syntaxes mean the same thing. Where a binding ends is found by the
 * JS-aware scanner in ./scan.ts, not by counting braces:
 *
 * - `{{ … }}` ends at the first `}}` at bracket depth 0 outside strings,
 *   template literals, comments and regex literals, so object literals work
 *   (`{{ {a: {b: 1}} }}`) and `{{ "}}" }}` is the string `"}}"`.
 * - `<< … >>` ends at the first `>>` at depth 0 outside strings etc. A shift
 *   operator at depth 0 therefore closes the binding: write shifts in
 *   parentheses, `<< (a >> 1) >>`, `<< (a >>> 0) >>`.
 * - A `//` line comment at depth 0 runs to the end of the line or to the
 *   closer, whichever comes first, so `{{ a // why }}` closes as it reads. A
 *   block comment hides a closer: `{{ a /* }} *\/ }}` is one binding.
 * - There is no escape for the openers in text: write `{{ "<<" }}` or
 *   `{{ "{{" }}` for a literal `<<` or `{{`.
 *
 * A template whose text, minus leading and trailing whitespace, is exactly one
 * binding is `single`: its value keeps the binding's type (as in Appsmith,
 * which trims before deciding). Otherwise the parts are joined into a string
 * (that rule lives with evaluation, in ./template-compile.ts).
 */
import { formatPosition, scanExpressionEnd } from './scan'

/** Literal text between bindings. */
export interface TextSegment {
  readonly kind: 'text'
  readonly text: string
}

/**
 * One binding. `code` is the exact text between the delimiters (not trimmed);
 * `start` is the offset of the opening delimiter in the template, so the code
 * begins at `start + 2`.
 */
export interface ExprSegment {
  readonly kind: 'expr'
  readonly code: string
  readonly start: number
  readonly syntax: '{{' | '<<'
}

/** A piece of a parsed template. */
export type Segment = TextSegment | ExprSegment

/** A template that failed to parse; `position` is a 0-based offset and `message` names its line:column. */
export interface TemplateParseError {
  readonly message: string
  readonly position: number
}

/** The result of {@link parseTemplate}. */
export type ParsedTemplate =
  | { readonly ok: true; readonly segments: Segment[]; readonly single: boolean }
  | { readonly ok: false; readonly error: TemplateParseError }

/** The closing delimiter for each opening one. */
export const CLOSER = { '{{': '}}', '<<': '>>' } as const

/** True when `text` contains a binding opener (`{{` or `<<`); a cheap pre-check, it does not parse. */
export function hasBinding(text: string): boolean {
  return typeof text === 'string' && (text.includes('{{') || text.includes('<<'))
}

/** Offset of the next `{{` or `<<` at or after `from`, or -1. */
function nextOpener(text: string, from: number): number {
  const n = text.length - 1
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i)
    if ((c === 123 || c === 60) && text.charCodeAt(i + 1) === c) return i
  }
  return -1
}

function isBlank(text: string): boolean {
  return text.trim().length === 0
}

/**
 * Splits a template into text and binding segments. Never throws: a binding
 * that is unterminated, has unbalanced brackets, or holds an unterminated
 * string, template, comment or regex yields `{ ok: false, error }` with the
 * offending position. A blank binding (`{{ }}`) is valid and evaluates to
 * undefined; an empty one (`{{}}`) is text, as in Appsmith. Text without
 * bindings is one text segment.
 */
export function parseTemplate(text: string): ParsedTemplate {
  if (typeof text !== 'string') {
    return { ok: false, error: { message: `A template must be a string, got ${typeof text}`, position: 0 } }
  }
  try {
    return parse(text)
  } catch (e) {
    // Defensive: the scanner is written not to throw, but a template parse
    // must never take the page down.
    return { ok: false, error: { message: `Cannot parse template: ${String(e)}`, position: 0 } }
  }
}

function parse(text: string): ParsedTemplate {
  const segments: Segment[] = []
  let exprCount = 0
  let blankText = true
  // `textStart`: where the pending literal text begins; `from`: where to look for an opener.
  let textStart = 0
  let from = 0
  const pushText = (end: number): void => {
    if (end <= textStart) return
    const t = text.slice(textStart, end)
    segments.push({ kind: 'text', text: t })
    if (blankText && !isBlank(t)) blankText = false
  }
  for (;;) {
    const open = nextOpener(text, from)
    if (open < 0) break
    const syntax = text.charCodeAt(open) === 123 ? '{{' : '<<'
    const closer = CLOSER[syntax]
    if (syntax === '<<' && !text.includes('>>', open + 2)) {
      // "<< Back" on a button: a `<<` that nothing closes is text, not a broken binding.
      // (A `{{` that nothing closes stays an error: it is never plain text in Appsmith.)
      from = open + 2
      continue
    }
    const r = scanExpressionEnd(text, open + 2, closer)
    if (!r.ok) {
      const message = r.reason === 'missing-closer'
        ? `Unterminated binding: "${syntax}" at ${formatPosition(text, open)} has no closing "${closer}"`
        : `${r.message} in the binding at ${formatPosition(text, open)}`
      return { ok: false, error: { message, position: r.reason === 'missing-closer' ? open : r.position } }
    }
    if (r.end === open + 2 && syntax === '{{') {
      // `{{}}` with nothing inside is text in Appsmith (its empty snippet is never
      // evaluated); `{{ }}` is a binding that evaluates to undefined.
      from = open + 4
      continue
    }
    pushText(open)
    segments.push({ kind: 'expr', code: text.slice(open + 2, r.end), start: open, syntax })
    exprCount++
    from = textStart = r.end + 2
  }
  if (textStart < text.length || segments.length === 0) {
    const t = text.slice(textStart)
    segments.push({ kind: 'text', text: t })
    if (blankText && !isBlank(t)) blankText = false
  }
  return { ok: true, segments, single: exprCount === 1 && blankText }
}
