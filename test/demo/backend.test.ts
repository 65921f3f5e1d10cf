import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_USER, generateRows, startBackend } from '../../demo/backend'
import type { Backend, BackendOptions } from '../../demo/backend'

// Every test gets its own server on an ephemeral port; afterEach closes it.
const running: Backend[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((backend) => backend.close()))
})

/** Start a backend; cheap scrypt and few rows unless a test asks otherwise. */
async function start(options: BackendOptions = {}): Promise<Backend> {
  const backend = await startBackend({ scryptLogN: 10, rowCount: 50, ...options })
  running.push(backend)
  return backend
}

interface Result {
  status: number
  headers: Headers
  text: string
  json: any
}

async function call(backend: Backend, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Result> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
  }
  const response = await fetch(backend.url + path, init)
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

const post = (backend: Backend, path: string, body?: unknown, headers?: Record<string, string>) => call(backend, 'POST', path, body, headers)
const get = (backend: Backend, path: string, headers?: Record<string, string>) => call(backend, 'GET', path, undefined, headers)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const login = (backend: Backend, email = DEMO_USER.email, password = DEMO_USER.password) => post(backend, '/auth/login', { email, password })

describe('login, signup, me', () => {
  it('logs in with the demo user and answers the appsmith shape with a readable JWT', async () => {
    const t = Date.UTC(2025, 5, 1, 12, 0, 0)
    const backend = await start({ now: () => t })
    const res = await login(backend)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(Object.keys(res.json).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type'])
    expect(res.json).toMatchObject({ expires_in: 60, token_type: 'Bearer' })
    expect(res.json.access_token.split('.')).toHaveLength(3)
    expect(res.json.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const claims = decodeJwt(res.json.access_token)
    expect(claims).toMatchObject({ sub: '1', email: DEMO_USER.email, name: DEMO_USER.name, iat: t / 1000, exp: t / 1000 + 60 })
    expect(typeof claims.jti).toBe('string')
    expect(decodeProtectedHeader(res.json.access_token).alg).toBe('HS256')
  })

  it('serves /auth/me with Bearer, with the JWT scheme and with ?authtoken=, never the password hash', async () => {
    const backend = await start()
    const token = (await login(backend)).json.access_token
    for (const res of [
      await get(backend, '/auth/me', bearer(token)),
      await get(backend, '/auth/me', { authorization: `JWT ${token}` }),
      await get(backend, '/auth/me', { authorization: `bearer ${token}` }),
      await get(backend, `/auth/me?authtoken=${token}`),
    ]) {
      expect(res.status).toBe(200)
      expect(res.json).toEqual({ id: 1, email: DEMO_USER.email, name: DEMO_USER.name, createdAt: expect.any(String) })
    }
    expect((await get(backend, '/auth/me', bearer(token))).text).not.toMatch(/hash|scrypt|password/i)
  })

  it('refuses /auth/me without a valid token, without echoing it', async () => {
    const backend = await start()
    const missing = await get(backend, '/auth/me')
    expect(missing.status).toBe(401)
    expect(missing.json.error).toBe('invalid_token')
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWZvcmdlZA'
    for (const headers of [bearer(forged), { authorization: `Basic ${forged}` }, { authorization: 'Bearer' }]) {
      const res = await get(backend, '/auth/me', headers)
      expect(res.status).toBe(401)
      expect(res.json.error).toBe('invalid_token')
      expect(res.text).not.toContain(forged.slice(0, 12))
    }
    // A refresh token is not an access token.
    const { refresh_token } = (await login(backend)).json
    expect((await get(backend, '/auth/me', bearer(refresh_token))).status).toBe(401)
  })

  it('answers 401 invalid_credentials for a wrong password and an unknown e-mail alike', async () => {
    const backend = await start()
    const wrong = await login(backend, DEMO_USER.email, 'not-the-password')
    const unknown = await login(backend, 'nobody@smithlet.dev', 'whatever')
    expect(wrong.status).toBe(401)
    expect(wrong.json).toEqual({ error: 'invalid_credentials', error_description: expect.any(String) })
    expect(unknown.json).toEqual(wrong.json)
    expect(wrong.text).not.toContain('not-the-password')
    const missing = await post(backend, '/auth/login', { email: DEMO_USER.email })
    expect(missing.status).toBe(400)
    expect(missing.json).toEqual({ error: 'invalid_request', error_description: 'missing field: password' })
    expect((await post(backend, '/auth/login', { email: 1, password: 2 })).status).toBe(400)
  })

  it('signs up (e-mail case-insensitive), then logs in; 409 on an existing e-mail; 400 on a missing field', async () => {
    const backend = await start()
    const res = await post(backend, '/auth/signup', { email: 'José@Example.com', password: 'pässwörd', name: 'José 😀' })
    expect(res.status).toBe(200)
    expect(decodeJwt(res.json.access_token)).toMatchObject({ email: 'josé@example.com', name: 'José 😀', sub: '2' })
    const me = await get(backend, '/auth/me', bearer(res.json.access_token))
    expect(me.json).toMatchObject({ id: 2, email: 'josé@example.com', name: 'José 😀' })
    expect((await login(backend, 'josé@example.com', 'pässwörd')).status).toBe(200)
    expect((await login(backend, 'josé@example.com', 'passwörd')).status).toBe(401)

    const again = await post(backend, '/auth/signup', { email: 'JOSÉ@example.com', password: 'x', name: 'Other' })
    expect(again.status).toBe(409)
    expect(again.json.error).toBe('email_taken')
    const noName = await post(backend, '/auth/signup', { email: 'a@b.c', password: 'x' })
    expect(noName.status).toBe(400)
    expect(noName.json.error_description).toBe('missing field: name')
    expect((await post(backend, '/auth/signup', { email: 'not-an-email', password: 'x', name: 'n' })).status).toBe(400)
  })

  it('stores scrypt hashes at the default cost and accepts configured users', async () => {
    const backend = await startBackend({ rowCount: 0, users: [{ email: 'a@smithlet.dev', password: 'pw-a', name: 'A' }] })
    running.push(backend)
    expect((await login(backend, 'a@smithlet.dev', 'pw-a')).status).toBe(200)
    expect((await login(backend)).status).toBe(401) // no demo user when users are given
  })
})

describe('refresh', () => {
  it('rotates: a new access token and a new refresh token, each usable', async () => {
    const backend = await start()
    const first = (await login(backend)).json
    const res = await post(backend, '/auth/token', { refresh_token: first.refresh_token })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ expires_in: 60, token_type: 'Bearer' })
    expect(res.json.refresh_token).not.toBe(first.refresh_token)
    expect(res.json.access_token).not.toBe(first.access_token)
    expect((await get(backend, '/auth/me', bearer(res.json.access_token))).status).toBe(200)
    const next = await post(backend, '/auth/token', { refresh_token: res.json.refresh_token })
    expect(next.status).toBe(200)
  })

  it('detects reuse and revokes the whole family, the newest token included', async () => {
    const backend = await start()
    const rt0 = (await login(backend)).json.refresh_token
    const rt1 = (await post(backend, '/auth/token', { refresh_token: rt0 })).json.refresh_token
    const reuse = await post(backend, '/auth/token', { refresh_token: rt0 })
    expect(reuse.status).toBe(400)
    expect(reuse.json).toEqual({ error: 'invalid_grant', error_description: 'refresh token reuse detected' })
    expect(reuse.text).not.toContain(rt0.slice(0, 6))
    const legit = await post(backend, '/auth/token', { refresh_token: rt1 })
    expect(legit.status).toBe(400)
    expect(legit.json).toEqual({ error: 'invalid_grant' })
    // Other sessions of the same user are untouched.
    const other = (await login(backend)).json.refresh_token
    expect((await post(backend, '/auth/token', { refresh_token: other })).status).toBe(200)
  })

  it('lets exactly one of concurrent refreshes with the same token win', async () => {
    // The latency lines the requests up so their handlers interleave, as a slow refresh does in the browser.
    const backend = await start({ latencyMs: { '/auth/token': 30 } })
    const rt0 = (await login(backend)).json.refresh_token
    const results = await Promise.all([0, 1, 2].map(() => post(backend, '/auth/token', { refresh_token: rt0 })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400])
    expect(backend.counters['POST /auth/token']).toBe(3)
  })

  it('answers invalid_request for a missing field and invalid_grant for an unknown token; accepts either field name', async () => {
    const backend = await start()
    expect((await post(backend, '/auth/token', {})).json).toEqual({ error: 'invalid_request', error_description: 'missing field: refresh_token' })
    expect((await post(backend, '/auth/token')).status).toBe(400)
    expect((await post(backend, '/auth/token', { refresh_token: 42 })).json.error).toBe('invalid_request')
    expect((await post(backend, '/auth/token', { refresh_token: 'nope' })).json).toEqual({ error: 'invalid_grant' })
    const rt = (await login(backend)).json.refresh_token
    const camel = await post(backend, '/auth/token', { refreshToken: rt })
    expect(camel.status).toBe(200)
    expect(camel.json.refresh_token).toBeDefined() // answered in the appsmith shape regardless
    const form = await post(backend, '/auth/token', `refresh_token=${encodeURIComponent(camel.json.refresh_token)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(200)
  })

  it('with rotation off, answers without a refresh token and keeps the old one valid', async () => {
    const backend = await start({ rotateRefreshTokens: false })
    const rt = (await login(backend)).json.refresh_token
    for (let i = 0; i < 3; i++) {
      const res = await post(backend, '/auth/token', { refresh_token: rt })
      expect(res.status).toBe(200)
      expect(res.json).not.toHaveProperty('refresh_token')
      expect((await get(backend, '/auth/me', bearer(res.json.access_token))).status).toBe(200)
    }
  })

  it('expires access and refresh tokens by the injected clock', async () => {
    let t = Date.UTC(2025, 0, 1)
    const backend = await start({ now: () => t, refreshTokenTtlSeconds: 120 })
    const { access_token, refresh_token } = (await login(backend)).json
    t += 59_999
    expect((await get(backend, '/auth/me', bearer(access_token))).status).toBe(200)
    t += 1 // exactly exp
    const expired = await get(backend, '/auth/me', bearer(access_token))
    expect(expired.status).toBe(401)
    expect(expired.json).toEqual({ error: 'token_expired' })
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"')
    // A token minted at the new time is valid for its own 60 s.
    const renewed = await post(backend, '/auth/token', { refresh_token })
    expect(decodeJwt(renewed.json.access_token).exp).toBe(t / 1000 + 60)
    expect((await get(backend, '/auth/me', bearer(renewed.json.access_token))).status).toBe(200)
    t += 120_000
    expect((await post(backend, '/auth/token', { refresh_token: renewed.json.refresh_token })).json).toEqual({ error: 'invalid_grant' })
  })

  it('logout revokes the presented family and reveals nothing about unknown tokens', async () => {
    const backend = await start()
    const { refresh_token } = (await login(backend)).json
    expect((await post(backend, '/auth/logout', { refresh_token })).json).toEqual({ ok: true })
    expect((await post(backend, '/auth/logout', { refresh_token: 'unknown' })).json).toEqual({ ok: true })
    expect((await post(backend, '/auth/token', { refresh_token })).json).toEqual({ error: 'invalid_grant' })
  })
})

describe('shapes and formats', () => {
  it('xano: {authToken, refresh_token}, no expires_in unless asked', async () => {
    const backend = await start({ shape: 'xano' })
    const res = await login(backend)
    expect(Object.keys(res.json).sort()).toEqual(['authToken', 'refresh_token'])
    expect(backend.fields).toEqual({ access: 'authToken', refresh: 'refresh_token', expiresIn: 'expires_in' })
    const refreshed = await post(backend, '/auth/token', { refresh_token: res.json.refresh_token })
    expect(Object.keys(refreshed.json).sort()).toEqual(['authToken', 'refresh_token'])
    const withTtl = await start({ shape: 'xano', includeExpiresIn: true })
    expect((await login(withTtl)).json.expires_in).toBe(60)
  })

  it('bravo: {accessToken, refreshToken}, refreshed with the refreshToken body field', async () => {
    const backend = await start({ shape: 'bravo', includeExpiresIn: true, accessTokenTtlSeconds: 300 })
    const res = await login(backend)
    expect(Object.keys(res.json).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken'])
    expect(res.json.expiresIn).toBe(300)
    const refreshed = await post(backend, '/auth/token', { refreshToken: res.json.refreshToken })
    expect(Object.keys(refreshed.json).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken'])
    expect((await get(backend, '/auth/me', bearer(refreshed.json.accessToken))).status).toBe(200)
    const noRotate = await start({ shape: 'bravo', rotateRefreshTokens: false })
    const rt = (await login(noRotate)).json.refreshToken
    expect(Object.keys((await post(noRotate, '/auth/token', { refreshToken: rt })).json)).toEqual(['accessToken'])
  })

  it('jwe: five-part encrypted tokens that the client cannot read but /auth/me accepts', async () => {
    let t = Date.UTC(2025, 0, 1)
    const backend = await start({ tokenFormat: 'jwe', shape: 'xano', now: () => t })
    const token = (await login(backend)).json.authToken as string
    expect(token.split('.')).toHaveLength(5)
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'dir', enc: 'A256GCM' })
    expect(() => decodeJwt(token)).toThrow()
    expect((await get(backend, `/auth/me?authtoken=${token}`)).json.email).toBe(DEMO_USER.email)
    t += 60_000
    expect((await get(backend, '/auth/me', bearer(token))).json).toEqual({ error: 'token_expired' })
    // A JWT is refused by a JWE backend (and the other way round).
    const jwtBackend = await start()
    const jwt = (await login(jwtBackend)).json.access_token
    expect((await get(backend, '/auth/me', bearer(jwt))).status).toBe(401)
    expect((await get(jwtBackend, '/auth/me', bearer(token))).status).toBe(401)
  })

  it('tokens of one backend are not accepted by another', async () => {
    const [a, b] = await Promise.all([start(), start()])
    const token = (await login(a)).json.access_token
    expect((await get(b, '/auth/me', bearer(token))).status).toBe(401)
  })
})

describe('/api/rows', () => {
  async function rowsBackend() {
    const backend = await start({ rowCount: 10_000 })
    const token = (await login(backend)).json.access_token as string
    const rows = (query: string) => get(backend, `/api/rows${query}`, bearer(token))
    return { backend, token, rows }
  }

  it('requires a valid token, by header or ?authtoken=', async () => {
    const { backend, token } = await rowsBackend()
    expect((await get(backend, '/api/rows')).status).toBe(401)
    expect((await get(backend, '/api/rows?page=garbage')).status).toBe(401) // auth is checked first
    expect((await get(backend, `/api/rows?authtoken=${token}`)).status).toBe(200)
  })

  it('pages with a total count; pageSize is capped at 1000', async () => {
    const { rows } = await rowsBackend()
    const first = await rows('')
    expect(first.json.count).toBe(10_000)
    expect(first.json.results.map((r: { id: number }) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(Object.keys(first.json.results[0]).sort()).toEqual(['age', 'city', 'createdAt', 'email', 'id', 'name'])
    const third = await rows('?page=3&pageSize=7')
    expect(third.json.results.map((r: { id: number }) => r.id)).toEqual([15, 16, 17, 18, 19, 20, 21])
    expect((await rows('?pageSize=5000')).json.results).toHaveLength(1000)
    const past = await rows('?page=9999&pageSize=100')
    expect(past.json).toEqual({ results: [], count: 10_000 })
    const last = await rows('?page=10&pageSize=1000')
    expect(last.json.results.at(-1).id).toBe(10_000)
  })

  it('searches name, e-mail and city case-insensitively, non-ASCII included', async () => {
    const { rows } = await rowsBackend()
    const res = await rows(`?search=${encodeURIComponent('josé')}&pageSize=1000`)
    expect(res.json.count).toBeGreaterThan(0)
    expect(res.json.count).toBeLessThan(10_000)
    expect(res.json.results).toHaveLength(Math.min(res.json.count, 1000))
    for (const row of res.json.results) expect(`${row.name} ${row.email} ${row.city}`.toLowerCase()).toContain('josé')
    expect(res.json.results.some((r: { name: string }) => r.name.startsWith('José '))).toBe(true)
    const city = await rows(`?search=${encodeURIComponent('ZÜRICH')}`)
    expect(city.json.results.every((r: { city: string }) => r.city === 'Zürich')).toBe(true)
    const email = await rows('?search=row-that-does-not-exist')
    expect(email.json).toEqual({ results: [], count: 0 })
    // Paging a search: two pages are consecutive slices of the same match list.
    const p1 = await rows('?search=oslo&pageSize=10&page=1')
    const p2 = await rows('?search=oslo&pageSize=10&page=2')
    const both = await rows('?search=oslo&pageSize=20')
    expect([...p1.json.results, ...p2.json.results]).toEqual(both.json.results)
    expect(p1.json.count).toBe(both.json.count)
  })

  it('sorts by a column, ties by id, desc the exact reverse of asc', async () => {
    const { rows } = await rowsBackend()
    const byAge = (await rows('?sortBy=age&pageSize=1000')).json.results as { age: number; id: number }[]
    for (let i = 1; i < byAge.length; i++) {
      expect(byAge[i - 1].age < byAge[i].age || (byAge[i - 1].age === byAge[i].age && byAge[i - 1].id < byAge[i].id)).toBe(true)
    }
    const asc = (await rows('?sortBy=name&sortOrder=asc&pageSize=1000&page=10')).json.results
    const desc = (await rows('?sortBy=name&sortOrder=desc&pageSize=1000&page=1')).json.results
    expect(desc).toEqual([...asc].reverse())
    const names = (await rows('?sortBy=name&pageSize=1000')).json.results.map((r: { name: string }) => r.name)
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
    expect([...names].sort(collator.compare)).toEqual(names)
    const newest = (await rows('?sortBy=createdAt&sortOrder=desc&pageSize=2')).json.results
    expect(newest[0].createdAt >= newest[1].createdAt).toBe(true)
  })

  it('refuses garbage parameters with 400', async () => {
    const { rows } = await rowsBackend()
    for (const query of ['?page=0', '?page=abc', '?page=1.5', '?page=-1', '?page=1e3', '?pageSize=0', '?pageSize=%202', '?sortBy=password', '?sortOrder=up', `?search=${'x'.repeat(201)}`]) {
      const res = await rows(query)
      expect(res.status, query).toBe(400)
      expect(res.json.error).toBe('invalid_request')
    }
  })

  it('generates the same rows from the same seed, with non-ASCII names', () => {
    const a = generateRows(500, 7)
    expect(generateRows(500, 7)).toEqual(a)
    expect(generateRows(500, 8)).not.toEqual(a)
    expect(a.some((r) => /[^\x00-\x7f]/.test(r.name))).toBe(true)
    expect(a.every((r) => /^[a-z0-9.]+@example\.com$/.test(r.email))).toBe(true)
  })
})

describe('robust input and HTTP plumbing', () => {
  it('answers malformed JSON with 400 invalid_json, without quoting the body', async () => {
    const backend = await start()
    const res = await post(backend, '/auth/login', '{"email": "demo@smithlet.dev", "password": "secret-pw-123"')
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: 'invalid_json', error_description: 'body is not valid JSON' })
    expect(res.text).not.toContain('secret')
    expect((await post(backend, '/auth/login', '[1,2]')).json.error).toBe('invalid_request')
    expect((await post(backend, '/auth/login', 'null')).json.error).toBe('invalid_request')
    const text = await post(backend, '/auth/login', 'hello', { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    expect(text.json.error).toBe('unsupported_media_type')
  })

  it('answers a body over 1 MB with 413 and keeps serving', async () => {
    const backend = await start()
    const big = await post(backend, '/auth/login', JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }))
    expect(big.status).toBe(413)
    expect(big.json.error).toBe('payload_too_large')
    expect((await login(backend)).status).toBe(200)
  })

  it('survives garbage on the wire', async () => {
    const backend = await start()
    await new Promise<void>((resolve) => {
      const socket = connect(backend.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'))
      socket.on('data', () => {})
      socket.on('close', () => resolve())
      socket.on('error', () => resolve())
    })
    expect((await login(backend)).status).toBe(200)
  })

  it('answers 404 JSON for unknown paths and 405 for a known path with the wrong method', async () => {
    const backend = await start()
    const missing = await get(backend, '/nope?x=1')
    expect(missing.status).toBe(404)
    expect(missing.json).toEqual({ error: 'not_found', error_description: 'no such endpoint' })
    const wrong = await get(backend, '/auth/login')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS')
  })

  it('answers CORS preflights and echoes the Origin', async () => {
    const backend = await start()
    const preflight = await call(backend, 'OPTIONS', '/auth/token', undefined, {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
    const res = await post(backend, '/auth/login', { email: DEMO_USER.email, password: DEMO_USER.password }, { origin: 'http://localhost:5173' })
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('falls back to onRequest, then staticDir, for non-API paths, never outside the directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smithlet-static-'))
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>demo</title>')
      await writeFile(join(dir, 'app.js'), 'export {}')
      const backend = await start({
        staticDir: dir,
        onRequest: (req, res) => {
          if (req.url !== '/hook') return false
          res.end('hooked')
          return true
        },
      })
      expect((await get(backend, '/hook')).text).toBe('hooked')
      const page = await get(backend, '/')
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(page.text).toContain('<title>demo</title>')
      expect((await get(backend, '/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
      for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json', '//etc/passwd']) {
        expect((await get(backend, path)).status, path).toBe(404)
      }
      expect((await login(backend)).status).toBe(200) // API routes still win
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('test controls', () => {
  it('counts requests per route and logs them, refresh token only in the refresh body', async () => {
    const backend = await start()
    expect(backend.counters['POST /auth/token']).toBe(0)
    const { access_token, refresh_token } = (await login(backend)).json
    await get(backend, '/auth/me', bearer(access_token))
    await post(backend, '/auth/token', { refresh_token })
    await get(backend, '/missing')
    expect(backend.counters['POST /auth/login']).toBe(1)
    expect(backend.counters['GET /auth/me']).toBe(1)
    expect(backend.counters['POST /auth/token']).toBe(1)
    expect(backend.counters['GET /missing']).toBe(1)

    const log = backend.requests
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /auth/login 200',
      'GET /auth/me 200',
      'POST /auth/token 200',
      'GET /missing 404',
    ])
    expect(log[1].headers.authorization).toBe(`Bearer ${access_token}`)
    const carrying = log.filter((r) => JSON.stringify(r).includes(refresh_token))
    expect(carrying).toHaveLength(1)
    expect(carrying[0].path).toBe('/auth/token')
    expect(JSON.parse(carrying[0].body)).toEqual({ refresh_token })
    expect(carrying[0].url).not.toContain(refresh_token)

    backend.resetCounters()
    expect(backend.counters['POST /auth/login']).toBe(0)
    backend.clearRequests()
    expect(backend.requests).toEqual([])
  })

  it('keeps the request log bounded', async () => {
    const backend = await start({ requestLogSize: 3 })
    for (let i = 0; i < 10; i++) await get(backend, `/n${i}`)
    expect(backend.requests.map((r) => r.path)).toEqual(['/n7', '/n8', '/n9'])
    expect(backend.counters['GET /n0']).toBe(1)
  })

  it('revokeAll ends sessions at once; revokeRefreshTokens only stops refreshing', async () => {
    const backend = await start({ users: [DEMO_USER, { email: 'b@smithlet.dev', password: 'pw-b', name: 'B' }] })
    const a = (await login(backend)).json
    const b = (await login(backend, 'b@smithlet.dev', 'pw-b')).json
    expect(backend.revokeRefreshTokens(DEMO_USER.email)).toBe(1)
    expect((await get(backend, '/auth/me', bearer(a.access_token))).status).toBe(200)
    expect((await post(backend, '/auth/token', { refresh_token: a.refresh_token })).json).toEqual({ error: 'invalid_grant' })
    expect((await post(backend, '/auth/token', { refresh_token: b.refresh_token })).status).toBe(200)

    const c = (await login(backend)).json
    expect(backend.revokeAll()).toBe(3)
    for (const token of [a.access_token, c.access_token, b.access_token]) {
      expect((await get(backend, '/auth/me', bearer(token))).json.error).toBe('invalid_token')
    }
    expect((await post(backend, '/auth/token', { refresh_token: c.refresh_token })).status).toBe(400)
    expect((await login(backend)).status).toBe(200) // a new login starts a new session
  })

  it('issueTokens mints a working pair; setAccessTokenTtl changes later tokens', async () => {
    const backend = await start({ shape: 'bravo' })
    const issued = await backend.issueTokens(DEMO_USER.email)
    expect(issued.body).toEqual({ accessToken: issued.accessToken, refreshToken: issued.refreshToken })
    expect((await get(backend, '/auth/me', bearer(issued.accessToken))).status).toBe(200)
    backend.setAccessTokenTtl(5)
    const short = await backend.issueTokens(DEMO_USER.email)
    const claims = decodeJwt(short.accessToken)
    expect(claims.exp! - claims.iat!).toBe(5)
    expect(short.expiresIn).toBe(5)
    await expect(backend.issueTokens('nobody@smithlet.dev')).rejects.toThrow(/no user/)
  })

  it('delays a route by latencyMs / setLatency', async () => {
    const backend = await start({ latencyMs: { '/auth/token': 150 } })
    const { refresh_token } = (await login(backend)).json
    let started = performance.now()
    const res = await post(backend, '/auth/token', { refresh_token })
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    backend.setLatency('/auth/token', 0)
    started = performance.now()
    await post(backend, '/auth/token', { refresh_token: res.json.refresh_token })
    expect(performance.now() - started).toBeLessThan(140)
  })

  it('closes idempotently, even with a delayed request in flight', async () => {
    const backend = await startBackend({ scryptLogN: 10, rowCount: 0, latencyMs: { 'POST /auth/token': 10_000 } })
    const pending = post(backend, '/auth/token', { refresh_token: 'x' }).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 30))
    await Promise.all([backend.close(), backend.close()])
    expect(await pending).toBeInstanceOf(Error)
  })

  it('refuses bad options', async () => {
    await expect(startBackend({ shape: 'nope' as never })).rejects.toThrow(TypeError)
    await expect(startBackend({ accessTokenTtlSeconds: -1 })).rejects.toThrow(RangeError)
    await expect(startBackend({ port: 70_000 })).rejects.toThrow(RangeError)
  })
})
