/**
 * Public types of the demo backend: the options `startBackend` takes and the
 * `Backend` handle it resolves with. Kept apart from the server so that the
 * dev server and tests can import them without pulling in `node:http`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Field names of a token response. `appsmith` is the OAuth-style shape of the
 * Appsmith docs, `xano` is what Xano's /auth/login answers, `bravo` is the
 * camelCase shape of the Bravo Studio refresh-token guide.
 */
export type TokenShape = 'appsmith' | 'xano' | 'bravo'

/** `jwt`: signed, three parts, readable claims. `jwe`: encrypted, five parts, opaque to the client (as Xano issues). */
export type TokenFormat = 'jwt' | 'jwe'

/** A user to seed the backend with. */
export interface UserSeed {
  email: string
  password: string
  name: string
}

/** The user record `/auth/me` answers with: never the password hash. */
export interface PublicUser {
  id: number
  email: string
  name: string
  /** ISO 8601, from the injected clock at creation. */
  createdAt: string
}

/** One generated row of `/api/rows`. */
export interface Row {
  id: number
  name: string
  email: string
  city: string
  age: number
  /** ISO 8601. */
  createdAt: string
}

/**
 * A fallback request handler, tried for requests that match no API route.
 * Resolve `true` when it answered the request, `false` to fall through to 404.
 */
export type RequestFallback = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

/** Options of {@link startBackend}. Every field is optional. */
export interface BackendOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. The host is always loopback. */
  port?: number
  /** Access-token lifetime in seconds; default 60, as in the seed. */
  accessTokenTtlSeconds?: number
  /** Refresh-token lifetime in seconds, renewed on each rotation; default 7 days. */
  refreshTokenTtlSeconds?: number
  /** Users that exist at start; default one demo user, see {@link DEMO_USER}. */
  users?: readonly UserSeed[]
  /** Number of rows `/api/rows` serves; default 10,000. */
  rowCount?: number
  /** Seed of the row generator; same seed, same rows. Default 1. */
  rowSeed?: number
  /**
   * Rows served before the generated ones, as given (tests: rows holding XSS payloads).
   * Their ids are the caller's; search and sort treat them like any other row.
   */
  extraRows?: readonly Row[]
  /**
   * Also accept, on the data endpoint, access tokens another issuer vouches for (the
   * `--oidc` demo: oidc-provider's opaque tokens, checked by introspection).
   */
  acceptAccessToken?: ((token: string) => Promise<boolean>) | null
  /** Field names of token responses; default `appsmith`. */
  shape?: TokenShape
  /** Access-token format; default `jwt`. */
  tokenFormat?: TokenFormat
  /** Include the lifetime (`expires_in`, or `expiresIn` for bravo) in token responses; default true for `appsmith`, false otherwise. */
  includeExpiresIn?: boolean
  /** Issue a new refresh token on every refresh and retire the old one; default true. */
  rotateRefreshTokens?: boolean
  /** Clock in epoch milliseconds, used both to issue and to verify; default `Date.now`. */
  now?: () => number
  /** Serve files from this directory for GET/HEAD requests that match no API route. */
  staticDir?: string
  /** Tried before `staticDir` for requests that match no API route (the dev server serves the page with it). */
  onRequest?: RequestFallback
  /** Artificial delay per route, in ms, applied after the body is read: `{ '/auth/token': 200 }` or `{ 'POST /auth/token': 200 }`. */
  latencyMs?: Readonly<Record<string, number>>
  /** Number of requests kept in `Backend.requests`; default 1,000. */
  requestLogSize?: number
  /**
   * Failed logins allowed per e-mail and per client address within `windowSeconds` before
   * the login answers 429 with `Retry-After`; default 5 per user, 20 per address, 60 s.
   */
  loginRateLimit?: { perUser?: number; perAddress?: number; windowSeconds?: number }
  /**
   * Origins a page may call the API from (CORS). Default: any loopback origin
   * (`http://127.0.0.1:*`, `http://localhost:*`). `null` (sandboxed frames, file://) never.
   */
  allowedOrigins?: readonly string[]
  /** A client must send its headers within this (default 10 s) and its whole request within `requestTimeoutMs` (30 s). */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
  /** How often those timeouts are checked; default Node's 30 s (tests shorten it). */
  timeoutCheckIntervalMs?: number
  /** log2 of the scrypt cost N for password hashes, 1–17; default 14. Lower only in tests that create many users. */
  scryptLogN?: number
}

/** What `issueTokens` mints: the raw pair plus the response body in the configured shape. */
export interface IssuedTokens {
  accessToken: string
  refreshToken: string
  expiresIn: number
  /** The exact JSON body `/auth/login` would have answered with. */
  body: Record<string, unknown>
}

/** One request as the server received it. Kept in memory for tests; never printed. */
export interface RequestLogEntry {
  method: string
  /** Path without the query string. */
  path: string
  /** Path with the query string, as sent. */
  url: string
  /** A copy of the request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>
  /** The body text as received ('' when none or not read); cut at 64 KiB. */
  body: string
  /** Response status, once answered. */
  status?: number
  /** Receive time from the injected clock, epoch ms. */
  at: number
}

/** Field names of one {@link TokenShape}. `refresh` is where both the response and the shape's request body put the refresh token. */
export interface TokenFields {
  access: string
  refresh: string
  expiresIn: string
}

/** A running demo backend. */
export interface Backend {
  /** e.g. `http://127.0.0.1:8787`, no trailing slash. */
  readonly url: string
  readonly port: number
  readonly shape: TokenShape
  readonly tokenFormat: TokenFormat
  /** Response field names for {@link shape}. */
  readonly fields: TokenFields
  /** Requests per `"METHOD /path"`; a key never hit reads as 0. Live view. */
  readonly counters: Readonly<Record<string, number>>
  /** The last `requestLogSize` requests, oldest first; a snapshot copy. */
  readonly requests: readonly RequestLogEntry[]
  /** How many sessions and refresh tokens are held now (expired ones are evicted). */
  storedSessions(): { sessions: number; tokens: number }
  /** Set every counter back to 0. */
  resetCounters(): void
  /** Empty the request log. */
  clearRequests(): void
  /**
   * End sessions at once: refresh tokens stop working and access tokens
   * already issued are rejected too. For one user, or everyone. Returns the
   * number of sessions ended.
   */
  revokeAll(email?: string): number
  /**
   * Revoke refresh tokens only (the next refresh fails with invalid_grant);
   * access tokens stay valid until they expire, as stateless JWTs do. Returns
   * the number of sessions touched.
   */
  revokeRefreshTokens(email?: string): number
  /** Lifetime of access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void
  /** Change or clear (0) the artificial delay of one route, keyed like `latencyMs`. */
  setLatency(route: string, ms: number): void
  /** Mint a token pair for an existing user, as a login would, without a request. */
  issueTokens(email: string): Promise<IssuedTokens>
  /** Stop listening and drop open connections; idempotent. */
  close(): Promise<void>
}
