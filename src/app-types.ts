/**
 * The host API's types: what a user writes (AppDefinition), what a host or a test may
 * inject (AppOptions) and what a running app offers (App). Apart from src/app.ts, which
 * wires them, so that a reader finds the contract in one place.
 */
import type { Inspector } from './inspect'
import type { ActionError, BindingError } from './errors'
import type { AlertType } from './globals'
import type { JSObjectDefinition } from './js-object'
import type { ModuleDefinition } from './module'
import type { PageContent } from './page'
import type { QueryDefinition } from './query'
import type { Timers } from './reactive'
import type { StorageBackend } from './storage'
import type { ChannelLike } from './store'
import type { ThemeProperties } from './theme'

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
  /** The timers intervals, timeouts and query time limits use. Default: the environment's. */
  readonly timers?: Timers
  /** Randomness, in [0, 1): the store's tab id, and `Math.random` for code. Default: Math.random. */
  readonly random?: () => number
}

/** A running app: the host API tests are written against. */
export interface App {
  /** The data tree as bindings see it: entities, `appsmith` and the global functions. */
  readonly scope: Readonly<Record<string, unknown>>
  /**
   * What fails now, for developers: binding errors shown on widgets, one per property
   * (`kind: 'binding'`), and failed events, page-load actions and query runs in their
   * technical form (`kind: 'action'`, an {@link ActionError}), each until it next succeeds.
   */
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
