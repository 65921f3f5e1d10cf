import type { ModuleDefinition } from '../../src/module'
import { AUTH_JS_OBJECTS, AUTH_LIBRARIES, Main } from './js-objects'
import Oidc from './Oidc.js?jsobject'
import { assertKnownInputs, resolveAuthInputs, type AuthInputs } from './inputs'
import { oidcClient } from './oidc-client'
import { oidcQueries } from './oidc-queries'

/** What `oidcModule` takes: the client's registration, plus Auth_Module's timing inputs. */
export interface OidcModuleOptions
  extends Pick<AuthInputs, 'refreshMarginSeconds' | 'autoRefresh' | 'timeoutMs' | 'lockName' | 'lockTimeoutMs' | 'onLoggedOut' | 'ttlSeconds' | 'scheme' | 'refreshHeaders'> {
  /** The issuer URL, exactly as its discovery document states it. */
  readonly issuer: string
  /** A public client (no secret): PKCE protects the code. */
  readonly clientId: string
  /** Default `openid`; add `offline_access` where the server needs it to issue refresh tokens. */
  readonly scope?: string
  /** Where the issuer sends the browser back; the page that runs this app. */
  readonly redirectUri: string
  /** After logout, the browser visits the issuer's end_session_endpoint, which returns here; none: no end-session redirect. */
  readonly postLogoutRedirectUri?: string | null
}

const OIDC_NAMES = ['issuer', 'clientId', 'scope', 'redirectUri', 'postLogoutRedirectUri',
  'refreshMarginSeconds', 'autoRefresh', 'timeoutMs', 'lockName', 'lockTimeoutMs', 'onLoggedOut', 'ttlSeconds', 'scheme', 'refreshHeaders']

/**
 * Auth_Module against an OpenID Connect issuer: discovery, sign-in by redirect
 * (authorization code + PKCE S256, state, nonce), the code exchanged on page load before
 * the app's own actions, the ID token checked with jose against the issuer's JWKS,
 * `Auth_Module.user` (its claims), form-encoded refresh with `grant_type`/`client_id`,
 * revocation (RFC 7009) and end-session at logout. The same surface as `authModule`;
 * import it from this file only in apps that use it.
 */
export function oidcModule(options: OidcModuleOptions): ModuleDefinition {
  if (options === null || typeof options !== 'object') throw new TypeError('oidcModule: give the options as an object')
  assertKnownInputs('oidcModule', options, OIDC_NAMES)
  const { issuer, clientId, scope = 'openid', redirectUri, postLogoutRedirectUri = null, ...rest } = options
  for (const [key, value] of Object.entries({ issuer, clientId, redirectUri, scope })) {
    if (typeof value !== 'string' || value === '') throw new TypeError(`oidcModule: ${key} is a required string`)
  }
  for (const [key, value] of Object.entries({ issuer, redirectUri, postLogoutRedirectUri })) {
    if (value !== null && !/^https?:\/\//.test(value)) throw new TypeError(`oidcModule: ${key} must be an http(s) URL`)
  }
  if (!scope.split(' ').includes('openid')) throw new TypeError('oidcModule: scope must include "openid"')
  const oidc = Object.freeze({
    issuer,
    clientId,
    scope,
    redirectUri,
    postLogoutRedirectUri,
    discoveryUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
  })
  const inputs = resolveAuthInputs({
    ...rest,
    refreshUrl: oidc.discoveryUrl, // unused: the refresh goes to the discovered token_endpoint
    refreshBodyType: 'form',
    refreshParams: { grant_type: 'refresh_token', client_id: clientId },
    logoutBodyType: 'form',
    logoutParams: { token_type_hint: 'refresh_token', client_id: clientId },
  }, { oidc })
  return {
    main: Main,
    jsObjects: { ...AUTH_JS_OBJECTS, Oidc },
    queries: oidcQueries(inputs),
    inputs,
    pageLoad: ['handleRedirectCallback'],
    libraries: { ...AUTH_LIBRARIES, oidc: oidcClient },
  }
}
