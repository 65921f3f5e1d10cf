/**
 * ./failures.ts for a built app in which no action can fail: no event handler (`on-…`),
 * query, page-load or page-unload action, nor module (src/build/app-features.ts
 * `reportsFailures` decides; src/build/esbuild-plugin.ts swaps this in). The app then
 * carries no failure reporting: no ActionError, plain words or redaction. The build saw
 * all of the app's code, so none of this runs; were an action to start anyway (code that
 * writes an `on-…` attribute the build could not see), it is an error naming the missing
 * part, before the action's code runs.
 */
import { notInBuild } from './features'
import type { FailedAction, FailureHost, Failures } from './failures'

function none(): never {
  throw notInBuild('event handlers')
}

/** Refuses: no event handler runs in this build. */
export const triggerAction: (label: string, code: string) => FailedAction = none

/** Refuses: no page-load action runs in this build. */
export const pageLoadAction: (id: string, isQuery: boolean) => FailedAction = none

/** Reports that refuse every action; leaving a page has nothing to clear. */
export function createFailures(_host: FailureHost): Failures {
  return { failed: none, succeeded: none, queryRun: none, leavePage: () => undefined }
}
