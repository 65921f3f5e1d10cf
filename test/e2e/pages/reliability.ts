/**
 * The reliability page (issue 12): `window.e2e` starts one smithlet app on the browser's
 * real IndexedDB, plays the other tabs' parts (a raw connection that ignores
 * versionchange, a pending deleteDatabase) and mounts widgets for the XSS-through-attribute
 * case. Each page is one tab; tests open several in one context.
 */
import { createApp, type App } from '../../../src/index'
import '../../../widgets/define'

/** One readonly request on the app's database, from a raw connection of its own. */
async function onDisk(name: string, read: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onupgradeneeded = () => request.result.createObjectStore('store')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  try {
    return await new Promise((resolve, reject) => {
      const request = read(db.transaction('store', 'readonly').objectStore('store'))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}

let app: App | undefined
const warnings: string[] = []
let raw: IDBDatabase | undefined
let deletion: { done: boolean; blocked: boolean } | undefined

const e2e = {
  /** Creates the app and mounts `html`; resolves with how long it took and the warnings. */
  async startApp(id: string, html: string, hydrateTimeoutMs?: number): Promise<{ ms: number; warnings: string[] }> {
    const start = performance.now()
    document.body.innerHTML = html
    app = await createApp({ id }, { warn: (m) => void warnings.push(m), hydrateTimeoutMs })
    await app.mount(document.body)
    return { ms: performance.now() - start, warnings: [...warnings] }
  },
  /** Starts a storeValue; `written()` says when it is durable. */
  store(key: string, value: unknown): void {
    const done = app!.run(`{{ storeValue(${JSON.stringify(key)}, ${JSON.stringify(value)}) }}`)
    void done.then(() => void (written[key] = true))
  },
  /** `n` storeValue calls in one tick (`prefix0` … → `{ i, label }`); resolves when all are durable. */
  async storeMany(prefix: string, n: number): Promise<void> {
    const storeValue = app!.scope.storeValue as (key: string, value: unknown) => Promise<unknown>
    const writes: Array<Promise<unknown>> = []
    for (let i = 0; i < n; i++) writes.push(storeValue(`${prefix}${i}`, { i, label: `value ${i}` }))
    await Promise.all(writes)
  },
  written(key: string): boolean {
    return written[key] === true
  },
  evaluate(template: string): unknown {
    return app!.evaluate(template)
  },
  errors(): Array<{ property?: string; message: string }> {
    return app!.errors.map((e) => ({ property: e.property, message: e.message }))
  },
  warnings(): string[] {
    return [...warnings]
  },
  /** A connection from code that never closes on versionchange (an old tab). */
  async holdRaw(name: string): Promise<void> {
    raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onupgradeneeded = () => request.result.createObjectStore('store')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  },
  releaseRaw(): void {
    raw?.close()
  },
  /** Starts deleting the database; `deletion()` reports its progress. */
  deleteDb(name: string): void {
    const state: { done: boolean; blocked: boolean } = { done: false, blocked: false }
    deletion = state
    const request = indexedDB.deleteDatabase(name)
    request.onblocked = () => void (state.blocked = true)
    request.onsuccess = () => void (state.done = true)
  },
  deletion(): { done: boolean; blocked: boolean } | undefined {
    return deletion
  },
  /** Every record key straight from the app's database (strings, batch numbers, [key] markers). */
  async diskKeys(name: string): Promise<unknown[]> {
    return onDisk(name, (s) => s.getAllKeys()) as Promise<unknown[]>
  },
  /** Reads a key straight from the app's database. */
  async readDisk(name: string, key: string): Promise<unknown> {
    return onDisk(name, (s) => s.get(key))
  },
}
const written: Record<string, boolean> = {}

;(window as unknown as { e2e: typeof e2e }).e2e = e2e
document.title = 'ready'
