import { afterEach, describe, expect, it } from 'vitest'
import { BindingError, createApp, type App } from '../../src/index'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()
type StoreValue = (key: string, value: unknown, persist?: boolean) => Promise<void>
const store = (app: App): StoreValue => app.scope.storeValue as StoreValue

describe('app.evaluate: the value of a template', () => {
  it('a template that is exactly one binding keeps the value type', async () => {
    const app = await open()
    expect(app.evaluate('{{ 1 + 1 }}')).toBe(2)
    expect(app.evaluate('{{ true }}')).toBe(true)
    expect(app.evaluate('{{ null }}')).toBeNull()
    expect(app.evaluate('{{ undefined }}')).toBeUndefined()
    expect(app.evaluate('{{ [1, "a"] }}')).toEqual([1, 'a'])
    expect(app.evaluate('{{ {a: {b: 1}} }}')).toEqual({ a: { b: 1 } })
    // Whitespace around the one binding does not make it text (Appsmith trims first).
    expect(app.evaluate('  {{ 42 }}\n')).toBe(42)
  })

  it('mixed text is a string: null and undefined become empty, objects JSON', async () => {
    const app = await open()
    expect(app.evaluate('n={{ 1 + 1 }}')).toBe('n=2')
    expect(app.evaluate('[{{ null }}|{{ undefined }}]')).toBe('[|]')
    expect(app.evaluate('o={{ {a: 1} }} a={{ [1, 2] }}')).toBe('o={"a":1} a=[1,2]')
    expect(app.evaluate('{{ true }}{{ false }}')).toBe('truefalse')
    expect(app.evaluate('plain text')).toBe('plain text')
  })

  it('<< >> means the same as {{ }}', async () => {
    const app = await open()
    await store(app)('name', 'Ada')
    expect(app.evaluate('<< 1 + 1 >>')).toBe(2)
    expect(app.evaluate('<< {a: 1} >>')).toEqual({ a: 1 })
    expect(app.evaluate('Hi << appsmith.store.name >>!')).toBe(app.evaluate('Hi {{ appsmith.store.name }}!'))
    expect(app.evaluate('<< (8 >> 1) >> and {{ 1 }}')).toBe('4 and 1')
  })

  it('a throwing binding is a BindingError value with its message and expression, never an exception', async () => {
    const app = await open()
    const value = app.evaluate('{{ appsmith.store.missing.deep }}')
    expect(value).toBeInstanceOf(BindingError)
    const error = value as BindingError
    expect(error.message).toMatch(/TypeError/)
    expect(error.message).toMatch(/deep/)
    expect(error.expression).toBe(' appsmith.store.missing.deep ')
    expect(app.evaluate('Total: {{ notAName.x }}')).toBeInstanceOf(BindingError)
    expect(app.evaluate('{{ (() => { throw "plain" })() }}')).toMatchObject({ message: expect.stringContaining('plain') })
  })

  it('an unparsable binding is a BindingError too', async () => {
    const app = await open()
    expect(app.evaluate('{{ 1 + }}')).toBeInstanceOf(BindingError)
    const unterminated = app.evaluate('a {{ b') as BindingError
    expect(unterminated).toBeInstanceOf(BindingError)
    expect(unterminated.message).toMatch(/Unterminated/)
  })

  it('a failing binding does not break the others', async () => {
    const app = await open()
    const good: unknown[] = []
    const bad: unknown[] = []
    app.watch('{{ appsmith.store.obj.x }}', (v) => bad.push(v))
    app.watch('{{ appsmith.store.n }}', (v) => good.push(v))
    await store(app)('n', 1)
    await store(app)('obj', { x: 'ok' })
    expect(bad[0]).toBeInstanceOf(BindingError)
    expect(bad.at(-1)).toBe('ok')
    expect(good).toEqual([undefined, 1])
    expect(app.evaluate('{{ 2 * 3 }}')).toBe(6)
  })

  it('a binding that returns a Promise is an error value that says what to bind instead', async () => {
    const app = await open({
      jsObjects: { JSObject1: 'export default { async load() { return 1 } }' },
    })
    const value = app.evaluate('{{ JSObject1.load() }}') as BindingError
    expect(value).toBeInstanceOf(BindingError)
    expect(value.message).toMatch(/Promise/)
    expect(value.message).toMatch(/\.data/)
    expect(app.evaluate('{{ Promise.reject(new Error("x")) }}')).toBeInstanceOf(BindingError)
  })
})

describe('app.run: trigger snippets', () => {
  it('runs statements in order and resolves with the first one’s value', async () => {
    const app = await open()
    expect(await app.run('{{ 40 + 2 }}')).toBe(42)
    await app.run('{{ storeValue("a", 1); storeValue("b", appsmith.store.a + 1) }}')
    expect(app.evaluate('{{ appsmith.store.b }}')).toBe(2)
    expect(await app.run('storeValue("c", 3).then(() => appsmith.store.c)')).toBe(3)
  })

  it('runs in one batch: a trigger writing six keys updates a binding that reads them all once', async () => {
    const app = await open()
    const seen: unknown[] = []
    app.watch('{{ [1, 2, 3, 4, 5, 6].map((i) => appsmith.store["k" + i] ?? 0).join(",") }}', (v) => seen.push(v))
    await app.run('{{ [1, 2, 3, 4, 5, 6].forEach((i) => storeValue("k" + i, i)) }}')
    expect(seen).toEqual(['0,0,0,0,0,0', '1,2,3,4,5,6'])
    // Reads inside the trigger still see each write at once.
    expect(await app.run('{{ (storeValue("k1", 10), appsmith.store.k1 + appsmith.store.k2) }}')).toBe(12)
  })

  it('rejects with the error a trigger throws', async () => {
    const app = await open()
    await expect(app.run('{{ nothing.here() }}')).rejects.toThrow(/nothing|undefined/)
    await expect(app.run('{{ Promise.reject(new Error("boom")) }}')).rejects.toThrow('boom')
  })
})

describe('app.watch: reactive subscriptions', () => {
  it('calls back now and on each change of what the template read, and stops on unsubscribe', async () => {
    const app = await open()
    const seen: unknown[] = []
    const stop = app.watch('{{ appsmith.store.a }}', (v) => seen.push(v))
    expect(seen).toEqual([undefined])
    await store(app)('b', 1)
    expect(seen).toEqual([undefined])
    await store(app)('a', 1)
    expect(seen).toEqual([undefined, 1])
    stop()
    await store(app)('a', 2)
    expect(seen).toEqual([undefined, 1])
  })

  it('a callback that throws is reported; the write that triggered it and other watchers are unaffected', async () => {
    const app = await open()
    const seen: unknown[] = []
    app.watch('{{ appsmith.store.a }}', (v) => {
      if (v === 1) throw new Error('host callback failed')
    })
    app.watch('{{ appsmith.store.a }}', (v) => seen.push(v))
    await expect(app.run('{{ storeValue("a", 1) }}')).resolves.toEqual({}) // Appsmith's store actions resolve to {}
    expect(seen).toEqual([undefined, 1])
    expect(app.warnings).toEqual([expect.stringContaining('host callback failed')])
  })

  it('tracks dynamic access: appsmith.store[key] follows the key', async () => {
    const app = await open()
    const seen: unknown[] = []
    app.watch('{{ appsmith.store[appsmith.store.which] }}', (v) => seen.push(v))
    await store(app)('x', 'X')
    await store(app)('which', 'x')
    await store(app)('y', 'Y') // not read yet
    await store(app)('which', 'y')
    await store(app)('x', 'X2') // no longer read
    expect(seen).toEqual([undefined, 'X', 'Y'])
  })

  it('changing one store key re-evaluates only the bindings that read it', async () => {
    const app = await open({
      jsObjects: {
        Counter: `export default {
          calls: {},
          read(key) {
            this.calls[key] = (this.calls[key] ?? 0) + 1
            return appsmith.store[key]
          },
        }`,
      },
    })
    const calls = (app.scope.Counter as { calls: Record<string, number> }).calls
    const values: Record<string, unknown[]> = { a: [], b: [], c: [] }
    for (const key of ['a', 'b', 'c']) app.watch(`{{ Counter.read("${key}") }}`, (v) => values[key]!.push(v))
    expect(calls).toEqual({ a: 1, b: 1, c: 1 })
    await store(app)('b', 'B')
    expect(calls).toEqual({ a: 1, b: 2, c: 1 })
    expect(values).toEqual({ a: [undefined], b: [undefined, 'B'], c: [undefined] })
    await store(app)('unrelated', 1)
    expect(calls).toEqual({ a: 1, b: 2, c: 1 })
  })
})

describe('app.scope', () => {
  it('holds entities, appsmith and the globals, and puts nothing on globalThis', async () => {
    const app = await open(
      {
        queries: [{ name: 'Api1', url: 'http://127.0.0.1:9/x' }],
        jsObjects: { JSObject1: 'export default { a: 1 }' },
      },
      { url: 'https://example.com/app/page?x=1#h', mode: 'EDIT' },
    )
    for (const name of ['Api1', 'JSObject1', 'appsmith', 'storeValue', 'removeValue', 'clearStore', 'showAlert',
      'navigateTo', 'setInterval', 'clearInterval', 'download', 'copyToClipboard', 'resetWidget']) {
      expect(app.scope, name).toHaveProperty(name)
      expect((globalThis as Record<string, unknown>)[name], name).not.toBe(app.scope[name])
    }
    expect(app.evaluate('{{ appsmith.URL.queryParams.x }}')).toBe('1')
    expect(app.evaluate('{{ appsmith.URL.pathname }}')).toBe('/app/page')
    expect(app.evaluate('{{ appsmith.mode }}')).toBe('EDIT')
    expect(app.evaluate('{{ JSObject1.a }}')).toBe(1)
  })

  it('appsmith.store is read-only', async () => {
    const app = await open()
    await expect(app.run('{{ appsmith.store.x = 1 }}')).rejects.toThrow(/read-only|storeValue/)
  })

  it('refuses two entities with one name, and an entity named like a global', async () => {
    await expect(createApp({ id: 'dup', queries: [{ name: 'A', url: '/' }], jsObjects: { A: 'export default {}' } },
      { storage: null, channel: null })).rejects.toThrow(/"A"/)
    await expect(createApp({ id: 'dup2', jsObjects: { showAlert: 'export default {}' } },
      { storage: null, channel: null })).rejects.toThrow(/global/)
  })

  it('two apps do not share a scope', async () => {
    const a = await open({ jsObjects: { J: 'export default { v: "a" }' } })
    const b = await open({ jsObjects: { J: 'export default { v: "b" }' } })
    expect(a.evaluate('{{ J.v }}')).toBe('a')
    expect(b.evaluate('{{ J.v }}')).toBe('b')
  })

  it('storage: null keeps the store in memory and storeValue still resolves', async () => {
    const app = await open({ id: 'memory-only' }, { storage: null })
    await store(app)('k', 1)
    expect(app.evaluate('{{ appsmith.store.k }}')).toBe(1)
  })

  it('dispose stops watchers', async () => {
    const app = await open()
    const seen: unknown[] = []
    app.watch('{{ appsmith.store.k }}', (v) => seen.push(v))
    const storeValue = store(app)
    app.dispose()
    await storeValue('k', 1, false)
    expect(seen).toEqual([undefined])
  })
})
