import type { QueryDefinition } from '../../src/query'
import type { ResolvedAuthInputs } from './inputs'

/**
 * Auth_Module's queries on the OpenID Connect path. Endpoints come from the discovery
 * document (`Oidc.config`); bodies are built by the JS objects and passed as the `body`
 * run parameter, form-encoded as RFC 6749 and RFC 7009 require. Every binding is a
 * fixed string literal, compiled ahead of time by the esbuild plugin.
 */
export function oidcQueries(inputs: ResolvedAuthInputs): QueryDefinition[] {
  const { timeoutMs } = inputs
  return [
    { name: 'api_oidcDiscovery', method: 'GET', url: '{{inputs.oidc.discoveryUrl}}', timeoutMs },
    { name: 'api_oidcJwks', method: 'GET', url: '{{Oidc.config.jwks_uri}}', timeoutMs },
    { name: 'api_oidcToken', method: 'POST', url: '{{Oidc.config.token_endpoint}}', bodyType: 'form', body: '{{this.params.body}}', timeoutMs },
    { name: 'api_refreshAuthToken', method: 'POST', url: '{{Oidc.config.token_endpoint}}', bodyType: 'form', body: '{{this.params.body}}', headers: inputs.refreshHeaders, timeoutMs },
    { name: 'api_revokeToken', method: 'POST', url: '{{Oidc.config.revocation_endpoint}}', bodyType: 'form', body: '{{this.params.body}}', headers: inputs.logoutHeaders, timeoutMs },
  ]
}
