// Network failures are classified, and no message quotes the URL (which may carry a token),
// whichever fetch runs the query: Node's own (undici) and happy-dom's (which puts the URL in
// its error text). Faults are real where a loopback server can produce them (refused, TLS
// spoken to a plain socket, a reset, an abort, a timeout); DNS is forced, since resolving
// a name would leave the machine.
import { createServer as createHttpServer } from 'node:http'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QueryError } from '../../src/index'
import { classifyNetworkError } from '../../src/network-error'
import { testApp } from '../support/app'

const SECRET = 'sk_live_TOPSECRET_token'
const servers: Server[] = []
let plainSocket: number // answers anything with a bare HTTP line: TLS to it fails
let resetting: number // closes the socket on the first byte
let hanging: number // accepts and never answers
let closedPort: number
let window: Window

async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createServer(onSocket)
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return (server.address() as AddressInfo).port
}

beforeAll(async () => {
  plainSocket = await listen((s) => s.on('data', () => s.end('HTTP/1.1 200 OK\r\n\r\n')))
  resetting = await listen((s) => s.on('data', () => s.destroy()))
  hanging = await listen(() => undefined)
  const closed = createHttpServer()
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
  closedPort = (closed.address() as AddressInfo).port
  await new Promise<void>((r) => closed.close(() => r()))
  window = new Window({ url: `http://127.0.0.1:${hanging}/` })
})
afterAll(async () => {
  for (const s of servers) s.close()
  await window.happyDOM.close()
})

const fetches: Array<[string, () => typeof fetch]> = [
  ['Node (undici)', () => globalThis.fetch],
  ['happy-dom', () => window.fetch.bind(window) as unknown as typeof fetch],
]

async function failure(fetchImpl: typeof fetch, url: string, extra: { timeoutMs?: number } = {}): Promise<{ error: QueryError; warnings: string[]; alerts: string[] }> {
  const alerts: string[] = []
  const app = await testApp(
    { queries: [{ name: 'Q', url: `${url}?authtoken=${SECRET}`, runOnPageLoad: true, ...extra }] },
    { fetch: fetchImpl, onAlert: (m) => void alerts.push(m) },
  )
  try {
    await app.runPageLoad() // the failure is reported as a warning and a toast
    const error = await (app.scope.Q as { run(): Promise<unknown> }).run().then(
      () => {
        throw new Error('expected the query to fail')
      },
      (e: unknown) => e as QueryError,
    )
    return { error, warnings: app.warnings, alerts }
  } finally {
    app.dispose()
  }
}

function expectNoLeak(result: { error: QueryError; warnings: string[]; alerts: string[] }): void {
  const texts = [result.error.message, String(result.error), String(result.error.cause), ...result.warnings, ...result.alerts]
  for (const text of texts) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('127.0.0.1')
  }
  expect(result.error.cause).toBeUndefined() // the foreign error, which holds the URL, is not kept
}

describe.each(fetches)('with %s fetch', (_, impl) => {
  it('a refused connection: kind network, reason refused, no URL', async () => {
    const result = await failure(impl(), `http://127.0.0.1:${closedPort}/x`)
    expect(result.error).toMatchObject({ kind: 'network', reason: 'refused', statusCode: 0 })
    expect(result.error.message).toBe('Q: the request failed: the server refused the connection (ECONNREFUSED)')
    expectNoLeak(result)
  })

  it('TLS spoken to a plain socket: reason tls', async () => {
    const result = await failure(impl(), `https://127.0.0.1:${plainSocket}/x`)
    expect(result.error).toMatchObject({ kind: 'network', reason: 'tls' })
    expect(result.error.message).toMatch(/^Q: the request failed: the secure connection \(TLS\) failed \((EPROTO|ERR_SSL_WRONG_VERSION_NUMBER)\)$/)
    expectNoLeak(result)
  })

  it('a connection closed before any response: reason reset', async () => {
    const result = await failure(impl(), `http://127.0.0.1:${resetting}/x`)
    expect(result.error).toMatchObject({ kind: 'network', reason: 'reset' })
    expect(result.error.message).toMatch(/^Q: the request failed: the connection closed before a response arrived/)
    expectNoLeak(result)
  })

  it('no answer within timeoutMs: kind and reason timeout', async () => {
    const result = await failure(impl(), `http://127.0.0.1:${hanging}/x`, { timeoutMs: 100 })
    expect(result.error).toMatchObject({ kind: 'timeout', reason: 'timeout' })
    expectNoLeak(result)
  })

  it('a request aborted from outside: kind and reason aborted', async () => {
    const base = impl()
    // Something else (the page going away) aborts the request while it waits for an answer.
    const aborting = ((input: string, init: RequestInit) => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 20)
      return base(input, { ...init, signal: controller.signal })
    }) as typeof fetch
    const result = await failure(aborting, `http://127.0.0.1:${hanging}/x`, { timeoutMs: 5_000 })
    expect(result.error).toMatchObject({ kind: 'aborted', reason: 'aborted' })
    expect(result.error.message).toBe('Q: the request failed: the request was aborted')
    expectNoLeak(result)
  })
})

it('DNS failures, as undici and happy-dom word them: reason dns, the host never quoted', async () => {
  const host = `api-${SECRET}.example`
  const undici = new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host }) })
  const happyDom = Object.assign(new Error(`Failed to execute "fetch()" on "Window" with URL "http://${host}/?authtoken=${SECRET}": getaddrinfo EAI_AGAIN ${host}`), { name: 'NetworkError' })
  for (const thrown of [undici, happyDom]) {
    const result = await failure((async () => {
      throw thrown
    }) as unknown as typeof fetch, `http://${host}/x`)
    expect(result.error).toMatchObject({ kind: 'network', reason: 'dns' })
    expect(result.error.message).toMatch(/^Q: the request failed: the server name could not be resolved \((ENOTFOUND|EAI_AGAIN)\)$/)
    expectNoLeak(result)
  }
})

it('a browser fetch says nothing useful: unreachable; an upper-case token in the text is never taken for a code', () => {
  expect(classifyNetworkError(new TypeError('Failed to fetch'))).toEqual({ reason: 'unreachable', description: 'the server could not be reached' })
  const sneaky = new Error('Failed to execute "fetch()" with URL "http://x/?t=CERTIFIED_SECRET_TOKEN_ABC"')
  const result = classifyNetworkError(sneaky)
  expect(result.code).toBeUndefined()
  expect(JSON.stringify(result)).not.toContain('SECRET')
})
