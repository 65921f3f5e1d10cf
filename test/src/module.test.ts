import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App, type ModuleDefinition } from '../../src/index'
import { json, startServer, disposingTestApp, type TestServer } from '../support/app'
import { recordingTimers } from '../support/timers'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
  server.route('/module', (_req, res) => json(res, 200, { from: 'module' }))
  server.route('/app', (_req, res) => json(res, 200, { from: 'app' }))
})
afterAll(() => server.close())

const open = disposingTestApp()
afterEach(() => {
  server.requests.length = 0
})

const greeter = (inputs: Record<string, unknown>): ModuleDefinition => ({
  inputs,
  queries: [{ name: 'fetchIt', url: '{{inputs.base}}/module', headers: { 'x-who': '{{inputs.who}}' } }],
  main: `export default {
    greeting() { return inputs.prefix + ', ' + inputs.who },
    async load() { return (await fetchIt.run()).from },
  }`,
})

describe('module instances', () => {
  it('expose Main’s members under the module’s name, with .data', async () => {
    const app = await open({ modules: { Greeter: greeter({ prefix: 'Hello', who: 'Ada', base: server.url }) } })
    expect(app.evaluate('{{ Greeter.greeting() }}')).toBe('Hello, Ada')
    expect(await app.run('{{ Greeter.load() }}')).toBe('module')
    expect(app.evaluate('{{ Greeter.load.data }}')).toBe('module')
    expect(server.requests[0]!.headers['x-who']).toBe('Ada')
  })

  it('read inputs given by the host; two instances of one module are independent', async () => {
    const app = await open({
      modules: {
        En: greeter({ prefix: 'Hello', who: 'Ada', base: server.url }),
        Fr: greeter({ prefix: 'Bonjour', who: 'Zoé', base: server.url }),
      },
    })
    expect(app.evaluate('{{ [En.greeting(), Fr.greeting()] }}')).toEqual(['Hello, Ada', 'Bonjour, Zoé'])
    await app.run('{{ Fr.load() }}')
    expect(app.evaluate('{{ [En.load.data, Fr.load.data] }}')).toEqual([{}, 'module']) // {} before the first run, as in Appsmith
  })

  it('resolve module-local names first, then the app scope', async () => {
    const app = await open({
      queries: [{ name: 'fetchIt', url: `${server.url}/app` }],
      jsObjects: { AppUtils: 'export default { suffix: "!" }' },
      modules: {
        M: {
          queries: [{ name: 'fetchIt', url: `${server.url}/module` }],
          main: `export default {
            async which() { return (await fetchIt.run()).from + AppUtils.suffix + appsmith.store.k },
          }`,
        },
      },
    })
    await app.run('{{ storeValue("k", 1) }}')
    expect(await app.run('{{ M.which() }}')).toBe('module!1')
    expect(await app.run('{{ fetchIt.run() }}')).toEqual({ from: 'app' })
  })

  it('module queries and inputs are not visible at the app level', async () => {
    const app = await open({ modules: { Greeter: greeter({ prefix: 'Hi', who: 'x', base: server.url }) } })
    expect(app.scope).not.toHaveProperty('fetchIt')
    expect(app.scope).not.toHaveProperty('inputs')
    expect(app.scope).not.toHaveProperty('Main')
    expect(app.evaluate('{{ typeof fetchIt }}')).toBe('undefined')
    await expect(app.run('{{ fetchIt.run() }}')).rejects.toThrow()
    expect(server.requests).toHaveLength(0)
  })

  it('a broken Main is an error naming the module', async () => {
    await expect(
      createApp({ id: 'bad-module', modules: { Auth_Module: { main: 'export const x = 1' } } }, { storage: null, channel: null }),
    ).rejects.toThrow(/Auth_Module/)
  })
})

describe('what the app injects reaches a module', () => {
  it("a module's console.warn is the app's warn, Math.random its randomness, setTimeout its timers; the app's own code keeps the real console", async () => {
    const warnings: string[] = []
    const timers = recordingTimers()
    const delays = timers.delays
    const app = await open(
      {
        modules: {
          M: {
            main: `export default {
              async go() {
                console.warn('M:', 'careful', 3)
                await new Promise((resolve) => setTimeout(resolve, 37))
                return [Math.random(), Math.max(1, 2)]
              },
            }`,
          },
        },
        jsObjects: { J: 'export default { isRealConsole() { return console === globalThis.console } }' },
      },
      { warn: (m) => void warnings.push(m), timers, random: () => 0.125 },
    )
    expect(await app.run('{{ M.go() }}')).toEqual([0.125, 2])
    expect(warnings).toEqual(['M: careful 3'])
    expect(delays).toContain(37)
    expect(app.evaluate('{{ J.isRealConsole() }}')).toBe(true)
  })
})

describe('libraries', () => {
  it('an app library is a name in the app scope: bindings, JS objects and modules see it', async () => {
    const app = await open({
      libraries: { lib: { twice: (x: number) => 2 * x } },
      jsObjects: { J: 'export default { four() { return lib.twice(2) } }' },
      modules: { M: { main: 'export default { six() { return lib.twice(3) } }' } },
    })
    expect(app.evaluate('{{ lib.twice(21) }}')).toBe(42)
    expect(app.evaluate('{{ J.four() }}')).toBe(4)
    expect(app.evaluate('{{ M.six() }}')).toBe(6)
  })

  it('a module library is visible inside the module only', async () => {
    const app = await open({
      modules: { M: { libraries: { jwt: { decode: (t: string) => t.toUpperCase() } }, main: 'export default { d(t) { return jwt.decode(t) } }' } },
    })
    expect(app.evaluate('{{ M.d("abc") }}')).toBe('ABC')
    expect(app.evaluate('{{ typeof jwt }}')).toBe('undefined')
  })

  it('a library may not take a name already used', async () => {
    await expect(
      createApp({ id: 'lib-clash', libraries: { storeValue: {} } }, { storage: null, channel: null }),
    ).rejects.toThrow(/storeValue/)
  })
})
