import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'

/** One change to the persisted store, applied in order. */
export type StoreOp =
  | { readonly kind: 'set'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly key: string }
  | { readonly kind: 'clear' }

/**
 * Where `appsmith.store` persists. The store never touches IndexedDB directly, so
 * tests can inject a backend that fails on cue, and the memory fallback is the same
 * shape as the real thing.
 */
export interface StorageBackend {
  /** A short name for warnings ("IndexedDB", "memory"). */
  readonly kind: string
  /** Every persisted entry; the store loads these before any page-load action runs. */
  entries(): Promise<Array<[string, unknown]>>
  /** Current values of some keys (after another tab said they changed). */
  getMany(keys: readonly string[]): Promise<unknown[]>
  /** Applies `ops` in order as one atomic transaction. */
  apply(ops: readonly StoreOp[]): Promise<void>
}

/**
 * The IndexedDB backend: one database per app id (`smithlet:<appId>`), so two apps on
 * one origin never see each other's keys. Uses idb-keyval's custom store; a batch of
 * ops runs in a single readwrite transaction.
 */
export function idbStorage(appId: string): StorageBackend {
  let use: UseStore | undefined
  // createStore opens the database at once and throws synchronously where
  // IndexedDB does not exist; defer it so the failure surfaces as a rejection.
  const store = (): UseStore => (use ??= createStore(`smithlet:${appId}`, 'store'))
  return {
    kind: 'IndexedDB',
    entries: () =>
      store()('readonly', (s) =>
        Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]).then(
          ([keys, values]) => keys.map((k, i) => [String(k), values[i]] as [string, unknown]),
        ),
      ),
    getMany: (keys) =>
      store()('readonly', (s) => Promise.all(keys.map((k) => promisifyRequest(s.get(k))))),
    apply: (ops) =>
      store()('readwrite', (s) => {
        for (const op of ops) {
          if (op.kind === 'set') s.put(op.value, op.key)
          else if (op.kind === 'delete') s.delete(op.key)
          else s.clear()
        }
        return promisifyRequest(s.transaction)
      }),
  }
}

/**
 * A backend that keeps entries in a Map. It is the fallback when IndexedDB fails, and
 * lets tests share "disk" between two app instances without IndexedDB.
 */
export function memoryStorage(data: Map<string, unknown> = new Map()): StorageBackend {
  return {
    kind: 'memory',
    entries: async () => [...data].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]),
    getMany: async (keys) => keys.map((k) => structuredClone(data.get(k))),
    apply: async (ops) => {
      for (const op of ops) {
        if (op.kind === 'set') data.set(op.key, structuredClone(op.value))
        else if (op.kind === 'delete') data.delete(op.key)
        else data.clear()
      }
    },
  }
}
