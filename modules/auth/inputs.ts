/** How Auth_Module is configured: endpoints, field names, scheme and timing. */
export interface AuthInputs {
  /** The login endpoint (`api_authToken`). */
  readonly loginUrl: string
  /** The refresh endpoint (`api_refreshAuthToken`). */
  readonly refreshUrl: string
  /** Credentials for the seed's automatic login on an empty store; omit to log in explicitly with `login()`. */
  readonly credentials?: { readonly username: string; readonly password: string } | null
  /** Login body field names. */
  readonly usernameField?: string
  readonly passwordField?: string
  /** The refresh body's field for the refresh token (`refresh_token`; Bravo: `refreshToken`). */
  readonly refreshTokenField?: string
  /** Response fields that may hold the access token, in order (`access_token`, `authToken`, `accessToken`). */
  readonly accessTokenFields?: readonly string[]
  /** Response fields that may hold the refresh token. */
  readonly refreshTokenFields?: readonly string[]
  /** The response's lifetime field, in seconds (`expires_in`; Bravo: `expiresIn`). */
  readonly expiresInField?: string
  /** The Authorization scheme data queries use: `Bearer` or `JWT` (Baserow). */
  readonly scheme?: string
  /** Lifetime to assume for a token whose expiry cannot be read (JWE, opaque); none: refresh after a 401 only. */
  readonly ttlSeconds?: number | null
  /** Refresh when less than this remains (capped at half the token's lifetime). */
  readonly refreshMarginSeconds?: number
  /** Timeout of each login and refresh request. */
  readonly timeoutMs?: number
  /** The Web Locks name that makes refresh single-flight across tabs. */
  readonly lockName?: string
  /** How long to wait for another tab's refresh before giving up. */
  readonly lockTimeoutMs?: number
  /** Called once each time the session ends (refresh refused, or logout). */
  readonly onLoggedOut?: (() => void) | null
}

/** Every input with its default filled in. */
export type ResolvedAuthInputs = Required<AuthInputs>

/** Fills in the defaults, and rejects inputs that cannot work with a clear error. */
export function resolveAuthInputs(inputs: AuthInputs): ResolvedAuthInputs {
  if (typeof inputs?.loginUrl !== 'string' || typeof inputs.refreshUrl !== 'string') {
    throw new TypeError('authModule: loginUrl and refreshUrl are required strings')
  }
  const resolved: ResolvedAuthInputs = {
    credentials: null,
    usernameField: 'email',
    passwordField: 'password',
    refreshTokenField: 'refresh_token',
    accessTokenFields: ['access_token', 'authToken', 'accessToken'],
    refreshTokenFields: ['refresh_token', 'refreshToken'],
    expiresInField: 'expires_in',
    scheme: 'Bearer',
    ttlSeconds: null,
    refreshMarginSeconds: 60,
    timeoutMs: 10_000,
    lockName: 'smithlet-auth-refresh',
    lockTimeoutMs: 10_000,
    onLoggedOut: null,
    ...stripUndefined(inputs),
    loginUrl: inputs.loginUrl,
    refreshUrl: inputs.refreshUrl,
  }
  for (const key of ['refreshMarginSeconds', 'timeoutMs', 'lockTimeoutMs'] as const) {
    const value = resolved[key]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`authModule: ${key} must be a non-negative number`)
    }
  }
  if (resolved.ttlSeconds !== null && !(typeof resolved.ttlSeconds === 'number' && resolved.ttlSeconds > 0)) {
    throw new TypeError('authModule: ttlSeconds must be a positive number or null')
  }
  if (resolved.accessTokenFields.length === 0) throw new TypeError('authModule: accessTokenFields must name at least one field')
  return resolved
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
