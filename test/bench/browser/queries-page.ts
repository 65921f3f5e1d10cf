/**
 * The issue-4 page for Chromium: `window.bench.queries(runs, warmup)` runs `Q.run()` (an
 * app with one GET query) against a raw `fetch(url).then(r => r.json())` to the same
 * same-origin endpoint, plus the raw fetch with the AbortController timeout Q.run needs,
 * all sequential and interleaved in rotating order, as test/bench/node/queries.ts does
 * in Node. Each request is timed with `performance.now()` in the page; the page is
 * served cross-origin isolated, so the clock is coarsened to 5 µs rather than 100 µs.
 */
import { createApp, memoryStorage, type Query } from '../../../src/index'

type Side = 'ours' | 'raw' | 'timeout'

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
    const raw = async (): Promise<unknown> => {
      const response = await fetch(url)
      return response.json()
    }
    // Not the baseline, a breakdown: raw fetch with the abort timer Q.run needs for its timeout.
    const rawWithTimeout = async (): Promise<unknown> => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 10_000)
      try {
        const response = await fetch(url, { signal: controller.signal })
        return await response.json()
      } finally {
        clearTimeout(timer)
      }
    }
    const sides: Record<Side, () => Promise<unknown>> = { ours: () => Q.run(), raw, timeout: rawWithTimeout }
    const times: Record<Side, number[]> = { ours: [], raw: [], timeout: [] }
    const orders: Side[][] = [
      ['ours', 'raw', 'timeout'],
      ['raw', 'timeout', 'ours'],
      ['timeout', 'ours', 'raw'],
    ]
    for (let i = 0; i < warmup + runs; i++) {
      for (const side of orders[i % orders.length]!) {
        const start = performance.now()
        const body = (await sides[side]()) as { id?: number }
        const t = performance.now() - start
        if (body?.id !== 42) throw new Error(`queries: ${side} got a wrong body`)
        if (i >= warmup) times[side].push(t)
      }
    }
    return { ...times, crossOriginIsolated: globalThis.crossOriginIsolated === true, userAgent: navigator.userAgent }
  } finally {
    app.dispose()
  }
}

;(window as unknown as { bench: unknown }).bench = { queries }
document.title = 'ready'
