/**
 * What the devtools panel never shows: secrets.
 *
 * The panel renders live values of the whole data tree, and the data tree holds tokens
 * (`appsmith.store.authAccessToken`), headers that carry them (`Authorization`) and
 * responses that echo them. A value is masked when
 *
 * - it is stored under a secret store key (the auth module's keys, plus any the host adds),
 * - it is a header value (request headers of a query, response headers),
 * - or it is a string that contains a current secret, or is a piece (≥ 6 characters) of one.
 *
 * A masked value shows its length only. The check runs on every rendered leaf: the set of
 * secrets changes while the panel is open (a refresh rotates the tokens).
 */

import { SECRET_STORE_KEYS } from '../src/redact'

/** Store keys whose values are secrets wherever they appear (the runtime's list). */
export { SECRET_STORE_KEYS }

/** Shortest piece of a secret that counts as the secret (the project's leak rule). */
const MIN_PIECE = 6

/** A masked value as the panel shows it. */
export interface MaskedValue {
  readonly masked: true
  /** Characters in the hidden value (strings) or in its JSON form (anything else). */
  readonly length: number
}

/** Decides what is secret. */
export interface SecretRules {
  /** Store keys whose values are secret. */
  readonly secretKeys: ReadonlySet<string>
  /** The secrets now current (the values under the secret keys); read on every check. */
  readonly secrets: () => readonly string[]
}

/** Rules from a store view: its secret keys' current string values are the secrets. */
export function storeSecretRules(store: Readonly<Record<string, unknown>>, extraKeys: readonly string[] = []): SecretRules {
  const secretKeys = new Set([...SECRET_STORE_KEYS, ...extraKeys])
  return {
    secretKeys,
    secrets: () => {
      const out: string[] = []
      for (const key of secretKeys) {
        const value = store[key]
        if (typeof value === 'string' && value.length >= MIN_PIECE) out.push(value)
      }
      return out
    },
  }
}

/** True when `path` names a header value (`Q.config.headers.X`, `Q.responseMeta.headers.X`). */
export function isHeaderPath(path: readonly string[]): boolean {
  for (let i = 0; i < path.length - 1; i++) if (path[i] === 'headers') return true
  return false
}

/** True when `path` is a secret store key or anything under it. */
export function isSecretStorePath(path: readonly string[], rules: SecretRules): boolean {
  return path.length >= 3 && path[0] === 'appsmith' && path[1] === 'store' && rules.secretKeys.has(path[2]!)
}

/** True when `text` holds a current secret, or is a piece of one of at least 6 characters. */
export function containsSecret(text: string, rules: SecretRules): boolean {
  for (const secret of rules.secrets()) {
    if (text.includes(secret)) return true
    if (text.length >= MIN_PIECE && secret.includes(text)) return true
  }
  return false
}

/**
 * The value to show for `value` at `path`: itself, or a {@link MaskedValue}. Objects are
 * masked whole only when their path is secret; their leaves are checked as they render.
 */
export function maskValue(value: unknown, path: readonly string[], rules: SecretRules): unknown {
  if (isSecretStorePath(path, rules) || (isHeaderPath(path) && value !== undefined && value !== null)) {
    return masked(value)
  }
  if (typeof value === 'string' && containsSecret(value, rules)) return masked(value)
  return value
}

/** True for what {@link maskValue} returns in place of a secret. */
export function isMasked(value: unknown): value is MaskedValue {
  return typeof value === 'object' && value !== null && (value as MaskedValue).masked === true && Object.keys(value).length === 2
}

/** The masked form of any value: its length only. */
export function masked(value: unknown): MaskedValue {
  let length = 0
  if (typeof value === 'string') length = value.length
  else {
    try {
      length = JSON.stringify(value)?.length ?? 0
    } catch {
      length = 0
    }
  }
  return Object.freeze({ masked: true as const, length })
}

/**
 * Replaces every secret inside free text (an error message, a URL) by `•••`. For text the
 * panel did not produce itself; the runtime already keeps tokens out of its messages.
 */
export function redactText(text: string, rules: SecretRules): string {
  let out = text
  for (const secret of rules.secrets()) out = out.split(secret).join('•••')
  return out
}
