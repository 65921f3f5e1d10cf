/**
 * Hydration: the persisted values are loaded before anything runs, within a time limit.
 * Another tab upgrading or deleting the database can hold the read back indefinitely;
 * past the limit the page starts on memory, and the values arrive when the read answers.
 */
import { batch } from './reactive'
import type { StorageBackend } from './storage'
import type { StoreKeys } from './store-keys'

/** The default bound on hydration, in ms. */
export const HYDRATE_TIMEOUT_MS = 3_000

/** What {@link hydrateStore} needs besides the memory and the backend. */
export interface HydrateContext {
  /** The bound, in ms. */
  readonly timeoutMs: number
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
  readonly warnOnce: (message: string) => void
  /** Persistence is off: the read failed with `cause`. */
  readonly fail: (cause: unknown) => void
  /** True once the app is disposed: a late answer is dropped. */
  readonly gone: () => boolean
}

/**
 * Loads every persisted entry into the keys this page has not written, unless it cleared
 * the store meanwhile. Resolves when loaded, failed (persistence off, memory on), or the
 * bound passed (the load then lands when storage answers).
 */
export async function hydrateStore(memory: StoreKeys, backend: StorageBackend, context: HydrateContext): Promise<void> {
  const clearsAtStart = memory.clears
  const load = (entries: ReadonlyArray<readonly [string, unknown]>): void => {
    if (context.gone() || clearsAtStart !== memory.clears) return
    batch(() => {
      for (const [key, value] of entries) if ((memory.peek(key)?.written ?? 0) === 0) memory.load(key, value)
    })
  }
  const loading = backend.entries()
  let timer: unknown
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = context.setTimeout(() => resolve('timeout'), context.timeoutMs)
  })
  try {
    const result = await Promise.race([loading, timedOut])
    if (result !== 'timeout') {
      load(result)
      return
    }
  } catch (cause) {
    context.fail(cause)
    return
  } finally {
    context.clearTimeout(timer)
  }
  // Storage is held back (another tab upgrading or deleting the database): start on
  // memory now; writes queue behind the open and persist once it answers, and the
  // persisted values arrive then for every key this page has not written itself.
  context.warnOnce(
    `smithlet: ${backend.kind} did not answer within ${context.timeoutMs} ms (another tab may be upgrading or deleting ` +
      'the database); the page starts with the values in memory and saves writes once it answers',
  )
  loading.then(load, context.fail)
}
