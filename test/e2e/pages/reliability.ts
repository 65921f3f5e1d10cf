/**
 * The reliability page (issue 12): `window.e2e` starts one smithlet app on the browser's
 * real IndexedDB, plays the other tabs' parts (a raw connection that ignores
 * versionchange, a pending deleteDatabase) and mounts widgets for the XSS-through-attribute
 * case. Each page is one tab; tests open several in one context.
 */
import { createApp, type App } from '../../../src/index'
import '../../../widgets/define'

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
  /** Reads a key straight from the app's database. */
  async readDisk(name: string, key: string): Promise<unknown> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onupgradeneeded = () => request.result.createObjectStore('store')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      return await new Promise((resolve, reject) => {
        const request = db.transaction('store', 'readonly').objectStore('store').get(key)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  },
}
const written: Record<string, boolean> = {}

;(window as unknown as { e2e: typeof e2e }).e2e = e2e
document.title = 'ready'
