import { describeError } from './errors'
import type { DataReference } from './compiled-code'
import { brokenJSObjectError, jsFunctionDataReferences } from './js-object'
import { withCause, type Inspector } from './inspect'
import { dataReferencesOf } from './precompiled'
import { feature } from './features'
import type { Query } from './query'

/** An action flagged to run on page load: a query or a JS function. */
export interface PageLoadAction {
  /** `getusers_API` or `PageHooks.onPageLoad`. */
  readonly id: string
  /** The `X.data` / `X.fn.data` paths it reads: its compiled templates' or its function's. */
  readonly references: readonly DataReference[]
  run(): Promise<unknown>
}

/** A cycle among page-load actions; the message names it. */
export class PageLoadCycleError extends Error {
  override readonly name = 'PageLoadCycleError'
  constructor(readonly cycle: readonly string[]) {
    super(`page-load actions depend on each other in a cycle: ${cycle.join(' → ')}`)
  }
}

/**
 * The actions to run on page load: every id in `ids` (a query name or a `JSObject.function`
 * path) resolved against the app's queries and the scope's names. An id that is neither
 * is an error naming it, raised before anything runs.
 */
export function pageLoadActions(
  ids: Iterable<string>,
  queries: ReadonlyMap<string, Query>,
  names: Readonly<Record<string, unknown>>,
): PageLoadAction[] {
  const actions: PageLoadAction[] = []
  for (const id of new Set(ids)) {
    const query = queries.get(id)
    if (query) {
      actions.push({ id, references: feature('query', 'queries').dataReferences(query.config), run: () => query.run() })
      continue
    }
    const [objectName, fnName, ...rest] = id.split('.')
    // A JS object in error: its page-load function fails as an action, reported like any other.
    const broken = objectName ? brokenJSObjectError(names[objectName]) : undefined
    if (broken !== undefined) {
      actions.push({ id, references: [], run: () => Promise.reject(broken) })
      continue
    }
    const fn = rest.length === 0 && objectName && fnName ? (names[objectName] as Record<string, unknown> | undefined)?.[fnName] : undefined
    if (typeof fn !== 'function') throw new Error(`page-load action "${id}" is neither a query nor a JS object function`)
    // Found at build time for a JS object compiled ahead of time; else read from the
    // function's source (its wrapper forwards toString) by the run-time compiler.
    const references = jsFunctionDataReferences(fn) ?? dataReferencesOf(String(fn))
    actions.push({ id, references, run: async () => (fn as () => unknown)() })
  }
  return actions
}

/**
 * Orders actions in levels: an action that reads another's `.data` runs in a later
 * level than it. Throws {@link PageLoadCycleError} for a cycle.
 */
export function planPageLoad(actions: readonly PageLoadAction[]): string[][] {
  const ids = new Set(actions.map((a) => a.id))
  const deps = new Map<string, Set<string>>()
  for (const action of actions) {
    const mine = new Set<string>()
    for (const ref of action.references) {
      for (const candidate of [ref.path, ref.entity]) {
        if (candidate !== action.id && ids.has(candidate)) mine.add(candidate)
      }
    }
    deps.set(action.id, mine)
  }
  const levels: string[][] = []
  const done = new Set<string>()
  while (done.size < ids.size) {
    const level = [...ids].filter((id) => !done.has(id) && [...deps.get(id)!].every((d) => done.has(d)))
    if (level.length === 0) throw new PageLoadCycleError(findCycle(deps, done))
    for (const id of level) done.add(id)
    levels.push(level)
  }
  return levels
}

function findCycle(deps: Map<string, Set<string>>, done: Set<string>): string[] {
  const start = [...deps.keys()].find((id) => !done.has(id))!
  const path: string[] = []
  const seen = new Map<string, number>()
  let current = start
  while (!seen.has(current)) {
    seen.set(current, path.length)
    path.push(current)
    current = [...deps.get(current)!].find((d) => !done.has(d))!
  }
  return [...path.slice(seen.get(current)), current]
}

/**
 * Runs the levels in order, each level's actions at once. A failing action is
 * reported and does not stop later levels; one that succeeds is reported too (its
 * earlier failure is over).
 */
export async function runPageLoad(
  levels: readonly (readonly string[])[],
  actions: readonly PageLoadAction[],
  /** Told how each action ended: `failed`, with its error (the app reports it). */
  report: (id: string, failed: boolean, error?: unknown) => void,
  /** Told of each action as it ends (the devtools' page-load view; development builds only). */
  inspector?: Inspector,
): Promise<void> {
  const byId = new Map(actions.map((a) => [a.id, a]))
  for (const [index, level] of levels.entries()) {
    await Promise.all(
      level.map(async (id) => {
        const startedAt = (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) ? performance.now() : 0
        let error: unknown
        let failed = false
        try {
          const run = (): Promise<unknown> => byId.get(id)!.run()
          // The cause is for the devtools' query log (./inspect.ts): development builds only.
          await (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__ ? withCause(`page load, level ${index}: ${id}`, run) : run())
        } catch (cause) {
          failed = true
          error = cause
        }
        report(id, failed, error)
        if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) inspector?.pageLoad?.({
          id,
          level: index,
          startedAt,
          durationMs: performance.now() - startedAt,
          outcome: failed ? 'error' : 'ok',
          ...(failed ? { error: describeError(error) } : {}),
        })
      }),
    )
  }
}

/**
 * Runs a page's `onPageUnload` actions (`JSObject.fn`) as it is left, before it is
 * disposed: each is started and not awaited (the next page does not wait); one that is
 * not a JS object function, or fails, is a warning naming it.
 */
export function runPageUnload(ids: readonly string[], names: Readonly<Record<string, unknown>>, page: string, warn: (message: string) => void): void {
  for (const id of ids) {
    const [objectName, fnName] = id.split('.')
    const fn = objectName && fnName ? (names[objectName] as Record<string, unknown> | undefined)?.[fnName] : undefined
    if (typeof fn !== 'function') {
      warn(`smithlet: onPageUnload action "${id}" of page ${page} is not a JS object function`)
      continue
    }
    try {
      const result = (fn as () => unknown)()
      if (result instanceof Promise) result.catch((error: unknown) => warn(`smithlet: onPageUnload ${id} failed: ${describeError(error)}`))
    } catch (error) {
      warn(`smithlet: onPageUnload ${id} failed: ${describeError(error)}`)
    }
  }
}
