/**
 * Size budgets, as idb-keyval keeps them: the gzipped bundle of the runtime, of
 * everything the runtime and the widgets export (Lit included) — each as the plain
 * `smithlet` entry ships it (with the run-time compiler, for hand-written hosts) and as a
 * `smithlet build` app ships it (compiled ahead of time: no scanner, no compiler) — and
 * the starter app's build (`smithlet create` + `smithlet build`) and small built apps (one
 * text bound to the store: what every app pays; a text and a button) must each stay under
 * its budget. The budget sits just above today's size; lower it whenever a change shrinks the bundle, so that growth is a
 * decision someone makes in review, not an accident. The figures behind it, and the
 * peers', are in `npm run bench`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { createApp } from '../../src/cli/create'
import { gzippedBundle } from '../support/gzip-bundle'
import { BUTTON_APP, MINIMAL_APP, appFolder } from '../support/feature-apps'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The starter app's build (`smithlet create` then `smithlet build`): its JS and CSS, KB gzipped. */
const STARTER_BUDGET_KB = 49.0
/**
 * Built apps of test/support/feature-apps.ts, JS and CSS, KB gzipped: the smallest (one text
 * bound to the store: what every app pays) and a text + button (a button without an icon
 * ships no icon paths).
 */
const BUILT_APPS: ReadonlyArray<readonly [name: string, files: Readonly<Record<string, string>>, kb: number]> = [
  ['a minimal built app (text bound to the store)', MINIMAL_APP, 12.10],
  ['a text + button built app', BUTTON_APP, 19.98],
]

// What the entry `smithlet build` generates imports of the runtime: startApp and the seeds,
// here with every optional part installed (an app installs only those it uses).
const AOT_RUNTIME = "export { startApp } from './src/pages'\nexport { seedCompiled } from './src/precompiled'\nimport './src/all-features'\n"

/** What is measured, and its budget in KB gzipped (1 KB = 1,024 bytes). */
const BUDGETS: ReadonlyArray<readonly [name: string, entry: string, kb: number]> = [
  ['the runtime (src/index)', "export * from './src/index'\n", 29.15],
  ['runtime + widgets + lit', "export * from './src/index'\nexport * from './widgets/index'\n", 75.25],
  ['the runtime of a built app, every part (no run-time compiler)', AOT_RUNTIME, 23.15],
  ['runtime + widgets + lit of a built app, every part', `${AOT_RUNTIME}export * from './widgets/index'\n`, 69.1],
]

describe('size budgets', () => {
  for (const [name, entry, kb] of BUDGETS) {
    it(`${name} stays under ${kb} KB gzipped`, async () => {
      const size = (await gzippedBundle(ROOT, entry)).gzip
      const message = `${name} is ${(size / 1024).toFixed(2)} KB gzipped, over its ${kb} KB budget (if the growth is wanted, e.g. a new widget, raise the budget here and say why in the commit)`
      expect(size, message).toBeLessThanOrEqual(kb * 1024)
    })
  }

  for (const [name, files, kb] of BUILT_APPS) {
    it(`${name}: JS + CSS stays under ${kb} KB gzipped`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'smithlet-size-'))
      try {
        const { files: built } = await buildApp({ dir: await appFolder(join(dir, 'app'), files), outdir: join(dir, 'dist') })
        const size = built.filter((f) => /\.(m?js|css)$/.test(f.name)).reduce((sum, f) => sum + f.gzip, 0)
        expect(size, `${name}'s build is ${(size / 1024).toFixed(2)} KB gzipped, over its ${kb} KB budget`).toBeLessThanOrEqual(kb * 1024)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  }

  it(`the starter app's build (JS + CSS) stays under ${STARTER_BUDGET_KB} KB gzipped`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smithlet-size-'))
    try {
      const app = await createApp(join(dir, 'starter'))
      const { files } = await buildApp({ dir: app, outdir: join(dir, 'dist') })
      const shipped = files.filter((f) => /\.(m?js|css)$/.test(f.name))
      expect(shipped.length, 'the build wrote no JS or CSS').toBeGreaterThan(0)
      const size = shipped.reduce((sum, f) => sum + f.gzip, 0)
      const message = `the starter's build is ${(size / 1024).toFixed(2)} KB gzipped (${shipped.map((f) => f.name).join(', ')}), over its ${STARTER_BUDGET_KB} KB budget`
      expect(size, message).toBeLessThanOrEqual(STARTER_BUDGET_KB * 1024)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
