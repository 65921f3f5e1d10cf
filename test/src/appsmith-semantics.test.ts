/**
 * The Appsmith behaviours imported apps rely on (issue 15), each checked
 * against what Appsmith does: its evaluator runs bindings as plain JS over the
 * data tree, so an unknown name is the engine's ReferenceError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BindingError, type Query } from '../../src/index'
import { disposingTestApp, startServer, type TestServer } from '../support/app'

const open = disposingTestApp()
let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

describe('a name that is not in scope', () => {
  it('is a ReferenceError binding error, not undefined', async () => {
    const app = await open()
    const value = app.evaluate('{{ Inptu1.text }}')
    expect(value).toBeInstanceOf(BindingError)
    expect((value as BindingError).message).toBe('ReferenceError: Inptu1 is not defined')
    expect(app.evaluate('Hello {{ nobody }}')).toBeInstanceOf(BindingError)
  })

  it('typeof of it is "undefined"; only the branch taken is read', async () => {
    const app = await open()
    expect(app.evaluate('{{ typeof Nope }}')).toBe('undefined')
    expect(app.evaluate('{{ typeof Nope === "undefined" ? "none" : Nope.x }}')).toBe('none')
    expect(app.evaluate('{{ false && Nope }}')).toBe(false)
  })

  it('statements without semicolons stay separate statements, and a missing name at a line start still throws', async () => {
    const app = await open({
      jsObjects: {
        J: `export default {
  seen: [],
  run() {
    const log = (x) => this.seen.push(x)
    log('a')
    log('b')
    storeValue('k', 1)
    storeValue('j', 2)
    return this.seen.join('')
  },
  missing() {
    log2('x')
  },
}`,
      },
    })
    await expect(app.run('{{ J.run() }}')).resolves.toBe('ab')
    expect(app.evaluate('{{ appsmith.store.k + appsmith.store.j }}')).toBe(3)
    await expect(app.run('{{ J.missing() }}')).rejects.toThrow('log2 is not defined')
    // A trigger written over lines, Appsmith-style.
    await expect(app.run('{{\nstoreValue("m", 1)\nstoreValue("n", 2)\n}}')).resolves.toEqual({})
    expect(app.evaluate('{{ appsmith.store.m + appsmith.store.n }}')).toBe(3)
  })

  it('locals, parameters, keys and known globals are not affected', async () => {
    const app = await open()
    expect(app.evaluate('{{ [1, 2].map((x, i) => x + i) }}')).toEqual([1, 3])
    expect(app.evaluate('{{ { label: 1, Math: Math.max(2, 3) } }}')).toEqual({ label: 1, Math: 3 })
    expect(app.evaluate('{{ (() => { const y = 2; let [a, b] = [y, 3]; return a * b })() }}')).toBe(6)
    expect(app.evaluate('{{ JSON.stringify({ a: 1 }) }}')).toBe('{"a":1}')
  })

  it('in a trigger and in a JS function, it rejects with the ReferenceError', async () => {
    const app = await open({ jsObjects: { J: 'export default { f() { return Missing1.value }, g: () => typeof Missing2 }' } })
    await expect(app.run('{{ notAFunction() }}')).rejects.toThrow(/^notAFunction is not defined$/)
    await expect(app.run('{{ J.f() }}')).rejects.toBeInstanceOf(ReferenceError)
    expect(await app.run('{{ J.g() }}')).toBe('undefined')
  })

  it('a shorthand property reading it throws too', async () => {
    const app = await open()
    expect(String((app.evaluate('{{ { Nope } }}') as BindingError).message)).toMatch(/Nope is not defined/)
  })
})

describe('JS objects', () => {
  it('`this` in an arrow-function property is the object', async () => {
    const app = await open({ jsObjects: { J: 'export default { items: [1, 2], count: () => this.items.length, add: (x) => { this.items = [...this.items, x] } }' } })
    expect(app.evaluate('{{ J.count() }}')).toBe(2)
    await app.run('{{ J.add(3) }}')
    expect(app.evaluate('{{ J.count() }}')).toBe(3)
  })

  it('a function’s .data is {} before its first run', async () => {
    const app = await open({ jsObjects: { J: 'export default { f() { return 1 }, async g() { return 2 } }' } })
    expect(app.evaluate('{{ J.f.data }}')).toEqual({})
    expect(app.evaluate('{{ J.g.data }}')).toEqual({})
    await app.run('{{ J.g() }}')
    expect(app.evaluate('{{ J.g.data }}')).toBe(2)
  })

  it('variables mutated in place show in bindings after the call (as Appsmith does)', async () => {
    const app = await open({ jsObjects: { J: 'export default { list: [], m: new Map(), push(x) { this.list.push(x); this.m.set(x, x * 2) } }' } })
    const seen: unknown[] = []
    app.watch('{{ J.list.join(",") + "|" + J.m.size }}', (v) => seen.push(v))
    await app.run('{{ J.push(1) }}')
    await app.run('{{ J.push(2) }}')
    expect(seen).toEqual(['|0', '1|1', '1,2|2'])
  })

  it('async functions: the caller awaits the value, .data follows it', async () => {
    const app = await open({ jsObjects: { J: 'export default { n: 0, async inc() { await null; this.n++; return this.n } }' } })
    expect(await app.run('{{ J.inc() }}')).toBe(1)
    expect(app.evaluate('{{ J.inc.data + J.n }}')).toBe(2)
  })
})

describe('store actions', () => {
  it('storeValue, removeValue and clearStore resolve to {}', async () => {
    const app = await open()
    expect(await app.run('{{ storeValue("k", 1) }}')).toEqual({})
    expect(await app.run('{{ removeValue("k") }}')).toEqual({})
    expect(await app.run('{{ clearStore() }}')).toEqual({})
  })
})

describe('templates', () => {
  it('an empty {{}} stays literal text; {{ }} is a binding', async () => {
    const app = await open()
    expect(app.evaluate('{{}}')).toBe('{{}}')
    expect(app.evaluate('a {{}} b {{ 1 + 1 }}')).toBe('a {{}} b 2')
    expect(app.evaluate('{{ }}')).toBeUndefined()
  })
})

describe('queries', () => {
  it('a JSON body value that is exactly "{{ x }}" sends JSON.stringify(x), typed by the value', async () => {
    const app = await open({
      queries: [{ name: 'Q', method: 'POST', url: `${server.url}/echo`, body: '{"n": "{{ 5 }}", "o": "{{ {a: [1]} }}", "s": "{{ "x" }}", "t": "id-{{ 7 }}", "b": "{{ true }}"}' }],
    })
    await (app.scope.Q as Query).run()
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ n: 5, o: { a: [1] }, s: 'x', t: 'id-7', b: true })
  })
})

describe('imported queries of server-side plugins', () => {
  it('reject with an error naming the plugin; nothing is sent', async () => {
    const app = await open({ queries: [{ name: 'SelectQuery', url: '', plugin: 'postgres-plugin', body: 'SELECT 1', bodyType: 'text' }] })
    const before = server.requests.length
    await expect((app.scope.SelectQuery as Query).run()).rejects.toThrow(/SelectQuery: this query uses Appsmith's postgres-plugin, which runs on a server/)
    expect(server.requests.length).toBe(before)
  })
})
