import { afterEach, vi } from 'vitest'
import { startOidcIssuer, type OidcIssuer, type OidcIssuerOptions } from '../../demo/backend/oidc'
import { oidcModule, type OidcModuleOptions } from '../../modules/auth/oidc'
import { createApp, type App, type AppOptions } from '../../src/index'
import { countingStorage } from '../support/auth-harness'
import { signInWithoutBrowser } from './oidc-browserless'

/** The page the issuer redirects back to (never fetched in Node tests). */
export const REDIRECT_URI = 'http://127.0.0.1:9/app/'

/**
 * Per-file helpers: an oidc-provider issuer, apps with Auth_Module from `oidcModule`
 * (closed after each test), and a sign-in that goes through the issuer's own pages.
 */
export function oidcScenario() {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  let seq = 0
  return {
    async issuer(options: Partial<OidcIssuerOptions> = {}): Promise<OidcIssuer> {
      const issuer = await startOidcIssuer({ redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [REDIRECT_URI], ...options })
      cleanup.push(() => issuer.close())
      return issuer
    },
    /** An app whose page-load list records whether a token was already stored when it ran. */
    async app(issuer: OidcIssuer, options: AppOptions & { id?: string } = {}, inputs: Partial<OidcModuleOptions> = {}): Promise<App & { navigations: string[] }> {
      const navigations: string[] = []
      const { id, ...appOptions } = options
      const app = await createApp({
        id: id ?? `oidc-${++seq}-${Math.random().toString(36).slice(2)}`,
        modules: {
          Auth_Module: oidcModule({ issuer: issuer.issuer, clientId: issuer.clientId, redirectUri: REDIRECT_URI, postLogoutRedirectUri: REDIRECT_URI, scope: 'openid profile', ...inputs }),
        },
        jsObjects: { Page: 'export default { sawToken: null, onLoad() { this.sawToken = typeof appsmith.store.authAccessToken === "string"; } }' },
        pageLoad: ['Page.onLoad'],
      }, {
        storage: null, channel: null, warn: () => undefined, url: REDIRECT_URI,
        navigate: (target) => void navigations.push(target),
        ...appOptions,
      })
      cleanup.push(() => app.dispose())
      return Object.assign(app, { navigations })
    },
    /** Starts the login in `app` and signs in at the issuer; resolves with the callback URL. */
    async signIn(app: App & { navigations: string[] }, login = 'ada', abort = false): Promise<string> {
      await (app.scope.Auth_Module as { login(): Promise<unknown> }).login()
      const url = app.navigations.at(-1)!
      return signInWithoutBrowser(url, REDIRECT_URI, login, { abort })
    },
  }
}

/** A shared in-memory "disk", so a second app instance (the page after the redirect) sees what the first stored. */
export const sharedDisk = () => countingStorage(new Map())
