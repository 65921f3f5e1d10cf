import { describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../demo/backend/index'
import type { App } from '../../src/index'
import { createLockManager } from '../support/locks'
import { recordingTimers } from '../support/timers'
import { auth, authApp, backend, countingStorage, CREDENTIALS, manualClock, rejection, authScenario, refreshes } from '../support/auth-harness'

const { server, app } = authScenario()

/** A session whose access token has just expired (client clock moved past it). */
async function expiredSession(b: Backend, extra: Parameters<typeof authApp>[2] = {}, inputs: Parameters<typeof authApp>[1] = {}) {
  const clock = manualClock()
  const storage = countingStorage()
  const a = await app(b, { credentials: CREDENTIALS, ...inputs }, { now: clock.now, storage, locks: createLockManager(), ...extra })
  if (inputs.credentials === null) await auth(a).login(CREDENTIALS.username, CREDENTIALS.password)
  else await auth(a).getAccessToken()
  clock.advance(61_000)
  b.resetCounters()
  storage.writes = 0
  storage.reads = 0
  return { a, clock, storage }
}

describe('C: single flight in a tab', () => {
  it('C1: 100 concurrent calls with an expired token → 1 refresh request, 100 identical tokens, 1 store write', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 200 } })
    const { a, storage } = await expiredSession(b)
    const tokens = await Promise.all(Array.from({ length: 100 }, () => auth(a).getAccessToken()))
    expect(refreshes(b)).toBe(1)
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).toBe(a.evaluate('{{ appsmith.store.authAccessToken }}'))
    expect(storage.writes).toBe(1)
  })

  it('C2: 100 concurrent calls with a valid token → 0 refreshes and no storage read on the hot path', async () => {
    const b = await server({ accessTokenTtlSeconds: 3600 })
    const storage = countingStorage()
    const a = await app(b, { credentials: CREDENTIALS }, { storage })
    await auth(a).getAccessToken()
    storage.reads = 0
    b.resetCounters()
    const tokens = await Promise.all(Array.from({ length: 100 }, () => auth(a).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(refreshes(b)).toBe(0)
    expect(storage.reads).toBe(0)
  })

  it('C3: 100 waiters and the refresh answers 400 invalid_grant → 1 request, one typed error for all, logged out once, store cleared', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 100 } })
    const loggedOut = vi.fn()
    const { a } = await expiredSession(b, {}, { credentials: null, onLoggedOut: loggedOut })
    const signals: unknown[] = []
    a.watch('{{ Auth_Module.isLoggedOut }}', (v) => signals.push(v))
    b.revokeRefreshTokens()
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => auth(a).getAccessToken()))
    expect(refreshes(b)).toBe(1)
    const reasons = new Set(results.map((r) => (r.status === 'rejected' ? r.reason : r)))
    expect(reasons.size).toBe(1)
    const error = [...reasons][0] as { name: string; code: string }
    expect(error).toMatchObject({ name: 'AuthError', code: 'session_ended' })
    expect(loggedOut).toHaveBeenCalledTimes(1)
    expect(signals.filter((v) => v === true)).toHaveLength(1)
    for (const key of ['authAccessToken', 'authRefreshToken', 'authAccessTokenExp']) {
      expect(a.evaluate(`{{ appsmith.store.${key} }}`)).toBeUndefined()
    }
    expect(b.counters['POST /auth/login']).toBe(0)
  })

  it('C3 with credentials configured: the session ends once, then one login', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const loggedOut = vi.fn()
    const { a } = await expiredSession(b, {}, { onLoggedOut: loggedOut })
    b.revokeRefreshTokens()
    const tokens = await Promise.all(Array.from({ length: 20 }, () => auth(a).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(refreshes(b)).toBe(1)
    expect(b.counters['POST /auth/login']).toBe(1)
    expect(loggedOut).toHaveBeenCalledTimes(1)
  })

  it('C4: the refresh fails with a network error every time → 3 attempts, tokens kept, no logged-out signal; the next call tries afresh', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    let refreshAttempts = 0
    const failingFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/auth/token')) {
        refreshAttempts++
        return Promise.reject(new TypeError('fetch failed'))
      }
      return fetch(input, init)
    }
    const loggedOut = vi.fn()
    const { a } = await expiredSession(b, { fetch: failingFetch }, { onLoggedOut: loggedOut })
    const before = a.evaluate('{{ appsmith.store.authRefreshToken }}')
    const error = await rejection(auth(a).getAccessToken())
    expect(error).toMatchObject({ name: 'AuthError', code: 'refresh_failed' })
    expect(refreshAttempts).toBe(3)
    expect(a.evaluate('{{ appsmith.store.authRefreshToken }}')).toBe(before)
    expect(a.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(false)
    expect(loggedOut).not.toHaveBeenCalled()
    await rejection(auth(a).getAccessToken())
    expect(refreshAttempts).toBe(6)
  })

  it('C4: 5xx and 429 are transient too; recovery on the third attempt', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const statuses = [503, 429]
    const flakyFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/auth/token') && statuses.length > 0) {
        return Promise.resolve(new Response('{"error":"busy"}', { status: statuses.shift()!, headers: { 'content-type': 'application/json' } }))
      }
      return fetch(input, init)
    }
    const { a } = await expiredSession(b, { fetch: flakyFetch })
    const token = await auth(a).getAccessToken()
    expect(token).toBe(a.evaluate('{{ appsmith.store.authAccessToken }}'))
    expect(refreshes(b)).toBe(1)
  })

  it('C5: the refresh endpoint hangs → rejects at the timeout, the lock is released, the next call can refresh', async () => {
    const b = await server({ accessTokenTtlSeconds: 60, latencyMs: { 'POST /auth/token': 60_000 } })
    const locks = createLockManager()
    const { a } = await expiredSession(b, { locks }, { timeoutMs: 500 })
    const started = Date.now()
    const error = await rejection(auth(a).getAccessToken())
    expect(error).toMatchObject({ code: 'refresh_failed' })
    expect(error.message).toMatch(/no answer in time/)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(locks.held('smithlet-auth-refresh')).toBe(false)
    b.setLatency('POST /auth/token', 0)
    const token = await auth(a).getAccessToken()
    expect(token).toBe(a.evaluate('{{ appsmith.store.authAccessToken }}'))
  })

  it('a forced refresh while one is in flight shares it; a failure is not cached', async () => {
    const b = await server({ accessTokenTtlSeconds: 3600, latencyMs: { 'POST /auth/token': 100 } })
    const { a } = await expiredSession(b)
    const first = auth(a).refreshAccessToken()
    const second = auth(a).refreshAccessToken()
    expect(await first).toBe(await second)
    expect(refreshes(b)).toBe(1)
    await auth(a).refreshAccessToken()
    expect(refreshes(b)).toBe(2)
  })

  it('without Web Locks: single flight in the tab, with one warning (through the app\'s warn)', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const warn = vi.fn<(message: string) => void>()
    const { a, clock } = await expiredSession(b, { locks: null, warn })
    await Promise.all(Array.from({ length: 10 }, () => auth(a).getAccessToken()))
    clock.advance(61_000)
    await Promise.all(Array.from({ length: 10 }, () => auth(a).getAccessToken()))
    expect(refreshes(b)).toBe(2)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/Web Locks are not available/)
  })

  it('the retry backoff waits on the app\'s timers, with the app\'s randomness', async () => {
    const b = await server({ accessTokenTtlSeconds: 60 })
    const statuses = [503, 503]
    const flakyFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/auth/token') && statuses.length > 0) {
        return Promise.resolve(new Response('{"error":"busy"}', { status: statuses.shift()!, headers: { 'content-type': 'application/json' } }))
      }
      return fetch(input, init)
    }
    // Real timers that record every delay asked for.
    const timers = recordingTimers()
    const delays = timers.delays
    const { a } = await expiredSession(b, { fetch: flakyFetch, timers, random: () => 0.5 })
    delays.length = 0
    expect(await auth(a).getAccessToken()).toBe(a.evaluate('{{ appsmith.store.authAccessToken }}'))
    // 200 · 2^attempt + random · 100, for the two failed attempts.
    expect(delays).toEqual(expect.arrayContaining([250, 450]))
  })
})
