/**
 * Auth_Module's token shapes, which its JS objects (Main, Refresh, Oidc) call as the
 * library `Tokens`: what a token holds (claims, read with jose), whether store contents
 * are a usable token, what an auth server's answer holds, when a token expires on this
 * device's clock, and the module's typed errors. Pure functions of their arguments (the
 * clock's `now` and the inputs they read are passed in), as modules/auth/oidc-client.ts
 * is for the OIDC path; the orchestration, the store and the queries stay in the JS objects.
 */
import { decodeJwt, type JWTPayload } from 'jose'
import type { ResolvedAuthInputs } from './inputs'

/** An access token, the refresh token when the answer has one, and `expires_in` as sent. */
export interface TokenSet {
  readonly accessToken: string
  readonly refreshToken: string | undefined
  readonly expiresIn: unknown
}

/** An expiry in ms on this device's clock and the token's lifetime in ms; null when unknown. */
export interface TokenExpiry {
  readonly exp: number | null
  readonly lifetime: number | null
}

/** The module's typed error: name `AuthError`, a stable `code`, no token in the message. */
export type AuthError = Error & { code: string; statusCode?: number }

/**
 * Claims of a JWS-compact JWT (strict base64url + UTF-8); null for an encrypted
 * (five-part) or opaque token, or a payload that is not an object.
 */
function readClaims(token: unknown): JWTPayload | null {
  if (typeof token !== 'string' || token.split('.').length !== 3) return null
  try {
    const claims = decodeJwt(token)
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? claims : null
  } catch {
    return null
  }
}

/**
 * A token is usable when it is a non-empty string of token characters that, if it is a
 * three-part JWT, decodes. Truncated or foreign store contents are not.
 */
function isUsableToken(token: unknown): token is string {
  if (typeof token !== 'string' || token.length < 8 || !/^[A-Za-z0-9._~+/=-]+$/.test(token)) return false
  const parts = token.split('.').length
  if (parts === 3) return readClaims(token) !== null
  return parts === 1 || parts === 5
}

/** The answer's tokens under any of the configured field names. */
function readTokens(body: unknown, inputs: Pick<ResolvedAuthInputs, 'accessTokenFields' | 'refreshTokenFields' | 'expiresInField'>): TokenSet {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw authError('invalid_response', "The auth server's answer holds no token object")
  }
  const fields = body as Record<string, unknown>
  const pick = (names: readonly string[]): string | undefined => {
    for (const name of names) {
      const value = fields[name]
      if (typeof value === 'string' && value !== '') return value
    }
    return undefined
  }
  const accessToken = pick(inputs.accessTokenFields)
  if (accessToken === undefined || !isUsableToken(accessToken)) {
    throw authError('invalid_response', `The auth server's answer has no usable access token (looked for ${inputs.accessTokenFields.join(', ')})`)
  }
  return { accessToken, refreshToken: pick(inputs.refreshTokenFields), expiresIn: fields[inputs.expiresInField] }
}

/**
 * When the token expires, in ms on this device's clock, and its lifetime: the earlier of
 * `expires_in` (counted from when the request started) and the JWT's `exp` (skew-corrected
 * by `iat` for a token just obtained), else the TTL input, else unknown (null). A
 * non-numeric or absurd `exp` is unknown, never NaN. `startedAt` is given for a token just
 * obtained; `now` is the clock's time otherwise.
 */
function tokenExpiry(token: unknown, startedAt: unknown, expiresIn: unknown, now: number, ttlSeconds: unknown): TokenExpiry {
  const fresh = typeof startedAt === 'number'
  const from = fresh ? startedAt : now
  const candidates: number[] = []
  let lifetime: number | null = null
  const seconds = Number(expiresIn)
  if (expiresIn !== undefined && expiresIn !== null && expiresIn !== '' && Number.isFinite(seconds) && seconds > 0) {
    candidates.push(from + seconds * 1000)
    lifetime = seconds * 1000
  }
  const claims = readClaims(token)
  if (claims !== null && isEpochSeconds(claims.exp)) {
    const iat = isEpochSeconds(claims.iat) && claims.iat <= claims.exp ? claims.iat : null
    if (!(isEpochSeconds(claims.iat) && iat === null)) {
      // A token just issued was issued about when our request started: exp - iat
      // after that is the expiry on our clock, whatever the server's clock says.
      candidates.push(fresh && iat !== null ? from + (claims.exp - iat) * 1000 : claims.exp * 1000)
      const claimed = iat !== null ? (claims.exp - iat) * 1000 : null
      if (claimed !== null && (lifetime === null || claimed < lifetime)) lifetime = claimed
    }
  }
  if (candidates.length === 0 && Number(ttlSeconds) > 0) {
    candidates.push(from + Number(ttlSeconds) * 1000)
    lifetime = Number(ttlSeconds) * 1000
  }
  if (candidates.length === 0) return { exp: null, lifetime: null }
  return { exp: Math.min(...candidates), lifetime }
}

/** Seconds since 1970 before the year 5138; larger numbers are milliseconds (absurd). */
function isEpochSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1e11
}

/** A token-endpoint body: the module's own fields, then the input's params verbatim. */
function tokenBody(own: Record<string, unknown>, params: Readonly<Record<string, unknown>> | null | undefined): Record<string, unknown> {
  return Object.assign(own, params)
}

/** Network errors, timeouts, 429 and 5xx are worth retrying; anything else is an answer. */
function isTransient(error: unknown): boolean {
  const e = error as { kind?: unknown; statusCode?: unknown } | null | undefined
  if (!e) return false
  if (e.kind === 'network' || e.kind === 'timeout') return true
  return e.statusCode === 429 || (typeof e.statusCode === 'number' && e.statusCode >= 500)
}

/** A token-free description of a failed request. */
function reason(error: unknown): string {
  const e = error as { kind?: unknown; statusCode?: unknown } | null | undefined
  if (e && e.kind === 'timeout') return 'no answer in time'
  if (e && e.kind === 'network') return 'network error'
  return e && e.statusCode ? `status ${String(e.statusCode)}` : 'unknown error'
}

/** A typed error: name AuthError, a stable `code`, and no token in the message. */
function authError(code: string, message: string, statusCode?: number): AuthError {
  const error = new Error(message) as AuthError
  error.name = 'AuthError'
  error.code = code
  if (statusCode !== undefined) error.statusCode = statusCode
  return error
}

/** The library as Auth_Module's JS objects see it (`Tokens.readTokens(body, inputs)`). */
export const authTokens = Object.freeze({ readClaims, isUsableToken, readTokens, tokenExpiry, isEpochSeconds, tokenBody, isTransient, reason, authError })
