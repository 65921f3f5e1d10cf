/**
 * An embedded OpenID Connect issuer for tests and `npm start -- --oidc`: the certified
 * `oidc-provider` on 127.0.0.1 (port 0 unless given), with one public PKCE client,
 * opaque access tokens with `expires_in`, refresh-token rotation, revocation (RFC 7009),
 * introspection and RP-initiated logout. Its own login and consent pages
 * (devInteractions) accept any login name and password. Counts requests by route and
 * token requests by grant type, and can revoke every grant (the "server ends it" case).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider'

/** How {@link startOidcIssuer} is configured. */
export interface OidcIssuerOptions {
  /** Default 0: any free port on 127.0.0.1. */
  readonly port?: number
  readonly clientId?: string
  /** Where the client may be sent back after sign-in (the app's page). */
  readonly redirectUris: readonly string[]
  readonly postLogoutRedirectUris?: readonly string[]
  /** Access-token lifetime (opaque tokens, told as `expires_in`); default 60 s. */
  readonly accessTokenTtlSeconds?: number
}

/** A running issuer. */
export interface OidcIssuer {
  /** The issuer URL (no trailing slash), e.g. `http://127.0.0.1:49152`. */
  readonly issuer: string
  readonly clientId: string
  /** Requests by `METHOD /path` (e.g. `POST /token`), and token requests by grant type (`grant:refresh_token`). */
  readonly counters: Readonly<Record<string, number>>
  resetCounters(): void
  /** Delays every token-endpoint answer by `ms` (a refresh still in flight). */
  setTokenLatency(ms: number): void
  setAccessTokenTtl(seconds: number): void
  /** Ends every grant at the server: its refresh and access tokens stop working. Returns how many. */
  revokeAllGrants(): Promise<number>
  /**
   * Asks the issuer (RFC 7662 introspection, as its confidential resource-server client)
   * whether an access token is active: what an API behind this issuer does.
   */
  introspect(token: string): Promise<boolean>
  close(): Promise<void>
}

/** oidc-provider's storage: a Map per model, with what revocation by grant needs. */
function memoryAdapterFactory(): { factory: (name: string) => Adapter; grants(): string[] } {
  const models = new Map<string, Map<string, { payload: AdapterPayload; expiresAt: number | null }>>()
  const table = (name: string) => {
    let map = models.get(name)
    if (!map) models.set(name, (map = new Map()))
    return map
  }
  const live = (entry: { payload: AdapterPayload; expiresAt: number | null } | undefined) =>
    entry && (entry.expiresAt === null || entry.expiresAt > Date.now()) ? entry.payload : undefined
  const factory = (name: string): Adapter => {
    const map = table(name)
    return {
      async upsert(id, payload, expiresIn) {
        map.set(id, { payload: { ...payload }, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null })
      },
      async find(id) {
        return live(map.get(id))
      },
      async findByUserCode(userCode) {
        for (const entry of map.values()) if (entry.payload.userCode === userCode) return live(entry)
        return undefined
      },
      async findByUid(uid) {
        for (const entry of map.values()) if (entry.payload.uid === uid) return live(entry)
        return undefined
      },
      async consume(id) {
        const entry = map.get(id)
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000)
      },
      async destroy(id) {
        map.delete(id)
      },
      async revokeByGrantId(grantId) {
        for (const models of [...modelsHoldingGrants()]) {
          for (const [id, entry] of models) if (entry.payload.grantId === grantId) models.delete(id)
        }
      },
    }
  }
  const modelsHoldingGrants = () => models.values()
  return { factory, grants: () => [...table('Grant').keys()] }
}

/** Starts the issuer; stop it with `close()`. */
export async function startOidcIssuer(options: OidcIssuerOptions): Promise<OidcIssuer> {
  const clientId = options.clientId ?? 'smithlet-demo'
  let accessTokenTtl = options.accessTokenTtlSeconds ?? 60
  let tokenLatency = 0
  const counts: Record<string, number> = {}
  const count = (key: string) => void (counts[key] = (counts[key] ?? 0) + 1)

  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null
  const server: Server = createServer((req, res) => {
    count(`${req.method} ${(req.url ?? '/').split('?')[0]}`)
    if (handler) handler(req, res)
    else res.writeHead(503).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'smithlet-demo-1', alg: 'RS256', use: 'sig' }
  const adapter = memoryAdapterFactory()
  // The API's own client: it only introspects tokens, with a secret that lives here.
  const resourceServer = { id: 'smithlet-api', secret: Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('') }
  const provider = new Provider(issuer, {
    adapter: adapter.factory,
    clients: [{
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...options.redirectUris],
      post_logout_redirect_uris: [...(options.postLogoutRedirectUris ?? [])],
    }, {
      client_id: resourceServer.id,
      client_secret: resourceServer.secret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [crypto.getRandomValues(new Uint8Array(32)).join('.')] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, name: `${id} (José 😀)`, email: `${id}@example.test` }),
    }),
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    // A public browser client gets a refresh token without offline_access; every use rotates it.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // The ID token carries the profile claims, so the page can greet the user without userinfo.
    conformIdTokenClaims: false,
    ttl: {
      AccessToken: () => accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Interaction: 600,
      Session: 24 * 3600,
    },
  })
  provider.on('grant.success', (ctx) => count(`grant:${ctx.oidc.params?.grant_type ?? 'unknown'}`))
  provider.on('grant.error', (ctx) => count(`grant-error:${ctx.oidc?.params?.grant_type ?? 'unknown'}`))
  provider.use(async (ctx, next) => {
    if (ctx.path === '/token' && tokenLatency > 0) await new Promise((resolve) => setTimeout(resolve, tokenLatency))
    await next()
  })
  handler = provider.callback()

  return {
    issuer,
    clientId,
    counters: new Proxy(counts, { get: (target, key) => (typeof key === 'string' ? target[key] ?? 0 : undefined) }),
    resetCounters: () => {
      for (const key of Object.keys(counts)) delete counts[key]
    },
    setTokenLatency: (ms) => void (tokenLatency = ms),
    setAccessTokenTtl: (seconds) => void (accessTokenTtl = seconds),
    async revokeAllGrants() {
      const grants = adapter.grants()
      for (const grantId of grants) {
        const grant = await provider.Grant.find(grantId)
        await grant?.destroy()
        await adapter.factory('RefreshToken').revokeByGrantId(grantId)
      }
      return grants.length
    },
    async introspect(token) {
      const response = await fetch(`${issuer}/token/introspection`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`${resourceServer.id}:${resourceServer.secret}`)}` },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(5_000),
      })
      return response.ok && (await response.json()).active === true
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
