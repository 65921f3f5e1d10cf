/**
 * An app folder built by `smithlet build` and served from a plain static server under the
 * strict CSP, as the e2e checks of built apps run it (test/e2e/pay-for-use.test.ts,
 * test/e2e/icons.test.ts).
 */
import { join } from 'node:path'
import { expect } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { STRICT_CSP } from '../../src/build/page-shell'
import { appFolder } from '../support/feature-apps'
import { startStaticServer } from '../support/static-server'
import type { StaticServer } from '../support/static-server'

/** Writes `files` as the app folder `<tmp>/<name>`, builds it into `<tmp>/<name>-dist` (no warnings) and serves that. */
export async function serveBuiltApp(tmp: string, name: string, files: Readonly<Record<string, string>>): Promise<StaticServer> {
  const dir = await appFolder(join(tmp, name), files)
  const result = await buildApp({ dir, outdir: join(tmp, `${name}-dist`) })
  expect(result.warnings).toEqual([])
  return startStaticServer(result.outdir, { 'Content-Security-Policy': STRICT_CSP })
}
