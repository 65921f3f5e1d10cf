/**
 * What the runtime tells a debugger (the devtools panel) while an app runs.
 *
 * An app created with `options.inspector` reports its bindings as mount creates them, each
 * query run, and each page-load action; without one, every report point is a single
 * `undefined` check. The runtime never formats or keeps these records itself: what to keep,
 * mask and show is the inspector's business (devtools/).
 */

/** A binding the runtime evaluates: one property of one widget. */
export interface BindingRecord {
  /** `Widget.property`, the key of `app.errors` entries. */
  readonly key: string
  readonly widget: string
  readonly property: string
  /** The attribute text as written. */
  readonly template: string
  /** The widget element, to highlight it. */
  readonly element: Element
  /** `file:line:col` of the binding in its page, when the build recorded it. */
  readonly location: string | undefined
  /**
   * Evaluates the binding once more the way the runtime does; the inspector calls it to
   * learn which signals it reads.
   */
  readonly evaluate: () => unknown
}

/** Who started an action: a page-load level, a widget event, a JS function, code. */
export type Cause = string

/** One query run, as the runtime saw it. */
export interface QueryRunRecord {
  readonly name: string
  readonly method: string
  /** The request URL (the inspector masks its query string values). */
  readonly url: string
  readonly cause: Cause
  readonly startedAt: number
}

/** How a query run ended. */
export interface QueryRunOutcome {
  /** HTTP status, or `null` when there was no response. */
  readonly status: number | null
  readonly ok: boolean
  readonly durationMs: number
  /** Characters of the response body as received, when known. */
  readonly size: number | null
  /** The parsed body (`Q.data`), or `undefined`. */
  readonly body: unknown
  /** The error's message when the run failed. */
  readonly error?: string
}

/** One page-load action, as it ran. */
export interface PageLoadRecord {
  readonly id: string
  /** 0-based level: an action runs after every action of the levels before it. */
  readonly level: number
  readonly startedAt: number
  readonly durationMs: number
  readonly outcome: 'ok' | 'error'
  readonly error?: string
}

/** The receiving end of the reports; every method is optional to implement. */
export interface Inspector {
  binding?(record: BindingRecord): void
  /** Unregisters a binding (its widget was unmounted). */
  bindingRemoved?(key: string): void
  /** A query run starts; the returned function is called once with its outcome. */
  queryRun?(record: QueryRunRecord): ((outcome: QueryRunOutcome) => void) | void
  pageLoad?(record: PageLoadRecord): void
}

let currentCause: Cause | undefined

/**
 * Runs `fn` with `cause` as the reason for every action it starts synchronously. Triggers,
 * page-load and JS functions set it, so the query log can say who ran a query; an action
 * started after an `await` keeps the cause of the last trigger that started.
 */
export function withCause<T>(cause: Cause, fn: () => T): T {
  const previous = currentCause
  currentCause = cause
  try {
    return fn()
  } finally {
    lastCause = cause
    currentCause = previous
  }
}

let lastCause: Cause | undefined

/** The cause of an action starting now. */
export function causeNow(): Cause {
  return currentCause ?? (lastCause === undefined ? 'code' : `${lastCause} (after an await)`)
}
