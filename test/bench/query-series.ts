/**
 * The issue-4 measurement, shared by Node (node/queries.ts) and Chromium
 * (browser/queries-page.ts): `Q.run()`, a raw `fetch(url).then(r => r.json())` and —
 * as a breakdown, not the baseline — fetch with the abort timer Q.run needs for its
 * timeout, run sequentially and interleaved in rotating order so that no side gets the
 * warmer connection or the quieter moment. Every body must be the bench's `{ id: 42 }`.
 */
import type { Query } from '../../src/index'

export type QuerySide = 'ours' | 'raw' | 'timeout'

/** Per-request times in ms for each side, after `warmup` untimed rounds. */
export async function timeQuerySides(Q: Query, url: string, runs: number, warmup: number): Promise<Record<QuerySide, number[]>> {
  const raw = async (): Promise<unknown> => {
    const response = await fetch(url)
    return response.json()
  }
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
  const sides: Record<QuerySide, () => Promise<unknown>> = { ours: () => Q.run(), raw, timeout: rawWithTimeout }
  const times: Record<QuerySide, number[]> = { ours: [], raw: [], timeout: [] }
  const orders: QuerySide[][] = [
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
  return times
}
