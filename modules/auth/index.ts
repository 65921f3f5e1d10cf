import type { ModuleDefinition } from '../../src/module'
import { AUTH_JS_OBJECTS, AUTH_LIBRARIES, Main } from './js-objects'
import { resolveAuthInputs, type AuthInputs } from './inputs'
import { authQueries } from './queries'

export type { AuthInputs } from './inputs'

/**
 * The Auth module: log in, keep the access token in the store, read its expiry,
 * refresh it with the refresh token (single flight within and across tabs), and
 * re-login or log out when the session ends. Instantiate it under a name:
 * `modules: { Auth_Module: authModule({ loginUrl: '/auth/login', refreshUrl: '/auth/token' }) }`.
 */
export function authModule(inputs: AuthInputs): ModuleDefinition {
  const resolved = resolveAuthInputs(inputs)
  return {
    main: Main,
    jsObjects: AUTH_JS_OBJECTS,
    queries: authQueries(resolved),
    inputs: resolved,
    libraries: AUTH_LIBRARIES,
  }
}
