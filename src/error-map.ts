/**
 * The app's binding errors, one per `Widget.property`. A change costs O(1): 10,000
 * bindings failing at once must not copy the map 10,000 times (issue 12). Readers that
 * need to react (devtools) track `version`; `list()` copies only when asked.
 */
import type { BindingError } from './errors'
import { signal } from './reactive'

/** The error list behind `app.errors`. */
export interface ErrorMap {
  /** Sets (`error`) or clears (`null`) the error of one key; a no-op when nothing changes. */
  set(key: string, error: BindingError | null): void
  /** The current errors, in the order they first appeared; tracked by reactive readers. */
  list(): BindingError[]
  /** How many errors there are now. */
  readonly size: number
}

/** Creates an empty error map. */
export function createErrorMap(): ErrorMap {
  // Invariant: `errors` holds exactly the keys whose latest report was an error.
  const errors = new Map<string, BindingError>()
  // Bumped on every change, so a reactive reader of list() re-runs.
  const version = signal(0)
  return {
    set(key, error) {
      if (error === null) {
        if (!errors.delete(key)) return
      } else {
        if (errors.get(key) === error) return
        errors.set(key, error)
      }
      version.value = version.peek() + 1 // peek: a write from inside an effect must not track it
    },
    list() {
      void version.value
      return [...errors.values()]
    },
    get size() {
      return errors.size
    },
  }
}

/**
 * The error list of an app whose host never reads one: a production build's entry, where
 * `app.errors` is host API left out of the bundle (src/dev-mode.d.ts). Every error still
 * reaches the console and the widget it belongs to; only the list nobody reads is not kept.
 */
export const UNREAD_ERRORS: ErrorMap = { set() {}, list: () => [], size: 0 }
