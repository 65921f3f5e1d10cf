import type { NetworkReason } from './network-error'

/**
 * The error value a binding yields when it throws or fails to parse. It is a value,
 * not an exception: it lands on the one property it belongs to and in the app's
 * error list, and the page keeps working.
 */
export class BindingError extends Error {
  override readonly name: string = 'BindingError'
  /** What failed: a binding (`binding`), or an event, page-load action or query run (`action`, {@link ActionError}). */
  readonly kind: 'binding' | 'action' = 'binding'
  constructor(
    message: string,
    /** The binding's source text. */
    readonly expression: string,
    /** Where it is bound, e.g. `Table1` and `tableData`, when known. */
    readonly entity?: string,
    readonly property?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/**
 * A {@link BindingError} made without capturing a stack trace: its `stack` is its first line
 * only (`BindingError: TypeError: …`). For the errors a binding's evaluation yields, the
 * frames the engine would capture are the runtime's own (the evaluator and the effect loop,
 * never the user's code), and capturing them — then formatting them, through source maps
 * when a debugger or `--enable-source-maps` is on — was about a third of the time 10,000
 * bindings failing at once block the page. What the user's code threw stays the `cause`,
 * with its own stack; where the binding is written (file:line:col in the devtools) comes
 * from the build's source locations (src/build/source-locations.ts), not from a stack.
 */
export function stacklessBindingError(message: string, expression: string, entity: string | undefined, property: string | undefined, cause: unknown): BindingError {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new BindingError(message, expression, entity, property, { cause })
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * A failed action in the app's error list: an event's code (`ReloadButton.onClick`), a
 * page-load action or a query run. Its message is the technical form the console gets
 * (`ReloadButton.onClick failed: QueryError: …`), with secrets and URL query strings
 * removed; the person using the page is told in plain words instead (src/friendly-error.ts).
 * `entity` and `property` name where it happened (`ReloadButton`, `onClick`; `getUsers`, `run`).
 */
export class ActionError extends BindingError {
  override readonly name: string = 'ActionError'
  override readonly kind = 'action'
}

/** Why a query run failed: the server's status, or a failure before any status. */
export type QueryFailure = 'http' | 'network' | 'timeout' | 'invalid_response' | 'invalid_request' | 'aborted'

/**
 * What `Q.run()` rejects with. `statusCode` is the HTTP status, or 0 when no response
 * arrived (network failure, timeout, a request that could not be built).
 */
export class QueryError extends Error {
  override readonly name = 'QueryError'
  constructor(
    message: string,
    readonly query: string,
    readonly statusCode: number,
    readonly kind: QueryFailure,
    /** The parsed response body, when there was one. */
    readonly body?: unknown,
    options?: { cause?: unknown; reason?: NetworkReason },
  ) {
    super(message, options)
    this.reason = options?.reason
  }

  /** Why no response arrived (`refused`, `dns`, `tls`, `reset`, `timeout`, `aborted`, `unreachable`). */
  readonly reason?: NetworkReason
}

/** True for any value that behaves like a Promise. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/** `Name: message` of an error, for warnings and wrapped messages; `String(cause)` for anything else. */
export function describeError(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  return String(cause)
}

/** How a value reads in an argument error: `undefined`, `null`, `an array`, `a string`. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  if (value === '') return 'an empty string'
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN'
  const type = typeof value
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/**
 * The TypeError of a call given the wrong argument: names the function, the argument,
 * what it takes and what it got (never the value itself, which may be a secret).
 */
export function argumentError(fn: string, argument: string, expected: string, got: unknown): TypeError {
  return new TypeError(`${fn}: ${argument} must be ${expected}, got ${typeName(got)}`)
}
