import { describeError } from './errors'
import { batch, signal, type Signal } from './reactive'
import type { StorageBackend, StoreOp } from './storage'

/** The subset of BroadcastChannel the store uses (injectable for tests). */
export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close(): void
}

/** What one tab tells the others: which keys changed on disk. Never a value. */
interface ChangeMessage {
  readonly from: string
  /** Changed keys; `null` means the store was cleared. */
  readonly keys: readonly string[] | null
}

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

/** The default bound on hydration, in ms. */
export const HYDRATE_TIMEOUT_MS = 3_000

/**
 * `appsmith.store` with Appsmith's timing: a write is visible on the next line,
 * its Promise resolves once the write is durable, and every write issued in one
 * tick is committed in a single transaction, in call order.
 */
export interface Store {
  /** The read-only reactive view bindings see as `appsmith.store`. */
  readonly view: Readonly<Record<string, unknown>>
  storeValue(key: string, value: unknown, persist?: boolean): Promise<void>
  removeValue(key: string): Promise<void>
  clearStore(): Promise<void>
  /** Re-reads keys (all when omitted) from storage: another tab may have written them. */
  reloadStore(keys?: readonly string[]): Promise<void>
  /** Loads persisted values; `createApp` awaits it before anything runs. */
  hydrate(): Promise<void>
  /** Resolves when every write issued so far has been committed (or has failed). */
  settled(): Promise<void>
  dispose(): void
}

const READ_ONLY = 'appsmith.store is read-only: write with storeValue(key, value), removeValue(key) or clearStore()'

/** Creates the store for one app instance. */
export function createStore(options: StoreOptions): Store {
  const { channel, warn } = options
  let storage = options.storage
  /** Why persistence is off, when it failed; every persisting write rejects with it. */
  let storageFailure: unknown = null
  const instanceId = (options.random ?? Math.random)().toString(36).slice(2)

  // key → signal of its value; created on first read too, so a binding that reads a
  // key before it exists re-evaluates when it is written.
  const signals = new Map<string, Signal<unknown>>()
  // keys that currently exist (a key stored as undefined still exists).
  const present = new Set<string>()
  // bumped when `present` changes, so Object.keys(appsmith.store) is reactive.
  const keysVersion = signal(0, { name: 'appsmith.store (keys)' })
  // keys written with persist = false: tab-local, untouched by other tabs' clears.
  const memoryOnly = new Set<string>()
  // per-key count of local writes; a cross-tab reload applies only if unchanged.
  const generation = new Map<string, number>()
  let clearGeneration = 0

  // The batch being collected this tick, and the chain that commits batches in order.
  let pending: StoreOp[] | null = null
  let pendingDone: Promise<void> = Promise.resolve()
  let tail: Promise<void> = Promise.resolve()
  let disposed = false
  const warned = new Set<string>()

  const sig = (key: string): Signal<unknown> => {
    let s = signals.get(key)
    // Named for the devtools' dependency list (`appsmith.store.count`).
    if (s === undefined) signals.set(key, (s = signal<unknown>(undefined, { name: `appsmith.store.${key}` })))
    return s
  }

  const setLocal = (key: string, value: unknown): void => {
    sig(key).value = value
    if (!present.has(key)) {
      present.add(key)
      keysVersion.value++
    }
  }

  const deleteLocal = (key: string): void => {
    const s = signals.get(key)
    if (s !== undefined) s.value = undefined
    if (present.delete(key)) keysVersion.value++
  }

  const warnOnce = (message: string): void => {
    if (warned.has(message)) return
    warned.add(message)
    warn(message)
  }

  const bump = (key: string): void => {
    generation.set(key, (generation.get(key) ?? 0) + 1)
  }

  /** Collapses a batch to its final effect: one clear at most, then one op per key. */
  const collapse = (ops: readonly StoreOp[]): StoreOp[] => {
    let cleared = false
    const last = new Map<string, StoreOp>()
    for (const op of ops) {
      if (op.kind === 'clear') {
        cleared = true
        last.clear()
      } else last.set(op.key, op)
    }
    const out: StoreOp[] = cleared ? [{ kind: 'clear' }] : []
    for (const op of last.values()) out.push(op)
    return out
  }

  const commit = async (ops: StoreOp[]): Promise<void> => {
    if (storage === null) {
      // Memory by choice: nothing to persist. Memory because IndexedDB failed: say so.
      if (storageFailure === null) return
      throw storageFailure
    }
    const collapsed = collapse(ops)
    try {
      await storage.apply(collapsed)
    } catch (cause) {
      warnOnce(
        `smithlet: could not persist the store to ${storage.kind} (${describeError(cause)}); ` +
          'values stay in memory for this page',
      )
      throw cause
    }
    if (channel !== null && !disposed) {
      const cleared = collapsed.some((op) => op.kind === 'clear')
      const message: ChangeMessage = {
        from: instanceId,
        keys: cleared ? null : collapsed.map((op) => (op as { key: string }).key),
      }
      channel.postMessage(message)
    }
  }

  const enqueue = (op: StoreOp): Promise<void> => {
    if (pending === null) {
      const ops: StoreOp[] = (pending = [])
      // The batch closes when it starts committing: writes issued before then,
      // in this tick or while the previous batch was in flight, share it.
      // Every write of the batch gets this one promise (no Promise per call), marked
      // handled so a fire-and-forget write does not raise an unhandled rejection.
      pendingDone = handled(tail.then(() => {
        if (pending === ops) pending = null
        return commit(ops)
      }))
      tail = pendingDone.catch(() => undefined)
    }
    pending.push(op)
    return pendingDone
  }

  const storeValue = (key: string, value: unknown, persist = true): Promise<void> => {
    assertKey('storeValue', key)
    let copy: unknown
    try {
      copy = cloneForStore(value)
    } catch (cause) {
      // Nothing is written, neither in memory nor on disk.
      throw new TypeError(`storeValue("${key}"): the value cannot be stored: ${describeError(cause)}`, { cause })
    }
    bump(key)
    setLocal(key, copy)
    if (!persist) {
      memoryOnly.add(key)
      // A memory-only value must not be resurrected by an older persisted one on reload.
      return storage === null ? RESOLVED : enqueue({ kind: 'delete', key })
    }
    memoryOnly.delete(key)
    return enqueue({ kind: 'set', key, value: copy })
  }

  const removeValue = (key: string): Promise<void> => {
    assertKey('removeValue', key)
    bump(key)
    memoryOnly.delete(key)
    deleteLocal(key)
    return enqueue({ kind: 'delete', key })
  }

  const clearStore = (): Promise<void> => {
    clearGeneration++
    batch(() => {
      for (const key of [...present]) deleteLocal(key)
    })
    memoryOnly.clear()
    return enqueue({ kind: 'clear' })
  }

  const reloadStore = async (keys?: readonly string[]): Promise<void> => {
    if (storage === null) return
    await tail
    const clearAtStart = clearGeneration
    if (keys === undefined) {
      const before = new Map(generation)
      const entries = await storage.entries()
      if (clearAtStart !== clearGeneration || disposed) return
      const onDisk = new Set<string>()
      batch(() => {
        for (const [key, value] of entries) {
          onDisk.add(key)
          if ((generation.get(key) ?? 0) === (before.get(key) ?? 0)) setLocal(key, value)
        }
        for (const key of [...present]) {
          if (!onDisk.has(key) && !memoryOnly.has(key) && (generation.get(key) ?? 0) === (before.get(key) ?? 0)) {
            deleteLocal(key)
          }
        }
      })
      return
    }
    const wanted = keys.filter((k) => !memoryOnly.has(k))
    if (wanted.length === 0) return
    const before = wanted.map((k) => generation.get(k) ?? 0)
    const values = await storage.getMany(wanted)
    if (clearAtStart !== clearGeneration || disposed) return
    batch(() => {
      wanted.forEach((key, i) => {
        // A local write since we asked is newer than what we read: keep it.
        if ((generation.get(key) ?? 0) !== before[i]) return
        if (values[i] === undefined) deleteLocal(key)
        else setLocal(key, values[i])
      })
    })
  }

  const onMessage = (event: { data: unknown }): void => {
    const data = event.data as ChangeMessage | null
    if (data === null || typeof data !== 'object' || data.from === instanceId) return
    reloadStore(data.keys ?? undefined).catch((cause) =>
      warnOnce(`smithlet: could not read another tab's store change (${describeError(cause)})`),
    )
  }
  channel?.addEventListener('message', onMessage)

  /** Persistence is off for this page: later persisting writes reject with `cause`. */
  const fail = (backend: StorageBackend, cause: unknown): void => {
    storageFailure = cause
    warnOnce(
      `smithlet: ${backend.kind} is unavailable (${describeError(cause)}); ` +
        'the store keeps values in memory only for this page',
    )
    if (storage === backend) storage = null
  }

  /** Loads persisted entries into keys this page has not written (or cleared) since `clearAtStart`. */
  const load = (entries: ReadonlyArray<[string, unknown]>, clearAtStart: number): void => {
    if (disposed || clearAtStart !== clearGeneration) return
    batch(() => {
      for (const [key, value] of entries) if (!generation.has(key)) setLocal(key, value)
    })
  }

  const hydrate = async (): Promise<void> => {
    const backend = storage
    if (backend === null) return
    const clearAtStart = clearGeneration
    const loading = backend.entries()
    const bound = options.hydrateTimeoutMs ?? HYDRATE_TIMEOUT_MS
    const setTimer = options.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms))
    const clearTimer = options.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>))
    let timer: unknown
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimer(() => resolve('timeout'), bound)
    })
    try {
      const result = await Promise.race([loading, timedOut])
      if (result !== 'timeout') {
        load(result, clearAtStart)
        return
      }
    } catch (cause) {
      fail(backend, cause)
      return
    } finally {
      clearTimer(timer)
    }
    // Storage is held back (another tab upgrading or deleting the database): start on
    // memory now; writes queue behind the open and persist once it answers, and the
    // persisted values arrive then for every key this page has not written itself.
    warnOnce(
      `smithlet: ${backend.kind} did not answer within ${bound} ms (another tab may be upgrading or deleting ` +
        'the database); the page starts with the values in memory and saves writes once it answers',
    )
    loading.then(
      (entries) => load(entries, clearAtStart),
      (cause: unknown) => fail(backend, cause),
    )
  }

  const view = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, key) => (typeof key === 'string' ? sig(key).value : undefined),
    has: (_, key) => typeof key === 'string' && (keysVersion.value, present.has(key)),
    ownKeys: () => (keysVersion.value, [...present]),
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === 'string' && (keysVersion.value, present.has(key))
        ? { value: sig(key).value, enumerable: true, configurable: true, writable: false }
        : undefined,
    set: () => {
      throw new TypeError(READ_ONLY)
    },
    deleteProperty: () => {
      throw new TypeError(READ_ONLY)
    },
    defineProperty: () => {
      throw new TypeError(READ_ONLY)
    },
  })

  return {
    view,
    storeValue,
    removeValue,
    clearStore,
    reloadStore,
    hydrate,
    settled: () => tail,
    dispose: () => {
      disposed = true
      channel?.close()
      // Writes already committing finish first: closing waits for their transactions.
      void tail.then(() => storage?.close?.())
    },
  }
}

/**
 * Copies a value the way IndexedDB will, so memory and disk agree and a later
 * mutation of the caller's object does not leak into the store. Throws for what
 * cannot be structured-cloned (functions, symbols, DOM nodes).
 */
function cloneForStore(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`a ${typeof value} cannot be structured-cloned`)
    }
    return value
  }
  // DOM implementations outside browsers (happy-dom) clone nodes as plain objects;
  // browsers refuse them, and so do we, everywhere.
  if (typeof Node === 'function' && value instanceof Node) {
    throw new TypeError('a DOM node cannot be structured-cloned')
  }
  return structuredClone(value)
}

function assertKey(fn: string, key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError(`${fn}: the key must be a string, got ${typeof key}`)
}

/** Shared by every write that has nothing to wait for. */
const RESOLVED: Promise<void> = Promise.resolve()

/** Marks a promise as handled so a fire-and-forget write does not raise an unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}
