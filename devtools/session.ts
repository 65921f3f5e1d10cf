/**
 * A devtools session: the {@link Inspector} an app reports to, and the state the panel
 * shows — bindings with their source locations, the query log, the page-load log — as
 * signals, so the panel re-renders when they change.
 *
 * Logs are bounded (a page that polls a query every second keeps the newest runs), and the
 * session keeps only what it may show: query URLs with their query-string values masked,
 * bodies as parsed by the runtime (masked again when rendered).
 */
import type { BindingRecord, Inspector, PageLoadRecord, QueryRunOutcome, QueryRunRecord } from '../src/inspect'
import { signal, type ReadonlySignal } from '../src/reactive'

/** Query runs kept in the log. */
export const QUERY_LOG_LIMIT = 200

/** One query run in the log. */
export interface QueryLogEntry extends Omit<QueryRunRecord, 'url'> {
  /** The URL's path with every query-string value masked: `/api/rows?page=•&q=•`. */
  readonly path: string
  /** `undefined` while the run is in flight. */
  readonly outcome: QueryRunOutcome | undefined
}

/** The live state of one devtools session. */
export interface DevtoolsSession {
  readonly inspector: Inspector
  /** Bindings by key (`Widget.property`). */
  readonly bindings: ReadonlySignal<ReadonlyMap<string, BindingRecord>>
  /** Newest last. */
  readonly queries: ReadonlySignal<readonly QueryLogEntry[]>
  /** In the order the actions finished. */
  readonly pageLoad: ReadonlySignal<readonly PageLoadRecord[]>
  /** Forgets the logs (not the bindings). */
  clearLogs(): void
}

/** Creates a session; pass `session.inspector` as the app's `inspector` option. */
export function createDevtoolsSession(): DevtoolsSession {
  const bindings = signal<ReadonlyMap<string, BindingRecord>>(new Map())
  const queries = signal<readonly QueryLogEntry[]>([])
  const pageLoad = signal<readonly PageLoadRecord[]>([])

  // Bindings arrive one per property during mount: collect them and publish once per
  // microtask, so mounting 10,000 bindings does not copy the map 10,000 times.
  let pending: Map<string, BindingRecord> | null = null
  const publish = (): void => {
    if (pending === null) return
    bindings.value = pending
    pending = null
  }
  const draft = (): Map<string, BindingRecord> => {
    if (pending === null) {
      pending = new Map(bindings.peek())
      queueMicrotask(publish)
    }
    return pending
  }

  const inspector: Inspector = {
    binding(record) {
      draft().set(record.key, record)
    },
    bindingRemoved(key) {
      draft().delete(key)
    },
    queryRun(record) {
      const { url, ...rest } = record
      const entry: QueryLogEntry = { ...rest, path: maskedPath(url), outcome: undefined }
      queries.value = [...queries.peek(), entry].slice(-QUERY_LOG_LIMIT)
      return (outcome) => {
        queries.value = queries.peek().map((e) => (e === entry ? { ...entry, outcome } : e))
      }
    },
    pageLoad(record) {
      pageLoad.value = [...pageLoad.peek(), record]
    },
  }

  return {
    inspector,
    bindings,
    queries,
    pageLoad,
    clearLogs() {
      queries.value = []
      pageLoad.value = []
    },
  }
}

/**
 * The part of a URL the query log shows: its path and query-string keys, every value
 * replaced by `•` (values may carry tokens: `?authtoken=…`). Credentials and the fragment
 * are dropped; the origin is kept only when it is not the page's.
 */
export function maskedPath(url: string, pageOrigin?: string): string {
  let parsed: URL
  try {
    parsed = new URL(url, pageOrigin ?? 'http://invalid.localhost')
  } catch {
    return '(unparsable URL)'
  }
  const keys = [...parsed.searchParams.keys()]
  const query = keys.length === 0 ? '' : `?${keys.map((k) => `${encodeURIComponent(k)}=•`).join('&')}`
  const origin = pageOrigin !== undefined && parsed.origin !== pageOrigin && parsed.origin !== 'http://invalid.localhost' ? parsed.origin : ''
  return `${origin}${parsed.pathname}${query}`
}
