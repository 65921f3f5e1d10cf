/**
 * What a widget shows of the queries its bindings read: loading while one runs, and the
 * plain words for the last failed run (the technical form is in the console). Part of the
 * queries part (./features.ts `query.notice`, set by withQueries): only an app with
 * queries has widgets that read one, so no other carries this.
 */
import { httpText } from './friendly-error'
import type { Query } from './query'

/** Sets `el.loading` while one of `queries` runs; returns the words for the one whose last run failed, or ''. */
export function queryNotice(queries: readonly Query[], el: { loading?: boolean }): string {
  const loading = queries.some((q) => q.isLoading)
  el.loading = loading
  const failed = loading ? undefined : queries.find((q) => q.responseMeta?.isExecutionSuccess === false)
  return failed === undefined ? '' : httpText(failed.responseMeta!.statusCode)
}
