import type { QueryDefinition } from '../../src/query'
import type { ResolvedAuthInputs } from './inputs'

/**
 * The module's queries, the first two named as in the seed. Main builds each body
 * (the module's own fields, then the input's params verbatim) and passes it as the
 * `body` run parameter, so secrets stay run parameters — Main decides exactly which
 * refresh token is sent — and every binding here is a fixed string literal the esbuild
 * plugin compiles ahead of time (the page needs no 'unsafe-eval').
 */
export function authQueries(inputs: ResolvedAuthInputs): QueryDefinition[] {
  const queries: QueryDefinition[] = [
    { name: 'api_refreshAuthToken', method: 'POST', url: '{{inputs.refreshUrl}}', bodyType: inputs.refreshBodyType, body: '{{this.params.body}}', headers: inputs.refreshHeaders, timeoutMs: inputs.timeoutMs },
  ]
  if (inputs.loginUrl !== null) {
    queries.push({ name: 'api_authToken', method: 'POST', url: '{{inputs.loginUrl}}', bodyType: inputs.loginBodyType, body: '{{this.params.body}}', headers: inputs.loginHeaders, timeoutMs: inputs.timeoutMs })
  }
  if (inputs.logoutUrl !== null) {
    queries.push({ name: 'api_revokeToken', method: 'POST', url: '{{inputs.logoutUrl}}', bodyType: inputs.logoutBodyType, body: '{{this.params.body}}', headers: inputs.logoutHeaders, timeoutMs: inputs.timeoutMs })
  }
  return queries
}
