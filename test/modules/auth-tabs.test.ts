import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../demo/backend/index'
import type { App, StorageBackend } from '../../src/index'
import { createLockManager } from '../support/locks'
import { auth, authApp, backend, countingStorage, CREDENTIALS, manualClock, rejection, authScenario, refreshes } from '../support/auth-harness'

const { server, app } = authScenario()
let tabSeq = 0

/** Two "tabs": app instances with one id, sharing IndexedDB and a lock manager. */
async function twoTabs(b: Backend, options: { channel?: null } = {}) {
  const id = `tabs-${++tabSeq}-${Math.random().toString(36).slice(2)}`
  const clock = manualClock()
  const locks = createLockManager()
  const shared = { id, now: clock.now, locks, storage: undefined, channel: undefined }
  const tabA = await app(b, { credentials: CREDENTIALS }, shared)
  await auth(tabA).getAccessToken()
  // B opens after A logged in, so it hydrates A's tokens from IndexedDB.
  const tabB = await app(b, { credentials: CREDENTIALS }, { ...shared, ...options })
  return { tabA, tabB, clock, locks }
}

describe('D: single flight across tabs', () => {
  it('D1: two instances, 50 calls each, token expired → exactly 1 refresh request; both end with the same tokens', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 50 } })
    const { tabA, tabB, clock } = await twoTabs(b)
    expect(tabB.evaluate('{{ appsmith.store.authAccessToken }}')).toBe(tabA.evaluate('{{ appsmith.store.authAccessToken }}'))
    clock.advance(61_000)
    b.resetCounters()
    const calls = [...Array.from({ length: 50 }, () => auth(tabA).getAccessToken()), ...Array.from({ length: 50 }, () => auth(tabB).getAccessToken())]
    const tokens = await Promise.all(calls)
    expect(refreshes(b)).toBe(1)
    expect(new Set(tokens).size).toBe(1)
    for (const key of ['authAccessToken', 'authRefreshToken']) {
      expect(tabA.evaluate(`{{ appsmith.store.${key} }}`)).toBe(tabB.evaluate(`{{ appsmith.store.${key} }}`))
    }
  })

  it('D2: A rotates RT0→RT1 while B holds RT0 in memory → B sends 0 requests carrying RT0', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    // B hears nothing from A: only IndexedDB, read under the lock, can save it.
    const { tabA, tabB, clock } = await twoTabs(b, { channel: null })
    const rt0 = tabB.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    clock.advance(61_000)
    await auth(tabA).getAccessToken()
    expect(tabA.evaluate('{{ appsmith.store.authRefreshToken }}')).not.toBe(rt0)
    expect(tabB.evaluate('{{ appsmith.store.authRefreshToken }}')).toBe(rt0)
    b.clearRequests()
    const token = await auth(tabB).getAccessToken()
    expect(token).toBe(tabA.evaluate('{{ appsmith.store.authAccessToken }}'))
    expect(b.requests.filter((r) => r.body.includes(rt0))).toHaveLength(0)
    expect(refreshes(b)).toBe(1)
  })

  it('D3: logout in A → B\'s next call rejects with 0 network requests', async () => {
    const b = await server({ accessTokenTtlSeconds: 3600 })
    const { tabA, tabB } = await twoTabs(b)
    await auth(tabA).logout()
    await vi.waitFor(() => expect(tabB.evaluate('{{ appsmith.store.authAccessToken }}')).toBeUndefined())
    b.clearRequests()
    const error = await rejection(auth(tabB).getAccessToken())
    expect(error).toMatchObject({ name: 'AuthError', code: 'logged_out' })
    expect(b.requests).toHaveLength(0)
    await vi.waitFor(() => expect(tabB.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true))
  })
})

describe('E: storage', () => {
  it('E1: a refresh response without refresh_token keeps the old one, which is used next time', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, rotateRefreshTokens: false })
    const clock = manualClock()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now })
    await auth(a).getAccessToken()
    const rt = a.evaluate('{{ appsmith.store.authRefreshToken }}') as string
    for (let i = 0; i < 2; i++) {
      clock.advance(61_000)
      await auth(a).getAccessToken()
      expect(a.evaluate('{{ appsmith.store.authRefreshToken }}')).toBe(rt)
    }
    const bodies = b.requests.filter((r) => r.path === '/auth/token').map((r) => JSON.parse(r.body).refresh_token)
    expect(bodies).toEqual([rt, rt])
  })

  it('E2: IndexedDB unavailable → memory fallback; single flight, refresh and session end still hold', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 50 } })
    const cause = new Error('IndexedDB blocked')
    const broken: StorageBackend = { kind: 'IndexedDB', entries: () => Promise.reject(cause), getMany: () => Promise.reject(cause), apply: () => Promise.reject(cause) }
    const clock = manualClock()
    const warn = vi.fn()
    const a = await app(b, { credentials: CREDENTIALS }, { now: clock.now, storage: broken, warn, locks: createLockManager() })
    const first = await auth(a).getAccessToken()
    expect(warn).toHaveBeenCalledTimes(1)
    clock.advance(61_000)
    const tokens = await Promise.all(Array.from({ length: 50 }, () => auth(a).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).not.toBe(first)
    expect(refreshes(b)).toBe(1)
    b.revokeRefreshTokens()
    clock.advance(61_000)
    await auth(a).getAccessToken() // session ended, then one login with the credentials
    expect(b.counters['POST /auth/login']).toBe(2)
  })

  it.each([
    ['a number', 12345],
    ['truncated JWT text', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx'],
    ['a JWT whose payload is garbage', 'eyJhbGciOiJIUzI1NiJ9.!!!!.c2ln'],
    ['an object', { token: 'x' }],
  ])('E3: a corrupt stored token (%s) counts as logged out, no throw', async (_label, value) => {
    const b = await server()
    const storage = countingStorage(new Map<string, unknown>([['authAccessToken', value], ['authAccessTokenExp', 'soon']]))
    const a = await app(b, {}, { storage })
    expect(a.evaluate('{{ Auth_Module.verifyAccessTokenExpired() }}')).toBe(false)
    const error = await rejection(auth(a).getAccessToken())
    expect(error).toMatchObject({ name: 'AuthError', code: 'logged_out' })
    expect(a.evaluate('{{ appsmith.store.authAccessToken }}')).toBeUndefined()
    expect(b.requests).toHaveLength(0)
    // With credentials, the same store logs in instead.
    const withCredentials = await app(b, { credentials: CREDENTIALS }, { storage: countingStorage(new Map([['authAccessToken', value]])) })
    expect(typeof (await auth(withCredentials).getAccessToken())).toBe('string')
  })
})
