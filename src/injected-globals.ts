/**
 * The names a host's options replace for code: the injected clock (`Date`), randomness
 * (`Math.random`), `fetch` and Web Locks (`navigator.locks`). An optional part
 * (./features.ts): only a hand-written host or a test passes these options, never the
 * entry `smithlet build` generates, so a built app carries none of it.
 */
import type { AppOptions } from './app-types'
import { clockDate } from './clock'

/** The names the options replace for code, by name. */
export function injectedGlobals(options: AppOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (options.now) out.Date = clockDate(options.now)
  // Code sees the injected randomness as Math.random; the rest of Math is the real one.
  if (options.random) out.Math = Object.create(Math, { random: { value: options.random } })
  if (options.fetch) out.fetch = options.fetch
  if (options.locks !== undefined) {
    const base = (globalThis as { navigator?: object }).navigator ?? {}
    out.navigator = Object.create(base, { locks: { value: options.locks ?? undefined } })
  }
  return out
}
