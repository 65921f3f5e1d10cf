/** Timers for tests that need to see what the code under test schedules. */
import type { Timers } from '../../src/reactive'

/** The environment's timers, recording every delay `setTimeout` is asked for in `delays`. */
export function recordingTimers(): Timers & { readonly delays: number[] } {
  const delays: number[] = []
  return {
    delays,
    setTimeout: (callback, ms) => (delays.push(ms), setTimeout(callback, ms)),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  }
}
