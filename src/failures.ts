/**
 * What the app does when an action fails: an event's code (`ReloadButton.onClick`), a
 * page-load action, or a query run. The developer gets the technical form, on the console
 * (`warn`) and as an {@link ActionError} in `app.errors`; the person using the page gets
 * plain words (a toast, and the text the widget shows). Each clears once the situation is
 * over: the entry when the same action next succeeds, a query's toast when that query does.
 */
import type { AlertType } from './globals'
import { ActionError, describeError } from './errors'
import type { ErrorMap } from './error-map'
import { friendlyMessage } from './friendly-error'
import { untracked } from './reactive'
import { redactSecrets, SECRET_STORE_KEYS } from './redact'

/** One action, as its entry in `app.errors` names it. */
export interface FailedAction {
  /** The entry's key: `action:<label>`, or `query:<name>` for a query (its runs share it). */
  readonly key: string
  /** How the messages name it: `ReloadButton.onClick`, `page-load action getUsers`. */
  readonly what: string
  readonly entity: string
  readonly property: string
  /** The code it ran, or its id. */
  readonly expression: string
}

/** What the reporter needs from its app. */
export interface FailureHost {
  readonly warn: (message: string) => void
  readonly alert: (message: string, type: AlertType, key?: string) => void
  readonly clearAlerts: (key: string) => void
  readonly errors: ErrorMap
  /** The store's values: the secrets now current in it (the tokens) are removed from every message. */
  readonly store: Readonly<Record<string, unknown>>
}

/** The app's failure reporting. */
export interface Failures {
  /** Reports a failed action (console, `app.errors`, a toast); returns the plain words. */
  failed(action: FailedAction, error: unknown): string
  /** The action succeeded: its entry goes. */
  succeeded(key: string): void
  /** A query run ended (`error` undefined when it succeeded): its entry, and its toast once it succeeds. */
  queryRun(name: string, failed: boolean, error?: unknown): void
  /** Leaving a page: the entries of its events and page-load actions, and of the queries `gone` names, go. */
  leavePage(gone: (queryName: string) => boolean): void
}

/** The entry of an event: `List1[2].onClick` is entity `List1[2]`, property `onClick`. */
export function triggerAction(label: string, code: string): FailedAction {
  return at(`action:${label}`, label, label, code)
}

/** The entry of a page-load action: a query's is the query's own (one entry per failing query). */
export function pageLoadAction(id: string, isQuery: boolean): FailedAction {
  const what = `page-load action ${id}`
  return isQuery ? queryAction(id, what) : at(`action:${what}`, what, id, id)
}

function queryAction(name: string, what: string): FailedAction {
  return { key: `query:${name}`, what, entity: name, property: 'run', expression: `${name}.run()` }
}

function at(key: string, what: string, path: string, expression: string): FailedAction {
  const dot = path.lastIndexOf('.')
  return { key, what, entity: path.slice(0, dot), property: path.slice(dot + 1), expression }
}

/** Creates the app's failure reporting. */
export function createFailures(host: FailureHost): Failures {
  // Keys whose toast waits for their query's next success (`query:<name>`).
  const toasts = new Set<string>()
  // Invariant: every key this reporter set in `errors` and did not clear since.
  const reported = new Set<string>()
  // Sets the entry; returns its message, the technical form with secrets removed.
  const report = (action: FailedAction, error: unknown): string => {
    const secrets = untracked(() => SECRET_STORE_KEYS.map((key) => host.store[key]).filter((v): v is string => typeof v === 'string'))
    const message = redactSecrets(`${action.what} failed: ${describeError(error)}`, secrets)
    reported.add(action.key)
    host.errors.set(action.key, new ActionError(message, action.expression, action.entity, action.property))
    return message
  }
  const clear = (key: string): void => {
    if (reported.delete(key)) host.errors.set(key, null)
  }
  return {
    failed(action, error) {
      host.warn(`smithlet: ${report(action, error)}`)
      const friendly = friendlyMessage(error)
      host.alert(friendly.text, 'error', friendly.key)
      if (friendly.key?.startsWith('query:')) toasts.add(friendly.key)
      return friendly.text
    },
    succeeded: clear,
    queryRun(name, failed, error) {
      if (failed) return void report(queryAction(name, `${name}.run()`), error)
      const key = `query:${name}`
      clear(key)
      if (toasts.delete(key)) host.clearAlerts(key)
    },
    leavePage(gone) {
      for (const key of reported) if (key.startsWith('action:') || gone(key.slice(6 /* 'query:' */))) clear(key)
    },
  }
}
