/**
 * ./app-page-load.ts for a built app with no page-load action, `runOnPageLoad` query nor
 * module (src/build/app-features.ts `runsPageLoad` decides; src/build/esbuild-plugin.ts
 * swaps this in): app.runPageLoad then has nothing to run and never calls it. The build
 * saw all of the app's definitions; were it called anyway, it is an error naming the part.
 */
import { notInBuild } from './features'
import type { runAppPageLoad as run } from './app-page-load'

/** Refuses: no page-load action runs in this build. */
export const runAppPageLoad: typeof run = () => {
  throw notInBuild('page-load actions')
}
