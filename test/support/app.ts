/** Shared helpers for runtime tests: in-memory apps and a loopback HTTP server. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import { createApp, memoryStorage, type App, type AppDefinition, type AppOptions } from '../../src/index'

let seq = 0

/**
 * An app with an in-memory store, no cross-tab channel and warnings collected, not printed.
 * (`storage: memoryStorage()`, not `null`: see the note on `storage: null` in app.test.ts.)
 */
export async function testApp(
  definition: Omit<AppDefinition, 'id'> & { id?: string } = {},
  options: AppOptions = {},
): Promise<App & { warnings: string[] }> {
  const warnings: string[] = []
  const app = await createApp(
    { id: `test-${++seq}`, ...definition },
    { storage: memoryStorage(), channel: null, warn: (m) => warnings.push(m), ...options },
  )
  return Object.assign(app, { warnings })
}

/** `testApp` for one test file: every app it opens is disposed after each test. */
export function disposingTestApp(): typeof testApp {
  const apps: App[] = []
  afterEach(() => {
    for (const app of apps.splice(0)) app.dispose()
  })
  return async (definition, options) => {
    const app = await testApp(definition, options)
    apps.push(app)
    return app
  }
}

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

export type Handler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>

/** A real `node:http` server on 127.0.0.1, port 0, recording every request. */
export interface TestServer {
  readonly url: string
  readonly requests: SeenRequest[]
  /** Routes by `METHOD /path`, or by path for any method. */
  route(key: string, handler: Handler): void
  close(): Promise<void>
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>()
  const requests: SeenRequest[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(seen)
      const handler = routes.get(`${seen.method} ${seen.path}`) ?? routes.get(seen.path) ?? echo
      Promise.resolve(handler(seen, res)).catch((e: unknown) => {
        res.statusCode = 500
        res.end(String(e))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (key, handler) => void routes.set(key, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Answers with what was received, as JSON. */
export const echo: Handler = (req, res) => json(res, 200, { method: req.method, url: req.url, headers: req.headers, body: req.body })

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}
