/**
 * One mounted page: its widgets, the page-level queries and JS objects of a multi-page
 * app, and everything they start. The page owns an effect scope (a child of the app's),
 * so leaving it is one `stop()`: bindings, the toast listener and the intervals started
 * meanwhile end, and its entities leave the scope. The store, the modules and the
 * app-level entities stay.
 */
import type { Resolver } from './compiled-code'
import type { BindingError } from './errors'
import type { Inspector } from './inspect'
import type { AlertType } from './globals'
import { feature, features } from './features'
import type { JSObjectDefinition } from './js-object'
import { mountWidgets } from './mount'
import type { Query, QueryContext, QueryDefinition } from './query'
import type { EffectScope } from './reactive'
import type { Scope } from './scope'
import type { ThemeProperties } from './theme'

/** What one page of a multi-page app adds to the app while it is mounted. */
export interface PageContent {
  readonly jsObjects?: Readonly<Record<string, JSObjectDefinition>>
  readonly queries?: readonly QueryDefinition[]
  /** Page-load actions of the page, after the app's own. */
  readonly pageLoad?: readonly string[]
}

/** What a page needs from its app. */
export interface PageHost {
  readonly scope: Scope
  /** The app's effect scope: the page's is its child. */
  readonly effects: EffectScope
  /** The app's queries by name; the page adds its own while mounted. */
  readonly queries: Map<string, Query>
  readonly query: Omit<QueryContext, 'resolve'>
  readonly setError: (key: string, error: BindingError | null) => void
  /** Runs an event's code; failures are reported by the app, which resolves with them in plain words. */
  readonly trigger: (code: string, label: string, resolve?: Resolver) => Promise<string | null>
  /** Adds a `showAlert` listener; returns its removal. */
  readonly onAlert: (listener: (message: string, type: AlertType, key?: string) => void) => () => void
  /** Adds a listener for alerts whose situation is over; returns its removal. */
  readonly onAlertClear: (clearer: (key: string) => void) => () => void
  /** Reports a page JS object whose initialiser threw (it becomes an entity in error). */
  readonly onBrokenJSObject: (error: Error) => void
  /** Re-resolves the app-level JS objects' free names (after the page's come or go). */
  readonly refreshApp: () => void
  /**
   * `appsmith.theme`, applied to the page's root as CSS custom properties when the bundle
   * has the theme code (a built app without it has them in its stylesheet instead).
   */
  readonly theme: ThemeProperties | undefined
  /** Told of every binding (the devtools); absent in production. */
  readonly inspector?: Inspector
}

/** A mounted page, as the app holds it. */
export interface MountedPage {
  readonly content: PageContent | undefined
  /** Owns what code starts while the page is showing (its intervals). */
  readonly effects: EffectScope
  /** Restores a widget's meta state; false when no widget has that name. */
  reset(name: string): boolean
  /** Leaves the page: stops its scope and removes its entities. */
  unmount(): void
}

/** Defines the page's entities, binds the widgets under `root` and returns the page. */
export function mountPage(root: Element, content: PageContent | undefined, host: PageHost): MountedPage {
  const effects = host.effects.scope()
  // Invariant: every name the page defined in the app scope, removed when it stops.
  const names: string[] = []
  const refreshers: Array<() => void> = []
  const define = (name: string, entity: unknown): void => {
    host.scope.define(name, entity)
    names.push(name)
  }
  effects.onStop(() => {
    for (const name of names) {
      host.scope.undefine(name)
      host.queries.delete(name)
    }
  })
  for (const query of content?.queries ?? []) {
    const entity = feature('query', 'queries').create(query, { ...host.query, resolve: host.scope.resolve })
    define(query.name, entity)
    host.queries.set(query.name, entity)
  }
  for (const [name, source] of Object.entries(content?.jsObjects ?? {})) {
    define(name, feature('jsObject', 'JS objects')(name, source, host.scope.resolve, (refresh) => void refreshers.push(refresh), host.onBrokenJSObject))
  }
  if (host.theme !== undefined) features.theme?.apply(root, host.theme)
  const widgets = mountWidgets(root, {
    scope: host.scope.names,
    resolve: host.scope.resolve,
    queries: host.queries,
    setError: host.setError,
    trigger: host.trigger,
    define,
    effects,
    inspector: host.inspector,
    onWidgetsDefined: () => {
      host.refreshApp()
      for (const refresh of refreshers) refresh()
    },
  })
  effects.onStop(host.onAlert((message, type, key) => widgets.alert(message, type, key)))
  effects.onStop(host.onAlertClear((key) => widgets.clearAlerts(key)))
  return {
    content,
    effects,
    reset: (name) => widgets.reset(name),
    unmount() {
      effects.stop()
      // App-level JS objects forget the page's widgets and entities.
      host.refreshApp()
    },
  }
}
