/**
 * The Node half of the benchmark. run.ts bundles this file with esbuild (so the
 * `?jsobject` imports go through the ahead-of-time compile) and imports the bundle.
 * Bindings are measured in Chromium only, against their peers (browser/bindings-page.ts).
 */
import type { Row } from '../report'
import { benchAuth } from './auth'
import { benchErrors } from './errors'
import { benchQueries } from './queries'
import { benchStore } from './store'

export async function runNodeSuite(log: (message: string) => void): Promise<Row[]> {
  const rows: Row[] = []
  rows.push(...(await benchStore(log)))
  rows.push(...(await benchQueries(log)))
  rows.push(...(await benchErrors(log)))
  rows.push(...(await benchAuth(log)))
  return rows
}
