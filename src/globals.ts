import { argumentError } from './errors'
import type { EffectScope } from './reactive'
import type { Store } from './store'

/** Appsmith's alert styles. */
export type AlertType = 'success' | 'info' | 'warning' | 'error'

/** Where the globals reach outside the runtime; each has a browser default. */
export interface GlobalsHost {
  readonly store: Store
  /** Shows an alert (the toast widget, or the host's handler). */
  readonly alert: (message: string, type: AlertType) => void
  readonly navigate: (target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW') => void
  readonly resetWidget: (name: string, resetChildren: boolean) => void
  /** Opens or closes the modal widget of that name (an error when there is none). */
  readonly setModal: (name: string, open: boolean) => void
  /** Sends a message to the parent window (`source` "window") or to an iframe widget by name. */
  readonly postMessage: (message: unknown, source: string, targetOrigin: string) => void
  readonly warn: (message: string) => void
  /** The scope that owns an interval started now (the page's while one shows): it ends with it. */
  readonly intervalScope: () => EffectScope
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
  download(data: unknown, fileName: string, fileType?: string): Promise<void>
  copyToClipboard(text: string): Promise<void>
  resetWidget(widgetName: string, resetChildren?: boolean): Promise<void>
  showModal(modalName: string): Promise<void>
  closeModal(modalName: string): Promise<void>
  postWindowMessage(message: unknown, source: string, targetOrigin: string): Promise<void>
}

const ALERT_TYPES = new Set<AlertType>(['success', 'info', 'warning', 'error'])

/**
 * Creates the globals for one app. Intervals are tracked by id and belong to an effect
 * scope (the page's, or the app's), so no interval outlives what started it.
 */
export function createGlobals(host: GlobalsHost): Globals {
  // Invariant: id → the interval started under it and the scope that owns it (a stopped
  // scope has already cleared it; clearing it again is a no-op).
  const intervals = new Map<string, { readonly scope: EffectScope; readonly handle: unknown }>()
  let nextInterval = 0

  const globals: Globals = {
    // The store's own promises: they resolve to Appsmith's `{}` and are marked handled, so a
    // fire-and-forget write that fails raises no unhandled rejection (the store has warned).
    // Every write of one batch shares one, so 10,000 writes in a tick allocate none each.
    storeValue: (key, value, persist) => {
      if (persist !== undefined && typeof persist !== 'boolean') throw argumentError('storeValue', 'persist', 'true or false', persist)
      return host.store.storeValue(key, value, persist)
    },
    removeValue: (key) => host.store.removeValue(key),
    clearStore: () => host.store.clearStore(),
    reloadStore: host.store.reloadStore,
    async showAlert(message, type = 'success') {
      if (message === undefined) throw argumentError('showAlert', 'message', 'the text to show', message)
      // Appsmith shows an unknown type as info; a type that is not even text is a mistake.
      if (typeof type !== 'string') throw argumentError('showAlert', 'type', "'success', 'info', 'warning' or 'error'", type)
      host.alert(typeof message === 'string' ? message : JSON.stringify(message) ?? String(message), ALERT_TYPES.has(type) ? type : 'info')
    },
    async navigateTo(target, params = {}, mode = 'SAME_WINDOW') {
      if (typeof target !== 'string' || target === '') throw argumentError('navigateTo', 'pageNameOrUrl', 'a page name or a URL', target)
      if (params === null || typeof params !== 'object' || Array.isArray(params)) throw argumentError('navigateTo', 'params', 'an object of query parameters', params)
      if (mode !== 'SAME_WINDOW' && mode !== 'NEW_WINDOW') throw argumentError('navigateTo', 'target', "'SAME_WINDOW' or 'NEW_WINDOW'", mode)
      host.navigate(target, params, mode === 'NEW_WINDOW' ? 'NEW_WINDOW' : 'SAME_WINDOW')
    },
    setInterval(callback, interval, id) {
      if (typeof callback !== 'function') throw argumentError('setInterval', 'callback', 'a function', callback)
      if (typeof interval !== 'number' || !Number.isFinite(interval) || interval < 0) throw argumentError('setInterval', 'interval', 'a number of milliseconds', interval)
      if (id !== undefined && typeof id !== 'string') throw argumentError('setInterval', 'id', 'a string', id)
      const key = id ?? `interval-${++nextInterval}`
      // Appsmith replaces an interval started again under the same id.
      const existing = intervals.get(key)
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
      intervals.set(key, { scope, handle })
      return key
    },
    clearInterval(id) {
      if (typeof id !== 'string') throw argumentError('clearInterval', 'id', 'the id setInterval returned', id)
      const entry = intervals.get(id)
      if (entry !== undefined) entry.scope.clearInterval(entry.handle)
      intervals.delete(id)
    },
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
    async copyToClipboard(text) {
      if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') throw argumentError('copyToClipboard', 'text', 'text', text)
      const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard
      if (clipboard === undefined) throw new Error('copyToClipboard: the clipboard is not available here')
      await clipboard.writeText(String(text))
    },
    async resetWidget(widgetName, resetChildren = true) {
      if (typeof widgetName !== 'string' || widgetName === '') throw argumentError('resetWidget', 'widgetName', 'a widget name', widgetName)
      if (typeof resetChildren !== 'boolean') throw argumentError('resetWidget', 'resetChildren', 'true or false', resetChildren)
      host.resetWidget(widgetName, resetChildren)
    },
    async showModal(modalName) {
      host.setModal(modalNameOf('showModal', modalName), true)
    },
    async closeModal(modalName) {
      host.setModal(modalNameOf('closeModal', modalName), false)
    },
    async postWindowMessage(message, source = 'window', targetOrigin) {
      if (typeof targetOrigin !== 'string' || targetOrigin === '') {
        throw new TypeError('postWindowMessage: give the target origin (for example "https://example.com", or "*")')
      }
      host.postMessage(message, source, targetOrigin)
    },
  }

  return globals
}

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

/** Appsmith passes a modal by name (`showModal('Modal1')`, also `showModal(Modal1.name)`). */
function modalNameOf(fn: string, name: unknown): string {
  if (typeof name !== 'string' || name === '') throw new TypeError(`${fn}: give the modal's name, for example ${fn}('Modal1')`)
  return name
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
