/**
 * Text validation as Appsmith's input widgets do it: `isRequired`, then `validation`
 * (a boolean, usually a binding), then `regex`. An empty, optional field is valid
 * whatever the rules.
 */

/** The rules of one field. */
export interface TextRules {
  readonly required?: boolean
  /** `false` makes a non-empty value invalid (Appsmith's "Valid" property). */
  readonly validation?: unknown
  /** A pattern, as `^\d+$` or in slash form `/^\d+$/i`; tested unanchored, like Appsmith. */
  readonly regex?: string
}

const cache = new Map<string, RegExp | SyntaxError>()

/**
 * `regex` as a RegExp (slash form `/…/flags` understood; `g`/`y` dropped so `test` has no
 * state), or the SyntaxError that names what is wrong with it. Compiled once per text.
 */
export function compileRegex(source: string): RegExp | SyntaxError {
  let r = cache.get(source)
  if (r === undefined) {
    const slash = /^\/(.+)\/([a-z]*)$/s.exec(source)
    try {
      r = slash ? new RegExp(slash[1], slash[2].replace(/[gy]/g, '')) : new RegExp(source)
    } catch (e) {
      r = e instanceof SyntaxError ? e : new SyntaxError(String(e))
    }
    if (cache.size > 100) cache.clear()
    cache.set(source, r)
  }
  return r
}

/** Whether `text` passes the rules; a broken `regex` fails every non-empty value. */
export function isTextValid(text: string, rules: TextRules): boolean {
  if (text === '') return !rules.required
  if (rules.validation === false || rules.validation === 'false') return false
  if (rules.regex) {
    const r = compileRegex(rules.regex)
    return r instanceof RegExp && r.test(text)
  }
  return true
}

/** The developer-facing problem with `regex`, if it does not compile. */
export function regexError(regex: string | undefined): string | undefined {
  if (!regex) return undefined
  const r = compileRegex(regex)
  return r instanceof RegExp ? undefined : `regex: ${r.message}`
}
