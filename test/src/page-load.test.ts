import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { PageLoadCycleError, type App } from '../../src/index'
import { json, startServer, disposingTestApp, type TestServer } from '../support/app'

let server: TestServer
const events: string[] = []
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  server = await startServer()
  // Each route logs when its request arrives and when its response is sent.
  for (const [path, ms, body] of [
    ['/token', 40, { token: 'T1' }],
    ['/other', 0, { other: true }],
    ['/users', 0, { results: [{ name: 'Ada' }] }],
  ] as const) {
    server.route(path, async (req, res) => {
      events.push(`start ${path}${req.headers.authorization ? ` ${req.headers.authorization}` : ''}`)
      await delay(ms)
      events.push(`end ${path}`)
      json(res, 200, body)
    })
  }
  server.route('/fail', (_req, res) => {
    events.push('fail')
    json(res, 500, { error: 'down' })
  })
})
afterAll(() => server.close())

const open = disposingTestApp()
afterEach(() => {
  events.length = 0
  server.requests.length = 0
})

describe('page-load levels', () => {
  it('runs an action after the actions whose .data it reads; independent ones together', async () => {
    const app = await open({
      queries: [
        { name: 'getusers_API', url: `${server.url}/users`, headers: { Authorization: 'Bearer {{getToken.data.token}}' }, runOnPageLoad: true },
        { name: 'getToken', url: `${server.url}/token`, runOnPageLoad: true },
        { name: 'getOther', url: `${server.url}/other` },
        { name: 'notOnLoad', url: `${server.url}/other` },
      ],
      jsObjects: {
        Hooks: `export default {
          // reads getusers_API.data, so it runs after that query
          onLoad() { return getusers_API.data.results.length },
        }`,
      },
      pageLoad: ['Hooks.onLoad', 'getOther'],
    })
    await app.runPageLoad()
    const at = (e: string) => events.indexOf(e)
    expect(events).toHaveLength(6)
    // Level 1 runs together: /other starts and ends while /token (40 ms) is in flight.
    expect(at('start /other')).toBeLessThan(at('end /token'))
    expect(at('end /other')).toBeLessThan(at('end /token'))
    // Level 2 starts only after /token answered, and sees its data.
    expect(at('start /users Bearer T1')).toBe(at('end /token') + 1)
    expect(app.evaluate('{{ Hooks.onLoad.data }}')).toBe(1)
    expect(server.requests).toHaveLength(3) // notOnLoad did not run
    expect(app.warnings).toEqual([])
    await app.runPageLoad() // once per app
    expect(server.requests).toHaveLength(3)
  })

  it('orders by JS function .data too (Auth_Module.getAccessToken.data in a header, as the seed does)', async () => {
    const app = await open({
      queries: [{ name: 'getusers_API', url: `${server.url}/users`, headers: { Authorization: 'JWT {{Auth_Module.getAccessToken.data}}' }, runOnPageLoad: true }],
      modules: {
        Auth_Module: {
          queries: [{ name: 'login', url: `${server.url}/token` }],
          main: 'export default { async getAccessToken() { return (await login.run()).token } }',
        },
      },
      pageLoad: ['Auth_Module.getAccessToken'],
    })
    await app.runPageLoad()
    expect(events).toEqual(['start /token', 'end /token', 'start /users JWT T1', 'end /users'])
  })

  it('a cycle is an error that names it, and nothing is sent', async () => {
    const app = await open({
      queries: [
        { name: 'A', url: `${server.url}/other?b={{B.data.x}}`, runOnPageLoad: true },
        { name: 'B', url: `${server.url}/other`, headers: { 'x-c': '{{C.data}}' }, runOnPageLoad: true },
        { name: 'C', url: `${server.url}/other`, params: { a: '{{A.data.y}}' }, runOnPageLoad: true },
        { name: 'D', url: `${server.url}/other`, runOnPageLoad: true },
      ],
    })
    const error = await app.runPageLoad().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(PageLoadCycleError)
    const message = (error as Error).message
    expect(message).toMatch(/cycle/)
    for (const name of ['A', 'B', 'C']) expect(message).toContain(name)
    expect(message).not.toContain('D')
    expect((error as PageLoadCycleError).cycle).toHaveLength(4) // X → Y → Z → X
    expect(server.requests).toHaveLength(0)
  })

  it('a cycle between JS functions is named too', async () => {
    const app = await open({
      jsObjects: { J: 'export default { a() { return J.b.data }, b() { return J.a.data } }' },
      pageLoad: ['J.a', 'J.b'],
    })
    await expect(app.runPageLoad()).rejects.toThrow(/J\.a → J\.b → J\.a|J\.b → J\.a → J\.b/)
  })

  it('a failing action does not stop later levels, and is reported through warn', async () => {
    const onAlert = vi.fn()
    const app = await open(
      {
        queries: [
          { name: 'broken', url: `${server.url}/fail`, runOnPageLoad: true },
          { name: 'after', url: `${server.url}/users?x={{broken.data.error}}`, runOnPageLoad: true },
        ],
        jsObjects: { J: 'export default { crash() { throw new Error("js crashed") } }' },
        pageLoad: ['J.crash'],
      },
      { onAlert },
    )
    await app.runPageLoad()
    expect(events).toEqual(['fail', 'start /users', 'end /users'])
    expect(server.requests.at(-1)!.query.get('x')).toBe('down')
    expect(app.warnings).toHaveLength(2)
    expect(app.warnings.find((w) => w.includes('broken'))).toMatch(/500/)
    expect(app.warnings.find((w) => w.includes('J.crash'))).toMatch(/js crashed/)
    expect(onAlert).toHaveBeenCalledTimes(2)
  })

  it('an unknown page-load action is an error naming it', async () => {
    const app = await open({ pageLoad: ['Nope.run'] })
    await expect(app.runPageLoad()).rejects.toThrow(/Nope\.run/)
  })
})
