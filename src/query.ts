import { diagnose, inDataBinding } from './diagnostics'
import { causeNow, type Inspector, type QueryRunOutcome } from './inspect'
import { buildRequest, compileRequest, invalidRequest } from './query-request'
import { compileTemplate } from './template-compile'
import { templateDataReferences } from './template-parts'
import type { DataReference, Resolver } from './compiled-code'
import { QueryError } from './errors'
import { batch, globalTimers, signal, type Timers } from './reactive'
import { classifyNetworkError, describeNetworkFailure } from './network-error'

/** The HTTP methods a query may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'
/** How a query's body is encoded: a JSON or text template, or form / multipart fields. */
export type BodyType = 'json' | 'form' | 'multipart' | 'text' | 'none'

/** A named REST query, as Appsmith's API editor holds it. Every string may hold bindings. */
export interface QueryDefinition {
  readonly name: string
  readonly method?: HttpMethod
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** The query string; values are URL-encoded. */
  readonly params?: Readonly<Record<string, string>>
  /**
   * A template for json and text bodies; a map of field templates for form and multipart,
   * or (smithlet addition) one binding that evaluates to an object of fields.
   */
  readonly body?: string | Readonly<Record<string, string>>
  /** Defaults to `json` when a body is given, else `none`. */
  readonly bodyType?: BodyType
  /** Aborts the request after this long (default 10,000 ms). */
  readonly timeoutMs?: number
  readonly runOnPageLoad?: boolean
  /** Smart JSON substitution (default on); off substitutes bindings as plain text. */
  readonly smartSubstitution?: boolean
  /**
   * An imported query of an Appsmith plugin that runs on a server (`postgres-plugin`,
   * `mysql-plugin`, `google-sheets-plugin`…): every run rejects with an error naming it.
   */
  readonly plugin?: string
}

/** `Q.responseMeta`, as in Appsmith. */
export interface ResponseMeta {
  readonly statusCode: number
  readonly isExecutionSuccess: boolean
  readonly headers: Readonly<Record<string, string>>
}

/** The query entity bindings and code see as `Q`. */
export interface Query {
  readonly name: string
  readonly config: QueryDefinition
  /** The latest run's response body. */
  readonly data: unknown
  readonly responseMeta: ResponseMeta | undefined
  readonly isLoading: boolean
  /** Runs the query; `params` are `this.params` in its bindings. */
  run(params?: Readonly<Record<string, unknown>>): Promise<unknown>
  /** Resets `data` and `responseMeta`. */
  clear(): void
}

/** What a query needs from its app. */
export interface QueryContext {
  readonly resolve: Resolver
  readonly fetch: typeof fetch
  /** Base for relative URLs (the page's URL in a browser). */
  readonly baseUrl: string | undefined
  /** Told of every run (the devtools' query log); absent in production. */
  readonly inspector?: Inspector
  /** Schedules the time limit. Default: the environment's timers. */
  readonly timers?: Pick<Timers, 'setTimeout' | 'clearTimeout'>
  /** Told how every run ended (the app's error list): `failed`, with the error it rejects with. */
  readonly onSettled?: (name: string, failed: boolean, error?: unknown) => void
}

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * The `X.data` reads of every templated field of a query (url, headers, params, body), in
 * that order: what page-load ordering needs, from the fields' compiled templates.
 */
export function queryDataReferences(definition: QueryDefinition): DataReference[] {
  const { url, headers, params, body } = definition
  const fields = [url, ...Object.values(headers ?? {}), ...Object.values(params ?? {}),
    ...(typeof body === 'string' ? [body] : Object.values(body ?? {}))]
  return fields.flatMap((field) => templateDataReferences(compileTemplate(field)))
}

/** Creates a query entity. Fields are compiled once and evaluated at each run. */
export function createQuery(definition: QueryDefinition, context: QueryContext): Query {
  const { name } = definition
  const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timers = context.timers ?? globalTimers
  // Invariant: compiled once, from the definition; every run evaluates it afresh with its params.
  const request = compileRequest(definition)
  const invalid = (message: string, cause?: unknown): QueryError => invalidRequest(name, message, cause)

  // Invariant: the body of the newest run that got a response (`latestRun` at its start), or undefined after clear().
  const data = signal<unknown>(undefined, { name: `${name}.data` })
  // Invariant: written in one batch with `data`, or alone when the newest run failed without a body.
  const responseMeta = signal<ResponseMeta | undefined>(undefined, { name: `${name}.responseMeta` })
  // Invariant: the runs started and not yet settled (never negative); `isLoading` is inFlight > 0.
  const inFlight = signal(0, { name: `${name}.isLoading` })
  // Invariant: the id of the newest run (clear() bumps it too); only that run writes `data`/`responseMeta`.
  let latestRun = 0

  const run = async (runParams?: Readonly<Record<string, unknown>>): Promise<unknown> => {
    const settled = context.onSettled
    if (settled === undefined) return attempt(runParams)
    try {
      const value = await attempt(runParams)
      settled(name, false)
      return value
    } catch (error) {
      settled(name, true, error)
      throw error
    }
  }

  const attempt = async (runParams: Readonly<Record<string, unknown>> = {}): Promise<unknown> => {
    if (definition.plugin !== undefined) {
      throw new QueryError(
        `${name}: this query uses Appsmith's ${definition.plugin}, which runs on a server; smithlet runs REST APIs in the browser (rewrite it as a REST query against an API)`,
        name, 0, 'invalid_request')
    }
    if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && inDataBinding()) diagnose('query-in-binding', `${name}.run() was called from a data binding; bindings read ${name}.data, and events or page load run ${name}`)
    const runId = ++latestRun
    // peek, not a read: a run started inside a computed must not subscribe it to isLoading
    // (a binding that calls Q.run() would otherwise re-run the query on its own change).
    inFlight.value = inFlight.peek() + 1
    const controller = new AbortController()
    // Invariant: true only once the time limit fired, before it aborted the request.
    let timedOut = false
    const timer = timers.setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    let response: Response | undefined
    // The devtools' report of this run, when an inspector listens (development builds only:
    // `smithlet build` compiles the reporting out). Invariant: called at most once (then undefined).
    let report: ((outcome: QueryRunOutcome) => void) | undefined
    let reportStart = 0
    // Invariant: null until the body is read for a listening inspector (onSize is set only then).
    let size: number | null = null
    let onSize: ((bytes: number) => void) | undefined
    try {
      let built: { url: URL; init: RequestInit }
      try {
        built = buildRequest(request, context, { params: runParams })
      } catch (cause) {
        // A value JSON cannot write (a BigInt, a cycle) surfaces as a TypeError; it is
        // still a request that could not be built, and the caller expects a QueryError.
        throw cause instanceof QueryError ? cause : invalid(`the request could not be built: ${(cause as Error)?.message ?? String(cause)}`, cause)
      }
      const { url: target, init } = built
      init.signal = controller.signal
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && context.inspector?.queryRun) {
        reportStart = performance.now()
        report = context.inspector.queryRun({ name, method: request.method, url: target.href, cause: causeNow(), startedAt: reportStart }) ?? undefined
        if (report) onSize = (n) => (size = n)
      }
      try {
        response = await context.fetch(target.href, init)
      } catch (cause) {
        // The fetch's own error is neither copied nor kept as `cause`: its text may hold the URL.
        if (timedOut) throw new QueryError(`${name}: no response within ${timeoutMs} ms; the request was aborted`, name, 0, 'timeout', undefined, { reason: 'timeout' })
        const failure = classifyNetworkError(cause)
        const kind = failure.reason === 'timeout' ? 'timeout' : failure.reason === 'aborted' ? 'aborted' : 'network'
        throw new QueryError(`${name}: the request failed: ${describeNetworkFailure(failure)}`, name, 0, kind, undefined, { reason: failure.reason })
      }
      const status = response.status
      let parsed: unknown
      try {
        parsed = await readBody(response, onSize)
      } catch (cause) {
        if (timedOut) {
          throw new QueryError(`${name}: the response did not finish within ${timeoutMs} ms`, name, status, 'timeout', undefined, { reason: 'timeout' })
        }
        // Reading the body failed mid-way: a network failure, whose text is not ours to copy.
        const failure = classifyNetworkError(cause)
        throw new QueryError(`${name}: the response could not be read: ${describeNetworkFailure(failure)} (status ${status})`, name, status, 'invalid_response', undefined, { reason: failure.reason })
      }
      if (runId === latestRun) {
        const meta = responseMetaOf(response)
        batch(() => {
          data.value = parsed
          responseMeta.value = meta
        })
      }
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && report) {
        report({ status, ok: response.ok, durationMs: performance.now() - reportStart, size, body: parsed })
        report = undefined
      }
      // A 3xx that fetch did not follow (it has no Location) is an answer, as in Appsmith.
      if (!response.ok && !isUnfollowedRedirect(response)) {
        throw new QueryError(`${name} failed with status ${status}${response.statusText ? ` ${response.statusText}` : ''}`, name, status, 'http', parsed)
      }
      return parsed
    } catch (error) {
      if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) report?.({ status: response?.status ?? null, ok: false, durationMs: performance.now() - reportStart, size, body: undefined, error: (error as Error)?.message })
      if (runId === latestRun && !(error instanceof QueryError && error.kind === 'http')) {
        responseMeta.value = response ? { ...responseMetaOf(response), isExecutionSuccess: false } : { statusCode: 0, isExecutionSuccess: false, headers: {} }
      }
      throw error
    } finally {
      timers.clearTimeout(timer)
      inFlight.value = inFlight.peek() - 1
    }
  }

  return {
    name,
    config: definition,
    get data() {
      return data.value
    },
    get responseMeta() {
      return responseMeta.value
    },
    get isLoading() {
      return inFlight.value > 0
    },
    run,
    clear() {
      latestRun++
      batch(() => {
        data.value = undefined
        responseMeta.value = undefined
      })
    },
  }
}

async function readBody(response: Response, onSize?: (characters: number) => void): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  const raw = await response.text()
  onSize?.(raw.length)
  if (!/\bjson\b|\+json/i.test(type)) return raw
  if (raw.trim() === '') return null
  try {
    return JSON.parse(raw)
  } catch {
    // Appsmith keeps such a body as text in `data` rather than failing the run.
    return raw
  }
}

function isUnfollowedRedirect(response: Response): boolean {
  return response.status >= 300 && response.status < 400 && !response.headers.has('location')
}

/** `responseMeta` for a response; the header record is built on first read, off the hot path. */
function responseMetaOf(response: Response): ResponseMeta {
  let headers: Record<string, string> | undefined
  return {
    statusCode: response.status,
    isExecutionSuccess: response.ok || isUnfollowedRedirect(response),
    get headers() {
      return (headers ??= headerRecord(response.headers))
    },
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}
