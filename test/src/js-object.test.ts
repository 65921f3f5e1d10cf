import { afterEach, describe, expect, it } from 'vitest'
import { BindingError, createApp, type App } from '../../src/index'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()
type Fn = ((...args: unknown[]) => unknown) & { data: unknown }
const entity = (app: App, name: string) => app.scope[name] as Record<string, Fn & unknown>

describe('JS object source', () => {
  it('accepts `export default { … }` as Appsmith writes it, comments before and after included', async () => {
    const app = await open({
      jsObjects: {
        JSObject1: `// A JS object, as exported from Appsmith
/* block comment with export default { fake } inside */
export default {
  // a comment inside
  greeting: "hi, }} and >> are fine in strings",
  hello(name) { return \`\${this.greeting} \${name}\` },
};
// trailing comment`,
      },
    })
    expect(app.evaluate('{{ JSObject1.hello("Ada") }}')).toBe('hi, }} and >> are fine in strings Ada')
  })

  it.each([
    ['export const', 'export const x = { a: 1 }'],
    ['module.exports', 'module.exports = { a: 1 }'],
    ['a bare object', '{ a: 1 }'],
    ['text after the object', 'export default { a: 1 }\nconsole.log(1)'],
    ['an empty source', ''],
  ])('refuses %s with an error naming the object; the app still starts', async (_, source) => {
    const warnings: string[] = []
    const app = await createApp({ id: 'bad-js', jsObjects: { Broken_JS: source } }, { storage: null, channel: null, warn: (m) => void warnings.push(m) })
    try {
      expect(warnings).toEqual([expect.stringMatching(/^smithlet: JS object "Broken_JS": .*; the rest of the app starts without it$/)])
      await expect(app.run('{{ Broken_JS.a }}')).rejects.toThrow(/^JS object "Broken_JS": /)
      expect(await app.run('{{ 1 + 1 }}')).toBe(2)
    } finally {
      app.dispose()
    }
  })

  it('a syntax error names the object and the property', async () => {
    const warnings: string[] = []
    const app = await createApp({ id: 'bad-js2', jsObjects: { Broken_JS: 'export default {\n  ok: 1,\n  bad() { return 1 +; },\n}' } },
      { storage: null, channel: null, warn: (m) => void warnings.push(m) })
    try {
      expect(warnings).toEqual([expect.stringMatching(/Broken_JS[\s\S]*bad/)])
      await expect(app.run('{{ Broken_JS.ok }}')).rejects.toThrow(/Broken_JS[\s\S]*bad/)
    } finally {
      app.dispose()
    }
  })
})

describe('this', () => {
  it('is the object in every function, also when a function is passed as a callback', async () => {
    const app = await open({
      jsObjects: {
        JSObject1: `export default {
          factor: 2,
          double(x) { return x * this.factor },
          mapAll() { return [1, 2].map(this.double) },
          later() { return new Promise((resolve) => setTimeout(() => resolve(this.double(5)), 0)) },
        }`,
      },
    })
    expect(await app.run('{{ JSObject1.mapAll() }}')).toEqual([2, 4])
    const { double, later } = entity(app, 'JSObject1')
    expect(double!(4)).toBe(8) // detached
    expect(await later!()).toBe(10)
    expect(app.evaluate('{{ [3].map(JSObject1.double) }}')).toEqual([6])
  })
})

describe('fn.data', () => {
  it('is the last return value of a sync function; callers get the value itself', async () => {
    const app = await open({ jsObjects: { JSObject1: 'export default { sum(a, b) { return a + b } }' } })
    const seen: unknown[] = []
    app.watch('{{ JSObject1.sum.data }}', (v) => seen.push(v))
    expect(entity(app, 'JSObject1').sum!(1, 2)).toBe(3)
    expect(entity(app, 'JSObject1').sum!.data).toBe(3)
    expect(await app.run('{{ JSObject1.sum(2, 3) }}')).toBe(5)
    expect(seen).toEqual([{}, 3, 5])
  })

  it('is the resolved value of an async function; the caller gets the function’s own Promise', async () => {
    const app = await open({
      jsObjects: {
        JSObject1: `export default {
          last: null,
          make(value) {
            const p = new Promise((resolve) => setTimeout(() => resolve(value), 1))
            this.last = p
            return p
          },
          async load() { return { rows: [1, 2] } },
          async fail() { throw new Error('nope') },
        }`,
      },
    })
    const js = entity(app, 'JSObject1')
    const p = js.make!('v1')
    expect(p).toBe((js as unknown as { last: unknown }).last)
    expect(js.make!.data).toEqual({}) // Appsmith: {} before the first run; not the Promise
    expect(await p).toBe('v1')
    expect(js.make!.data).toBe('v1')
    expect(await js.load!()).toEqual({ rows: [1, 2] })
    expect(app.evaluate('{{ JSObject1.load.data.rows.length }}')).toBe(2)
    await expect(js.fail!()).rejects.toThrow('nope')
    expect(js.fail!.data).toEqual({})
  })

  it('a rejection leaves the previous .data in place', async () => {
    const app = await open({
      jsObjects: { JSObject1: 'export default { async get(ok) { if (!ok) throw new Error("x"); return "fine" } }' },
    })
    const js = entity(app, 'JSObject1')
    await js.get!(true)
    await expect(js.get!(false)).rejects.toThrow('x')
    expect(js.get!.data).toBe('fine')
  })
})

describe('variables', () => {
  it('are reactive and assignable from functions: this.count++ updates bindings', async () => {
    const app = await open({
      jsObjects: {
        JSObject1: `export default {
          count: 0,
          label: 'n',
          inc() { this.count++; return this.count },
        }`,
      },
    })
    const seen: unknown[] = []
    app.watch('{{ JSObject1.label }}={{ JSObject1.count }}', (v) => seen.push(v))
    expect(await app.run('{{ JSObject1.inc() }}')).toBe(1)
    // A trigger runs in one batch: two writes, one update (no intermediate "n=2").
    await app.run('{{ JSObject1.inc(); JSObject1.inc() }}')
    await app.run('{{ JSObject1.label = "m" }}')
    expect(seen).toEqual(['n=0', 'n=1', 'n=3', 'm=3'])
    expect(app.evaluate('{{ JSObject1.count }}')).toBe(3)
  })

  it('each app gets its own copy of a JS object’s state', async () => {
    const source = 'export default { items: [], add(x) { this.items = [...this.items, x] } }'
    const a = await open({ jsObjects: { J: source } })
    const b = await open({ jsObjects: { J: source } })
    await a.run('{{ J.add(1) }}')
    expect(a.evaluate('{{ J.items }}')).toEqual([1])
    expect(b.evaluate('{{ J.items }}')).toEqual([])
  })
})

describe('names in JS object code', () => {
  it('see queries, the store, globals and other JS objects', async () => {
    const app = await open({
      jsObjects: {
        Utils: 'export default { twice(x) { return 2 * x } }',
        Page: `export default {
          async save() {
            await storeValue('n', Utils.twice(21))
            return appsmith.store.n
          },
        }`,
      },
    })
    expect(await app.run('{{ Page.save() }}')).toBe(42)
  })

  it('see a JS object defined after this one', async () => {
    const app = await open({
      jsObjects: {
        First: 'export default { go() { return Second.value } }',
        Second: 'export default { value: "second" }',
      },
    })
    expect(await app.run('{{ First.go() }}')).toBe('second')
  })
})

describe('a JS object whose initialiser throws', () => {
  it('is an entity in error: the rest of the app starts, calls reject with the error, bindings that read it show it, page load reports it', async () => {
    const warnings: string[] = []
    const app = await createApp(
      {
        id: 'broken-init',
        jsObjects: {
          Broken: 'export default { rows: appsmith.store.missing.rows, load() { return 1 } }',
          Fine: 'export default { answer() { return 42 } }',
        },
        pageLoad: ['Broken.load', 'Fine.answer'],
      },
      { storage: null, channel: null, warn: (m) => void warnings.push(m) },
    )
    try {
      expect(warnings).toEqual([expect.stringMatching(/^smithlet: JS object "Broken" failed to initialise: .*rows.*; the rest of the app starts without it$/)])
      expect(await app.run('{{ Fine.answer() }}')).toBe(42)
      await expect(app.run('{{ Broken.load() }}')).rejects.toThrow(/JS object "Broken" failed to initialise/)
      const value = app.evaluate('{{ Broken.rows }}')
      expect(value).toBeInstanceOf(BindingError)
      expect((value as BindingError).message).toMatch(/JS object "Broken" failed to initialise/)
      expect(app.evaluate('{{ typeof Broken }}')).toBe('object')
      await app.runPageLoad()
      expect(warnings.slice(1)).toEqual([expect.stringMatching(/page-load action Broken\.load failed: JSObjectInitError: JS object "Broken" failed to initialise/)])
      expect(app.evaluate('{{ Fine.answer.data }}')).toBe(42)
    } finally {
      app.dispose()
    }
  })
})

describe('a JS object with a syntax error', () => {
  it('is an entity in error like a throwing one: the error names the object, the property and its line; the rest of the app starts', async () => {
    const warnings: string[] = []
    const app = await createApp(
      {
        id: 'broken-syntax',
        jsObjects: {
          Typo: 'export default {\n  rows: [],\n  load() {\n    return 1 +;\n  },\n}',
          Fine: 'export default { answer() { return 42 } }',
        },
        pageLoad: ['Typo.load', 'Fine.answer'],
      },
      { storage: null, channel: null, warn: (m) => void warnings.push(m) },
    )
    try {
      expect(warnings).toEqual([expect.stringMatching(/^smithlet: JS object "Typo": SyntaxError: .* in property load \(line 3\); the rest of the app starts without it$/)])
      expect(await app.run('{{ Fine.answer() }}')).toBe(42)
      const call = app.run('{{ Typo.load() }}')
      await expect(call).rejects.toThrow(/^JS object "Typo": SyntaxError: .* in property load \(line 3\)$/)
      await expect(call).rejects.toMatchObject({ name: 'CompileError', objectName: 'Typo', line: 3 })
      const value = app.evaluate('{{ Typo.rows.length }}')
      expect(value).toBeInstanceOf(BindingError)
      expect((value as BindingError).message).toMatch(/JS object "Typo": SyntaxError/)
      await app.runPageLoad()
      expect(warnings.slice(1)).toEqual([expect.stringMatching(/page-load action Typo\.load failed: CompileError: JS object "Typo": SyntaxError: .* \(line 3\)/)])
      expect(app.evaluate('{{ Fine.answer.data }}')).toBe(42)
    } finally {
      app.dispose()
    }
  })
})
