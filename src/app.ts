import { setDiagnosticSink } from './diagnostics'
import { withCause, type Inspector } from './inspect'
import { compileTemplate } from './binding'
import { clockDate } from './clock'
import { compileTrigger, MISSING, type Resolver } from './compile'
import { BindingError, describeError } from './errors'
import { createErrorMap } from './error-map'
import { createGeolocation } from './geolocation'
import { createGlobals, type AlertType } from './globals'
import { createJSObject, type JSObjectDefinition } from './js-object'
import { mountWidgets, type MountedWidgets } from './mount'
import { navigateBrowser } from './navigate'
import { instantiateModule, type ModuleDefinition } from './module'
import { planPageLoad, runPageLoad, type PageLoadAction } from './page-load'
import { createQuery, queryBindingCodes, type Query, type QueryDefinition } from './query'
import { computed, effect, signal, untracked } from './reactive'
import { idbStorage, type StorageBackend } from './storage'
import { createStore, type ChannelLike, type Store } from './store'
import { applyTheme, resolveTheme, type ThemeProperties } from './theme'

/** What a user writes: the app's queries, JS objects, modules and page-load actions. */
export interface AppDefinition {
  /** Names the app's IndexedDB store and cross-tab channel: one id, one store. */
  readonly id: string
  readonly queries?: readonly QueryDefinition[]
  readonly jsObjects?: Readonly<Record<string, JSObjectDefinition>>
  readonly modules?: Readonly<Record<string, ModuleDefinition>>
  /** Names in the app's scope, like Appsmith's installed JS libraries. */
  readonly libraries?: Readonly<Record<string, unknown>>
  /** Actions to run on page load: query names and `JSObject.function` paths. */
  readonly pageLoad?: readonly string[]
  /** `appsmith.theme` (Appsmith's theme properties over the default "Modern" theme). */
  readonly theme?: ThemeProperties
  /** `appsmith.user` when no Auth_Module gives a user (Appsmith's `email`, `name`, …). */
  readonly user?: Readonly<Record<string, unknown>>
}

/** Everything a host or a test may inject; each has the browser's default. */
export interface AppOptions {
  readonly fetch?: typeof fetch
  /** The clock, in ms; code that uses `Date` sees it. */
  readonly now?: () => number
  /** Where the store persists; `null` keeps it in memory. Default: IndexedDB. */
  readonly storage?: StorageBackend | null
  /**
   * How long `createApp` waits for storage to load before the page starts on memory
   * (one warning; writes persist once storage answers). Default 3,000 ms.
   */
  readonly hydrateTimeoutMs?: number
  /** The Web Locks manager that code sees as `navigator.locks`; `null` means none. */
  readonly locks?: LockManager | null
  /** Creates the cross-tab channel; `null` turns cross-tab updates off. Default: BroadcastChannel. */
  readonly channel?: ((name: string) => ChannelLike) | null
  /** Base for relative query URLs. Default: the page's URL. */
  readonly baseUrl?: string
  /**
   * `appsmith.URL` comes from this. Default: the page's URL. A function is read reactively
   * (the router of a multi-page app, src/router.ts, gives one that follows the history).
   */
  readonly url?: string | (() => string)
  readonly mode?: 'EDIT' | 'PUBLISHED'
  /** Degraded-mode warnings and failed actions. Default: console.warn. */
  readonly warn?: (message: string) => void
  /** Alerts from `showAlert`, besides any toast widget. */
  readonly onAlert?: (message: string, type: AlertType) => void
  /**
   * Told of bindings, query runs and page-load actions as they happen: the devtools panel
   * (`createDevtools().inspector`). Absent in production.
   */
  readonly inspector?: Inspector
  /** Handles `navigateTo`. Default: the browser's location. */
  readonly navigate?: (target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW') => void
  /** `appsmith.geolocation` reads this. Default: `navigator.geolocation`; `null`: none. */
  readonly geolocation?: Geolocation | null
  /** Sends `postWindowMessage`s to the parent window. Default: `window.parent.postMessage`. */
  readonly postMessage?: (message: unknown, targetOrigin: string) => void
}

/** What one page of a multi-page app adds to the app while it is mounted. */
export interface PageContent {
  readonly jsObjects?: Readonly<Record<string, JSObjectDefinition>>
  readonly queries?: readonly QueryDefinition[]
  /** Page-load actions of the page, after the app's own. */
  readonly pageLoad?: readonly string[]
}

/** A running app: the host API tests are written against. */
export interface App {
  /** The data tree as bindings see it: entities, `appsmith` and the global functions. */
  readonly scope: Readonly<Record<string, unknown>>
  /** Binding errors now shown on widgets, one per property. */
  readonly errors: readonly BindingError[]
  /** One synchronous evaluation; a failing binding yields a {@link BindingError} value. */
  evaluate(template: string): unknown
  /** Runs a trigger snippet (`{{ Q.run() }}` or plain statements); resolves with its value. */
  run(code: string): Promise<unknown>
  /** Calls back now and on every change of the template's value; returns unsubscribe. */
  watch(template: string, callback: (value: unknown) => void): () => void
  /**
   * Binds the widgets under `root`, then runs the page-load actions. `page` adds the
   * entities and page-load actions of one page of a multi-page app (src/pages.ts).
   */
  mount(root: Element, page?: PageContent): Promise<void>
  /**
   * Leaves the mounted page: disposes its widgets' bindings, removes its entities from
   * the scope and stops the intervals started meanwhile. The store, the modules and the
   * app-level entities stay; `mount` may be called again.
   */
  unmount(): void
  /** Runs the page-load actions (mount does this). */
  runPageLoad(): Promise<void>
  /** Stops timers, effects and channels. */
  dispose(): void
}

/**
 * Creates an app. Resolves once the store is hydrated, so every JS object and
 * page-load action sees persisted values from the start.
 */
export async function createApp(definition: AppDefinition, options: AppOptions = {}): Promise<App> {
  if (typeof definition?.id !== 'string' || definition.id === '') throw new TypeError('createApp: the definition needs an id')
  const warn = options.warn ?? ((message: string) => console.warn(message))
  if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) setDiagnosticSink(warn)
  const channel = options.channel === null
    ? null
    : (options.channel ?? (typeof BroadcastChannel === 'function' ? (n: string) => new BroadcastChannel(n) as ChannelLike : null))?.(`smithlet:${definition.id}`) ?? null
  const store: Store = createStore({
    storage: options.storage === undefined ? idbStorage(definition.id) : options.storage,
    channel,
    warn,
    hydrateTimeoutMs: options.hydrateTimeoutMs,
  })
  await store.hydrate()

  const disposers = new Set<() => void>([() => store.dispose()])
  const alertListeners = new Set<(message: string, type: AlertType) => void>()
  if (options.onAlert) alertListeners.add(options.onAlert)
  let widgets: MountedWidgets | null = null
  const errorMap = createErrorMap()

  const { globals, dispose: disposeGlobals } = createGlobals({
    store,
    alert: (message, type) => {
      for (const listener of alertListeners) listener(message, type)
    },
    navigate: options.navigate ?? navigateBrowser,
    resetWidget: (name) => {
      if (widgets === null || !widgets.reset(name)) throw new Error(`resetWidget: no widget is named "${name}"`)
    },
    setModal: (name, open) => {
      const modal = scope[name] as { setVisibility?: (visible: boolean) => void } | undefined
      if (typeof modal?.setVisibility !== 'function') throw new Error(`${open ? 'showModal' : 'closeModal'}: no modal is named "${name}"`)
      modal.setVisibility(open)
    },
    postMessage: (message, source, targetOrigin) => {
      if (source === 'window') {
        const post = options.postMessage ?? (typeof window === 'undefined' ? undefined : (m: unknown, o: string) => window.parent.postMessage(m, o))
        if (post === undefined) throw new Error('postWindowMessage needs a browser window')
        post(message, targetOrigin)
        return
      }
      const frame = scope[source] as { postMessage?: (m: unknown, o: string) => void } | undefined
      if (typeof frame?.postMessage !== 'function') throw new Error(`postWindowMessage: "${source}" is neither "window" nor an iframe widget`)
      frame.postMessage(message, targetOrigin)
    },
    warn,
  })
  disposers.add(disposeGlobals)

  const readUrl = typeof options.url === 'function' ? options.url : () => (options.url as string | undefined) ?? (typeof location === 'undefined' ? 'http://localhost/' : location.href)
  const url = computed(() => urlInfo(readUrl()))
  const scope = Object.create(null) as Record<string, unknown>
  // A name found nowhere is MISSING, which compiled code turns into Appsmith's ReferenceError.
  const resolve: Resolver = (name) => (name in scope ? scope[name] : name in globalThis ? (globalThis as Record<string, unknown>)[name] : MISSING)
  Object.assign(scope, globals)
  const theme = resolveTheme(definition.theme)
  const configuredUser = Object.freeze({ ...definition.user })
  const geolocation = createGeolocation(options.geolocation === undefined ? (globalThis.navigator as Navigator | undefined)?.geolocation : options.geolocation)
  disposers.add(() => void (geolocation.clearWatch as () => Promise<void>)())
  scope.appsmith = Object.freeze({
    store: store.view,
    get URL() {
      return url.value
    },
    mode: options.mode ?? 'PUBLISHED',
    // Auth_Module's user when it has one (Appsmith's own user is the signed-in person).
    get user() {
      const fromAuth = (scope.Auth_Module as { user?: unknown } | undefined)?.user
      return fromAuth !== null && typeof fromAuth === 'object' ? fromAuth : configuredUser
    },
    theme,
    geolocation,
  })
  if (options.now) scope.Date = clockDate(options.now)
  if (options.fetch) scope.fetch = options.fetch
  if (options.locks !== undefined) {
    const base = (globalThis as { navigator?: object }).navigator ?? {}
    scope.navigator = Object.create(base, { locks: { value: options.locks ?? undefined } })
  }
  for (const [name, library] of Object.entries(definition.libraries ?? {})) define(name, library)

  const queryContext = {
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    baseUrl: options.baseUrl ?? (typeof location === 'undefined' ? undefined : location.href),
    inspector: options.inspector,
  }
  const queries = new Map<string, Query>()
  for (const query of definition.queries ?? []) {
    const entity = createQuery(query, { ...queryContext, resolve })
    queries.set(query.name, entity)
    define(query.name, entity)
  }
  // A JS object resolves its free names when it is created; entities defined later
  // (widgets, on mount) reach it through these refreshers.
  const refreshers: Array<() => void> = []
  const addRefresher = (refresh: () => void): void => void refreshers.push(refresh)
  for (const [name, module] of Object.entries(definition.modules ?? {})) {
    define(name, instantiateModule(name, module, scope, queryContext, addRefresher))
  }
  for (const [name, source] of Object.entries(definition.jsObjects ?? {})) {
    define(name, createJSObject(name, source, resolve, addRefresher))
  }
  // JS objects may call each other whatever their order of definition.
  for (const refresh of refreshers) refresh()

  // The mounted page's entity names and JS object refreshers, dropped by unmount.
  let pageNames: string[] = []
  let pageRefreshers: Array<() => void> = []
  let pageDisposers: Array<() => void> = []
  let currentPage: PageContent | undefined
  const definePageEntity = (name: string, entity: unknown): void => {
    define(name, entity)
    pageNames.push(name)
  }

  function define(name: string, entity: unknown): void {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new TypeError(`"${name}" is not a valid entity name`)
    if (name in scope) {
      const isGlobal = name === 'appsmith' || Object.hasOwn(globals, name)
      throw new Error(`two entities are named "${name}"${isGlobal ? ' (a global function has that name)' : ''}`)
    }
    scope[name] = entity
  }

  const setError = (key: string, error: BindingError | null): void => errorMap.set(key, error)

  const run = async (code: string): Promise<unknown> => {
    // Anything else would compile to a trigger that silently does nothing.
    if (typeof code !== 'string') throw new TypeError(`app.run: the code must be a string, got ${typeof code}`)
    return compileTrigger(code).call(undefined, resolve)
  }

  const reportFailure = (what: string, error: unknown): void => {
    const message = `${what} failed: ${describeError(error)}`
    warn(`smithlet: ${message}`)
    for (const listener of alertListeners) listener(message, 'error')
  }

  const pageLoadActions = (): PageLoadAction[] => {
    const actions: PageLoadAction[] = []
    const ids = new Set([...(definition.pageLoad ?? []), ...(definition.queries ?? []).filter((q) => q.runOnPageLoad).map((q) => q.name)])
    for (const id of currentPage?.pageLoad ?? []) ids.add(id)
    for (const query of currentPage?.queries ?? []) if (query.runOnPageLoad) ids.add(query.name)
    for (const id of ids) {
      const query = queries.get(id)
      if (query) {
        actions.push({ id, source: queryBindingCodes(query.config).join(';\n'), run: () => query.run() })
        continue
      }
      const [objectName, fnName, ...rest] = id.split('.')
      const fn = rest.length === 0 && objectName && fnName ? (scope[objectName] as Record<string, unknown> | undefined)?.[fnName] : undefined
      if (typeof fn !== 'function') throw new Error(`page-load action "${id}" is neither a query nor a JS object function`)
      actions.push({ id, source: String(fn), run: async () => (fn as () => unknown)() })
    }
    return actions
  }

  let pageLoaded = false
  const app: App = {
    scope,
    get errors() {
      return errorMap.list()
    },
    evaluate: (template) => compileTemplate(template).evaluate(resolve),
    run,
    watch(template, callback) {
      const compiled = compileTemplate(template)
      const value = computed(() => compiled.evaluate(resolve))
      const stop = effect(() => {
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
      const unsubscribe = (): void => {
        stop()
        disposers.delete(unsubscribe)
      }
      disposers.add(unsubscribe)
      return unsubscribe
    },
    async mount(root, page) {
      if (widgets !== null) throw new Error('this app is already mounted')
      currentPage = page
      for (const query of page?.queries ?? []) {
        const entity = createQuery(query, { ...queryContext, resolve })
        definePageEntity(query.name, entity)
        queries.set(query.name, entity)
      }
      for (const [name, source] of Object.entries(page?.jsObjects ?? {})) {
        definePageEntity(name, createJSObject(name, source, resolve, (refresh) => void pageRefreshers.push(refresh)))
      }
      applyTheme(root, theme)
      widgets = mountWidgets(root, {
        scope,
        resolve,
        queries,
        setError,
        trigger: (code, label) => {
          withCause(label, () => run(code)).catch((error: unknown) => reportFailure(label, error))
        },
        define: definePageEntity,
        inspector: options.inspector,
      })
      for (const refresh of refreshers) refresh()
      for (const refresh of pageRefreshers) refresh()
      const toastListener = (message: string, type: AlertType): void => widgets?.alert(message, type)
      alertListeners.add(toastListener)
      pageDisposers.push(() => {
        alertListeners.delete(toastListener)
        widgets?.dispose()
      })
      await app.runPageLoad()
    },
    unmount() {
      if (widgets === null) return
      for (const dispose of pageDisposers.splice(0).reverse()) dispose()
      // Intervals belong to the page that was showing: Appsmith stops them when it is left.
      disposeGlobals()
      for (const name of pageNames) {
        delete scope[name]
        queries.delete(name)
      }
      pageNames = []
      pageRefreshers = []
      pageDisposers = []
      widgets = null
      currentPage = undefined
      pageLoaded = false
      // App-level JS objects forget the page's widgets and entities.
      for (const refresh of refreshers) refresh()
    },
    async runPageLoad() {
      if (pageLoaded) return
      pageLoaded = true
      const actions = pageLoadActions()
      const levels = planPageLoad(actions)
      await runPageLoad(levels, actions, (id, error) => reportFailure(`page-load action ${id}`, error), options.inspector)
    },
    dispose() {
      app.unmount()
      const all = [...disposers].reverse()
      disposers.clear()
      for (const dispose of all) dispose()
    },
  }
  return app
}

function urlInfo(href: string): Readonly<Record<string, unknown>> {
  const url = new URL(href)
  return Object.freeze({
    fullPath: url.href,
    host: url.host,
    hostname: url.hostname,
    port: url.port,
    protocol: url.protocol,
    pathname: url.pathname,
    hash: url.hash,
    queryParams: Object.freeze(Object.fromEntries(url.searchParams)),
  })
}
