// The demo backend as a server one could expose (issue 12): the static handler stays in
// its root (symlinks resolved, dotfiles refused), the request log keeps its memory bound,
// failed logins are throttled per user and per address, expired sessions are evicted,
// slow clients time out, CORS allows only configured (by default loopback) origins and
// never `null`. All against the real server on 127.0.0.1.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_USER, startBackend } from '../../demo/backend'
import type { Backend, BackendOptions } from '../../demo/backend'

const running: Backend[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const b of running.splice(0)) await b.close()
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

async function start(options: BackendOptions = {}): Promise<Backend> {
  const backend = await startBackend({ scryptLogN: 10, rowCount: 10, ...options })
  running.push(backend)
  return backend
}

const login = (backend: Backend, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${backend.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) })

describe('static files', () => {
  it('a symlink that leads out of the root, a dotfile and a dot-directory are not served; ordinary files are', async () => {
    const base = await mkdtemp(join(tmpdir(), 'smithlet-hardening-'))
    dirs.push(base)
    const root = join(base, 'public')
    await mkdir(join(root, '.git'), { recursive: true })
    await writeFile(join(base, 'secret.txt'), 'outside the root')
    await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>')
    await writeFile(join(root, '.env'), 'SECRET=1')
    await writeFile(join(root, '.git', 'config'), '[core]')
    await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'))
    await symlink(base, join(root, 'up'))
    const backend = await start({ staticDir: root })
    const status = async (path: string) => (await fetch(backend.url + path)).status
    expect(await status('/index.html')).toBe(200)
    expect(await status('/leak.txt')).toBe(404)
    expect(await status('/up/secret.txt')).toBe(404)
    expect(await status('/.env')).toBe(404)
    expect(await status('/.git/config')).toBe(404)
    expect(await status('/%2eenv')).toBe(404)
    const body = await (await fetch(backend.url + '/leak.txt')).text()
    expect(body).not.toContain('outside the root')
  })
})

describe('request log memory', () => {
  it('2,000 large POSTs keep the log within its bound (16 KB of body per entry)', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const backend = await start({ requestLogSize: 1000 })
    const big = JSON.stringify({ email: 'x@example.com', password: 'p', padding: 'a'.repeat(100 * 1024) })
    const send = () => fetch(`${backend.url}/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }).then((r) => r.arrayBuffer())
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 2000; i += 20) await Promise.all(Array.from({ length: 20 }, send))
    gc()
    const grown = process.memoryUsage().heapUsed - before
    const entries = backend.requests
    expect(entries).toHaveLength(1000)
    expect(Math.max(...entries.map((e) => Buffer.byteLength(e.body)))).toBeLessThanOrEqual(16 * 1024)
    // Budget: 1,000 entries × (16 KB body + headers) ≈ 20 MB; entries pinning their 100 KB bodies would be ~100–200 MB.
    expect(grown).toBeLessThan(60 * 1024 * 1024)
  }, 60_000)
})

describe('login throttling', () => {
  it('after 5 failures for one user, logins for that user get 429 with Retry-After, even with the right password; the window passes', async () => {
    let t = Date.UTC(2025, 0, 1)
    const backend = await start({ now: () => t })
    for (let i = 0; i < 5; i++) expect((await login(backend, DEMO_USER.email, 'wrong')).status).toBe(401)
    const limited = await login(backend, DEMO_USER.email, DEMO_USER.password)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(await limited.json()).toEqual({ error: 'too_many_attempts', error_description: 'too many failed logins; try again later' })
    expect((await login(backend, DEMO_USER.email.toUpperCase(), DEMO_USER.password)).status).toBe(429) // same user, other spelling
    t += 30_000
    expect((await login(backend, DEMO_USER.email, DEMO_USER.password)).headers.get('retry-after')).toBe('30')
    t += 30_001
    expect((await login(backend, DEMO_USER.email, DEMO_USER.password)).status).toBe(200)
  })

  it('one address trying many users is limited per address', async () => {
    const backend = await start({ loginRateLimit: { perUser: 100, perAddress: 3 } })
    for (let i = 0; i < 3; i++) expect((await login(backend, `user${i}@example.com`, 'guess')).status).toBe(401)
    const limited = await login(backend, 'someone-else@example.com', 'guess')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

it('expired sessions and refresh tokens are evicted', async () => {
  let t = Date.UTC(2025, 0, 1)
  const backend = await start({ now: () => t, refreshTokenTtlSeconds: 3600 })
  for (let i = 0; i < 5; i++) expect((await login(backend, DEMO_USER.email, DEMO_USER.password)).status).toBe(200)
  expect(backend.storedSessions()).toEqual({ sessions: 5, tokens: 5 })
  t += 3600 * 1000
  expect(backend.storedSessions()).toEqual({ sessions: 0, tokens: 0 })
})

it('a client that never finishes its headers is cut off (headersTimeout)', async () => {
  const backend = await start({ headersTimeoutMs: 300, timeoutCheckIntervalMs: 100 })
  const closed = await new Promise<string>((resolve) => {
    let received = ''
    const socket = connect(backend.port, '127.0.0.1', () => socket.write('GET /auth/me HTTP/1.1\r\nHost: x\r\n'))
    socket.on('data', (chunk) => void (received += chunk.toString()))
    socket.on('close', () => resolve(received))
    setTimeout(() => {
      socket.destroy()
      resolve('still open')
    }, 5_000)
  })
  expect(closed).not.toBe('still open')
  expect(closed).toMatch(/^HTTP\/1\.1 408/)
})

describe('CORS', () => {
  it('echoes only allowed origins: loopback by default, never null; a configured list replaces it', async () => {
    const backend = await start()
    const allow = async (b: Backend, origin: string) =>
      (await fetch(`${b.url}/auth/me`, { headers: { origin } })).headers.get('access-control-allow-origin')
    expect(await allow(backend, 'http://localhost:5173')).toBe('http://localhost:5173')
    expect(await allow(backend, 'http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787')
    expect(await allow(backend, 'https://evil.example')).toBeNull()
    expect(await allow(backend, 'null')).toBeNull()
    expect(await allow(backend, 'http://localhost.evil.example')).toBeNull()
    const configured = await start({ allowedOrigins: ['https://app.example'] })
    expect(await allow(configured, 'https://app.example')).toBe('https://app.example')
    expect(await allow(configured, 'http://localhost:5173')).toBeNull()
    expect(await allow(configured, 'null')).toBeNull()
  })
})
