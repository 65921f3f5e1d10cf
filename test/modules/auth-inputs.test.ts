import { describe, expect, it } from 'vitest'
import { authModule } from '../../modules/auth/index'
import { auth, authScenario, CREDENTIALS, manualClock, refreshes } from '../support/auth-harness'

const { server, app } = authScenario()

describe('O6: unknown inputs', () => {
  it.each([
    ['refreshBodytype', 'refreshBodyType'],
    ['refreshParam', 'refreshParams'],
    ['loginURL', 'loginUrl'],
    ['refresMarginSeconds', 'refreshMarginSeconds'],
    ['autorefresh', 'autoRefresh'],
  ])('"%s" is an error at authModule(…) naming it and "%s"', (name, closest) => {
    expect(() => authModule({ refreshUrl: '/auth/token', [name]: 'x' } as never)).toThrow(
      new TypeError(`authModule: unknown input "${name}" (did you mean "${closest}"?)`),
    )
  })

  it('a name close to nothing is named alone', () => {
    expect(() => authModule({ refreshUrl: '/t', colour: 'red' } as never)).toThrow(/^authModule: unknown input "colour"$/)
  })

  it('bad values of the token-endpoint inputs are errors at creation', () => {
    expect(() => authModule({ refreshUrl: '/t', refreshBodyType: 'xml' as never })).toThrow(/refreshBodyType must be 'json' or 'form'/)
    expect(() => authModule({ refreshUrl: '/t', refreshParams: { client_id: 7 as never } })).toThrow(/refreshParams.client_id must be a string/)
    // A repeated parameter is rejected by real servers: the module's own field may not be given twice.
    expect(() => authModule({ refreshUrl: '/t', refreshParams: { refresh_token: 'x' } })).toThrow(/refreshParams must not hold "refresh_token"/)
    expect(() => authModule({ refreshUrl: '/t', loginUrl: '' })).toThrow(/loginUrl must be a URL string/)
  })
})

describe('standard token endpoints', () => {
  it('refreshBodyType form: the body is form-encoded with exactly the refresh token and refreshParams; refreshHeaders (with bindings) are sent', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const a = await app(b, {
      credentials: CREDENTIALS,
      refreshBodyType: 'form',
      refreshParams: { grant_type: 'refresh_token', client_id: 'my spa&co', scope: '{{ not a binding }}' },
      refreshHeaders: { Authorization: 'Basic {{ btoa("my-spa:secret") }}', 'X-Client': 'smithlet' },
    }, { now: clock.now })
    const first = await auth(a).getAccessToken()
    const rt = a.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    clock.advance(61_000)
    const second = await auth(a).getAccessToken()
    expect(second).not.toBe(first)
    expect(refreshes(b)).toBe(1)
    const request = b.requests.find((r) => r.path === '/auth/token')!
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(request.headers.authorization).toBe(`Basic ${btoa('my-spa:secret')}`)
    expect(request.headers['x-client']).toBe('smithlet')
    expect([...new URLSearchParams(request.body)]).toEqual([
      ['refresh_token', rt],
      ['grant_type', 'refresh_token'],
      ['client_id', 'my spa&co'],
      ['scope', '{{ not a binding }}'],
    ])
  })

  it('the JSON refresh body stays as it was, plus refreshParams verbatim', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS, refreshParams: { client_id: 'a"b' } }, { now: clock.now })
    await auth(a).getAccessToken()
    const rt = a.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    clock.advance(61_000)
    await auth(a).getAccessToken()
    const request = b.requests.find((r) => r.path === '/auth/token')!
    expect(request.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request.body)).toEqual({ refresh_token: rt, client_id: 'a"b' })
  })

  it('loginBodyType form with loginParams and loginHeaders', async () => {
    const b = await server()
    const a = await app(b, { loginBodyType: 'form', loginParams: { grant_type: 'password' }, loginHeaders: { 'X-Login': '1' } })
    expect(typeof (await auth(a).login(CREDENTIALS.username, CREDENTIALS.password))).toBe('string')
    const request = b.requests.find((r) => r.path === '/auth/login')!
    expect(request.headers['x-login']).toBe('1')
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ email: CREDENTIALS.username, password: CREDENTIALS.password, grant_type: 'password' })
  })

  it('loginUrl is optional: tokens seeded in the store work, login() says why it cannot run', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const seeded = await app(b, { credentials: CREDENTIALS })
    const token = await auth(seeded).getAccessToken()
    const a = await app(b, { loginUrl: null })
    await a.run(`{{ Auth_Module.storeToken(${JSON.stringify(token)}, ${JSON.stringify(seeded.evaluate('{{ appsmith.store.authRefreshToken }}'))}, 60) }}`)
    expect(await auth(a).getAccessToken()).toBe(token)
    await expect(auth(a).login('x', 'y')).rejects.toMatchObject({ name: 'AuthError', code: 'invalid_request' })
    expect(b.counters['POST /auth/login']).toBe(1)
  })
})

describe('without a login endpoint', () => {
  it('request() works when the module has no api_authToken (loginUrl null)', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const seeded = await app(b, { credentials: CREDENTIALS })
    const token = await auth(seeded).getAccessToken()
    const a = await app(b, { loginUrl: null })
    await a.run(`{{ Auth_Module.storeToken(${JSON.stringify(token)}, "rt-unused-here", 60) }}`)
    const rows = (await a.run('{{ Auth_Module.request(getusers_API) }}')) as { results: unknown[] }
    expect(rows.results).toHaveLength(5)
  })
})
