import { argumentError } from './errors'
import { notInBuild } from './features'
import { navigateBrowser } from './navigate'
import type { EffectScope } from './reactive'
import type { Store } from './store'

/** Appsmith's alert styles. */
export type AlertType = 'success' | 'info' | 'warning' | 'error'

/** Where the globals reach outside the runtime; each has a browser default. */
export interface GlobalsHost {
  readonly store: Store
  /** Shows an alert (the toast widget, or the host's handler). */
  readonly alert: (message: string, type: AlertType) => void
  /** Handles `navigateTo` (a multi-page app's router). Default: the browser's location (./navigate.ts). */
  readonly navigate?: (target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW') => void
  /** Restores a widget of the mounted page; false when no widget has that name. */
  readonly reset: (name: string) => boolean
  /** The names code sees: the modal and iframe widgets are found there by name. */
  readonly names: Readonly<Record<string, unknown>>
  /** Sends a `postWindowMessage` to the parent window. Default: `window.parent.postMessage`. */
  readonly postMessage?: (message: unknown, targetOrigin: string) => void
  readonly warn: (message: string) => void
  /** The scope that owns an interval started now (the page's while one shows): it ends with it. */
  readonly intervalScope: () => EffectScope
  /** The app's scope: it owns the timeouts code starts, so none fires after the app has ended. */
  readonly effects: EffectScope
}

/** The global functions every binding, query and JS object sees, with Appsmith's signatures. */
export interface Globals {
  storeValue(key: string, value: unknown, persist?: boolean): Promise<Record<string, never>>
  removeValue(key: string): Promise<Record<string, never>>
  clearStore(): Promise<Record<string, never>>
  /** smithlet's addition: re-read keys from IndexedDB (another tab may have written them). */
  reloadStore: Store['reloadStore']
  showAlert(message: unknown, type?: AlertType): Promise<void>
  navigateTo(pageNameOrUrl: string, params?: Record<string, unknown>, target?: 'SAME_WINDOW' | 'NEW_WINDOW'): Promise<void>
  setInterval(callback: () => unknown, interval: number, id?: string): string
  clearInterval(id: string): void
  setTimeout(callback: (...args: unknown[]) => unknown, ms?: number, ...args: unknown[]): unknown
  clearTimeout(handle: unknown): void
  download(data: unknown, fileName: string, fileType?: string): Promise<void>
  copyToClipboard(text: string): Promise<void>
  resetWidget(widgetName: string, resetChildren?: boolean): Promise<void>
  showModal(modalName: string): Promise<void>
  closeModal(modalName: string): Promise<void>
  postWindowMessage(message: unknown, source: string, targetOrigin: string): Promise<void>
}

/**
 * Some of the globals, made for one app. Each group is its own export, so that a bundle
 * holds only the groups installed (./features.ts); {@link GLOBAL_GROUPS} lists them.
 */
export type GlobalGroup = (host: GlobalsHost) => Partial<Globals>

/** The names of the optional groups' functions, space-separated (the smallest form in a bundle). */
export const OPTIONAL_GLOBALS = 'showAlert navigateTo setInterval clearInterval setTimeout clearTimeout download copyToClipboard resetWidget showModal closeModal postWindowMessage'

/**
 * The optional globals no installed group provides, each a function whose call says the
 * build left it out, rather than Appsmith's ReferenceError that would hide why. The entry
 * `smithlet build` generates installs it when it leaves a group out; a bundle with every
 * group has no use for it.
 */
export const missingGlobals: GlobalGroup = (host) => {
  const out: Record<string, () => never> = {}
  for (const name of OPTIONAL_GLOBALS.split(' ')) {
    if (!(name in host.names)) {
      out[name] = () => {
        throw notInBuild(name)
      }
    }
  }
  return out
}

/** The store's functions: every app has them. */
export const storeGlobals = (host: GlobalsHost) => ({
  // The store's own promises: they resolve to Appsmith's `{}` and are marked handled, so a
  // fire-and-forget write that fails raises no unhandled rejection (the store has warned).
  // Every write of one batch shares one, so 10,000 writes in a tick allocate none each.
  storeValue: (key: string, value: unknown, persist?: boolean) => {
    if (persist !== undefined && typeof persist !== 'boolean') throw argumentError('storeValue', 'persist', 'true or false', persist)
    return host.store.storeValue(key, value, persist)
  },
  removeValue: (key: string) => host.store.removeValue(key),
  clearStore: () => host.store.clearStore(),
  reloadStore: host.store.reloadStore,
}) satisfies Partial<Globals>

const ALERT_TYPES = new Set<AlertType>(['success', 'info', 'warning', 'error'])

/** `showAlert`. */
export const showAlert: GlobalGroup = (host) => ({
  async showAlert(message, type = 'success') {
    if (message === undefined) throw argumentError('showAlert', 'message', 'the text to show', message)
    // Appsmith shows an unknown type as info; a type that is not even text is a mistake.
    if (typeof type !== 'string') throw argumentError('showAlert', 'type', "'success', 'info', 'warning' or 'error'", type)
    host.alert(typeof message === 'string' ? message : JSON.stringify(message) ?? String(message), ALERT_TYPES.has(type) ? type : 'info')
  },
})

/** `navigateTo`: the host's (a multi-page app's router), else the browser's location. */
export const navigateTo: GlobalGroup = (host) => ({
  async navigateTo(target, params = {}, mode = 'SAME_WINDOW') {
    if (typeof target !== 'string' || target === '') throw argumentError('navigateTo', 'pageNameOrUrl', 'a page name or a URL', target)
    if (params === null || typeof params !== 'object' || Array.isArray(params)) throw argumentError('navigateTo', 'params', 'an object of query parameters', params)
    if (mode !== 'SAME_WINDOW' && mode !== 'NEW_WINDOW') throw argumentError('navigateTo', 'target', "'SAME_WINDOW' or 'NEW_WINDOW'", mode)
    ;(host.navigate ?? navigateBrowser)(target, params, mode)
  },
})

/**
 * `setInterval` and `clearInterval`. Intervals are tracked by id and belong to an effect
 * scope (the page's, or the app's), so no interval outlives what started it.
 */
export const intervals: GlobalGroup = (host) => {
  // Invariant: id → the interval started under it and the scope that owns it (a stopped
  // scope has already cleared it; clearing it again is a no-op).
  const started = new Map<string, { readonly scope: EffectScope; readonly handle: unknown }>()
  let nextInterval = 0
  return {
    setInterval(callback, interval, id) {
      if (typeof callback !== 'function') throw argumentError('setInterval', 'callback', 'a function', callback)
      if (typeof interval !== 'number' || !Number.isFinite(interval) || interval < 0) throw argumentError('setInterval', 'interval', 'a number of milliseconds', interval)
      if (id !== undefined && typeof id !== 'string') throw argumentError('setInterval', 'id', 'a string', id)
      const key = id ?? `interval-${++nextInterval}`
      // Appsmith replaces an interval started again under the same id.
      const existing = started.get(key)
      if (existing !== undefined) existing.scope.clearInterval(existing.handle)
      const scope = host.intervalScope()
      const handle = scope.setInterval(() => {
        try {
          const result = callback()
          if (result instanceof Promise) result.catch((e: unknown) => host.warn(`setInterval "${key}": ${errorText(e)}`))
        } catch (e) {
          host.warn(`setInterval "${key}": ${errorText(e)}`)
        }
      }, interval)
      started.set(key, { scope, handle })
      return key
    },
    clearInterval(id) {
      if (typeof id !== 'string') throw argumentError('clearInterval', 'id', 'the id setInterval returned', id)
      const entry = started.get(id)
      if (entry !== undefined) entry.scope.clearInterval(entry.handle)
      started.delete(id)
    },
  }
}

/** `setTimeout` and `clearTimeout`, owned by the app (see {@link timerGlobals}). */
export const timeouts: GlobalGroup = (host) => timerGlobals(host.effects)

/** `download`: saves data as a file, through a temporary link. */
export const download: GlobalGroup = (host) => ({
  async download(data, fileName, fileType) {
    if (data === undefined || typeof data === 'function' || typeof data === 'symbol') throw argumentError('download', 'data', 'the data to save (text, a Blob or JSON-able data)', data)
    if (typeof fileName !== 'string' || fileName.trim() === '') throw argumentError('download', 'fileName', 'a file name', fileName)
    if (fileType !== undefined && typeof fileType !== 'string') throw argumentError('download', 'fileType', "a MIME type such as 'text/csv'", fileType)
    if (typeof document === 'undefined') throw new Error('download needs a browser document')
    const blob =
      data instanceof Blob
        ? data
        : new Blob([typeof data === 'string' ? data : JSON.stringify(data)], {
            type: fileType ?? (typeof data === 'string' ? 'text/plain' : 'application/json'),
          })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.rel = 'noopener'
    document.body.append(a)
    a.click()
    a.remove()
    host.intervalScope().timers.setTimeout(() => URL.revokeObjectURL(url), 0)
  },
})

/** `copyToClipboard`. */
export const copyToClipboard: GlobalGroup = () => ({
  async copyToClipboard(text) {
    if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') throw argumentError('copyToClipboard', 'text', 'text', text)
    const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard
    if (clipboard === undefined) throw new Error('copyToClipboard: the clipboard is not available here')
    await clipboard.writeText(String(text))
  },
})

/** `resetWidget`: restores a widget's meta state on the mounted page. */
export const resetWidget: GlobalGroup = (host) => ({
  async resetWidget(widgetName, resetChildren = true) {
    if (typeof widgetName !== 'string' || widgetName === '') throw argumentError('resetWidget', 'widgetName', 'a widget name', widgetName)
    if (typeof resetChildren !== 'boolean') throw argumentError('resetWidget', 'resetChildren', 'true or false', resetChildren)
    if (!host.reset(widgetName)) throw new Error(`resetWidget: no widget is named "${widgetName}"`)
  },
})

/** `showModal` and `closeModal`, by the modal widget's name. */
export const modals: GlobalGroup = (host) => {
  const set = (fn: string, name: unknown, open: boolean): void => {
    // Appsmith passes a modal by name (`showModal('Modal1')`, also `showModal(Modal1.name)`).
    if (typeof name !== 'string' || name === '') throw new TypeError(`${fn}: give the modal's name, for example ${fn}('Modal1')`)
    const modal = host.names[name] as { setVisibility?: (visible: boolean) => void } | undefined
    if (typeof modal?.setVisibility !== 'function') throw new Error(`${fn}: no modal is named "${name}"`)
    modal.setVisibility(open)
  }
  return {
    showModal: async (name) => set('showModal', name, true),
    closeModal: async (name) => set('closeModal', name, false),
  }
}

/** `postWindowMessage`: to the parent window (`source` "window") or to an iframe widget by name. */
export const postWindowMessage: GlobalGroup = (host) => ({
  async postWindowMessage(message, source = 'window', targetOrigin) {
    if (typeof targetOrigin !== 'string' || targetOrigin === '') {
      throw new TypeError('postWindowMessage: give the target origin (for example "https://example.com", or "*")')
    }
    if (source === 'window') {
      const post = host.postMessage ?? (typeof window === 'undefined' ? undefined : (m: unknown, o: string) => window.parent.postMessage(m, o))
      if (post === undefined) throw new Error('postWindowMessage needs a browser window')
      post(message, targetOrigin)
      return
    }
    const frame = host.names[source] as { postMessage?: (m: unknown, o: string) => void } | undefined
    if (typeof frame?.postMessage !== 'function') throw new Error(`postWindowMessage: "${source}" is neither "window" nor an iframe widget`)
    frame.postMessage(message, targetOrigin)
  },
})

/**
 * Every optional group, by its export name: what ./all-features.ts installs, and what the
 * build chooses from (src/build/app-features.ts asks each group for its names).
 */
export const GLOBAL_GROUPS: Readonly<Record<string, GlobalGroup>> = { showAlert, navigateTo, intervals, timeouts, download, copyToClipboard, resetWidget, modals, postWindowMessage }

/**
 * `setTimeout` and `clearTimeout` as code in a scope sees them: owned by `effects`, so a
 * timeout a JS object starts never fires after its app (or module) has ended, and
 * scheduled with the app's injected timers.
 */
export function timerGlobals(effects: EffectScope): {
  setTimeout(callback: (...args: unknown[]) => unknown, ms?: number, ...args: unknown[]): unknown
  clearTimeout(handle: unknown): void
} {
  return {
    setTimeout(callback, ms = 0, ...args) {
      if (typeof callback !== 'function') throw new TypeError('setTimeout: the first argument must be a function')
      return effects.setTimeout(() => void callback(...args), Math.max(0, Number(ms) || 0))
    },
    clearTimeout: (handle) => effects.clearTimeout(handle),
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
