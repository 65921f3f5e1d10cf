/**
 * `startBackend`: the demo backend as a real HTTP server on 127.0.0.1. It
 * wires the stores, the routes, the request log and the fallbacks together
 * and owns the request pipeline: log → CORS → route (read body, latency,
 * handler) or fallback → JSON reply. Nothing is printed, by design: the
 * server sees passwords and tokens.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AccessTokens } from './access-tokens'
import { HttpError, applyCors, delay, parseBody, preflightReply, readBody, sendReply } from './http'
import type { Reply } from './http'
import { FailureLimiter } from './rate-limit'
import { RequestLog } from './request-log'
import { createRoutes, issueTokensFor } from './routes'
import type { RouteContext } from './routes'
import { RowTable, generateRows } from './rows'
import { SessionStore } from './sessions'
import { TOKEN_FIELDS } from './shapes'
import { serveStatic } from './static'
import type { Backend, BackendOptions, RequestFallback, RequestLogEntry, TokenFormat, TokenShape } from './types'
import { DEMO_USER, UserStore } from './users'
import { DEFAULT_SCRYPT_LOG_N } from './passwords'

/** The only interface the backend listens on: it is a local demo and test fixture. */
const HOST = '127.0.0.1'
const SHAPES: readonly TokenShape[] = ['appsmith', 'xano', 'bravo']
const FORMATS: readonly TokenFormat[] = ['jwt', 'jwe']

function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`)
  }
  return value
}

function checkLatency(route: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency of ${route} must be a non-negative number of ms`)
  return ms
}

/**
 * Start a demo backend. Resolves once it listens; the returned handle exposes
 * its URL, counters and request log, and test controls (revocation, TTL,
 * latency). See demo/backend/README.md for the endpoints.
 */
export async function startBackend(options: BackendOptions = {}): Promise<Backend> {
  const now = options.now ?? Date.now
  const shape = options.shape ?? 'appsmith'
  const tokenFormat = options.tokenFormat ?? 'jwt'
  if (!SHAPES.includes(shape)) throw new TypeError(`shape must be one of ${SHAPES.join(', ')}`)
  if (!FORMATS.includes(tokenFormat)) throw new TypeError(`tokenFormat must be one of ${FORMATS.join(', ')}`)
  const port = checkInteger('port', options.port ?? 0, 0, 65535)
  const accessTtl = checkInteger('accessTokenTtlSeconds', options.accessTokenTtlSeconds ?? 60, 0)
  const refreshTtl = checkInteger('refreshTokenTtlSeconds', options.refreshTokenTtlSeconds ?? 7 * 24 * 3600, 0)
  const rowCount = checkInteger('rowCount', options.rowCount ?? 10_000, 0, 10_000_000)
  const logSize = checkInteger('requestLogSize', options.requestLogSize ?? 1000, 0)
  const logN = checkInteger('scryptLogN', options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N, 1, 17)

  const users = new UserStore(now, logN)
  const seeds = options.users ?? [DEMO_USER]
  const created = await Promise.all(seeds.map((seed) => users.create(seed)))
  if (created.includes('email_taken')) throw new TypeError('users must not repeat an e-mail')

  const limits = options.loginRateLimit ?? {}
  const windowMs = checkInteger('loginRateLimit.windowSeconds', limits.windowSeconds ?? 60, 1) * 1000
  const allowedOrigins = options.allowedOrigins
  const ctx: RouteContext = {
    loginLimits: {
      perUser: new FailureLimiter({ limit: checkInteger('loginRateLimit.perUser', limits.perUser ?? 5, 1), windowMs }, now),
      perAddress: new FailureLimiter({ limit: checkInteger('loginRateLimit.perAddress', limits.perAddress ?? 20, 1), windowMs }, now),
    },
    users,
    sessions: new SessionStore(now, refreshTtl * 1000),
    access: new AccessTokens(tokenFormat, now, accessTtl),
    rows: new RowTable([...(options.extraRows ?? []), ...generateRows(rowCount, options.rowSeed ?? 1)]),
    config: {
      shape,
      includeExpiresIn: options.includeExpiresIn ?? shape === 'appsmith',
      rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    },
    acceptAccessToken: options.acceptAccessToken ?? null,
  }
  const routes = createRoutes(ctx)
  const routePaths = new Set([...routes.keys()].map((key) => key.slice(key.indexOf(' ') + 1)))
  const log = new RequestLog(logSize, now)
  const latency = new Map<string, number>()
  for (const [route, ms] of Object.entries(options.latencyMs ?? {})) latency.set(route, checkLatency(route, ms))
  const fallbacks: RequestFallback[] = []
  if (options.onRequest) fallbacks.push(options.onRequest)
  if (options.staticDir) fallbacks.push(serveStatic(options.staticDir))
  const timers = new Set<NodeJS.Timeout>()

  /** Route one request; resolves the reply, or undefined when a fallback answered it itself. */
  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<Reply | undefined> {
    const method = req.method ?? 'GET'
    const path = url.pathname
    const route = routes.get(`${method} ${path}`)
    if (route) {
      let body: Record<string, unknown> = {}
      if (route.readsBody) {
        const raw = await readBody(req)
        log.setBody(entry, raw)
        body = parseBody(raw, req.headers['content-type'])
      }
      const wait = latency.get(`${method} ${path}`) ?? latency.get(path) ?? 0
      if (wait > 0) await delay(wait, timers)
      return route.handler({ req, url, body })
    }
    if (routePaths.has(path)) {
      if (method === 'OPTIONS') return preflightReply()
      const allow = [...routes.keys()].filter((key) => key.endsWith(` ${path}`)).map((key) => key.split(' ')[0])
      throw new HttpError(405, 'method_not_allowed', `use ${allow.join(' or ')}`, { Allow: [...allow, 'OPTIONS'].join(', ') })
    }
    for (const fallback of fallbacks) {
      if ((await fallback(req, res)) || res.headersSent) return undefined
    }
    if (method === 'OPTIONS') return preflightReply()
    throw new HttpError(404, 'not_found', 'no such endpoint')
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL
    try {
      // Prefixing (instead of `new URL(req.url, base)`) keeps "//host/x" a path rather than a host.
      const target = req.url ?? '/'
      url = new URL(target.startsWith('/') ? `http://${HOST}${target}` : target)
    } catch {
      sendReply(res, { status: 400, body: { error: 'invalid_request', error_description: 'malformed request target' } })
      return
    }
    const entry = log.record(req, url.pathname)
    applyCors(req, res, allowedOrigins)
    let reply: Reply | undefined
    try {
      reply = await dispatch(req, res, url, entry)
    } catch (error) {
      reply =
        error instanceof HttpError
          ? { status: error.status, body: error.toBody(), headers: error.headers }
          : // A bug, not bad input: answer 500 and keep serving. The error is not echoed (it may quote input).
            { status: 500, body: { error: 'server_error' } }
    }
    if (reply) {
      // Logged before the bytes go out, so a test that has read the response sees the status.
      entry.status = reply.status
      sendReply(res, reply)
    } else {
      entry.status = res.statusCode
    }
  }

  // Slow clients cannot hold sockets open: headers within 10 s, the whole request within 30 s.
  const headersTimeout = checkInteger('headersTimeoutMs', options.headersTimeoutMs ?? 10_000, 1)
  const requestTimeout = checkInteger('requestTimeoutMs', options.requestTimeoutMs ?? 30_000, headersTimeout)
  // Node's default check interval (30 s) unless a test shortens it: a short interval in
  // production closes keep-alive sockets that clients are about to reuse.
  const interval = options.timeoutCheckIntervalMs === undefined ? {} : { connectionsCheckingInterval: checkInteger('timeoutCheckIntervalMs', options.timeoutCheckIntervalMs, 1) }
  const server = createServer({ headersTimeout, requestTimeout, ...interval }, (req, res) => {
    handle(req, res).catch(() => {
      // handle() catches everything it can; this guards only against a throw while answering.
      if (!res.headersSent) res.destroy()
    })
  })
  // Unparseable HTTP (bad request line, oversized headers): answer 400 and drop the socket rather than crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A client too slow to send its request (headersTimeout / requestTimeout) gets 408.
    const line = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    if (socket.writable) socket.end(`HTTP/1.1 ${line}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined

  return {
    url: `http://${HOST}:${actualPort}`,
    port: actualPort,
    shape,
    tokenFormat,
    fields: TOKEN_FIELDS[shape],
    counters: log.counters,
    get requests() {
      return log.snapshot()
    },
    storedSessions: () => {
      ctx.sessions.sweep(true)
      return ctx.sessions.size
    },
    resetCounters: () => log.resetCounters(),
    clearRequests: () => log.clear(),
    revokeAll: (email) => ctx.sessions.revoke(email, true),
    revokeRefreshTokens: (email) => ctx.sessions.revoke(email, false),
    setAccessTokenTtl: (seconds) => {
      ctx.access.ttlSeconds = checkInteger('access-token TTL', seconds, 0)
    },
    setLatency: (route, ms) => {
      if (checkLatency(route, ms) === 0) latency.delete(route)
      else latency.set(route, ms)
    },
    issueTokens: async (email) => {
      const user = users.find(email)
      if (!user) throw new Error('issueTokens: no user with that e-mail')
      return issueTokensFor(ctx, user)
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections()
      })
      return closing
    },
  }
}
