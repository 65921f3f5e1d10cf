/**
 * The store's records on disk (src/store-disk.ts) on fake-indexeddb: a large batch is one
 * record, and whatever mix of small and large batches, removals and clears is written,
 * every read (hydration's `entries`, another tab's `getMany`) sees exactly what a plain
 * key → value map would hold; a database of the old format reads as it did.
 */
import 'fake-indexeddb/auto'
import { createStore as idbCreateStore, entries as idbEntries, keys as idbKeys, set as idbSet, setMany as idbSetMany } from 'idb-keyval'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, type App } from '../../src/index'
import { idbStorage, type StoreOp } from '../../src/storage'
import { BATCH_RECORD_MIN } from '../../src/store-disk'

let seq = 0
const newId = (): string => `store-disk-${++seq}-${Math.random().toString(36).slice(2)}`
const disk = (id: string) => idbCreateStore(`smithlet:${id}`, 'store')
const apps: App[] = []
const open = async (id: string): Promise<App> => {
  const app = await createApp({ id }, { warn: () => undefined })
  apps.push(app)
  return app
}
type StoreValue = (key: string, value: unknown) => Promise<unknown>
const writer = (app: App): StoreValue => app.scope.storeValue as StoreValue

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose()
  vi.restoreAllMocks()
})

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('a large batch', () => {
  it(`${BATCH_RECORD_MIN}+ writes in one tick are one record; a fresh tab reads them all, in key order`, async () => {
    const id = newId()
    const app = await open(id)
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    await Promise.all(Array.from({ length: 1000 }, (_, i) => writer(app)(`k${i}`, { i, label: `value ${i}` })))
    expect(put).toHaveBeenCalledTimes(1)
    expect(await idbKeys(disk(id))).toEqual([1])
    app.dispose()
    const again = await open(id)
    expect(again.evaluate('{{ appsmith.store.k999 }}')).toEqual({ i: 999, label: 'value 999' })
    const keys = again.evaluate('{{ Object.keys(appsmith.store) }}') as string[]
    expect(keys).toHaveLength(1000)
    expect(keys).toEqual([...keys].sort())
  })

  it('a small write or a removal after it wins, on reload and in another tab', async () => {
    const id = newId()
    const a = await open(id)
    const b = await open(id)
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer(a)(`k${i}`, i)))
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.k150 }}')).toBe(150))
    await a.run('{{ (storeValue("k1", "small"), removeValue("k2")) }}')
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.k1 }}')).toBe('small'))
    expect(b.evaluate('{{ "k2" in appsmith.store }}')).toBe(false)
    const fresh = await open(id)
    expect(fresh.evaluate('{{ [appsmith.store.k1, "k2" in appsmith.store, appsmith.store.k3] }}')).toEqual(['small', false, 3])
  })

  it('a second large batch replaces the record: still one, markers gone, every value right', async () => {
    const id = newId()
    const app = await open(id)
    await Promise.all(Array.from({ length: 150 }, (_, i) => writer(app)(`k${i}`, 'first')))
    await app.run('{{ (storeValue("k0", "small"), removeValue("k1"), storeValue("extra", 1)) }}')
    await Promise.all(Array.from({ length: 150 }, (_, i) => writer(app)(`k${i + 100}`, 'second')))
    expect((await idbKeys(disk(id))).filter((key) => typeof key !== 'string')).toEqual([2])
    app.dispose()
    const again = await open(id)
    expect(again.evaluate('{{ [appsmith.store.k0, "k1" in appsmith.store, appsmith.store.k99, appsmith.store.k100, appsmith.store.k249, appsmith.store.extra] }}')).toEqual([
      'small',
      false,
      'first',
      'second',
      'second',
      1,
    ])
    expect((again.evaluate('{{ Object.keys(appsmith.store) }}') as string[]).length).toBe(250)
  })

  it('clearStore after it leaves nothing on disk', async () => {
    const id = newId()
    const app = await open(id)
    await Promise.all(Array.from({ length: 300 }, (_, i) => writer(app)(`k${i}`, i)))
    await app.run('{{ clearStore() }}')
    expect(await idbKeys(disk(id))).toEqual([])
  })

  it('a transaction that fails midway leaves the state before it (nothing of the batch lands)', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ storeValue("kept", "old") }}')
    const original = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      if (typeof key === 'number') throw new DOMException('disk full', 'QuotaExceededError')
      return original.call(this, value, key)
    })
    const writes = Array.from({ length: 200 }, (_, i) => writer(app)(i === 0 ? 'kept' : `k${i}`, 'new'))
    await expect(Promise.all(writes)).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await idbEntries(disk(id))).toEqual([['kept', 'old']])
  })
})

describe('the old format (key records only)', () => {
  it('reads as before, and a large batch over it overrides its keys, removals included', async () => {
    const id = newId()
    await idbSetMany([['a', 1], ['b', { deep: [1] }], ['gone', 'x']], disk(id))
    const app = await open(id)
    expect(app.evaluate('{{ [appsmith.store.a, appsmith.store.b] }}')).toEqual([1, { deep: [1] }])
    const ops = Array.from({ length: 120 }, (_, i) => writer(app)(`n${i}`, i))
    ops.push(app.run('{{ (storeValue("a", 2), removeValue("gone")) }}') as Promise<unknown>)
    await Promise.all(ops)
    app.dispose()
    const again = await open(id)
    expect(again.evaluate('{{ [appsmith.store.a, appsmith.store.b, "gone" in appsmith.store, appsmith.store.n119] }}')).toEqual([2, { deep: [1] }, false, 119])
  })
})

describe('reads always equal a plain map of the writes', () => {
  it('random mixes of small and large batches, removals and clears, read whole and key by key', async () => {
    const random = prng(20261202)
    for (let round = 0; round < 6; round++) {
      const id = newId()
      const backend = idbStorage(id)
      if (round % 2 === 1) await idbSet('legacy', 'old format', disk(id))
      const model = new Map<string, unknown>(round % 2 === 1 ? [['legacy', 'old format']] : [])
      const pool = Array.from({ length: 300 }, (_, i) => `key${i}`).concat('legacy')
      for (let step = 0; step < 12; step++) {
        const size = random() < 0.5 ? 1 + Math.floor(random() * 10) : BATCH_RECORD_MIN + Math.floor(random() * 150)
        const ops: StoreOp[] = random() < 0.08 ? [{ kind: 'clear' }] : []
        if (ops.length) model.clear()
        const used = new Set<string>()
        for (let i = 0; i < size; i++) {
          const key = pool[Math.floor(random() * pool.length)]!
          if (used.has(key)) continue // a batch lists each key once, as the write queue makes it
          used.add(key)
          if (random() < 0.2) {
            ops.push({ kind: 'delete', key })
            model.delete(key)
          } else {
            const value = { step, i, tag: random().toString(36) }
            ops.push({ kind: 'set', key, value })
            model.set(key, value)
          }
        }
        await backend.apply(ops)
        const expected = [...model].sort(([a], [b]) => (a < b ? -1 : 1))
        expect(await backend.entries()).toEqual(expected)
        const few = pool.slice(0, 1 + Math.floor(random() * 20))
        expect(await backend.getMany(few)).toEqual(few.map((key) => model.get(key)))
        expect(await backend.getMany(pool)).toEqual(pool.map((key) => model.get(key)))
        const batchRecords = (await idbKeys(disk(id))).filter((key) => typeof key === 'number')
        expect(batchRecords.length).toBeLessThanOrEqual(1)
      }
      backend.close?.()
    }
  })
})
