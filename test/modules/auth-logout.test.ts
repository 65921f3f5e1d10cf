import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/index'
import { idbStorage } from '../../src/storage'
import { createLockManager } from '../support/locks'
import { auth, authScenario, CREDENTIALS, manualClock, refreshes, rejection } from '../support/auth-harness'

const { server, app } = authScenario()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const TOKEN_KEYS = ['authAccessToken', 'authRefreshToken', 'authAccessTokenExp']

/** Every value a binding could read from Auth_Module: each function's .data and each variable. */
function readableValues(a: App): unknown[] {
  const entity = a.scope.Auth_Module as Record<string, unknown>
  return Object.keys(entity).map((key) => {
    const member = entity[key]
    return typeof member === 'function' ? (member as unknown as { data: unknown }).data : member
  })
}

/** True when `text` holds a 12-character piece of any token. */
function holdsPiece(text: string, tokens: readonly string[]): boolean {
  return tokens.some((token) => {
    for (let i = 0; i + 12 <= token.length; i += 6) if (text.includes(token.slice(i, i + 12))) return true
    return false
  })
}

describe('I: sign-out wins', () => {
  it('I1: logout 60 ms into a 300 ms refresh → nothing stored, the caller rejects logged_out, one logged-out signal', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 300 } })
    const clock = manualClock()
    const onLoggedOut = vi.fn()
    const a = await app(b, { credentials: CREDENTIALS, onLoggedOut }, { now: clock.now })
    await auth(a).getAccessToken()
    clock.advance(61_000)
    const waiting = rejection(auth(a).getAccessToken())
    await sleep(60)
    await auth(a).logout()
    expect(await waiting).toMatchObject({ name: 'AuthError', code: 'logged_out' })
    expect(refreshes(b)).toBe(1) // the refresh did go out, and its answer came back
    for (const key of TOKEN_KEYS) expect(a.evaluate(`{{ appsmith.store.${key} }}`)).toBeUndefined()
    expect(a.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true)
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
    expect(onLoggedOut).toHaveBeenCalledWith({ reason: 'logout' })
    // And no later call logs in by itself.
    expect(await rejection(auth(a).getAccessToken())).toMatchObject({ code: 'logged_out' })
  })

  it('I1: a login in flight when logout() runs is discarded too', async () => {
    const b = await server({ latencyMs: { 'POST /auth/login': 200 } })
    const a = await app(b)
    const login = rejection(auth(a).login(CREDENTIALS.username, CREDENTIALS.password))
    await sleep(40)
    await auth(a).logout()
    expect(await login).toMatchObject({ code: 'logged_out' })
    expect(a.evaluate('{{ appsmith.store.authAccessToken }}')).toBeUndefined()
  })

  it('I2: the refresh runs in tab B, logout in tab A → both logged out, IndexedDB holds no token, B stores nothing', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 300 } })
    const id = `logout-tabs-${Math.random().toString(36).slice(2)}`
    const clock = manualClock()
    const shared = { id, now: clock.now, locks: createLockManager(), storage: undefined, channel: undefined }
    const signals: string[] = []
    const tabA = await app(b, { credentials: CREDENTIALS, onLoggedOut: ({ reason }) => signals.push(`A:${reason}`) }, shared)
    await auth(tabA).getAccessToken()
    const tabB = await app(b, { credentials: CREDENTIALS, onLoggedOut: ({ reason }) => signals.push(`B:${reason}`) }, shared)
    clock.advance(61_000)
    const inB = rejection(auth(tabB).getAccessToken())
    await sleep(60)
    await auth(tabA).logout()
    expect(await inB).toMatchObject({ code: 'logged_out' })
    expect(refreshes(b)).toBe(1)
    await sleep(50) // any write B might still make would be issued by now
    const disk = new Map(await idbStorage(id).entries())
    for (const key of TOKEN_KEYS) expect(disk.has(key)).toBe(false)
    for (const tab of [tabA, tabB]) {
      for (const key of TOKEN_KEYS) expect(tab.evaluate(`{{ appsmith.store.${key} }}`)).toBeUndefined()
      await vi.waitFor(() => expect(tab.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true), { timeout: 3000 })
    }
    // B hears of it as a logout in another tab: the event the demo shows as a toast.
    expect(signals.sort()).toEqual(['A:logout', 'B:other_tab'])
  })

  it('I3: after logout no function\'s .data, no variable and no module query holds any piece of a token', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    const first = (await auth(a).login(CREDENTIALS.username, CREDENTIALS.password)) as string
    const firstRefresh = a.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    await auth(a).getAccessToken()
    clock.advance(61_000)
    await auth(a).refreshAccessToken()
    await auth(a).getAccessToken()
    await a.run('{{ getusers_API.run() }}')
    expect(b.requests.filter((r) => r.path.startsWith('/auth/'))).toHaveLength(2) // one login, one refresh
    const tokens = [first, firstRefresh]
    for (const key of ['authAccessToken', 'authRefreshToken']) tokens.push(a.evaluate(`{{ appsmith.store.${key} }}`) as string)
    expect(holdsPiece(JSON.stringify(readableValues(a)), tokens)).toBe(true) // the check can fail
    await auth(a).logout()
    await sleep(0)
    expect(holdsPiece(JSON.stringify(readableValues(a)) ?? '', tokens)).toBe(false)
    expect(a.evaluate('{{ Auth_Module.getAccessToken.data }}')).toBeUndefined()
    expect(a.evaluate('{{ Auth_Module.login.data }}')).toBeUndefined()
    expect(a.evaluate('{{ Auth_Module.refreshAccessToken.data }}')).toBeUndefined()
    // The store holds none either.
    expect(holdsPiece(JSON.stringify(a.evaluate('{{ appsmith.store }}')), tokens)).toBe(false)
  })

  it('I4: with logoutUrl, one revocation request carries the refresh token, which the server then refuses', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const a = await app(b, { credentials: CREDENTIALS, logoutUrl: '/auth/logout' })
    await auth(a).getAccessToken()
    const rt = a.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    b.clearRequests()
    expect(await auth(a).logout()).toMatchObject({ revoked: true })
    const revocations = b.requests.filter((r) => r.path === '/auth/logout')
    expect(revocations).toHaveLength(1)
    expect(JSON.parse(revocations[0]!.body)).toEqual({ refresh_token: rt })
    const reuse = await fetch(`${b.url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: rt }) })
    expect(reuse.status).toBe(400)
    expect((await reuse.json()).error).toBe('invalid_grant')
  })

  it('I4: a failed revocation still signs out locally', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    // The one fault a server cannot produce on cue: the network failing for this one request.
    const faulty: typeof fetch = (input, init) =>
      String(input).endsWith('/auth/logout') ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)
    const onLoggedOut = vi.fn()
    const a = await app(b, { credentials: CREDENTIALS, logoutUrl: '/auth/logout', onLoggedOut }, { fetch: faulty })
    await auth(a).getAccessToken()
    expect(await auth(a).logout()).toMatchObject({ revoked: false })
    for (const key of TOKEN_KEYS) expect(a.evaluate(`{{ appsmith.store.${key} }}`)).toBeUndefined()
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
    expect(await rejection(auth(a).getAccessToken())).toMatchObject({ code: 'logged_out' })
  })
})
