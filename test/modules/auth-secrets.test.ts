import 'fake-indexeddb/auto'
import { afterEach, expect, it, vi } from 'vitest'
import type { ChannelLike } from '../../src/index'
import { createLockManager } from '../support/locks'
import { auth, authApp, backend, CREDENTIALS, manualClock } from '../support/auth-harness'

afterEach(() => vi.restoreAllMocks())

/** Every substring of `token` of `size` characters. */
function pieces(token: string, size = 6): string[] {
  const out: string[] = []
  for (let i = 0; i + size <= token.length; i++) out.push(token.slice(i, i + size))
  return out
}

it('H1: no token substring of ≥ 6 characters in logs, errors, URLs or cross-tab messages; the refresh token only in the refresh body', async () => {
  const serverClock = manualClock()
  const b = await backend({ accessTokenTtlSeconds: 60, now: serverClock.now })
  const logged: string[] = []
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  }
  const sent: Array<{ url: string; headers: string; body: string }> = []
  const accessTokens = new Set<string>()
  const refreshTokens = new Set<string>()
  const spyFetch: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), headers: JSON.stringify([...new Headers(init?.headers)]), body: typeof init?.body === 'string' ? init.body : '' })
    const response = await fetch(input, init)
    const body = await response.clone().json().catch(() => null)
    if (body && typeof body === 'object') {
      if (typeof body.access_token === 'string') accessTokens.add(body.access_token)
      if (typeof body.refresh_token === 'string') refreshTokens.add(body.refresh_token)
    }
    return response
  }
  const messages: unknown[] = []
  const channel = (name: string): ChannelLike => {
    const real = new BroadcastChannel(name)
    return {
      postMessage: (m) => {
        messages.push(m)
        real.postMessage(m)
      },
      addEventListener: real.addEventListener.bind(real) as ChannelLike['addEventListener'],
      close: () => real.close(),
    }
  }
  const clock = manualClock()
  const locks = createLockManager()
  const shared = { id: `secrets-${Date.now()}`, fetch: spyFetch, now: clock.now, locks, storage: undefined, channel, warn: (m: string) => console.warn(m) }
  const tabA = await authApp(b, { credentials: CREDENTIALS }, shared)
  const tabB = await authApp(b, { credentials: CREDENTIALS }, shared)
  const errors: string[] = []
  const record = (p: Promise<unknown>) => p.catch((e: unknown) => void errors.push(String(e), (e as Error).stack ?? '', JSON.stringify(e)))

  // Log in, refresh by expiry, refresh after a 401, cross-tab sharing, a failed request, session end, logout.
  await record(auth(tabA).getAccessToken())
  clock.advance(61_000)
  await Promise.all([record(auth(tabA).getAccessToken()), record(auth(tabB).getAccessToken())])
  serverClock.advance(61_000)
  await record(auth(tabA).request(tabA.scope.getusers_API))
  await record(tabB.run('{{ getusers_API.run() }}'))
  b.revokeRefreshTokens()
  clock.advance(61_000)
  await record(auth(tabB).getAccessToken())
  await record(auth(tabA).logout())
  await record(auth(tabA).getAccessToken())
  await new Promise((r) => setTimeout(r, 20))

  expect(accessTokens.size).toBeGreaterThanOrEqual(3)
  expect(refreshTokens.size).toBeGreaterThanOrEqual(3)
  expect(errors.length).toBeGreaterThan(0)
  const everyToken = [...accessTokens, ...refreshTokens]
  const haystacks = {
    console: logged.join('\n'),
    errors: errors.join('\n'),
    urls: sent.map((s) => s.url).join('\n'),
    channel: JSON.stringify(messages),
  }
  for (const token of everyToken) {
    for (const piece of pieces(token)) {
      for (const [where, text] of Object.entries(haystacks)) {
        if (text.includes(piece)) throw new Error(`a piece of a token appears in ${where}`)
      }
    }
  }
  // The refresh token goes only to the refresh endpoint, in the body.
  for (const rt of refreshTokens) {
    for (const request of sent) {
      const inBody = request.body.includes(rt)
      expect(request.headers.includes(rt)).toBe(false)
      if (inBody) expect(request.url.endsWith('/auth/token')).toBe(true)
    }
  }
  tabA.dispose()
  tabB.dispose()
  await b.close()
})
