/**
 * The seed's JS object (shared/seeds/004_…, steps 3–7 assembled into one
 * `export default { … }`, text unchanged, in test/fixtures/seed-004-js-object.js)
 * runs as written against REST queries on a loopback server.
 */
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/index'
import { json, startServer, testApp, type TestServer } from '../support/app'

const SEED_SOURCE = readFileSync(new URL('../fixtures/seed-004-js-object.js', import.meta.url), 'utf8')
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)
const LIFETIME_S = 60

let server: TestServer
let clock = T0
let issued = 0
const refreshBodies: unknown[] = []

/** A JWT-looking token whose payload is plain base64 (the seed decodes with atob, not base64url). */
function token(kind: string, expSeconds: number): string {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '')
  for (let pad = 0; ; pad++) {
    const payload = enc({ sub: 'user-1', kind, n: ++issued, exp: expSeconds, pad: 'x'.repeat(pad) })
    if (!/[+/]/.test(payload)) return `${enc({ alg: 'HS256', typ: 'JWT' })}.${payload}.c2lnbmF0dXJl`
  }
}

beforeAll(async () => {
  server = await startServer()
  server.route('POST /api/user/token-auth/', (req, res) => {
    const { email, password } = JSON.parse(req.body) as { email: string; password: string }
    if (email !== 'ada@example.com' || password !== 'pw') return json(res, 401, { detail: 'bad credentials' })
    const exp = Math.floor(clock / 1000) + LIFETIME_S
    json(res, 200, { access_token: token('access', exp), refresh_token: token('refresh', exp + 3600) })
  })
  server.route('POST /api/user/token-refresh/', (req, res) => {
    const body = JSON.parse(req.body) as { refresh_token: unknown }
    refreshBodies.push(body)
    if (typeof body.refresh_token !== 'string') return json(res, 400, { error: 'invalid_grant' })
    json(res, 200, { access_token: token('access', Math.floor(clock / 1000) + LIFETIME_S), refresh_token: token('refresh', 0) })
  })
  server.route('GET /api/rows', (req, res) => json(res, 200, { results: [{ auth: req.headers.authorization }] }))
})
afterAll(() => server.close())

let app: App
let log: ReturnType<typeof vi.spyOn>
let error: ReturnType<typeof vi.spyOn>
beforeEach(async () => {
  clock = T0
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  app = await testApp(
    {
      queries: [
        {
          name: 'api_authToken',
          method: 'POST',
          url: `${server.url}/api/user/token-auth/`,
          body: '{"email": "ada@example.com", "password": "pw"}',
        },
        {
          name: 'api_refreshAuthToken',
          method: 'POST',
          url: `${server.url}/api/user/token-refresh/`,
          // Step 8 of the seed, as written: no quotes around the binding.
          body: '{\n    "refresh_token":{{appsmith.store.authRefreshToken}}\n}\n',
        },
        {
          name: 'getusers_API',
          url: `${server.url}/api/rows`,
          headers: { Authorization: 'JWT {{js_manage_tokens.getAccessToken.data}}' },
          runOnPageLoad: true,
        },
      ],
      jsObjects: { js_manage_tokens: SEED_SOURCE },
      pageLoad: ['js_manage_tokens.getAccessToken'],
    },
    { now: () => clock },
  )
})
afterEach(() => {
  app.dispose()
  vi.restoreAllMocks()
  server.requests.length = 0
  refreshBodies.length = 0
})

const store = (key: string): unknown => app.evaluate(`{{ appsmith.store.${key} }}`)
const calls = (path: string): number => server.requests.filter((r) => r.path === path).length

describe('the seed’s JS object, unchanged', () => {
  const seedPath = new URL('../../../shared/seeds/004_8b8ea8e1c6169b77.txt', import.meta.url)
  it.skipIf(!existsSync(seedPath))('the fixture is steps 3–7 of the seed, verbatim', () => {
    const blocks = [...readFileSync(seedPath, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!)
    const [step3, ...steps4to7] = blocks.slice(1, 6)
    // Step 3 opens the object and closes it; steps 4–7 continue it, and step 7 closes it.
    const opened = step3!.slice(0, step3!.trimEnd().lastIndexOf('}'))
    expect(SEED_SOURCE).toBe(opened + steps4to7.join(''))
  })

  it('generateAccessToken logs in and stores the access token, the refresh token and the expiry', async () => {
    await app.run('{{ js_manage_tokens.generateAccessToken() }}')
    expect(calls('/api/user/token-auth/')).toBe(1)
    const access = store('authAccessToken') as string
    expect(access.split('.')).toHaveLength(3)
    expect(store('authRefreshToken')).toMatch(/^ey/)
    expect(store('authAccessTokenExp')).toBe((Math.floor(T0 / 1000) + LIFETIME_S) * 1000)
    expect(error).not.toHaveBeenCalled()
  })

  it('getAccessToken logs in when there is no token, then returns the stored one without a request', async () => {
    const first = await app.run('{{ js_manage_tokens.getAccessToken() }}')
    expect(first).toBe(store('authAccessToken'))
    expect(app.evaluate('{{ js_manage_tokens.getAccessToken.data }}')).toBe(first)
    clock = T0 + 30_000
    expect(await app.run('{{ js_manage_tokens.getAccessToken() }}')).toBe(first)
    expect(calls('/api/user/token-auth/')).toBe(1)
    expect(calls('/api/user/token-refresh/')).toBe(0)
  })

  it('an expired token triggers refreshAccessToken, which sends the refresh token as a JSON string (injected clock)', async () => {
    const first = await app.run('{{ js_manage_tokens.getAccessToken() }}')
    const refreshToken = store('authRefreshToken')
    clock = T0 + (LIFETIME_S + 1) * 1000 // code that uses Date sees this clock
    expect(app.evaluate('{{ js_manage_tokens.verifyAccessTokenExpired() }}')).toBe(true)
    const second = await app.run('{{ js_manage_tokens.getAccessToken() }}')
    expect(calls('/api/user/token-refresh/')).toBe(1)
    expect(refreshBodies).toEqual([{ refresh_token: refreshToken }])
    expect(second).not.toBe(first)
    expect(second).toBe(store('authAccessToken'))
    expect(store('authAccessTokenExp')).toBe((Math.floor(clock / 1000) + LIFETIME_S) * 1000)
    // As the seed is written: it keeps the old refresh token and prints the new access token.
    expect(store('authRefreshToken')).toBe(refreshToken)
    expect(log).toHaveBeenCalledWith(`Token: ${second}`)
    // The new token is fresh again.
    expect(await app.run('{{ js_manage_tokens.getAccessToken() }}')).toBe(second)
    expect(calls('/api/user/token-refresh/')).toBe(1)
  })

  it('runs on page load before the query whose header reads getAccessToken.data (the seed’s setup)', async () => {
    await app.runPageLoad()
    const access = store('authAccessToken') as string
    expect(app.evaluate('{{ getusers_API.data.results[0].auth }}')).toBe(`JWT ${access}`)
    expect(server.requests.map((r) => r.path)).toEqual(['/api/user/token-auth/', '/api/rows'])
  })
})
