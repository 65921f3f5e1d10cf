// IndexedDB never blocks the page (issue 12), on fake-indexeddb's real IndexedDB semantics
// (versionchange, blocked, queued opens). A "tab" is an app instance or a raw connection.
import 'fake-indexeddb/auto'
import { createStore as idbCreateStore, get as idbGet } from 'idb-keyval'
import { afterEach, expect, it } from 'vitest'
import { createApp, type App, type AppOptions } from '../../src/index'

let seq = 0
const apps: App[] = []
const newId = (): string => `blocking-test-${++seq}-${Math.random().toString(36).slice(2)}`
const dbName = (id: string): string => `smithlet:${id}`
async function open(id: string, options: AppOptions = {}): Promise<App & { warnings: string[] }> {
  const warnings: string[] = []
  const app = await createApp({ id }, { channel: null, warn: (m) => warnings.push(m), ...options })
  apps.push(app)
  return Object.assign(app, { warnings })
}
const disk = (id: string) => idbCreateStore(dbName(id), 'store')

/** Deletes the database; resolves with whether it was ever reported blocked. */
function deleteDatabase(name: string): Promise<{ blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false
    const request = indexedDB.deleteDatabase(name)
    request.onblocked = () => void (blocked = true)
    request.onsuccess = () => resolve({ blocked })
    request.onerror = () => reject(request.error)
  })
}

/** A connection from code that ignores versionchange (an old tab): it holds every upgrade and delete back. */
function rawConnection(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onupgradeneeded = () => request.result.createObjectStore('store')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose()
})

it('an open app closes its connection when another tab deletes the database, and reopens it for its next write', async () => {
  const id = newId()
  const first = await open(id)
  await first.run('{{ storeValue("before", 1) }}')
  const deleted = await deleteDatabase(dbName(id)) // never settles if the app keeps its connection
  expect(deleted).toEqual({ blocked: false })
  expect(await idbGet('before', disk(id))).toBeUndefined()
  const third = await open(id) // another tab of the app starts on the fresh database
  expect(third.warnings).toEqual([])
  await first.run('{{ storeValue("after", 2) }}') // the first tab reopens lazily
  expect(await idbGet('after', disk(id))).toBe(2)
  await third.run('{{ reloadStore(["after"]) }}')
  expect(third.evaluate('{{ appsmith.store.after }}')).toBe(2)
  expect(first.warnings).toEqual([])
})

it('dispose closes the connection: a delete right after it is not blocked', async () => {
  const id = newId()
  const app = await open(id)
  await app.run('{{ storeValue("k", 1) }}')
  app.dispose()
  expect(await deleteDatabase(dbName(id))).toEqual({ blocked: false })
})

it('hydration held back past its bound starts the page on memory with one warning; writes persist and values arrive once the database answers', async () => {
  const id = newId()
  const seed = await open(id)
  await seed.run('{{ storeValue("old", "persisted") }}')
  seed.dispose()
  const holder = await rawConnection(dbName(id))
  // Another tab upgrades the database; the holder blocks it, and every open queues behind it.
  const upgrade = indexedDB.open(dbName(id), 2)
  const upgraded = new Promise<IDBDatabase>((resolve) => {
    upgrade.onsuccess = () => resolve(upgrade.result)
  })
  const app = await open(id, { hydrateTimeoutMs: 50 })
  expect(app.warnings).toHaveLength(1)
  expect(app.warnings[0]).toMatch(/IndexedDB did not answer within 50 ms .* starts with the values in memory and saves writes once it answers/)
  expect(app.evaluate('{{ appsmith.store.old }}')).toBeUndefined()
  let saved = false
  const write = app.run('{{ storeValue("new", "written while blocked") }}').then(() => void (saved = true))
  expect(app.evaluate('{{ appsmith.store.new }}')).toBe('written while blocked')
  await new Promise((r) => setTimeout(r, 30))
  expect(saved).toBe(false)
  holder.close() // the old tab goes away: the upgrade runs, then the app's open
  ;(await upgraded).close()
  await write
  expect(await idbGet('new', disk(id))).toBe('written while blocked')
  expect(app.evaluate('{{ appsmith.store.old }}')).toBe('persisted')
  expect(app.warnings).toHaveLength(1)
})
