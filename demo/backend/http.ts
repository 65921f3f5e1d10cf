/**
 * Small HTTP helpers over `node:http`: JSON replies, bounded body reading,
 * body parsing and CORS. No framework: the backend has a handful of routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * An error that maps to one JSON reply. The `error` code follows OAuth 2.0
 * (RFC 6749 §5.2) where one applies. Descriptions are fixed strings: never
 * built from the request, so they cannot echo a token back.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description ? `${error}: ${description}` : error)
    this.name = 'HttpError'
  }

  /** The JSON body of the reply. */
  toBody(): Record<string, string> {
    return this.description === undefined
      ? { error: this.error }
      : { error: this.error, error_description: this.description }
  }
}

/** A handler's answer: status, JSON body (omitted for 204) and extra headers. */
export interface Reply {
  status: number
  body?: unknown
  headers?: Readonly<Record<string, string>>
}

/**
 * Write a JSON reply. `Cache-Control: no-store` on every reply because token
 * responses must never be cached (RFC 6749 §5.1) and nothing here benefits
 * from caching.
 */
export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return
  const text = reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body)
  res.statusCode = reply.status
  res.setHeader('Cache-Control', 'no-store')
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value)
  if (text) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(text))
  }
  res.end(text)
}

/**
 * Read the whole body, at most `limit` bytes. Over the limit it throws a 413
 * at once (checking Content-Length first) and keeps draining the rest in the
 * background so the client can read the reply instead of seeing a reset.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`, { Connection: 'close' })
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    drain(req)
    return Promise.reject(tooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        drain(req)
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = () => {
      cleanup()
      reject(new HttpError(400, 'invalid_request', 'request body could not be read'))
    }
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('aborted', onError)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('aborted', onError)
  })
}

/** Hard cap on what we swallow after a 413 before dropping the connection. */
const DRAIN_LIMIT = 16 * MAX_BODY_BYTES

function drain(req: IncomingMessage): void {
  let drained = 0
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_LIMIT) req.destroy()
  })
  // A destroyed or aborted request emits 'error'; without a listener it would crash the process.
  req.on('error', () => {})
  req.resume()
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Parse a request body into a plain object. JSON (`application/json`,
 * `*+json`) and form encoding (`application/x-www-form-urlencoded`, as OAuth
 * token endpoints take) are accepted; an empty body is `{}`. Anything else is a
 * 4xx with a fixed message: the parser's own message quotes the input, which
 * may hold a password or a token.
 */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {}
  let text: string
  try {
    text = utf8.decode(raw)
  } catch {
    throw new HttpError(400, 'invalid_request', 'body is not valid UTF-8')
  }
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text))
  }
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json or application/x-www-form-urlencoded')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid JSON')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'body must be a JSON object')
  }
  return value as Record<string, unknown>
}

/** Methods the API answers, announced in CORS preflights. */
const ALLOWED_METHODS = 'GET, POST, OPTIONS'
const ALLOWED_HEADERS = 'Authorization, Content-Type'

/**
 * Let a page on another origin call the API: echo its Origin (tokens travel
 * in headers and bodies, not cookies, so no credentials flag is needed).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | undefined): void {
  const origin = req.headers.origin
  res.setHeader('Vary', 'Origin')
  if (origin && isAllowedOrigin(origin, allowed)) res.setHeader('Access-Control-Allow-Origin', origin)
}

/**
 * True for an origin in `allowed`, or (no list given) any loopback origin. `null` — the
 * origin of sandboxed frames and file:// pages, which any site can produce — never.
 */
export function isAllowedOrigin(origin: string, allowed: readonly string[] | undefined): boolean {
  if (origin === 'null') return false
  if (allowed !== undefined) return allowed.includes(origin)
  return /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/.test(origin)
}

/** The reply to a CORS preflight (`OPTIONS`). */
export function preflightReply(): Reply {
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
    },
  }
}

/** Resolve after `ms` milliseconds of real time; the timer is registered in `timers` so `close()` can cancel it. */
export function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      resolve()
    }, ms)
    timers.add(timer)
  })
}
