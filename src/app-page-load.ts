/**
 * An app's page-load run (`app.runPageLoad`, after each mount): the modules' own page-load
 * functions first, in order, then the app's and the page's page-load actions and
 * `runOnPageLoad` queries, ordered by the `.data` they read (./page-load.ts), each
 * outcome reported as a failure or a success. A module of its own so that `smithlet build`
 * can leave it out of an app with nothing to run on page load (no page-load action,
 * `runOnPageLoad` query nor module): it gives ./app-page-load-none.ts instead
 * (src/build/esbuild-plugin.ts REPLACED).
 */
import type { AppDefinition } from './app-types'
import { pageLoadAction, type Failures } from './failures'
import { feature } from './features'
import type { Inspector } from './inspect'
import type { Query } from './query'

/**
 * Runs the modules' page-load functions, then the actions `ids` names (the app's and the
 * mounted page's page-load actions and `runOnPageLoad` queries), in the order of the data they read.
 */
export async function runAppPageLoad(
  ids: readonly string[],
  /** The app's modules (the generated entry gives `{}` for none). */
  modules: AppDefinition['modules'],
  /** The query entities in scope, by name. */
  queries: ReadonlyMap<string, Query>,
  names: Readonly<Record<string, unknown>>,
  failures: Failures,
  inspector: Inspector | undefined,
): Promise<void> {
  const report = (id: string, failed: boolean, error?: unknown): void => {
    const action = pageLoadAction(id, queries.has(id))
    if (failed) failures.failed(action, error)
    else failures.succeeded(action.key)
  }
  // Modules' own page-load functions first, in order: an OpenID Connect callback stores
  // its tokens before any app action asks for one.
  if (modules !== undefined && Object.keys(modules).length > 0) await feature('module', 'modules').pageLoad(modules, names, report)
  if (ids.length === 0) return
  const pageLoad = feature('pageLoad', 'page-load actions')
  const actions = pageLoad.actions(ids, queries, names)
  await pageLoad.run(pageLoad.plan(actions), actions, report, inspector)
}
