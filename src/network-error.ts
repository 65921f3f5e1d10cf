/**
 * Why a fetch failed before any response, in words of our own. The fetch implementation's
 * own message is never copied: happy-dom's, node-fetch's and others put the full URL in
 * it, and a URL may carry a token (`?authtoken=…`). The message is only *read*, for the
 * error codes Node and the TLS stack use, which cannot hold a URL.
 */

/** The kinds of failure a person can act on differently. */
export type NetworkReason = 'refused' | 'dns' | 'tls' | 'reset' | 'timeout' | 'aborted' | 'unreachable'

/** A classified network failure: the reason, and the system error code when one is known. */
export interface NetworkFailure {
  readonly reason: NetworkReason
  /** e.g. `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`: only codes, never free text. */
  readonly code?: string
  /** A fixed sentence describing the reason. */
  readonly description: string
}

const DESCRIPTIONS: Readonly<Record<NetworkReason, string>> = {
  refused: 'the server refused the connection',
  dns: 'the server name could not be resolved',
  tls: 'the secure connection (TLS) failed',
  reset: 'the connection closed before a response arrived',
  timeout: 'the connection timed out',
  aborted: 'the request was aborted',
  unreachable: 'the server could not be reached',
}

// Only these codes are ever reported: a token found in foreign text is echoed only when
// it is one of them, so no piece of a URL can pass for a code.
const KNOWN_CODES: ReadonlyMap<string, NetworkReason> = new Map<string, NetworkReason>([
  ['ECONNREFUSED', 'refused'],
  ...(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'] as const).map((c) => [c, 'dns'] as [string, NetworkReason]),
  ...(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'] as const).map((c) => [c, 'timeout'] as [string, NetworkReason]),
  ...(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'] as const).map((c) => [c, 'reset'] as [string, NetworkReason]),
  ...(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'] as const).map((c) => [c, 'unreachable'] as [string, NetworkReason]),
  ...([
    'EPROTO', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED',
    'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH',
  ] as const).map((c) => [c, 'tls'] as [string, NetworkReason]),
])
/** OpenSSL's many `ERR_SSL_…` codes, all TLS. */
const SSL_CODE = /^ERR_SSL_[A-Z0-9_]{1,60}$/

function reasonOf(code: string): NetworkReason | undefined {
  return KNOWN_CODES.get(code) ?? (SSL_CODE.test(code) ? 'tls' : undefined)
}

// Phrases some fetches use instead of a code (Node's http client: "socket hang up").
const PHRASES: ReadonlyArray<[RegExp, NetworkReason]> = [
  [/\bsocket hang up\b/i, 'reset'],
  [/\bcertificate\b/i, 'tls'],
]

// Candidate codes inside foreign messages ("connect ECONNREFUSED 127.0.0.1:1").
const CODE_IN_TEXT = /\b[A-Z][A-Z0-9_]{3,60}\b/g

/** Classifies what a fetch rejected with, looking through `cause` chains and AggregateErrors. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const codes: string[] = []
  let phrased: NetworkReason | undefined
  let aborted = false
  let timedOut = false
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return
    seen.add(value)
    const { name, code, message, cause, errors } = value as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    if (name === 'AbortError') aborted = true
    if (name === 'TimeoutError') timedOut = true
    if (typeof code === 'string') codes.push(code)
    if (typeof message === 'string') {
      for (const match of message.matchAll(CODE_IN_TEXT)) codes.push(match[0])
      phrased ??= PHRASES.find(([pattern]) => pattern.test(message))?.[1]
    }
    visit(cause, depth + 1)
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1)
  }
  visit(error, 0)
  for (const code of codes) {
    const reason = reasonOf(code)
    if (reason !== undefined) return { reason, code, description: DESCRIPTIONS[reason] }
  }
  const reason: NetworkReason = timedOut ? 'timeout' : aborted ? 'aborted' : (phrased ?? 'unreachable')
  return { reason, description: DESCRIPTIONS[reason] }
}

/** `the server refused the connection (ECONNREFUSED)`: the description, with the code when known. */
export function describeNetworkFailure(failure: NetworkFailure): string {
  return failure.code === undefined ? failure.description : `${failure.description} (${failure.code})`
}
