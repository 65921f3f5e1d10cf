/**
 * The token cache hit, in one Chromium page: `Auth_Module.getAccessToken()` with a valid
 * token in the store, against what the two popular browser SDKs do for the same request —
 * auth0-spa-js `getTokenSilently()` answered from its (in-memory) cache, and oidc-client-ts
 * `UserManager.getUser()` reading the stored user (its default sessionStorage store). No
 * side touches the network: each result is checked to be the token that was put in.
 */
import { Auth0Client } from '@auth0/auth0-spa-js'
import { SignJWT } from 'jose'
import { User, UserManager } from 'oidc-client-ts'
import { authModule } from '../../../modules/auth/index'
import { createApp, memoryStorage } from '../../../src/index'

export type AuthSide = 'smith' | 'auth0' | 'oidc'

type GetToken = () => Promise<string | undefined>

const sides = new Map<AuthSide, { get: GetToken; token: string }>()

async function jwt(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('bench-secret-bench-secret-bench-secret'))
}

async function smith(): Promise<{ get: GetToken; token: string }> {
  const exp = Math.floor(Date.now() / 1000) + 3600
  const token = await jwt({ sub: 'u1', exp })
  const data = new Map<string, unknown>([
    ['authAccessToken', token],
    ['authRefreshToken', 'refresh-token-for-the-bench'],
    ['authAccessTokenExp', exp * 1000],
  ])
  const app = await createApp(
    { id: 'bench-auth', modules: { Auth_Module: authModule({ loginUrl: 'http://127.0.0.1:9/login', refreshUrl: 'http://127.0.0.1:9/token' }) } },
    { storage: memoryStorage(data), channel: null, warn: () => undefined },
  )
  const module = app.scope.Auth_Module as { getAccessToken(): Promise<string> }
  return { get: () => module.getAccessToken(), token }
}

async function auth0(): Promise<{ get: GetToken; token: string }> {
  const clientId = 'bench-client'
  const client = new Auth0Client({ domain: '127.0.0.1:9', clientId, cacheLocation: 'memory' })
  const now = Math.floor(Date.now() / 1000)
  const token = await jwt({ sub: 'u1', exp: now + 3600 })
  const claims = { __raw: 'id', sub: 'u1', aud: clientId, iss: 'https://127.0.0.1:9/', exp: now + 3600, iat: now }
  const id_token = await jwt(claims)
  // The SDK's own cache manager writes the entries a completed login would have written.
  const internals = client as unknown as {
    scope: Record<string, string>
    cacheManager: { set(entry: unknown): Promise<void>; setIdToken(clientId: string, idToken: string, decoded: unknown): Promise<void> }
  }
  const decodedToken = { claims, user: { sub: 'u1' } }
  await internals.cacheManager.set({
    client_id: clientId,
    audience: 'default',
    scope: internals.scope.default,
    access_token: token,
    id_token,
    decodedToken,
    expires_in: 3600,
    token_type: 'Bearer',
  })
  await internals.cacheManager.setIdToken(clientId, id_token, decodedToken)
  return { get: () => client.getTokenSilently(), token }
}

async function oidc(): Promise<{ get: GetToken; token: string }> {
  sessionStorage.clear()
  const manager = new UserManager({ authority: 'http://127.0.0.1:9/', client_id: 'bench-client', redirect_uri: 'http://127.0.0.1:9/cb' })
  const token = await jwt({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 3600 })
  await manager.storeUser(
    new User({ access_token: token, token_type: 'Bearer', profile: { sub: 'u1', iss: 'http://127.0.0.1:9/', aud: 'bench-client', exp: 0, iat: 0 }, expires_at: Math.floor(Date.now() / 1000) + 3600 }),
  )
  return { get: async () => (await manager.getUser())?.access_token, token }
}

/** Per-call ms of `calls` awaited calls of one side (set up on first use). */
async function authBlock(side: AuthSide, calls: number): Promise<number> {
  let entry = sides.get(side)
  if (entry === undefined) {
    entry = await (side === 'smith' ? smith() : side === 'auth0' ? auth0() : oidc())
    sides.set(side, entry)
  }
  const { get, token } = entry
  const start = performance.now()
  for (let i = 0; i < calls; i++) if ((await get()) !== token) throw new Error(`auth: ${side} did not answer from its cache`)
  return (performance.now() - start) / calls
}

/** Registers the page's entry points for the driver (run.ts). */
export function installAuth(target: Record<string, unknown>): void {
  target.authBlock = authBlock
}
