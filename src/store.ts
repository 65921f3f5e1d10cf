/**
 * `appsmith.store`: the wiring of its parts — the memory bindings read (store-keys.ts),
 * the write queue (store-batch.ts, through store-write-path.ts, which a built app that never
 * writes the store goes without), the persistence it commits to (storage.ts), the other
 * tabs (store-tabs.ts) and hydration (store-hydrate.ts). This file owns what they share:
 * whether persistence is still on, and the warnings.
 */
import { describeError } from './errors'
import type { StorageBackend, StoreOp } from './storage'
import type { StoreWritten } from './store-batch'
import { HYDRATE_TIMEOUT_MS, hydrateStore } from './store-hydrate'
import { createStoreKeys } from './store-keys'
import { changeMessage, listenForChanges, reloadKeys, type ChannelLike } from './store-tabs'
import { assertKey } from './store-value'
import { cloneForStore, createWriteQueue } from './store-write-path'

export type { ChannelLike } from './store-tabs'
export type { StoreWritten } from './store-batch'
export { HYDRATE_TIMEOUT_MS } from './store-hydrate'

/** What {@link createStore} is given by its app. */
export interface StoreOptions {
  /** Where persisted values live; `null` keeps everything in memory. */
  readonly storage: StorageBackend | null
  /** Cross-tab notifications; `null` turns them off. */
  readonly channel: ChannelLike | null
  /** Reports degraded persistence, once per cause. */
  readonly warn: (message: string) => void
  /**
   * How long hydration may wait for storage before the page starts on memory (another
   * tab upgrading or deleting the database can hold it back indefinitely). Default 3 s.
   */
  readonly hydrateTimeoutMs?: number
  /** Timers for that bound. Default: the global ones. */
  readonly setTimeout?: (callback: () => void, ms: number) => unknown
  readonly clearTimeout?: (handle: unknown) => void
  /** Randomness for this tab's instance id. Default: Math.random. */
  readonly random?: () => number
}

/**
 * `appsmith.store` with Appsmith's timing: a write is visible on the next line,
 * its Promise resolves (to `{}`) once the write is durable, and every write issued in
 * one tick is committed in a single transaction, in call order.
 */
export interface Store {
  /** The read-only reactive view bindings see as `appsmith.store`. */
  readonly view: Readonly<Record<string, unknown>>
  storeValue(key: string, value: unknown, persist?: boolean): Promise<StoreWritten>
  removeValue(key: string): Promise<StoreWritten>
  clearStore(): Promise<StoreWritten>
  /** Re-reads keys (all when omitted) from storage: another tab may have written them. */
  reloadStore(keys?: readonly string[]): Promise<void>
  /** Loads persisted values; `createApp` awaits it before anything runs. */
  hydrate(): Promise<void>
  /** Resolves when every write issued so far has been committed (or has failed). */
  settled(): Promise<void>
  dispose(): void
}

/** Creates the store for one app instance. */
export function createStore(options: StoreOptions): Store {
  const { channel, warn } = options
  // Invariant: the backend writes go to; null when memory is by choice or persistence failed.
  let storage = options.storage
  // Invariant: why persistence is off when it failed (every persisting write rejects with it); else null.
  let storageFailure: unknown = null
  // Invariant: true once dispose() ran; nothing is posted or loaded after that.
  let disposed = false
  // Invariant: the warnings already given (each is given once).
  const warned = new Set<string>()
  // This tab's id in cross-tab messages, so it ignores its own.
  const instanceId = (options.random ?? Math.random)().toString(36).slice(2)
  // What bindings read; written at once by every write, before it is queued.
  const memory = createStoreKeys()

  const warnOnce = (message: string): void => {
    if (warned.has(message)) return
    warned.add(message)
    warn(message)
  }

  const commit = async (ops: readonly StoreOp[]): Promise<void> => {
    if (storage === null) {
      // Memory by choice: nothing to persist. Memory because IndexedDB failed: say so.
      if (storageFailure === null) return
      throw storageFailure
    }
    try {
      await storage.apply(ops)
    } catch (cause) {
      warnOnce(
        `smithlet: could not persist the store to ${storage.kind} (${describeError(cause)}); ` +
          'values stay in memory for this page',
      )
      throw cause
    }
    if (channel !== null && !disposed) channel.postMessage(changeMessage(instanceId, ops))
  }
  // Batches the writes of a tick (and those issued while a batch commits) into one commit.
  const queue = createWriteQueue(commit)

  /** Persistence is off for this page: later persisting writes reject with `cause`. */
  const fail = (backend: StorageBackend, cause: unknown): void => {
    storageFailure = cause
    warnOnce(
      `smithlet: ${backend.kind} is unavailable (${describeError(cause)}); ` +
        'the store keeps values in memory only for this page',
    )
    if (storage === backend) storage = null
  }

  const reloadStore = async (keys?: readonly string[]): Promise<void> => {
    if (storage === null) return
    // Every write up to now is committed once the queue settles: what is read then is
    // newer than they are, and later writes (still queued, perhaps) keep their value.
    const since = memory.writes
    await queue.settled()
    if (storage !== null) await reloadKeys(memory, storage, keys, since, () => disposed)
  }
  if (channel !== null) {
    listenForChanges(channel, instanceId, (keys) =>
      reloadStore(keys).catch((cause) => warnOnce(`smithlet: could not read another tab's store change (${describeError(cause)})`)),
    )
  }

  return {
    view: memory.view,
    storeValue(key, value, persist = true) {
      assertKey('storeValue', key)
      let copy: unknown
      try {
        copy = cloneForStore(value)
      } catch (cause) {
        // Nothing is written, neither in memory nor on disk.
        throw new TypeError(`storeValue("${key}"): the value cannot be stored: ${describeError(cause)}`, { cause })
      }
      const state = memory.write(key, copy, !persist)
      // Memory-only with nothing persisted: nothing to wait for. Otherwise the key is queued
      // (a memory-only one as a delete, so an older persisted value is not resurrected).
      return !persist && storage === null ? Promise.resolve({}) : queue.write(state)
    },
    removeValue(key) {
      assertKey('removeValue', key)
      return queue.write(memory.remove(key))
    },
    clearStore() {
      memory.clear()
      return queue.clear()
    },
    reloadStore,
    hydrate() {
      const backend = storage
      if (backend === null) return Promise.resolve()
      return hydrateStore(memory, backend, {
        timeoutMs: options.hydrateTimeoutMs ?? HYDRATE_TIMEOUT_MS,
        setTimeout: options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms)),
        clearTimeout: options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)),
        warnOnce,
        fail: (cause) => fail(backend, cause),
        gone: () => disposed,
      })
    },
    settled: queue.settled,
    dispose() {
      disposed = true
      channel?.close()
      // Writes already committing finish first: closing waits for their transactions.
      void queue.settled().then(() => storage?.close?.())
    },
  }
}
