import { describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../demo/backend/index'
import type { App } from '../../src/index'
import { auth, authApp, backend, CREDENTIALS, manualClock, rejection, authScenario, refreshes } from '../support/auth-harness'

const scenario = authScenario()
const { app } = scenario
/** A backend whose clock a test can move: its tokens expire while the client's clock says they are fresh. */
async function server(options: Parameters<typeof backend>[0] = {}) {
  const serverClock = manualClock()
  const b = await scenario.server({ accessTokenTtlSeconds: 60, now: serverClock.now, ...options })
  return { b, serverClock }
}
const rowsRequests = (b: Backend): number => b.counters['GET /api/rows']!

async function loggedIn(b: Backend, options: Parameters<typeof authApp>[2] = {}) {
  const a = await app(b, { credentials: CREDENTIALS }, options)
  await auth(a).getAccessToken()
  b.resetCounters()
  return a
}

describe('F: 401 on a data request', () => {
  it('F1: API 401 once, then 200 → 1 refresh, the request retried once, the caller sees 200', async () => {
    const { b, serverClock } = await server()
    const a = await loggedIn(b)
    serverClock.advance(61_000)
    const body = (await auth(a).request(a.scope.getusers_API)) as { results: unknown[] }
    expect(body.results).toHaveLength(5)
    expect(refreshes(b)).toBe(1)
    expect(rowsRequests(b)).toBe(2)
    expect(a.evaluate('{{ getusers_API.responseMeta.statusCode }}')).toBe(200)
  })

  it('F2: API always 401 → 1 refresh, 2 attempts, a typed error, no loop', async () => {
    const { b } = await server()
    const always401: typeof fetch = (input, init) =>
      String(input).includes('/api/rows')
        ? (fetch(input, init).catch(() => undefined), Promise.resolve(new Response('{"error":"invalid_token"}', { status: 401, headers: { 'content-type': 'application/json' } })))
        : fetch(input, init)
    const a = await loggedIn(b, { fetch: always401 })
    const error = await rejection(auth(a).request(a.scope.getusers_API))
    expect(error).toMatchObject({ name: 'AuthError', code: 'unauthorized', statusCode: 401 })
    expect(refreshes(b)).toBe(1)
    await vi.waitFor(() => expect(rowsRequests(b)).toBe(2))
  })

  it('F3: 10 parallel requests all 401 → 1 refresh, 10 retries, 10 successes', async () => {
    const { b, serverClock } = await server()
    const a = await loggedIn(b)
    serverClock.advance(61_000)
    const results = await Promise.all(Array.from({ length: 10 }, () => auth(a).request(a.scope.getusers_API)))
    expect(results.every((r) => (r as { results: unknown[] }).results.length === 5)).toBe(true)
    expect(refreshes(b)).toBe(1)
    expect(rowsRequests(b)).toBe(20)
  })

  it('F4: a late 401 for a request sent with the old token, after the refresh finished → 0 extra refreshes, retried with the new token', async () => {
    const { b, serverClock } = await server({ latencyMs: { 'GET /api/rows': 150 } })
    const a = await loggedIn(b)
    const oldToken = a.evaluate('{{ appsmith.store.authAccessToken }}')
    serverClock.advance(61_000)
    const late = auth(a).request(a.scope.getusers_API)
    await new Promise((r) => setTimeout(r, 30)) // the request is on the wire with the old token
    const fresh = await auth(a).refreshAccessToken()
    expect(fresh).not.toBe(oldToken)
    await late
    expect(refreshes(b)).toBe(1)
    const auths = b.requests.filter((r) => r.path === '/api/rows').map((r) => r.headers.authorization)
    expect(auths).toEqual([`Bearer ${oldToken}`, `Bearer ${fresh}`])
  })

  it('F5: the refresh endpoint itself answers 401 → not intercepted, the session ends, 1 refresh call in total', async () => {
    const { b, serverClock } = await server()
    const refresh401: typeof fetch = (input, init) =>
      String(input).endsWith('/auth/token')
        ? (fetch(input, init).catch(() => undefined), Promise.resolve(new Response('{"error":"invalid_token"}', { status: 401, headers: { 'content-type': 'application/json' } })))
        : fetch(input, init)
    const loggedOut = vi.fn()
    const a = await app(b, { onLoggedOut: loggedOut }, { fetch: refresh401 })
    await auth(a).login(CREDENTIALS.username, CREDENTIALS.password)
    b.resetCounters()
    serverClock.advance(61_000)
    const error = await rejection(auth(a).request(a.scope.getusers_API))
    expect(error).toMatchObject({ code: 'session_ended' })
    await vi.waitFor(() => expect(refreshes(b)).toBe(1))
    expect(rowsRequests(b)).toBe(1)
    expect(loggedOut).toHaveBeenCalledTimes(1)
    // After the session ended, the next request sends nothing.
    b.resetCounters()
    expect(await rejection(auth(a).request(a.scope.getusers_API))).toMatchObject({ code: 'logged_out' })
    expect(rowsRequests(b) + refreshes(b)).toBe(0)
  })

  it('403 is not an auth failure: no refresh, no retry', async () => {
    const { b } = await server()
    const forbid: typeof fetch = (input, init) =>
      String(input).includes('/api/rows') ? Promise.resolve(new Response('{"error":"forbidden"}', { status: 403, headers: { 'content-type': 'application/json' } })) : fetch(input, init)
    const a = await loggedIn(b, { fetch: forbid })
    const error = await rejection(auth(a).request(a.scope.getusers_API))
    expect(error).toMatchObject({ name: 'QueryError', statusCode: 403 })
    expect(refreshes(b)).toBe(0)
  })

  it('request() without a query is a clear typed error, before any request', async () => {
    const { b } = await server()
    const a = await loggedIn(b)
    b.clearRequests()
    expect(await rejection(auth(a).request(undefined))).toMatchObject({ name: 'AuthError', code: 'invalid_request' })
    expect(b.requests).toHaveLength(0)
  })
})
