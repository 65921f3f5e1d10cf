import { closestName } from './closest-name'

/** How a token-endpoint request body is encoded: JSON, or `application/x-www-form-urlencoded` (RFC 6749). */
export type TokenBodyType = 'json' | 'form'

/** Why a session ended, as `onLoggedOut` is told. */
export type LogoutReason = 'logout' | 'other_tab' | 'session_ended'

/** How Auth_Module is configured: endpoints, field names, scheme and timing. */
export interface AuthInputs {
  /** The login endpoint (`api_authToken`); omit when tokens come from a redirect login or are seeded in the store. */
  readonly loginUrl?: string | null
  /** The refresh endpoint (`api_refreshAuthToken`). */
  readonly refreshUrl: string
  /** Where logout revokes the refresh token (the demo's `POST /auth/logout`, or an RFC 7009 endpoint); none: local logout only. */
  readonly logoutUrl?: string | null
  /** Credentials for the seed's automatic login on an empty store; omit to log in explicitly with `login()`. */
  readonly credentials?: { readonly username: string; readonly password: string } | null
  /** Login body field names. */
  readonly usernameField?: string
  readonly passwordField?: string
  /** The refresh body's field for the refresh token (`refresh_token`; Bravo: `refreshToken`). */
  readonly refreshTokenField?: string
  /** `'form'` sends the refresh body form-encoded, as RFC 6749 §6 token endpoints require. Default `'json'`. */
  readonly refreshBodyType?: TokenBodyType
  /** Extra fields sent verbatim beside the refresh token, e.g. `{ grant_type: 'refresh_token', client_id: 'my-spa' }`. */
  readonly refreshParams?: Readonly<Record<string, string>>
  /** Extra headers of the refresh request (client authentication); values may hold bindings. */
  readonly refreshHeaders?: Readonly<Record<string, string>>
  /** The same three for login. */
  readonly loginBodyType?: TokenBodyType
  readonly loginParams?: Readonly<Record<string, string>>
  readonly loginHeaders?: Readonly<Record<string, string>>
  /** The same three for the revocation at `logoutUrl`; `'form'` sends RFC 7009's `token` field. Default: as the refresh. */
  readonly logoutBodyType?: TokenBodyType
  readonly logoutParams?: Readonly<Record<string, string>>
  readonly logoutHeaders?: Readonly<Record<string, string>>
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
  /** Refresh in the background shortly before the margin while the page is visible and the expiry is known. Default true. */
  readonly autoRefresh?: boolean
  /** Timeout of each login and refresh request. */
  readonly timeoutMs?: number
  /** The Web Locks name that makes refresh single-flight across tabs. */
  readonly lockName?: string
  /** How long to wait for another tab's refresh before giving up. */
  readonly lockTimeoutMs?: number
  /** Called once each time the session ends: by `logout()` here, in another tab, or a refused refresh. */
  readonly onLoggedOut?: ((event: { readonly reason: LogoutReason }) => void) | null
}

/** Every input with its default filled in (plus what the OIDC path adds). */
export type ResolvedAuthInputs = Required<AuthInputs> & { readonly oidc: Readonly<Record<string, unknown>> | null }

const DEFAULTS = {
  loginUrl: null,
  logoutUrl: null,
  credentials: null,
  usernameField: 'email',
  passwordField: 'password',
  refreshTokenField: 'refresh_token',
  refreshBodyType: 'json',
  refreshParams: {},
  refreshHeaders: {},
  loginBodyType: 'json',
  loginParams: {},
  loginHeaders: {},
  logoutParams: {},
  logoutHeaders: {},
  accessTokenFields: ['access_token', 'authToken', 'accessToken'],
  refreshTokenFields: ['refresh_token', 'refreshToken'],
  expiresInField: 'expires_in',
  scheme: 'Bearer',
  ttlSeconds: null,
  refreshMarginSeconds: 60,
  autoRefresh: true,
  timeoutMs: 10_000,
  lockName: 'smithlet-auth-refresh',
  lockTimeoutMs: 10_000,
  onLoggedOut: null,
} as const satisfies Omit<Required<AuthInputs>, 'refreshUrl' | 'logoutBodyType'>

/** Every input name `authModule` knows. */
export const AUTH_INPUT_NAMES: readonly string[] = [...Object.keys(DEFAULTS), 'refreshUrl', 'logoutBodyType']

/**
 * Rejects a name outside `known` with an error naming it and the closest known name:
 * a misspelt input would otherwise be ignored and its default silently used.
 */
export function assertKnownInputs(what: string, inputs: object, known: readonly string[]): void {
  for (const name of Object.keys(inputs)) {
    if (known.includes(name)) continue
    const near = closestName(name, known)
    throw new TypeError(`${what}: unknown input "${name}"${near ? ` (did you mean "${near}"?)` : ''}`)
  }
}

/** Fills in the defaults, and rejects inputs that cannot work with a clear error. */
export function resolveAuthInputs(inputs: AuthInputs, extra: { readonly oidc?: Readonly<Record<string, unknown>> } = {}): ResolvedAuthInputs {
  if (inputs === null || typeof inputs !== 'object') throw new TypeError('authModule: give the inputs as an object')
  assertKnownInputs('authModule', inputs, AUTH_INPUT_NAMES)
  if (typeof inputs.refreshUrl !== 'string' || inputs.refreshUrl === '') throw new TypeError('authModule: refreshUrl is a required string')
  for (const key of ['loginUrl', 'logoutUrl'] as const) {
    const value = inputs[key]
    if (value !== undefined && value !== null && (typeof value !== 'string' || value === '')) throw new TypeError(`authModule: ${key} must be a URL string`)
  }
  const given = stripUndefined(inputs)
  const refreshBodyType = given.refreshBodyType ?? DEFAULTS.refreshBodyType
  const resolved: ResolvedAuthInputs = {
    ...DEFAULTS,
    logoutBodyType: refreshBodyType,
    ...given,
    refreshUrl: inputs.refreshUrl,
    oidc: extra.oidc ?? null,
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
  if (typeof resolved.autoRefresh !== 'boolean') throw new TypeError('authModule: autoRefresh must be true or false')
  for (const key of ['refreshBodyType', 'loginBodyType', 'logoutBodyType'] as const) {
    if (resolved[key] !== 'json' && resolved[key] !== 'form') throw new TypeError(`authModule: ${key} must be 'json' or 'form'`)
  }
  for (const key of ['refreshParams', 'refreshHeaders', 'loginParams', 'loginHeaders', 'logoutParams', 'logoutHeaders'] as const) {
    assertStringRecord(key, resolved[key])
  }
  // Real servers reject a repeated parameter: the module's own fields may not be given twice.
  assertNotRepeated('refreshParams', resolved.refreshParams, [resolved.refreshTokenField])
  assertNotRepeated('loginParams', resolved.loginParams, [resolved.usernameField, resolved.passwordField])
  assertNotRepeated('logoutParams', resolved.logoutParams, [resolved.logoutBodyType === "form" ? "token" : resolved.refreshTokenField])
  if (resolved.accessTokenFields.length === 0) throw new TypeError('authModule: accessTokenFields must name at least one field')
  return resolved
}

function assertStringRecord(key: string, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`authModule: ${key} must be an object of strings`)
  for (const [name, field] of Object.entries(value)) {
    if (typeof field !== 'string') throw new TypeError(`authModule: ${key}.${name} must be a string, got ${typeof field}`)
  }
}

function assertNotRepeated(key: string, params: Readonly<Record<string, string>>, own: readonly string[]): void {
  for (const name of own) {
    if (Object.hasOwn(params, name)) throw new TypeError(`authModule: ${key} must not hold "${name}": the module sends that field itself`)
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
