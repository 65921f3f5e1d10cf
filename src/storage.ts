import { promisifyRequest, type UseStore } from 'idb-keyval'
import { readAll, readMany } from './store-disk'
import { writeOps } from './store-write-path'

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
  /** Every persisted entry, in key order; the store loads these before any page-load action runs. */
  entries(): Promise<Array<[string, unknown]>>
  /** Current values of some keys (undefined: absent), after another tab said they changed. */
  getMany(keys: readonly string[]): Promise<unknown[]>
  /** Applies `ops` in order as one atomic transaction. */
  apply(ops: readonly StoreOp[]): Promise<void>
  /** Releases the backend's connection for good (the app's `dispose`); later calls reject. */
  close?(): void
}

/**
 * The IndexedDB backend: one database per app id (`smithlet:<appId>`), so two apps on
 * one origin never see each other's keys. A batch of ops runs in a single readwrite
 * transaction; reads use idb-keyval's own `entries` / `getMany`.
 *
 * The connection never blocks another tab: when another tab deletes the database or
 * upgrades its version, this tab closes its connection at once (`versionchange`) and
 * reopens it lazily on its next read or write. Without that, a third tab opening the app
 * would wait behind the pending delete for as long as this tab stays open.
 */
export function idbStorage(appId: string, factory?: IDBFactory): StorageBackend {
  const name = `smithlet:${appId}`
  const storeName = 'store'
  // Invariant: `opening` is the connection in use or being opened; undefined once it is
  // closed (by us, by another tab's versionchange, or by the browser).
  let opening: Promise<IDBDatabase> | undefined
  // Invariant: the connection `opening` resolved to, while it is open; else undefined. It
  // lets a write start its transaction synchronously, with no await before its puts.
  let connected: IDBDatabase | undefined
  // Invariant: true once close() ran; every later read or write rejects.
  let closed = false
  const open = (): Promise<IDBDatabase> => {
    if (closed) return Promise.reject(new Error(`the store of app "${appId}" was disposed`))
    if (opening !== undefined) return opening
    // Resolved here, not at creation: where IndexedDB does not exist, the failure is a
    // rejection of the first read or write, which the store turns into memory mode.
    const idb = factory ?? globalThis.indexedDB
    if (idb === undefined) return Promise.reject(new Error('IndexedDB is not available here'))
    const request = idb.open(name)
    request.onupgradeneeded = () => request.result.createObjectStore(storeName)
    const promise = promisifyRequest(request).then((db) => {
      const forget = (): void => {
        if (opening === promise) opening = undefined
        if (connected === db) connected = undefined
      }
      db.onversionchange = () => {
        db.close()
        forget()
      }
      db.onclose = forget
      if (opening === promise) connected = db
      return db
    })
    promise.catch(() => {
      if (opening === promise) opening = undefined
    })
    opening = promise
    return promise
  }
  /** A transaction on the open connection, or null when it was closed under us (another tab's versionchange). */
  const transaction = (db: IDBDatabase, mode: IDBTransactionMode): IDBTransaction | null => {
    try {
      return db.transaction(storeName, mode)
    } catch (error) {
      if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error
      if (connected === db) connected = undefined
      return null
    }
  }
  const use: UseStore = async (mode, callback) => {
    let db = connected ?? (await open())
    let tx = transaction(db, mode)
    if (tx === null) {
      // Closed between open and now: reopen once.
      if (opening !== undefined && (await opening) === db) opening = undefined
      db = await open()
      tx = db.transaction(storeName, mode)
    }
    return callback(tx.objectStore(storeName))
  }
  return {
    kind: 'IndexedDB',
    // No copy of what is read: IndexedDB's values are fresh already.
    entries: () => use('readonly', readAll),
    getMany: (keys) => use('readonly', (s) => readMany(s, keys)),
    apply: (ops) => use('readwrite', (s) => writeOps(s, ops)),
    close() {
      closed = true
      const current = opening
      opening = undefined
      connected = undefined
      current?.then((db) => db.close(), () => undefined)
    },
  }
}

/**
 * A backend that keeps entries in a Map. It is the fallback when IndexedDB fails, and
 * lets tests share "disk" between two app instances without IndexedDB.
 */
export function memoryStorage(data: Map<string, unknown> = new Map()): StorageBackend {
  return {
    kind: 'memory',
    entries: async () => [...data].map(([k, v]): [string, unknown] => [k, structuredClone(v)]),
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
