import { describe, expect, it } from 'vitest'
import type { Backend } from '../../demo/backend/index'
import type { App } from '../../src/index'
import { auth, authApp, backend, CREDENTIALS, DEMO_USER, jwt, manualClock, authScenario, refreshes } from '../support/auth-harness'

const { server, app } = authScenario()

/** Stores a hand-made access token with a real refresh token from the backend. */
async function withToken(b: Backend, a: App, claims: Record<string, unknown> | string): Promise<string> {
  const issued = await b.issueTokens(DEMO_USER.email)
  const token = typeof claims === 'string' ? claims : await jwt(claims)
  await auth(a).storeToken(token, issued.refreshToken)
  return token
}

describe('A: expiry source', () => {
  it('A1: exp = now+3600 is valid: 0 refreshes over 100 calls', async () => {
    const b = await server({ accessTokenTtlSeconds: 3600 })
    const a = await app(b, { credentials: CREDENTIALS })
    const first = await auth(a).getAccessToken()
    for (let i = 0; i < 100; i++) expect(await auth(a).getAccessToken()).toBe(first)
    expect(b.counters['POST /auth/login']).toBe(1)
    expect(refreshes(b)).toBe(0)
  })

  it('A2: exp = now+59 with margin 60 refreshes once; exp = now+60 does not (boundary pinned)', async () => {
    const b = await server()
    const clock = manualClock(1_800_000_000_000)
    const nowS = 1_800_000_000
    const a = await app(b, {}, { now: clock.now })
    await withToken(b, a, { sub: '1', iat: nowS - 3540, exp: nowS + 60 })
    await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(0)
    await withToken(b, a, { sub: '1', iat: nowS - 3541, exp: nowS + 59 })
    const fresh = await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(1)
    expect(await auth(a).getAccessToken()).toBe(fresh)
    expect(refreshes(b)).toBe(1)
  })

  it('A3: a base64url payload with - and _ and "José 😀" reads exp and round-trips every claim', async () => {
    const b = await server()
    const a = await app(b)
    let token = ''
    let claims: Record<string, unknown> = {}
    for (let nonce = 0; nonce < 100; nonce++) {
      claims = { sub: 'u1', name: 'José 😀', nonce: `${'?'.repeat(nonce % 3)}~~?>???${nonce}`, exp: 2_000_000_000, iat: 1_999_996_400 }
      token = await jwt(claims)
      const payload = token.split('.')[1]!
      if (payload.includes('-') && payload.includes('_')) break
    }
    expect(token.split('.')[1]).toMatch(/-.*_|_.*-/)
    // The seed's decoder cannot read it: atob is not base64url.
    expect(() => JSON.parse(atob(token.split('.')[1]!))).toThrow()
    expect(auth(a).readClaims(token)).toEqual(claims)
    expect(auth(a).getTokenExpiry(token)).toEqual({ exp: 2_000_000_000_000, lifetime: 3_600_000 })
  })

  it('A4: a JWE with no expires_in and no TTL: 1000 calls → 0 refreshes; a 401 → exactly 1', async () => {
    const serverClock = manualClock()
    const b = await server({ tokenFormat: 'jwe', includeExpiresIn: false, accessTokenTtlSeconds: 60, now: serverClock.now })
    const a = await app(b, { credentials: CREDENTIALS })
    const token = (await auth(a).getAccessToken()) as string
    expect(token.split('.')).toHaveLength(5)
    expect(a.evaluate('{{ appsmith.store.authAccessTokenExp }}')).toBeNull()
    for (let i = 0; i < 1000; i++) await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(0)
    serverClock.advance(61_000) // the server now says the token expired
    const body = (await auth(a).request(a.scope.getusers_API)) as { results: unknown[] }
    expect(body.results).toHaveLength(5)
    expect(refreshes(b)).toBe(1)
    expect(b.counters['GET /api/rows']).toBe(2)
  })

  it('A5: a JWE with expires_in 3600: 0 refreshes in the first 3540 s, 1 after', async () => {
    const b = await server({ tokenFormat: 'jwe', includeExpiresIn: true, accessTokenTtlSeconds: 3600 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    await auth(a).getAccessToken()
    for (let s = 0; s < 3540; s += 10) {
      clock.advance(10_000)
      await auth(a).getAccessToken()
    }
    expect(refreshes(b)).toBe(0)
    clock.advance(1_000)
    await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(1)
  })

  it('A6: expires_in 30 with margin 60: a fresh token is not expired; ≤ 1 refresh in 25 s', async () => {
    const b = await server({ accessTokenTtlSeconds: 30 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    await auth(a).getAccessToken()
    expect(a.evaluate('{{ Auth_Module.verifyAccessTokenExpired() }}')).toBe(false)
    for (let i = 0; i < 250; i++) {
      clock.advance(100)
      await auth(a).getAccessToken()
    }
    expect(refreshes(b)).toBeLessThanOrEqual(1)
  })

  it.each([
    ['exp as a string', { sub: '1', exp: '2000000000' }],
    ['exp in milliseconds', { sub: '1', exp: 2_000_000_000_000 }],
    ['exp missing', { sub: '1' }],
    ['exp NaN-ish', { sub: '1', exp: 'soon' }],
    ['iat after exp', { sub: '1', iat: 2_000_000_100, exp: 2_000_000_000 }],
  ])('A7: %s → unknown expiry, no throw, no NaN', async (_label, claims) => {
    const b = await server()
    const a = await app(b)
    await withToken(b, a, claims)
    expect(a.evaluate('{{ appsmith.store.authAccessTokenExp }}')).toBeNull()
    expect(a.evaluate('{{ Auth_Module.verifyAccessTokenExpired() }}')).toBe(false)
    for (let i = 0; i < 10; i++) await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(0)
  })

  it.each([
    ['payload null', 'null'],
    ['payload [1]', '[1]'],
  ])('A7: %s → unknown expiry, no throw', async (_label, payload) => {
    const b = await server()
    const a = await app(b)
    const token = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(payload).toString('base64url')}.c2lnbmF0dXJl`
    expect(auth(a).getTokenExpiry(token)).toEqual({ exp: null, lifetime: null })
    expect(auth(a).readClaims(token)).toBeNull()
  })

  it('uses the ttlSeconds input for a token whose expiry cannot be read', async () => {
    const b = await server({ tokenFormat: 'jwe', includeExpiresIn: false })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS, ttlSeconds: 300 }, { now: clock.now })
    await auth(a).getAccessToken()
    expect(a.evaluate('{{ appsmith.store.authAccessTokenExp }}')).toBe(clock.now() + 300_000)
    clock.advance(241_000)
    await auth(a).getAccessToken()
    expect(refreshes(b)).toBe(1)
  })
})

describe('B: clocks', () => {
  it('B1: a client clock 10 min ahead of the server: ≤ 1 refresh per token lifetime', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, includeExpiresIn: false })
    const clock = manualClock(Date.now() + 10 * 60_000)
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    await auth(a).getAccessToken()
    expect(a.evaluate('{{ Auth_Module.verifyAccessTokenExpired() }}')).toBe(false)
    for (let s = 0; s < 300; s++) {
      clock.advance(1_000)
      await auth(a).getAccessToken()
    }
    // 300 s of 60 s tokens refreshed at half-life: about 10, never a storm.
    expect(refreshes(b)).toBeGreaterThan(0)
    expect(refreshes(b)).toBeLessThanOrEqual(300 / 30 + 1)
  })

  it('B2: the wall clock jumps 2 h with no timer fired: the next call refreshes once', async () => {
    const b = await server({ accessTokenTtlSeconds: 3600 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    const before = await auth(a).getAccessToken()
    clock.advance(2 * 3600_000)
    const after = await auth(a).getAccessToken()
    expect(after).not.toBe(before)
    expect(refreshes(b)).toBe(1)
    expect(await auth(a).getAccessToken()).toBe(after)
    expect(refreshes(b)).toBe(1)
  })
})

describe('the seed flow', () => {
  it('on an empty store getAccessToken logs in; with an expired token it refreshes', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    const first = await auth(a).getAccessToken()
    expect(b.counters['POST /auth/login']).toBe(1)
    expect(a.evaluate('{{ appsmith.store.authAccessToken === Auth_Module.getAccessToken.data }}')).toBe(true)
    expect(typeof a.evaluate('{{ appsmith.store.authRefreshToken }}')).toBe('string')
    clock.advance(61_000)
    const second = await auth(a).getAccessToken()
    expect(second).not.toBe(first)
    expect(refreshes(b)).toBe(1)
    expect(b.counters['POST /auth/login']).toBe(1)
  })

  it('without credentials and no token, getAccessToken rejects as logged out; login() starts a session', async () => {
    const b = await server()
    const a = await app(b)
    await expect(auth(a).getAccessToken()).rejects.toMatchObject({ name: 'AuthError', code: 'logged_out' })
    expect(a.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true)
    await auth(a).login(DEMO_USER.email, DEMO_USER.password)
    expect(a.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(false)
    await expect(auth(a).login(DEMO_USER.email, 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' })
  })

  it('works through its inputs alone with the Xano and Bravo shapes and JWT scheme', async () => {
    for (const [shape, inputs] of [
      ['xano', {}],
      ['bravo', { refreshTokenField: 'refreshToken', expiresInField: 'expiresIn' }],
    ] as const) {
      const b = await server({ shape, accessTokenTtlSeconds: 60 })
      const clock = manualClock()
      const a = await app(b, { credentials: CREDENTIALS, scheme: 'JWT', ...inputs }, { now: clock.now })
      const first = await auth(a).getAccessToken()
      const rows = (await auth(a).request(a.scope.getusers_API)) as { count: number }
      expect(rows.count).toBe(200)
      clock.advance(45_000)
      expect(await auth(a).getAccessToken()).not.toBe(first)
      expect(refreshes(b)).toBe(1)
      expect(b.requests.filter((r) => r.path === '/api/rows').every((r) => String(r.headers.authorization).startsWith('JWT '))).toBe(true)
    }
  })
})
