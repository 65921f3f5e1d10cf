/**
 * The runtime's optional parts: queries, JS objects, modules, page-load ordering,
 * geolocation, `appsmith.URL`, the theme, navigation between pages, list item scopes,
 * most global functions and the globals a host's options inject. The runtime reaches
 * each through this registry, never by importing it, so that a bundle holds only the
 * parts something installed (as ./precompiled.ts does for the run-time
 * compiler). The plain `smithlet` entry installs them all (./all-features.ts); the entry
 * `smithlet build` generates installs those the app's code uses (src/build/app-features.ts
 * decides, from the app's names), through ./feature-install.ts.
 *
 * A part the app needs but the bundle lacks is an error naming the part, never a silent
 * gap. A built app cannot meet one from its own code (the build saw all of it); text
 * given at run time comes with the run-time compiler, which installs every part.
 */
import type { DataReference } from './compiled-code'
import type { FriendlyMessage } from './friendly-error'
import type { GlobalGroup } from './globals'
import type { createGeolocation } from './geolocation'
import type { createJSObjectIsolated } from './js-object'
import type { instantiateModule, runModulesPageLoad } from './module'
import type { injectedGlobals } from './injected-globals'
import type { appUrl } from './app-url'
import type { createItemBinder } from './list-scope'
import type { Navigation } from './page-navigation'
import type { pageLoadActions, planPageLoad, runPageLoad, runPageUnload } from './page-load'
import type { Query, QueryContext, QueryDefinition } from './query'
import type { queryNotice } from './query-notice'
import type { applyTheme, resolveTheme } from './theme'

/** The optional parts, each set by its installer in ./feature-install.ts. */
export interface Features {
  query?: {
    readonly create: (definition: QueryDefinition, context: QueryContext) => Query
    readonly dataReferences: (definition: QueryDefinition) => DataReference[]
    /** What a widget shows of the queries it reads: loading, and the plain words for a failed run (./query-notice.ts). */
    readonly notice: typeof queryNotice
  }
  jsObject?: typeof createJSObjectIsolated
  module?: { readonly instantiate: typeof instantiateModule; readonly pageLoad: typeof runModulesPageLoad }
  pageLoad?: { readonly actions: typeof pageLoadActions; readonly plan: typeof planPageLoad; readonly run: typeof runPageLoad; readonly unload: typeof runPageUnload }
  geolocation?: typeof createGeolocation
  /** `appsmith.URL` (./app-url.ts). */
  url?: typeof appUrl
  theme?: { readonly resolve: typeof resolveTheme; readonly apply: typeof applyTheme }
  navigation?: Navigation
  /** Per-item scopes of widgets that repeat a template (./list-scope.ts): installed by the list widget itself. */
  items?: typeof createItemBinder
  /** The names a host's options replace for code (`now`, `random`, `fetch`, `locks`): hand-written hosts and tests only. */
  injected?: typeof injectedGlobals
  /** Global function groups (./globals.ts), each making its functions for one app. */
  readonly globals: Set<GlobalGroup>
  /** Plain words for the failures of a part (./friendly-error.ts): each says, or returns undefined. */
  readonly friendly: Set<(error: unknown) => FriendlyMessage | undefined>
}

/** What is installed. Invariant: only ./feature-install.ts writes it. */
export const features: Features = { globals: new Set(), friendly: new Set() }

/** The error for a part of the runtime this bundle does not have. */
export function notInBuild(part: string): Error {
  return new Error(`this build has no ${part}: smithlet build bundles each part of the runtime only for apps whose code uses it`)
}

/** An installed part, else the error naming it. */
export function feature<K extends Exclude<keyof Features, 'globals' | 'friendly'>>(key: K, part: string): NonNullable<Features[K]> {
  const installed = features[key]
  if (installed === undefined) throw notInBuild(part)
  return installed as NonNullable<Features[K]>
}

/**
 * What the host API's members are in a built app's production bundle, whose entry calls
 * none of them (`__SMITHLET_HOST_API__`, src/dev-mode.d.ts): an error naming them.
 */
export function hostOnly(): never {
  throw notInBuild('host API (app.watch, app.evaluate, app.errors, dispose, navigate)')
}
