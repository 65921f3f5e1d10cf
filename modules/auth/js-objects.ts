/**
 * Auth_Module's parts, as authModule and oidcModule (which adds `Oidc` and its library)
 * both give them to the module: `Main`, the instance's API, compiled ahead of time
 * (`?jsobject`); beside it in the module's scope the JS object `Refresh` (single-flight,
 * cross-tab refresh, revocation, background renewal) and the library `Tokens` (token
 * shapes, expiry, typed errors; it reads claims with jose), as an Appsmith app installs one.
 */
import Main from './Main.js?jsobject'
import Refresh from './Refresh.js?jsobject'
import { authTokens } from './tokens'

export { Main }

/** Main's JS objects beside it, by the names they use for each other. */
export const AUTH_JS_OBJECTS = Object.freeze({ Refresh })

/** The libraries in the module's scope. */
export const AUTH_LIBRARIES = Object.freeze({ Tokens: authTokens })
