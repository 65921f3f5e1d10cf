/**
 * The issue-4 page for Chromium: `window.bench.queries(runs, warmup)` runs `Q.run()` (an
 * app with one GET query) against a raw `fetch(url).then(r => r.json())` to the same
 * same-origin endpoint, plus the raw fetch with the AbortController timeout Q.run needs,
 * all sequential and interleaved in rotating order, as test/bench/node/queries.ts does
 * in Node. Each request is timed with `performance.now()` in the page; the page is
 * served cross-origin isolated, so the clock is coarsened to 5 µs rather than 100 µs.
 */
import { createApp, memoryStorage, type Query } from '../../../src/index'
import { timeQuerySides } from '../query-series'

export interface QueriesRun {
  ours: number[]
  raw: number[]
  timeout: number[]
  crossOriginIsolated: boolean
  userAgent: string
}

async function queries(runs: number, warmup: number): Promise<QueriesRun> {
  const url = `${location.origin}/ping`
  const app = await createApp(
    { id: 'bench-queries-chromium', queries: [{ name: 'Q', url }] },
    { storage: memoryStorage(), channel: null, warn: () => undefined },
  )
  try {
    const Q = app.scope.Q as Query
    const times = await timeQuerySides(Q, url, runs, warmup)
    return { ...times, crossOriginIsolated: globalThis.crossOriginIsolated === true, userAgent: navigator.userAgent }
  } finally {
    app.dispose()
  }
}

;(window as unknown as { bench: unknown }).bench = { queries }
document.title = 'ready'
