/**
 * The installers of the runtime's optional parts (./features.ts): the entry `smithlet
 * build` generates calls those its app needs (src/build/app-features.ts decides), and
 * ./all-features.ts calls them all for the plain `smithlet` entry. Each installer is its
 * own export, so a bundle holds the code of the parts installed and no other.
 */
import { appUrl } from './app-url'
import { features } from './features'
import { authWords, queryWords } from './friendly-error'
import { createGeolocation } from './geolocation'
import type { GlobalGroup } from './globals'
import { injectedGlobals } from './injected-globals'
import { createJSObjectIsolated } from './js-object'
import { createItemBinder } from './list-scope'
import { instantiateModule, runModulesPageLoad } from './module'
import { pageLoadActions, planPageLoad, runPageLoad, runPageUnload } from './page-load'
import { pageNavigation } from './page-navigation'
import { createQuery, queryDataReferences } from './query'
import { queryNotice } from './query-notice'
import { applyTheme, resolveTheme } from './theme'

/** REST queries (`Q.run()`, `Q.data`), and the plain words for their failures: apps and modules that have any. */
export function withQueries(): void {
  features.query = { create: createQuery, dataReferences: queryDataReferences, notice: queryNotice }
  features.friendly.add(queryWords)
}

/** JS objects given to the app or a page. */
export function withJSObjects(): void {
  features.jsObject = createJSObjectIsolated
}

/** Modules (Auth_Module): they bring queries and JS objects of their own, and the words for sign-in failures. */
export function withModules(): void {
  withQueries()
  withJSObjects()
  features.module = { instantiate: instantiateModule, pageLoad: runModulesPageLoad }
  features.friendly.add(authWords)
}

/** Page-load actions, ordered by the `.data` they read, and pages' `onPageUnload` actions. */
export function withPageLoad(): void {
  features.pageLoad = { actions: pageLoadActions, plan: planPageLoad, run: runPageLoad, unload: runPageUnload }
}

/** `appsmith.geolocation`. */
export function withGeolocation(): void {
  features.geolocation = createGeolocation
}

/** `appsmith.URL`: the page's address, parsed, following a multi-page app's history. */
export function withUrl(): void {
  features.url = appUrl
}

/** `appsmith.theme` over the default theme, set on each page's root as CSS custom properties. */
export function withTheme(): void {
  features.theme = { resolve: resolveTheme, apply: applyTheme }
}

/** Moving between pages without a reload: `navigateTo`, back and forward, links; and `appsmith.URL`, which follows them. */
export function withNavigation(): void {
  features.navigation = pageNavigation
  withUrl()
}

/**
 * Per-item scopes (`currentItem`, `currentIndex`, `currentView`) for widgets that repeat a
 * template. The list widget installs them when its class is defined, so every bundle that
 * holds a list holds them, and no other needs to.
 */
export function withListItems(): void {
  features.items = createItemBinder
}

/** Global function groups of ./globals.ts (`withGlobals(download, modals)`). */
export function withGlobals(...groups: GlobalGroup[]): void {
  for (const group of groups) features.globals.add(group)
}

/**
 * The injected clock, randomness, fetch and locks (`createApp`'s `now`, `random`, `fetch`
 * and `locks` options) as code sees them: `Date`, `Math.random`, `fetch`, `navigator.locks`.
 * Only a hand-written host or a test passes these, so only the plain entry installs it.
 */
export function withInjectedGlobals(): void {
  features.injected = injectedGlobals
}
