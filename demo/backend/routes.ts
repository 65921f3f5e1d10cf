/**
 * The API routes: sign-up, login, me, refresh, logout and rows. Each handler
 * takes the parsed request and returns a {@link Reply}, or throws an
 * {@link HttpError}; the server turns both into responses.
 *
 * Error bodies are OAuth-style `{error, error_description?}` with fixed
 * descriptions: nothing from the request is echoed, so no token or password
 * can leak through an error.
 */
import type { FailureLimiter } from './rate-limit'
import type { IncomingMessage } from 'node:http'
import type { AccessClaims, AccessTokens } from './access-tokens'
import { HttpError } from './http'
import type { Reply } from './http'
import { parseRowQuery } from './rows'
import type { RowTable } from './rows'
import type { SessionStore } from './sessions'
import { REFRESH_BODY_FIELDS, shapeTokenResponse } from './shapes'
import type { IssuedTokens, PublicUser, TokenShape } from './types'
import type { UserStore } from './users'

/** Everything the handlers share. `config` fields may change at run time. */
export interface RouteContext {
  users: UserStore
  sessions: SessionStore
  access: AccessTokens
  rows: RowTable
  config: { shape: TokenShape; includeExpiresIn: boolean; rotateRefreshTokens: boolean }
  /** Vouches for access tokens of another issuer (opaque ones: not our JWTs). */
  acceptAccessToken?: ((token: string) => Promise<boolean>) | null
  /** Failed-login throttles (./rate-limit.ts). */
  loginLimits: { perUser: FailureLimiter; perAddress: FailureLimiter }
}

/** One parsed request. `body` is `{}` for GET. */
export interface ApiRequest {
  req: IncomingMessage
  url: URL
  body: Record<string, unknown>
}

/** A route handler. */
export type Handler = (request: ApiRequest) => Promise<Reply>

/** Routes keyed by `"METHOD /path"`. `readsBody` tells the server to read and parse the body first. */
export interface Route {
  handler: Handler
  readsBody: boolean
}

/** A required non-empty string field, else 400 invalid_request naming the field (never its value). */
function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  if (value === undefined || value === null || value === '') {
    throw new HttpError(400, 'invalid_request', `missing field: ${name}`)
  }
  if (typeof value !== 'string') throw new HttpError(400, 'invalid_request', `${name} must be a string`)
  return value
}

/** Begin a session for `user` and mint its first token pair. */
export async function issueTokensFor(ctx: RouteContext, user: PublicUser): Promise<IssuedTokens> {
  const { session, refreshToken } = ctx.sessions.begin(user.email)
  const accessToken = await ctx.access.issue(user, session.id)
  const expiresIn = ctx.access.ttlSeconds
  const body = shapeTokenResponse(ctx.config.shape, { accessToken, refreshToken, expiresIn }, ctx.config.includeExpiresIn)
  return { accessToken, refreshToken, expiresIn, body }
}

/**
 * The access token of a request: `Authorization: Bearer <t>`, or `JWT <t>`
 * as Baserow uses, or Xano's `?authtoken=<t>` for clients that cannot set
 * headers. The header wins when both are present.
 */
function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization
  if (header !== undefined) {
    const match = /^(?:Bearer|JWT)[ \t]+(\S+)[ \t]*$/i.exec(header)
    return match ? match[1] : undefined
  }
  return url.searchParams.get('authtoken') || undefined
}

function unauthorized(error: 'invalid_token' | 'token_expired', description?: string): HttpError {
  // RFC 6750 §3: say which scheme and why, without quoting the token.
  const code = error === 'token_expired' ? 'invalid_token' : error
  const reason = error === 'token_expired' ? 'the access token expired' : (description ?? 'the access token is invalid')
  return new HttpError(401, error, description, { 'WWW-Authenticate': `Bearer error="${code}", error_description="${reason}"` })
}

/** Verify the request's access token against the injected clock and live sessions; 401 otherwise. */
async function authenticate(ctx: RouteContext, request: ApiRequest): Promise<{ claims: AccessClaims; user: PublicUser }> {
  const token = presentedToken(request.req, request.url)
  if (token === undefined) {
    throw unauthorized('invalid_token', request.req.headers.authorization === undefined ? 'missing access token' : 'malformed Authorization header')
  }
  const claims = await ctx.access.verify(token)
  if (claims === 'token_expired') throw unauthorized('token_expired')
  if (claims === 'invalid_token') throw unauthorized('invalid_token')
  if (!ctx.sessions.isLive(claims.sid)) throw unauthorized('invalid_token', 'the session has ended')
  const user = ctx.users.find(claims.email)
  if (!user) throw unauthorized('invalid_token')
  return { claims, user }
}

/** The refresh token of a refresh/logout body: `refresh_token` or `refreshToken`, whatever the shape. */
function presentedRefreshToken(body: Record<string, unknown>): string {
  for (const name of REFRESH_BODY_FIELDS) {
    const value = body[name]
    if (typeof value === 'string' && value !== '') return value
    if (value !== undefined && value !== null && value !== '') {
      throw new HttpError(400, 'invalid_request', `${name} must be a string`)
    }
  }
  throw new HttpError(400, 'invalid_request', 'missing field: refresh_token')
}

/** Build the route table over `ctx`. */
export function createRoutes(ctx: RouteContext): Map<string, Route> {
  const routes = new Map<string, Route>()
  const post = (path: string, handler: Handler) => routes.set(`POST ${path}`, { handler, readsBody: true })
  const get = (path: string, handler: Handler) => routes.set(`GET ${path}`, { handler, readsBody: false })

  post('/auth/signup', async ({ body }) => {
    const email = requireString(body, 'email')
    const password = requireString(body, 'password')
    const name = requireString(body, 'name')
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new HttpError(400, 'invalid_request', 'email is not an e-mail address')
    const user = await ctx.users.create({ email, password, name })
    if (user === 'email_taken') throw new HttpError(409, 'email_taken', 'an account with this e-mail exists')
    return { status: 200, body: (await issueTokensFor(ctx, user)).body }
  })

  post('/auth/login', async ({ req, body }) => {
    const email = requireString(body, 'email')
    const password = requireString(body, 'password')
    // Throttled per user and per address, before the (deliberately slow) password check.
    const userKey = email.trim().toLowerCase()
    const addressKey = req.socket.remoteAddress ?? 'unknown'
    const wait = Math.max(ctx.loginLimits.perUser.retryAfter(userKey), ctx.loginLimits.perAddress.retryAfter(addressKey))
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', 'too many failed logins; try again later', { 'Retry-After': String(wait) })
    const user = await ctx.users.authenticate(email, password)
    if (!user) {
      ctx.loginLimits.perUser.fail(userKey)
      ctx.loginLimits.perAddress.fail(addressKey)
      // One answer for an unknown e-mail and a wrong password: no account enumeration.
      throw new HttpError(401, 'invalid_credentials', 'wrong e-mail or password')
    }
    ctx.loginLimits.perUser.clear(userKey)
    return { status: 200, body: (await issueTokensFor(ctx, user)).body }
  })

  get('/auth/me', async (request) => {
    const { user } = await authenticate(ctx, request)
    return { status: 200, body: user }
  })

  post('/auth/token', async ({ body }) => {
    const token = presentedRefreshToken(body)
    const rotate = ctx.config.rotateRefreshTokens
    const check = ctx.sessions.redeem(token, rotate)
    if (!check.ok) {
      throw check.reason === 'reused'
        ? new HttpError(400, 'invalid_grant', 'refresh token reuse detected')
        : new HttpError(400, 'invalid_grant')
    }
    const user = ctx.users.find(check.session.email)
    if (!user) throw new HttpError(400, 'invalid_grant')
    // Mint the successor before any await, in the same turn as the redeem above.
    const refreshToken = rotate ? ctx.sessions.mint(check.session) : undefined
    const accessToken = await ctx.access.issue(user, check.session.id)
    const parts = { accessToken, refreshToken, expiresIn: ctx.access.ttlSeconds }
    return { status: 200, body: shapeTokenResponse(ctx.config.shape, parts, ctx.config.includeExpiresIn) }
  })

  post('/auth/logout', async ({ body }) => {
    // Unknown tokens get the same answer: logout is idempotent and reveals nothing (RFC 7009 §2.2).
    ctx.sessions.revokeFamilyOf(presentedRefreshToken(body))
    return { status: 200, body: { ok: true } }
  })

  get('/api/rows', async (request) => {
    const token = presentedToken(request.req, request.url)
    if (ctx.acceptAccessToken && token !== undefined && token.split('.').length !== 3) {
      if (!(await ctx.acceptAccessToken(token))) throw unauthorized('invalid_token', 'the issuer says the access token is not active')
    } else await authenticate(ctx, request)
    return { status: 200, body: ctx.rows.query(parseRowQuery(request.url.searchParams)) }
  })

  return routes
}
