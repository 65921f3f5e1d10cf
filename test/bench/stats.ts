/** Small statistics and timing helpers shared by every benchmark. No timed assertions: figures only. */
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The `p`-th percentile (0–100), nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

/** Milliseconds since an arbitrary origin (monotonic). */
export const now = (): number => performance.now()

/** Times an async function once, in ms. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = now()
  await fn()
  return now() - start
}

/** Lets pending I/O callbacks, timers and microtasks run (GC pauses settle between phases). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

// A full GC between measured phases, so one phase's garbage is not collected on the
// next one's clock. `--expose-gc` set at run time exposes `gc` to new contexts only.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as (() => void) | undefined

/** Runs a full garbage collection (a no-op if the engine refuses). */
export function gc(): void {
  collect?.()
}

/** Per-round ratios ours[i] / base[i] (the rounds were interleaved), with median and range. */
export interface RatioStats {
  readonly ratios: number[]
  readonly median: number
  readonly min: number
  readonly max: number
}

/** The ratio of paired rounds: `ours[i] / base[i]` for each round i. */
export function pairedRatios(ours: readonly number[], base: readonly number[]): RatioStats {
  const ratios = ours.map((o, i) => o / base[i]!)
  return { ratios, median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) }
}
