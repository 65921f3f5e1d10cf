/**
 * The OpenID Connect pieces Auth_Module's Oidc JS object calls as a library: discovery
 * checks, the authorization request (code + PKCE S256, state, nonce), the callback's
 * parameters, ID-token validation (jose: signature against the issuer's JWKS, iss, aud,
 * exp, nonce), the cleaned URL and the end-session URL. Pure functions of their inputs
 * (plus the CSPRNG and SHA-256 of Web Crypto), so the orchestration stays in the JS
 * object and every network request goes through the module's queries. Imported only by
 * modules/auth/oidc.ts, so apps without OIDC never load jose's verifier.
 */
import { base64url, createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'

/** What the app gives `oidcModule` about its client. */
export interface OidcClientOptions {
  readonly issuer: string
  readonly clientId: string
  readonly scope: string
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string | null
}

/** The parts of the discovery document the module uses. */
export interface OidcConfig {
  readonly issuer: string
  readonly authorization_endpoint: string
  readonly token_endpoint: string
  readonly jwks_uri: string
  readonly revocation_endpoint: string | null
  readonly end_session_endpoint: string | null
}

/** What survives the redirect, in the store, until the callback uses it once. */
export interface PendingLogin {
  readonly state: string
  readonly nonce: string
  readonly verifier: string
  readonly redirectUri: string
}

/** Parameters the authorization server adds to the redirect URI. */
const CALLBACK_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri']

function authError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'AuthError', code })
}

function randomToken(bytes: number): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)))
}

function endpoint(doc: Record<string, unknown>, key: string, required: boolean): string | null {
  const value = doc[key]
  if (value === undefined || value === null) {
    if (required) throw authError('invalid_discovery', `The issuer's discovery document has no ${key}`)
    return null
  }
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) throw authError('invalid_discovery', `The issuer's ${key} is not an http(s) URL`)
  return value
}

/** The library object the Oidc JS object sees as `oidc`. */
export const oidcClient = Object.freeze({
  /**
   * Checks a discovery document: an object whose `issuer` is exactly the configured one
   * (OpenID Connect Discovery §4.3), with the endpoints the module needs.
   */
  checkDiscovery(doc: unknown, issuer: string): OidcConfig {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw authError('invalid_discovery', "The issuer's discovery document is not a JSON object")
    const record = doc as Record<string, unknown>
    if (record.issuer !== issuer) throw authError('invalid_discovery', `The discovery document is for another issuer than ${issuer}`)
    return Object.freeze({
      issuer,
      authorization_endpoint: endpoint(record, 'authorization_endpoint', true)!,
      token_endpoint: endpoint(record, 'token_endpoint', true)!,
      jwks_uri: endpoint(record, 'jwks_uri', true)!,
      revocation_endpoint: endpoint(record, 'revocation_endpoint', false),
      end_session_endpoint: endpoint(record, 'end_session_endpoint', false),
    })
  },

  /** A fresh authorization request: the URL to redirect to, and what the callback will need. */
  async authorizationRequest(config: OidcConfig, options: OidcClientOptions): Promise<{ url: string; pending: PendingLogin }> {
    const pending: PendingLogin = { state: randomToken(24), nonce: randomToken(24), verifier: randomToken(32), redirectUri: options.redirectUri }
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))
    const url = new URL(config.authorization_endpoint)
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      scope: options.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: base64url.encode(new Uint8Array(digest)),
      code_challenge_method: 'S256',
    }
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    return { url: url.href, pending }
  },

  /** True when the URL carries an authorization response (a code or an error, with a state). */
  isCallback(href: string): boolean {
    const params = new URL(href).searchParams
    return params.has('state') && (params.has('code') || params.has('error'))
  },

  /**
   * The code of an authorization response, after checking its state against the one
   * request this browser started. A state that matches nothing (foreign, or replayed
   * after its one use) and an error response are typed errors.
   */
  codeOf(href: string, pending: unknown): string {
    const params = new URL(href).searchParams
    const request = pending as Partial<PendingLogin> | null | undefined
    if (request === null || typeof request !== 'object' || typeof request.state !== 'string' || params.get('state') !== request.state) {
      throw authError('invalid_state', 'The sign-in answer does not belong to a sign-in started here (unknown or already used state)')
    }
    const error = params.get('error')
    if (error !== null) {
      const known = /^[a-z_]{1,40}$/.test(error) ? error : 'error'
      throw authError(known === 'access_denied' ? 'access_denied' : 'login_failed', known === 'access_denied' ? 'Sign-in was cancelled or refused (access_denied)' : `The sign-in failed (${known})`)
    }
    const code = params.get('code')
    if (code === null || code === '') throw authError('login_failed', 'The sign-in answer holds no code')
    return code
  },

  /**
   * Validates an ID token: signature against the issuer's JWKS, `iss`, `aud` (and `azp`
   * when there are several audiences), `exp`, `iat`, and the request's `nonce`. Resolves
   * with its claims; a token that fails is an `invalid_id_token` error naming the check.
   */
  async verifyIdToken(idToken: unknown, check: { jwks: unknown; issuer: string; clientId: string; nonce: string; now: number }): Promise<Record<string, unknown>> {
    if (typeof idToken !== 'string') throw authError('invalid_id_token', 'The token response holds no ID token')
    let payload: Record<string, unknown>
    try {
      const keys = createLocalJWKSet(check.jwks as JSONWebKeySet)
      ;({ payload } = await jwtVerify(idToken, keys, {
        issuer: check.issuer,
        audience: check.clientId,
        currentDate: new Date(check.now),
        requiredClaims: ['sub', 'exp', 'iat'],
      }))
    } catch (cause) {
      const failed = (cause as { claim?: string; code?: string })?.claim ?? (cause as { code?: string })?.code ?? 'format'
      throw Object.assign(authError('invalid_id_token', `The ID token failed its check (${failed})`), { cause })
    }
    if (payload.nonce !== check.nonce) throw authError('invalid_id_token', 'The ID token failed its check (nonce)')
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== check.clientId) {
      throw authError('invalid_id_token', 'The ID token failed its check (azp)')
    }
    return payload
  },

  /** The URL without the authorization response's parameters. */
  cleanUrl(href: string): string {
    const url = new URL(href)
    for (const key of CALLBACK_PARAMS) url.searchParams.delete(key)
    return url.href
  },

  /** RP-Initiated Logout: where to send the browser after a local logout, or null. */
  endSessionUrl(config: OidcConfig | null, options: OidcClientOptions): string | null {
    if (config === null || config.end_session_endpoint === null || options.postLogoutRedirectUri === null) return null
    const url = new URL(config.end_session_endpoint)
    url.searchParams.set('client_id', options.clientId)
    url.searchParams.set('post_logout_redirect_uri', options.postLogoutRedirectUri)
    return url.href
  },
})
