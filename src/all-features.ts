/**
 * Installs every optional part of the runtime (./features.ts): what the plain `smithlet`
 * entry (./index.ts) and the run-time compiler (./runtime-compiler.ts: text compiled at
 * run time may name any part) bring, so a hand-written host has the whole runtime.
 * Listed in package.json's `sideEffects`: the installation is the point of importing it.
 */
import { withGeolocation, withGlobals, withInjectedGlobals, withJSObjects, withListItems, withModules, withNavigation, withPageLoad, withQueries, withTheme, withUrl } from './feature-install'
import { GLOBAL_GROUPS } from './globals'

withQueries()
withJSObjects()
withModules()
withPageLoad()
withGeolocation()
withUrl()
withTheme()
withNavigation()
withListItems()
withInjectedGlobals()
withGlobals(...Object.values(GLOBAL_GROUPS))
