/**
 * Issue 4: `Q.run()` against a raw `fetch` + `response.json()` to the same loopback
 * endpoint, 1,000 sequential runs each, interleaved in rotating order so that neither
 * side gets the warmer connection pool or the quieter moment. A third series, fetch with
 * the abort timer that Q.run's timeout needs, shows where the difference goes.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, memoryStorage, type Query } from '../../../src/index'
import type { Row } from '../report'
import { duration, ratio } from '../report'
import { timeQuerySides } from '../query-series'
import { median, percentile } from '../stats'

const RUNS = 1_000
const WARMUP = 100
const BODY = JSON.stringify({ ok: true, id: 42, name: 'smithlet', tags: ['a', 'b'] })

/** A node:http server on 127.0.0.1 answering every request with a small JSON body. */
async function jsonServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) })
      res.end(BODY)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export async function benchQueries(log: (message: string) => void): Promise<Row[]> {
  const server = await jsonServer()
  const app = await createApp(
    { id: 'bench-queries', queries: [{ name: 'Q', url: `${server.url}/ping` }] },
    { storage: memoryStorage(), channel: null, warn: () => undefined },
  )
  try {
    const Q = app.scope.Q as Query
    const url = `${server.url}/ping`
    log('queries: 1,000 Q.run and 1,000 fetch, interleaved')
    const times = await timeQuerySides(Q, url, RUNS, WARMUP)
    const { ours, raw: base, timeout } = times
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
    const m = median(ours)
    const b = median(base)
    return [
      {
        issue: 4,
        name: 'Q.run vs raw fetch, per request (loopback, small JSON)',
        ours: duration(m),
        baseline: duration(b),
        ratio: ratio(m, b),
        note:
          `target < 1.1×; median of ${RUNS} sequential each, interleaved; p95 ${duration(percentile(ours, 95))} vs ${duration(percentile(base, 95))}; total ratio ${ratio(sum(ours), sum(base))}; ` +
          `fetch with an AbortController timeout as Q.run has: ${duration(median(timeout))} (Q.run ÷ that ${ratio(m, median(timeout))})`,
        data: { oursMedianMs: m, baselineMedianMs: b, withTimeoutMedianMs: median(timeout), oursTotalMs: sum(ours), baselineTotalMs: sum(base) },
      },
    ]
  } finally {
    app.dispose()
    await server.close()
  }
}
