import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { oidcModule } from '../../modules/auth/oidc'
import { oidcClient } from '../../modules/auth/oidc-client'
import type { App, StorageBackend } from '../../src/index'
import { auth, manualClock, rejection } from '../support/auth-harness'
import { createLockManager } from '../support/locks'
import { oidcScenario, REDIRECT_URI, sharedDisk } from '../support/oidc-app'

const { issuer, app, signIn } = oidcScenario()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const store = (a: App, key: string) => a.evaluate(`{{ appsmith.store.${key} }}`)

/** Signs in by redirect: the login page, then the page the issuer sends back to. */
async function signedIn(iss: Awaited<ReturnType<typeof issuer>>, options: Parameters<typeof app>[1] = {}) {
  const storage = options.storage ?? sharedDisk()
  const before = await app(iss, { ...options, storage })
  const callback = await signIn(before)
  const replaceState = vi.fn()
  vi.stubGlobal('history', { state: null, replaceState })
  const after = await app(iss, { ...options, storage, url: callback })
  await after.runPageLoad()
  return { before, after, callback, replaceState, storage }
}

/** Asks the issuer's userinfo endpoint whether an access token is live. */
async function userinfo(iss: Awaited<ReturnType<typeof issuer>>, token: string): Promise<number> {
  return (await fetch(`${iss.issuer}/me`, { headers: { authorization: `Bearer ${token}` } })).status
}

describe('O3: OpenID Connect sign-in by redirect', () => {
  it('redirects with code + PKCE S256, state and nonce; the callback exchanges the code before other page-load actions, checks the ID token, cleans the URL', async () => {
    const iss = await issuer()
    const { before, after, callback, replaceState } = await signedIn(iss)
    const authorize = new URL(before.navigations[0]!)
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${iss.issuer}/auth`)
    const params = Object.fromEntries(authorize.searchParams)
    expect(params).toMatchObject({ response_type: 'code', client_id: iss.clientId, redirect_uri: REDIRECT_URI, code_challenge_method: 'S256', scope: 'openid profile' })
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(new URL(callback).searchParams.get('code')).toBeTruthy()
    // The app's own page-load action ran after the exchange: it saw the token.
    expect(after.evaluate('{{ Page.sawToken }}')).toBe(true)
    expect(iss.counters['grant:authorization_code']).toBe(1)
    const token = store(after, 'authAccessToken') as string
    expect(await userinfo(iss, token)).toBe(200)
    expect(typeof store(after, 'authRefreshToken')).toBe('string')
    expect(store(after, 'authAccessTokenExp')).toBeTypeOf('number') // expires_in of an opaque token
    expect(store(after, 'authOidcRequest')).toBeUndefined()
    expect(after.evaluate('{{ Auth_Module.user.sub }}')).toBe('ada')
    expect(after.evaluate('{{ Auth_Module.user.name }}')).toBe('ada (José 😀)')
    expect(replaceState).toHaveBeenCalledTimes(1)
    expect(replaceState.mock.calls[0]![2]).toBe(REDIRECT_URI)
    expect(await auth(after).getAccessToken()).toBe(token)
  })

  it('a page without a sign-in answer runs page load as usual, with no request', async () => {
    const iss = await issuer()
    const a = await app(iss)
    await a.runPageLoad()
    expect(a.evaluate('{{ Page.sawToken }}')).toBe(false)
    expect(iss.counters['GET /.well-known/openid-configuration']).toBe(0)
    expect(a.evaluate('{{ Auth_Module.user }}')).toBeNull()
  })
})

describe('O4: bad sign-in answers', () => {
  async function failedCallback(callback: string, storage: StorageBackend, iss: Awaited<ReturnType<typeof issuer>>) {
    const replaceState = vi.fn()
    vi.stubGlobal('history', { state: null, replaceState })
    const a = await app(iss, { storage, url: callback })
    const error = await rejection(auth(a).handleRedirectCallback() as Promise<unknown>)
    for (const key of ['authAccessToken', 'authRefreshToken', 'authUser', 'authOidcRequest']) expect(store(a, key)).toBeUndefined()
    expect(replaceState).toHaveBeenCalledTimes(1)
    expect(new URL(replaceState.mock.calls[0]![2] as string).search).toBe('')
    return { error, a }
  }

  it('a foreign state → invalid_state, nothing stored, URL cleaned, no token request', async () => {
    const iss = await issuer()
    const storage = sharedDisk()
    const callback = new URL(await signIn(await app(iss, { storage })))
    callback.searchParams.set('state', 'someone-elses-state-value-000000')
    const { error } = await failedCallback(callback.href, storage, iss)
    expect(error).toMatchObject({ name: 'AuthError', code: 'invalid_state' })
    expect(iss.counters['POST /token']).toBe(0)
  })

  it('a replayed state (the callback URL loaded again) → invalid_state', async () => {
    const iss = await issuer()
    const { callback, storage } = await signedIn(iss)
    // Logged in once; the same answer again finds no pending request.
    await auth((await app(iss, { storage })) as App).logout()
    const { error } = await failedCallback(callback, storage, iss)
    expect(error).toMatchObject({ code: 'invalid_state' })
    expect(iss.counters['grant:authorization_code']).toBe(1)
  })

  it('error=access_denied (the user aborts at the issuer) → access_denied', async () => {
    const iss = await issuer()
    const storage = sharedDisk()
    const callback = await signIn(await app(iss, { storage }), 'ada', true)
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied')
    const { error } = await failedCallback(callback, storage, iss)
    expect(error).toMatchObject({ name: 'AuthError', code: 'access_denied' })
  })

  it('an ID token whose nonce is not the request\'s → invalid_id_token, nothing stored', async () => {
    const iss = await issuer()
    const storage = sharedDisk()
    const callback = await signIn(await app(iss, { storage }))
    const pending = storage.data.get('authOidcRequest') as Record<string, string>
    storage.data.set('authOidcRequest', { ...pending, nonce: 'not-the-nonce-sent-to-the-issuer' })
    const { error } = await failedCallback(callback, storage, iss)
    expect(error).toMatchObject({ name: 'AuthError', code: 'invalid_id_token', message: 'The ID token failed its check (nonce)' })
  })

  it('ID-token checks against the issuer\'s real JWKS: wrong aud, wrong issuer, expired, bad signature', async () => {
    const iss = await issuer()
    const storage = sharedDisk()
    const callback = await signIn(await app(iss, { storage }))
    const pending = storage.data.get('authOidcRequest') as { nonce: string; verifier: string }
    const response = await fetch(`${iss.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: new URL(callback).searchParams.get('code')!, redirect_uri: REDIRECT_URI, client_id: iss.clientId, code_verifier: pending.verifier }),
    })
    const idToken = (await response.json()).id_token as string
    const jwks = await (await fetch(`${iss.issuer}/jwks`)).json()
    const check = { jwks, issuer: iss.issuer, clientId: iss.clientId, nonce: pending.nonce, now: Date.now() }
    expect((await oidcClient.verifyIdToken(idToken, check)).sub).toBe('ada')
    const failing: Array<[Partial<typeof check>, string]> = [
      [{ clientId: 'another-client' }, 'aud'],
      [{ issuer: 'http://127.0.0.1:1' }, 'iss'],
      [{ now: Date.now() + 2 * 3600_000 }, 'exp'],
    ]
    for (const [change, claim] of failing) {
      await expect(oidcClient.verifyIdToken(idToken, { ...check, ...change })).rejects.toMatchObject({ code: 'invalid_id_token', message: `The ID token failed its check (${claim})` })
    }
    const [h, p, s] = idToken.split('.')
    const forged = `${h}.${p}.${s!.slice(0, 10)}${s![10] === 'A' ? 'B' : 'A'}${s!.slice(11)}`
    await expect(oidcClient.verifyIdToken(forged, check)).rejects.toMatchObject({ code: 'invalid_id_token' })
    const otherKeys = { keys: [{ ...jwks.keys[0], n: jwks.keys[0].n.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A')) }] }
    await expect(oidcClient.verifyIdToken(idToken, { ...check, jwks: otherKeys })).rejects.toMatchObject({ code: 'invalid_id_token' })
  })
})

describe('O1/O2/O5: refresh against oidc-provider', () => {
  it('O1: form-encoded refresh with grant_type and client_id → 200; the new access token works at userinfo; the rotated refresh token is stored and the old one never sent again', async () => {
    const iss = await issuer({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const bodies: string[] = []
    const spyFetch: typeof fetch = (input, init) => {
      if (typeof init?.body === 'object' && init.body instanceof URLSearchParams) bodies.push(init.body.toString())
      return fetch(input, init)
    }
    const { after } = await signedIn(iss, { now: clock.now, fetch: spyFetch })
    const rt0 = store(after, 'authRefreshToken') as string
    const at0 = store(after, 'authAccessToken') as string
    clock.advance(31_000) // margin: half of 60 s
    const at1 = (await auth(after).getAccessToken()) as string
    expect(at1).not.toBe(at0)
    expect(iss.counters['grant:refresh_token']).toBe(1)
    expect(await userinfo(iss, at1)).toBe(200)
    const rt1 = store(after, 'authRefreshToken') as string
    expect(rt1).not.toBe(rt0)
    const refresh = new URLSearchParams(bodies.find((b) => b.includes('grant_type=refresh_token'))!)
    expect([...refresh.keys()]).toEqual(['refresh_token', 'grant_type', 'client_id'])
    expect(refresh.get('client_id')).toBe(iss.clientId)
    clock.advance(31_000)
    await auth(after).getAccessToken()
    expect(iss.counters['grant:refresh_token']).toBe(2)
    expect(bodies.filter((b) => new URLSearchParams(b).get('refresh_token') === rt0)).toHaveLength(1)
    expect(iss.counters['grant-error:refresh_token']).toBe(0)
  })

  it('O2: 20 concurrent callers with an expired token → 1 token request counted by the server', async () => {
    const iss = await issuer({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const { after } = await signedIn(iss, { now: clock.now })
    iss.resetCounters()
    iss.setTokenLatency(150)
    clock.advance(31_000)
    const tokens = await Promise.all(Array.from({ length: 20 }, () => auth(after).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(iss.counters['POST /token']).toBe(1)
    expect(iss.counters['grant:refresh_token']).toBe(1)
    expect(await userinfo(iss, tokens[0] as string)).toBe(200)
  })

  it('O2: two tabs, 10 callers each → 1 token request counted by the server; both tabs hold the new tokens', async () => {
    const iss = await issuer({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    // Two "tabs": one app id, one disk, one lock manager, a real BroadcastChannel.
    const shared = { id: `oidc-tabs-${Math.random().toString(36).slice(2)}`, now: clock.now, locks: createLockManager(), storage: sharedDisk(), channel: undefined }
    const { after: tabA } = await signedIn(iss, shared)
    const tabB = await app(iss, shared)
    expect(store(tabB, 'authAccessToken')).toBe(store(tabA, 'authAccessToken'))
    iss.resetCounters()
    iss.setTokenLatency(150)
    clock.advance(31_000)
    const tokens = await Promise.all([tabA, tabB].flatMap((tab) => Array.from({ length: 10 }, () => auth(tab).getAccessToken())))
    expect(new Set(tokens).size).toBe(1)
    expect(iss.counters['POST /token']).toBe(1)
    for (const key of ['authAccessToken', 'authRefreshToken']) expect(store(tabB, key)).toBe(store(tabA, key))
  })

  it('O5: the grant revoked at the server → the next refresh is invalid_grant: logged out once, bounded requests, no loop', async () => {
    const iss = await issuer({ accessTokenTtlSeconds: 60 })
    const clock = manualClock()
    const { after } = await signedIn(iss, { now: clock.now })
    expect(await iss.revokeAllGrants()).toBe(1)
    iss.resetCounters()
    clock.advance(31_000)
    expect(await rejection(auth(after).getAccessToken())).toMatchObject({ name: 'AuthError', code: 'session_ended' })
    expect(iss.counters['POST /token']).toBe(1)
    expect(iss.counters['grant-error:refresh_token']).toBe(1)
    for (let i = 0; i < 5; i++) expect(await rejection(auth(after).getAccessToken())).toMatchObject({ code: 'logged_out' })
    await sleep(50)
    expect(iss.counters['POST /token']).toBe(1)
    expect(after.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true)
    expect(after.evaluate('{{ Auth_Module.user }}')).toBeNull()
  })
})

describe('I4 with OpenID Connect: revocation (RFC 7009), then end-session', () => {
  it('logout revokes the refresh token at revocation_endpoint (the server then refuses it) and redirects to end_session_endpoint', async () => {
    const iss = await issuer()
    const { after } = await signedIn(iss)
    const rt = store(after, 'authRefreshToken') as string
    const at = store(after, 'authAccessToken') as string
    expect(await auth(after).logout()).toEqual({ revoked: true, endedSession: true })
    expect(iss.counters['POST /token/revocation']).toBe(1)
    const reuse = await fetch(`${iss.issuer}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: rt, client_id: iss.clientId }) })
    expect(reuse.status).toBe(400)
    expect((await reuse.json()).error).toBe('invalid_grant')
    expect(await userinfo(iss, at)).toBe(401) // revoking the refresh token ended its grant
    const end = new URL(after.navigations.at(-1)!)
    expect(`${end.origin}${end.pathname}`).toBe(`${iss.issuer}/session/end`)
    expect(Object.fromEntries(end.searchParams)).toEqual({ client_id: iss.clientId, post_logout_redirect_uri: REDIRECT_URI })
    expect(holds(JSON.stringify(after.evaluate('{{ appsmith.store }}')), [rt, at])).toBe(false)
  })
})

describe('O6 for oidcModule', () => {
  it('an unknown option names the closest known one', () => {
    expect(() => oidcModule({ issuer: 'http://127.0.0.1:1', clientId: 'c', redirectUri: REDIRECT_URI, redirectUrl: 'x' } as never)).toThrow(
      'oidcModule: unknown input "redirectUrl" (did you mean "redirectUri"?)',
    )
    expect(() => oidcModule({ issuer: 'http://127.0.0.1:1', clientId: 'c', redirectUri: REDIRECT_URI, scope: 'profile' })).toThrow(/scope must include "openid"/)
  })
})

function holds(text: string, tokens: string[]): boolean {
  return tokens.some((t) => text.includes(t.slice(0, 12)))
}
