import { alertFanOut } from './alerts'
import { appsmithObject } from './appsmith-object'
import { setDiagnosticSink } from './diagnostics'
import { withCause } from './inspect'
import type { Resolver } from './compiled-code'
import { describeError } from './errors'
import { UNREAD_ERRORS, createErrorMap } from './error-map'
import { runAppPageLoad } from './app-page-load'
import { createFailures, triggerAction } from './failures'
import { feature, features, hostOnly } from './features'
import { storeGlobals, type GlobalsHost } from './globals'
import { mountPage, type MountedPage } from './page'
import { triggerFunction } from './precompiled'
import type { Query } from './query'
import { batch, computed, effectScope, globalTimers, untracked } from './reactive'
import { createScope } from './scope'
import { idbStorage } from './storage'
import { createStore, type ChannelLike } from './store'
import { compileTemplate } from './template-compile'
import type { App, AppDefinition, AppOptions } from './app-types'

export type { PageContent } from './page'
export type { App, AppDefinition, AppOptions } from './app-types'

/**
 * Creates an app. Resolves once the store is hydrated, so every JS object and
 * page-load action sees persisted values from the start.
 */
export async function createApp(definition: AppDefinition, options: AppOptions = {}): Promise<App> {
  // The host's mistakes: the entry `smithlet build` generates makes none (src/dev-mode.d.ts).
  if ((typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__) && (typeof definition?.id !== 'string' || definition.id === '')) throw new TypeError('createApp: the definition needs an id')
  const warn = options.warn ?? ((message: string) => console.warn(message))
  if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) setDiagnosticSink(warn)
  const timers = options.timers ?? globalTimers
  // A JS object that does not compile or whose initialiser throws becomes an entity in error; the rest of the app starts.
  const reportBroken = (error: Error): void => warn(`smithlet: ${error.message}; the rest of the app starts without it`)
  const store = createStore({
    storage: options.storage === undefined ? idbStorage(definition.id) : options.storage,
    channel: appChannel(definition.id, options),
    warn,
    hydrateTimeoutMs: options.hydrateTimeoutMs,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    random: options.random,
  })
  // Invariant: hydrated before any entity exists, so JS objects and page-load actions see persisted values.
  await store.hydrate()

  // The app's effect scope owns everything that runs on its own: the store's channel,
  // timeouts, watches, modules and the mounted page. `dispose` stops it.
  const effects = effectScope(timers)
  effects.onStop(() => store.dispose())
  // The host's onAlert, plus the mounted page's toasts while it shows.
  const alerts = alertFanOut(options.onAlert)
  // One entry per Widget.property binding that now fails (cleared when it recovers or its
  // widget goes), and one per action that failed (cleared when it next succeeds); kept only
  // where a host can read it (app.errors, the devtools).
  const errors = typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? createErrorMap() : UNREAD_ERRORS
  const failures = createFailures({
    warn,
    alert: alerts.send,
    clearAlerts: alerts.clear,
    errors,
    store: store.view,
  })
  // Invariant: non-null exactly from mount() to unmount(); its effect scope is a child of `effects`.
  let page: MountedPage | null = null

  // The names code sees. Invariant: globals and injected names come by provide (never
  // undefined), entities by define (one per name; a page's leave with it).
  const scope = createScope()
  const globalsHost: GlobalsHost = {
    store,
    alert: alerts.send,
    navigate: options.navigate,
    reset: (name) => page !== null && page.reset(name),
    names: scope.names,
    postMessage: options.postMessage,
    warn,
    // Intervals belong to the page that is showing: Appsmith stops them when it is left.
    intervalScope: () => page?.effects ?? effects,
    effects,
  }
  // In order: a later group sees the names of the earlier ones (missingGlobals, last, does).
  for (const group of [storeGlobals, ...features.globals]) for (const [name, value] of Object.entries(group(globalsHost))) scope.provide(name, value)
  // Resolved at build time when the bundle has no theme code (src/build/app-features.ts).
  const theme = features.theme ? features.theme.resolve(definition.theme) : definition.theme
  const geolocation = features.geolocation?.(options.geolocation === undefined ? (globalThis.navigator as Navigator | undefined)?.geolocation : options.geolocation)
  if (geolocation) effects.onStop(() => void (geolocation.clearWatch as () => Promise<void>)())
  const appsmith = appsmithObject(options, definition, { store, theme, geolocation, names: scope.names })
  scope.provide('appsmith', appsmith)
  // Only hand-written hosts and tests inject these (the entry `smithlet build` generates never does).
  if (injectsGlobals(options)) {
    for (const [name, value] of Object.entries(feature('injected', 'injected globals (now, random, fetch, locks)')(options))) scope.provide(name, value)
  }
  for (const [name, library] of Object.entries(definition.libraries ?? {})) scope.define(name, library)
  const { resolve } = scope

  const queryContext = {
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    baseUrl: options.baseUrl ?? (typeof location === 'undefined' ? undefined : location.href),
    inspector: options.inspector,
    timers: effects.timers,
    onSettled: failures.queryRun,
  }
  // Invariant: exactly the query entities in `scope` (the app's always, the page's while
  // it is mounted), by name; mount reads it for `loading`, failures for their entries.
  const queries = new Map<string, Query>()
  for (const query of definition.queries ?? []) {
    const entity = feature('query', 'queries').create(query, { ...queryContext, resolve })
    queries.set(query.name, entity)
    scope.define(query.name, entity)
  }
  // A JS object resolves its free names when it is created; entities defined later
  // (JS objects after it, a page's entities and widgets) reach it when these run.
  // Invariant: one per app-level or module JS object, run after every change of the entities.
  const refreshers: Array<() => void> = []
  const addRefresher = (refresh: () => void): void => void refreshers.push(refresh)
  const refreshApp = (): void => {
    for (const refresh of refreshers) refresh()
  }
  for (const [name, module] of Object.entries(definition.modules ?? {})) {
    scope.define(name, feature('module', 'modules').instantiate(name, module, { scope, effects, query: queryContext, onRefresher: addRefresher, warn, random: options.random }))
  }
  for (const [name, source] of Object.entries(definition.jsObjects ?? {})) {
    scope.define(name, feature('jsObject', 'JS objects')(name, source, resolve, addRefresher, reportBroken))
  }
  refreshApp()

  const runWith = async (code: string, resolver: Resolver): Promise<unknown> => {
    // Anything else would compile to a trigger that silently does nothing.
    if ((typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__) && typeof code !== 'string') throw new TypeError(`app.run: the code must be a string, got ${typeof code}`)
    // One batch for the trigger's synchronous part: a function that writes six keys
    // updates each dependent binding once, after the last write.
    const trigger = triggerFunction(code)
    return batch(() => trigger.call(undefined, resolver))
  }
  const run = (code: string): Promise<unknown> => runWith(code, resolve)
  const pageHost = {
    scope,
    effects,
    queries,
    query: queryContext,
    setError: errors.set,
    // An item of a list (src/list-scope.ts) runs its events with its own names (currentItem) in scope.
    // The technical form goes to the console and app.errors; the widget shows plain words.
    trigger: (code: string, label: string, itemResolve?: Resolver): Promise<string | null> => {
      const action = triggerAction(label, code)
      const start = (): Promise<unknown> => (itemResolve ? runWith(code, itemResolve) : run(code))
      // The cause is for the devtools' query log (src/inspect.ts): development builds only.
      return (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__ ? withCause(label, start) : start()).then(
        () => (failures.succeeded(action.key), null),
        (error: unknown) => failures.failed(action, error),
      )
    },
    onAlert: alerts.add,
    onAlertClear: alerts.addClearer,
    onBrokenJSObject: reportBroken,
    refreshApp,
    theme,
    inspector: options.inspector,
  }

  // Invariant: true from the first runPageLoad after a mount until unmount, so each
  // mounted page runs its page-load actions once.
  let pageLoaded = false
  const app: App = {
    scope: scope.names,
    // The host API a built app's entry never calls is left out of its bundle (src/dev-mode.d.ts).
    get errors() {
      return typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? errors.list() : hostOnly()
    },
    evaluate: typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? (template) => compileTemplate(template).evaluate(resolve) : hostOnly,
    run,
    watch: typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? (template, callback) => {
      const compiled = compileTemplate(template)
      const value = computed(() => compiled.evaluate(resolve))
      return effects.effect(() => {
        const current = value.value
        // A throwing callback would otherwise escape from whatever write triggered it
        // (a storeValue in some unrelated trigger would reject): report it instead.
        untracked(() => {
          try {
            callback(current)
          } catch (error) {
            warn(`smithlet: a watch callback for ${JSON.stringify(template)} threw: ${describeError(error)}`)
          }
        })
      })
    } : hostOnly,
    async mount(root, content) {
      if ((typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__) && page !== null) throw new Error('this app is already mounted')
      page = mountPage(root, content, pageHost)
      await app.runPageLoad()
    },
    unmount() {
      if (page === null) return
      const leaving = page
      page = null
      pageLoaded = false
      leaving.unmount()
      // The page's events and page-load actions are over; so are its queries' runs.
      const pageQueries = new Set((leaving.content?.queries ?? []).map((q) => q.name))
      failures.leavePage((name) => pageQueries.has(name))
    },
    async runPageLoad() {
      if (pageLoaded) return
      pageLoaded = true
      const content = page?.content
      const ids = [...(definition.pageLoad ?? []), ...(definition.queries ?? []).filter((q) => q.runOnPageLoad).map((q) => q.name),
        ...(content?.pageLoad ?? []), ...(content?.queries ?? []).filter((q) => q.runOnPageLoad).map((q) => q.name)]
      // Only an app with modules or page-load actions has something to run (./app-page-load.ts; a built app without gets none of it).
      // (The entry `smithlet build` generates gives `modules: {}` to an app without any.)
      if (ids.length > 0 || Object.keys(definition.modules ?? {}).length > 0) await runAppPageLoad(ids, definition.modules, queries, scope.names, failures, options.inspector)
    },
    dispose: typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? () => {
      app.unmount()
      effects.stop()
    } : hostOnly,
  }
  return app
}

/** The cross-tab channel for an app id, or null when turned off or unavailable. */
function appChannel(id: string, options: AppOptions): ChannelLike | null {
  if (options.channel === null) return null
  const open = options.channel ?? (typeof BroadcastChannel === 'function' ? (n: string) => new BroadcastChannel(n) as ChannelLike : null)
  return open?.(`smithlet:${id}`) ?? null
}

/** True when `options` inject some name code sees (./injected-globals.ts makes them). */
function injectsGlobals(options: AppOptions): boolean {
  return options.now !== undefined || options.random !== undefined || options.fetch !== undefined || options.locks !== undefined
}
