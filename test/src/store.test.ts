import 'fake-indexeddb/auto'
import { createStore as idbCreateStore, get as idbGet, keys as idbKeys } from 'idb-keyval'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, type App, type AppOptions } from '../../src/index'
import { memoryStorage, type StorageBackend } from '../../src/storage'

let seq = 0
const apps: App[] = []
const newId = (): string => `store-test-${++seq}-${Math.random().toString(36).slice(2)}`
const open = async (id: string, options: AppOptions = {}): Promise<App> => {
  const app = await createApp({ id }, { warn: () => undefined, ...options })
  apps.push(app)
  return app
}
const disk = (id: string) => idbCreateStore(`smithlet:${id}`, 'store')

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose()
  vi.restoreAllMocks()
})

describe('storeValue timing', () => {
  it('is visible on the next line and durable when its promise resolves', async () => {
    const id = newId()
    const app = await open(id)
    const done = app.run('{{ storeValue("answer", 42) }}')
    expect(app.evaluate('{{ appsmith.store.answer }}')).toBe(42)
    await done
    expect(await idbGet('answer', disk(id))).toBe(42)
  })

  it('persist = false keeps the value in memory only: not written, gone after a reload', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ storeValue("kept", 1) }}')
    await app.run('{{ storeValue("temp", "x", false) }}')
    expect(app.evaluate('{{ appsmith.store.temp }}')).toBe('x')
    expect(await idbKeys(disk(id))).toEqual(['kept'])
    app.dispose()
    const again = await open(id)
    expect(again.evaluate('{{ appsmith.store.temp }}')).toBeUndefined()
    expect(again.evaluate('{{ appsmith.store.kept }}')).toBe(1)
  })

  it('a memory-only write hides an older persisted value after a reload too', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ storeValue("k", "disk") }}')
    await app.run('{{ storeValue("k", "memory", false) }}')
    app.dispose()
    const again = await open(id)
    expect(again.evaluate('{{ appsmith.store.k }}')).toBeUndefined()
  })

  it('keeps two app ids apart on one origin', async () => {
    const a = await open(newId())
    const b = await open(newId())
    await a.run('{{ storeValue("shared", "a") }}')
    expect(b.evaluate('{{ appsmith.store.shared }}')).toBeUndefined()
  })

  it('commits N writes of one tick in one IndexedDB transaction, in call order', async () => {
    const id = newId()
    const app = await open(id)
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const writes: Promise<void>[] = []
    for (let i = 0; i < 500; i++) writes.push((app.scope.storeValue as (k: string, v: unknown) => Promise<void>)(`k${i % 10}`, i))
    await Promise.all(writes)
    const readwrite = spy.mock.calls.filter((call) => call[1] === 'readwrite')
    expect(readwrite).toHaveLength(1)
    for (let k = 0; k < 10; k++) {
      expect(await idbGet(`k${k}`, disk(id))).toBe(490 + k)
      expect(app.evaluate(`{{ appsmith.store.k${k} }}`)).toBe(490 + k)
    }
  })

  it('applies a set, a remove and a set of one key in order: the last write wins on disk', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ (storeValue("x", 1), removeValue("x"), storeValue("x", 3)) }}')
    expect(await idbGet('x', disk(id))).toBe(3)
    await app.run('{{ (storeValue("y", 1), removeValue("y")) }}')
    expect(await idbKeys(disk(id))).not.toContain('y')
    expect(app.evaluate('{{ "y" in appsmith.store }}')).toBe(false)
  })

  it('clearStore empties memory at once and disk when it resolves', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ (storeValue("a", 1), storeValue("b", 2)) }}')
    const cleared = app.run('{{ clearStore() }}')
    expect(app.evaluate('{{ Object.keys(appsmith.store) }}')).toEqual([])
    await cleared
    expect(await idbKeys(disk(id))).toEqual([])
  })
})

describe('hydration', () => {
  it('createApp resolves only after persisted values are loaded', async () => {
    const id = newId()
    const first = await open(id)
    await first.run('{{ storeValue("token", { value: "abc", n: [1, 2] }) }}')
    first.dispose()
    const second = await open(id)
    expect(second.evaluate('{{ appsmith.store.token }}')).toEqual({ value: 'abc', n: [1, 2] })
  })
})

describe('values that cannot be stored', () => {
  it('a function is a TypeError naming the key, and nothing is written', async () => {
    const id = newId()
    const app = await open(id)
    await app.run('{{ storeValue("f", "before") }}')
    await expect(app.run('{{ storeValue("f", () => 1) }}')).rejects.toThrow(TypeError)
    await expect(app.run('{{ storeValue("f", { nested: () => 1 }) }}')).rejects.toThrow(/storeValue\("f"\)/)
    expect(app.evaluate('{{ appsmith.store.f }}')).toBe('before')
    expect(await idbGet('f', disk(id))).toBe('before')
  })

  it('a symbol is refused too; a non-string key is a TypeError', async () => {
    const app = await open(newId())
    await expect(app.run('{{ storeValue("s", Symbol("x")) }}')).rejects.toThrow(TypeError)
    await expect(app.run('{{ storeValue(42, 1) }}')).rejects.toThrow(/key must be a string/)
  })

  it('stores a copy: mutating the original afterwards does not change the store', async () => {
    const app = await open(newId())
    await app.run('{{ (() => { const o = { n: 1 }; storeValue("o", o); o.n = 2 })() }}')
    expect(app.evaluate('{{ appsmith.store.o.n }}')).toBe(1)
  })

  it('appsmith.store is read-only', async () => {
    const app = await open(newId())
    expect(app.evaluate('{{ appsmith.store.x = 1 }}')).toBeInstanceOf(Error)
    expect(String(app.evaluate('{{ appsmith.store.x = 1 }}'))).toMatch(/read-only/)
  })
})

describe('degraded persistence', () => {
  it('IndexedDB unavailable: the app works on memory with one warning; writes reject with the cause', async () => {
    const cause = new Error('open refused')
    const broken: StorageBackend = {
      kind: 'IndexedDB',
      entries: () => Promise.reject(cause),
      getMany: () => Promise.reject(cause),
      apply: () => Promise.reject(cause),
    }
    const warn = vi.fn()
    const app = await open(newId(), { storage: broken, warn })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/IndexedDB is unavailable.*open refused.*memory/)
    const write = app.run('{{ storeValue("a", 1) }}')
    expect(app.evaluate('{{ appsmith.store.a }}')).toBe(1)
    await expect(write).rejects.toBe(cause)
    await app.run('{{ storeValue("b", 2).catch(() => null) }}')
    expect(app.evaluate('{{ appsmith.store.b }}')).toBe(2)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('a failing transaction (quota): that write rejects, the value stays in memory, one warning', async () => {
    const data = new Map<string, unknown>()
    const inner = memoryStorage(data)
    let fail = true
    const quota = Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' })
    const flaky: StorageBackend = { ...inner, apply: (ops) => (fail ? Promise.reject(quota) : inner.apply(ops)) }
    const warn = vi.fn()
    const app = await open(newId(), { storage: flaky, warn })
    await expect(app.run('{{ storeValue("big", "x".repeat(1000)) }}')).rejects.toBe(quota)
    await expect(app.run('{{ storeValue("big2", 1) }}')).rejects.toBe(quota)
    expect(app.evaluate('{{ appsmith.store.big.length }}')).toBe(1000)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/QuotaExceededError/)
    fail = false
    await app.run('{{ storeValue("ok", 1) }}')
    expect(data.get('ok')).toBe(1)
  })

  it('a fire-and-forget write that fails raises no unhandled rejection', async () => {
    const broken: StorageBackend = {
      kind: 'IndexedDB',
      entries: async () => [],
      getMany: async () => [],
      apply: () => Promise.reject(new Error('disk gone')),
    }
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    const app = await open(newId(), { storage: broken })
    await app.run('{{ (storeValue("a", 1), undefined) }}')
    await new Promise((r) => setTimeout(r, 20))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })
})

describe('two tabs', () => {
  it('a write in one is seen in the other, and what reads it there updates', async () => {
    const id = newId()
    const a = await open(id)
    const b = await open(id)
    const seen: unknown[] = []
    b.watch('{{ appsmith.store.color }}', (v) => seen.push(v))
    await a.run('{{ storeValue("color", "teal") }}')
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.color }}')).toBe('teal'))
    expect(seen).toEqual([undefined, 'teal'])
    await a.run('{{ removeValue("color") }}')
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.color }}')).toBeUndefined())
    await a.run('{{ storeValue("z", 1) }}')
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.z }}')).toBe(1))
    await a.run('{{ clearStore() }}')
    await vi.waitFor(() => expect(b.evaluate('{{ Object.keys(appsmith.store).length }}')).toBe(0))
  })

  it('cross-tab messages carry key names, never values', async () => {
    const id = newId()
    const posted: unknown[] = []
    const channel = (name: string) => {
      const real = new BroadcastChannel(name)
      return {
        postMessage: (m: unknown) => {
          posted.push(m)
          real.postMessage(m)
        },
        addEventListener: real.addEventListener.bind(real) as never,
        close: () => real.close(),
      }
    }
    const a = await open(id, { channel })
    await a.run('{{ storeValue("secret", "s3cr3t-value") }}')
    expect(JSON.stringify(posted)).not.toContain('s3cr3t')
    expect(JSON.stringify(posted)).toContain('secret')
  })

  it('a re-read that answers after a local write does not undo it: memory and disk both keep the write', async () => {
    const data = new Map<string, unknown>([['k', 'from the other tab']])
    const inner = memoryStorage(data)
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    // Reads what is on disk at once, answers later (as a slow IndexedDB read would).
    const slow: StorageBackend = { ...inner, getMany: (keys) => inner.getMany(keys).then((values) => answered.then(() => values)) }
    const app = await open(newId(), { storage: slow, channel: null })
    const reload = app.run('{{ reloadStore(["k"]) }}')
    const write = app.run('{{ storeValue("k", "mine") }}')
    await write
    answer()
    await reload
    expect(data.get('k')).toBe('mine')
    expect(app.evaluate('{{ appsmith.store.k }}')).toBe('mine')
  })

  it('memory-only keys stay in their tab', async () => {
    const id = newId()
    const a = await open(id)
    const b = await open(id)
    await a.run('{{ storeValue("local", 1, false) }}')
    await a.run('{{ storeValue("flush", 1) }}')
    await vi.waitFor(() => expect(b.evaluate('{{ appsmith.store.flush }}')).toBe(1))
    expect(b.evaluate('{{ appsmith.store.local }}')).toBeUndefined()
  })
})

describe('reactivity', () => {
  it('changing one key re-evaluates only the bindings that read it', async () => {
    const app = await open(newId())
    let aRuns = 0
    let bRuns = 0
    app.watch('{{ appsmith.store.a }}', () => aRuns++)
    app.watch('{{ appsmith.store.b }}', () => bRuns++)
    await app.run('{{ storeValue("a", 1) }}')
    await app.run('{{ storeValue("a", 2) }}')
    expect(aRuns).toBe(3)
    expect(bRuns).toBe(1)
  })

  it('tracks dynamic access (appsmith.store[key]) and key listing', async () => {
    const app = await open(newId())
    const values: unknown[] = []
    app.watch('{{ appsmith.store[appsmith.store.which ?? "x"] }}', (v) => values.push(v))
    const keys: unknown[] = []
    app.watch('{{ Object.keys(appsmith.store).sort().join() }}', (v) => keys.push(v))
    await app.run('{{ storeValue("y", "Y") }}')
    await app.run('{{ storeValue("which", "y") }}')
    expect(values).toEqual([undefined, 'Y'])
    expect(keys).toEqual(['', 'y', 'which,y'])
  })

  it('lists keys in the order they were (last) added, a key read before it existed included; `in` is reactive', async () => {
    const app = await open(newId(), { storage: null })
    const has: unknown[] = []
    app.watch('{{ "b" in appsmith.store }}', (v) => has.push(v))
    expect(app.evaluate('{{ appsmith.store.c }}')).toBeUndefined() // read before it exists
    await app.run('{{ (storeValue("a", 1), storeValue("b", 2), storeValue("c", 3)) }}')
    expect(app.evaluate('{{ Object.keys(appsmith.store) }}')).toEqual(['a', 'b', 'c'])
    await app.run('{{ (removeValue("a"), storeValue("b", 20), storeValue("a", 10)) }}')
    expect(app.evaluate('{{ Object.keys(appsmith.store) }}')).toEqual(['b', 'c', 'a'])
    expect(app.evaluate('{{ JSON.stringify(appsmith.store) }}')).toBe('{"b":20,"c":3,"a":10}')
    await app.run('{{ removeValue("b") }}')
    await app.run('{{ clearStore() }}')
    await app.run('{{ storeValue("b", 1) }}')
    expect(has).toEqual([false, true, false, true])
    expect(app.evaluate('{{ Object.keys(appsmith.store) }}')).toEqual(['b'])
  })
})
