/**
 * The store's memory: one {@link KeyState} per key this tab has read or written, the keys
 * that exist in their order, and the read-only reactive view bindings see as
 * `appsmith.store`. One Map lookup per write: the value, its signal, the key's existence,
 * its memory-only flag, its last local write and its place in the pending batch all live
 * on the key's one state object. Signals are made by the first read, so a key (or the key
 * list) no binding reads costs none: 10,000 new keys written in a tick cost 10,000 state
 * objects and Map entries, and nothing else but their values.
 */
import { batch, signal, type Signal } from './reactive'
import type { StoreOp } from './storage'

/** One key as this tab knows it. */
export class KeyState {
  /** The key itself. */
  readonly key: string
  /** The key's value; undefined while it does not exist. */
  value: unknown
  /**
   * Tracks reads of the key for bindings; made by the first read (so a key nobody reads
   * costs no signal), then always holding `value`.
   */
  signal: Signal<unknown> | undefined
  /** The key exists now (a key stored as undefined still does). */
  present: boolean
  /** Last written with persist = false: tab-local, untouched by other tabs' clears and by reloads. */
  memoryOnly: boolean
  /** `StoreKeys.writes` at this tab's last write or removal of the key; 0 if it never wrote it. */
  written: number
  /** The id of the write batch this key is queued in (store-batch.ts); any other value means none. */
  batch: number

  constructor(key: string, value: unknown) {
    this.key = key
    this.value = value
    this.signal = undefined
    this.present = false
    this.memoryOnly = false
    this.written = 0
    this.batch = 0
  }
}

/**
 * What persisting the key's last local write means now: its value, or a delete when it was
 * removed or is memory-only (an older persisted value must not come back on reload).
 * Between a write and the commit of its batch only local writes change the key (a reload
 * waits for the queue, hydration skips written keys), so this is that write's op.
 */
export function persistOp(state: KeyState): StoreOp {
  return state.present && !state.memoryOnly ? { kind: 'set', key: state.key, value: state.value } : { kind: 'delete', key: state.key }
}

/** The store's memory, written by local writes (counted) and by reads from disk (not counted). */
export interface StoreKeys {
  /** The read-only reactive view bindings see as `appsmith.store`. */
  readonly view: Readonly<Record<string, unknown>>
  /** The keys that exist, in the order they were (last) added. */
  presentKeys(): string[]
  /** How many local writes and removals there have been: compare with `KeyState.written`. */
  readonly writes: number
  /** How many local clears there have been. */
  readonly clears: number
  /** The key's state, if this tab has ever read or written it. */
  peek(key: string): KeyState | undefined
  /** A local write: the value is visible at once; returns the key's state. */
  write(key: string, value: unknown, memoryOnly: boolean): KeyState
  /** A local removal; returns the key's state. */
  remove(key: string): KeyState
  /** A local clear: every key goes, memory-only ones too. */
  clear(): void
  /** A value read from disk (another tab's write, or hydration). */
  load(key: string, value: unknown): void
  /** A key found deleted on disk. */
  unload(key: string): void
}

const READ_ONLY = 'appsmith.store is read-only: write with storeValue(key, value), removeValue(key) or clearStore()'

/** Creates an empty store memory. */
export function createStoreKeys(): StoreKeys {
  // Invariant: key → its state, for every key read or written since the store was created;
  // the present keys are in the order they became present (a key is moved to the end then).
  const states = new Map<string, KeyState>()
  // Bumped whenever a key comes or goes, so Object.keys(appsmith.store) and `in` are
  // reactive; made by the first such read (until then no binding depends on it).
  let keysVersion: Signal<number> | undefined
  // Invariant: the number of local writes and removals so far; each stamps its key's `written`.
  let writes = 0
  // Invariant: the number of local clears so far.
  let clears = 0

  const stateOf = (key: string): KeyState => {
    let state = states.get(key)
    if (state === undefined) states.set(key, (state = new KeyState(key, undefined)))
    return state
  }

  /** Reads the key as a binding does: tracked, so the reader re-runs when it changes. */
  const read = (key: string): unknown => {
    const state = stateOf(key)
    // Named for the devtools' dependency list (`appsmith.store.count`).
    state.signal ??= signal(state.value, { name: `appsmith.store.${state.key}` })
    return state.signal.value
  }

  /** Tracks the key list for a binding (`in`, Object.keys). */
  const trackKeys = (): void => {
    keysVersion ??= signal(0, { name: 'appsmith.store (keys)' })
    void keysVersion.value
  }
  const keysChanged = (): void => {
    if (keysVersion !== undefined) keysVersion.value++
  }
  const isPresent = (key: string): boolean => {
    trackKeys()
    return states.get(key)?.present === true
  }
  const presentKeys = (): string[] => {
    const keys: string[] = []
    for (const state of states.values()) if (state.present) keys.push(state.key)
    return keys
  }

  const set = (state: KeyState, value: unknown): void => {
    state.value = value
    if (state.signal !== undefined) state.signal.value = value
  }

  /** Sets the value (creating the state with it when new) and makes the key present. */
  const put = (key: string, value: unknown): KeyState => {
    let state = states.get(key)
    if (state === undefined) {
      // New keys come last in the Map already.
      states.set(key, (state = new KeyState(key, value)))
      state.present = true
      keysChanged()
      return state
    }
    set(state, value)
    if (!state.present) {
      state.present = true
      // Last in the key order, as a key added now is.
      states.delete(key)
      states.set(key, state)
      keysChanged()
    }
    return state
  }

  const drop = (state: KeyState): void => {
    set(state, undefined)
    if (state.present) {
      state.present = false
      keysChanged()
    }
  }

  const view = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_, key) => typeof key === 'string' && isPresent(key),
    ownKeys: () => (trackKeys(), presentKeys()),
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === 'string' && isPresent(key)
        ? { value: read(key), enumerable: true, configurable: true, writable: false }
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
    presentKeys,
    get writes() {
      return writes
    },
    get clears() {
      return clears
    },
    peek: (key) => states.get(key),
    write(key, value, memoryOnly) {
      const state = put(key, value)
      state.written = ++writes
      state.memoryOnly = memoryOnly
      return state
    },
    remove(key) {
      const state = stateOf(key)
      state.written = ++writes
      state.memoryOnly = false
      drop(state)
      return state
    },
    clear() {
      clears++
      batch(() => {
        for (const state of states.values()) {
          if (!state.present) continue
          state.memoryOnly = false
          drop(state)
        }
      })
    },
    load: (key, value) => void put(key, value),
    unload(key) {
      const state = states.get(key)
      if (state !== undefined) drop(state)
    },
  }
}
