/**
 * The loopback REST API the import e2e tests route every imported datasource to: CORS open
 * to the page, one JSON shape for every path (Gitea's search `{ data: [...] }` and a list).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A running fixture API. */
export interface FixtureApi {
  readonly url: string
  /** `METHOD /path?query` of each request but CORS preflights, in order. */
  readonly seen: string[]
  close(): Promise<void>
}

/** Starts the fixture API on 127.0.0.1 (a free port). */
export async function startFixtureApi(): Promise<FixtureApi> {
  const seen: string[] = []
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-headers', '*')
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
    if (req.method === 'OPTIONS') return void res.end()
    seen.push(`${req.method} ${req.url}`)
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ data: [{ id: 1, name: 'repo-one' }, { id: 2, name: 'repo-two' }], ok: true }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
