import type { QueryDefinition } from '../../src/query'
import type { ResolvedAuthInputs } from './inputs'

/**
 * The module's two queries, named as in the seed. Field names come from the inputs
 * through bindings; the refresh token is a run parameter, so Main decides exactly
 * which token is sent (never one another tab has already rotated).
 */
export function authQueries(inputs: ResolvedAuthInputs): QueryDefinition[] {
  return [
    {
      name: 'api_authToken',
      method: 'POST',
      url: '{{inputs.loginUrl}}',
      bodyType: 'json',
      body: '{ {{inputs.usernameField}}: {{this.params.username}}, {{inputs.passwordField}}: {{this.params.password}} }',
      timeoutMs: inputs.timeoutMs,
    },
    {
      name: 'api_refreshAuthToken',
      method: 'POST',
      url: '{{inputs.refreshUrl}}',
      bodyType: 'json',
      body: '{ {{inputs.refreshTokenField}}: {{this.params.refreshToken}} }',
      timeoutMs: inputs.timeoutMs,
    },
  ]
}
