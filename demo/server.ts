/**
 * The demo, composed: the demo backend (demo/backend) on a free loopback port, and
 * `smithlet dev demo` (src/build/dev-server.ts) proxying `/auth` and `/api` to it, so
 * page and API share one origin on 127.0.0.1. `npm start` runs it (demo/start.ts);
 * the e2e tests start it per file.
 */
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Message } from 'esbuild'
import { startDevServer } from '../src/build/dev-server'
import { startBackend } from './backend/index'
import type { Backend, BackendOptions } from './backend/index'
import { startOidcIssuer } from './backend/oidc'
import type { OidcIssuer } from './backend/oidc'

/** The demo app folder. */
export const DEMO_DIR = dirname(fileURLToPath(import.meta.url))

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port of the page on 127.0.0.1; default 0, a free one (npm start defaults to 8787). */
  readonly port?: number
  /** Access-token lifetime in seconds; default 60, as in the seed. */
  readonly ttlSeconds?: number
  /** Rebuild on change and reload the page; default false (npm start defaults to true). */
  readonly watch?: boolean
  /** `true` (default): the strict CSP; a string: that policy; `false`: no CSP header. */
  readonly csp?: boolean | string
  /** Minify the bundle; default true without watch, false with it. */
  readonly minify?: boolean
  /** More demo-backend options (latency, rows, token shape…), for tests. */
  readonly backend?: Omit<BackendOptions, 'port' | 'accessTokenTtlSeconds' | 'onRequest' | 'staticDir'>
  /** Where build errors and warnings go; default stderr. */
  readonly report?: (messages: Message[], kind: 'error' | 'warning') => void | Promise<void>
  /**
   * Sign in with OpenID Connect instead: an embedded oidc-provider on a second loopback
   * port issues the tokens (its access tokens last `ttlSeconds`), and the data endpoint
   * accepts them after asking the issuer (introspection).
   */
  readonly oidc?: boolean
}

/** A running demo. */
export interface DemoServer {
  /** The page, e.g. `http://127.0.0.1:8787/`. */
  readonly url: string
  /** The demo backend behind the proxy: counters, request log, revocation, TTL. */
  readonly backend: Backend
  /** With `oidc`: the issuer, its counters and controls. */
  readonly issuer: OidcIssuer | null
  /** Stops both; idempotent. */
  close(): Promise<void>
}

/** Starts the demo backend and the dev server in front of it. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  let issuer: OidcIssuer | null = null
  let port = options.port ?? 0
  if (options.oidc) {
    // The issuer must know the page's address (its redirect URI) before the page exists.
    if (port === 0) port = await freePort()
    const page = `http://127.0.0.1:${port}/`
    issuer = await startOidcIssuer({ redirectUris: [page], postLogoutRedirectUris: [page], accessTokenTtlSeconds: options.ttlSeconds ?? 60 })
    // smithlet.config.js reads these when the app is built (and rebuilt).
    process.env.SMITHLET_DEMO_OIDC_ISSUER = issuer.issuer
    process.env.SMITHLET_DEMO_URL = page
  } else {
    delete process.env.SMITHLET_DEMO_OIDC_ISSUER
  }
  const oidcIssuer = issuer
  let backend: Backend
  try {
    backend = await startBackend({
      ...options.backend,
      port: 0,
      accessTokenTtlSeconds: options.ttlSeconds ?? 60,
      acceptAccessToken: oidcIssuer ? (token) => oidcIssuer.introspect(token) : null,
    })
  } catch (error) {
    await issuer?.close()
    throw error
  }
  let dev
  try {
    dev = await startDevServer({
      dir: resolve(DEMO_DIR),
      port,
      watch: options.watch,
      csp: options.csp,
      minify: options.minify,
      report: options.report,
      proxy: { '/auth': backend.url, '/api': backend.url },
    })
  } catch (error) {
    await backend.close()
    await issuer?.close()
    throw error
  }
  let closing: Promise<void> | undefined
  return {
    url: dev.url,
    backend,
    issuer,
    close() {
      closing ??= Promise.all([dev.close(), backend.close(), issuer?.close()]).then(() => undefined)
      return closing
    },
  }
}

/** A port free on 127.0.0.1 right now (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
