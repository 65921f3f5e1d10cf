/**
 * The figures of issue 15's note, measured in Chromium on the six shared exports: each is
 * imported, its REST datasources routed to a loopback fixture server, served by
 * `smithlet dev`'s server with the devtools (whose panel holds the running app:
 * `smith-devtools.app`; strict CSP as always), and loaded. Per page: widgets real / placeholders (the import report), bound properties
 * in the document and how many of them evaluate without error (`app.errors`), the
 * page-load actions and how many failed, then every function of every JS object called
 * once (a function that resolves within 3 s runs; one that throws or rejects does not).
 * The table is printed; the assertions hold the floor the figures reached, so a change
 * that breaks imported apps fails here.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevServer } from '../../src/build/dev-server'
import { importApp } from '../../src/import/index'
import { startFixtureApi, type FixtureApi } from '../support/fixture-api'
import { launchBrowser, type E2EBrowser } from './browser'

const APPS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/appsmith-apps')
let work: string
let browser: E2EBrowser
let api: FixtureApi
let apiUrl: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'smithlet-import-figures-'))
  api = await startFixtureApi()
  apiUrl = api.url
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await api?.close()
  await rm(work, { recursive: true, force: true })
})

interface Figures {
  app: string
  real: number
  placeholders: number
  bindings: number
  bindingsOk: number
  pageLoad: number
  pageLoadFailed: number
  functions: number
  functionsRun: number
  failures: string[]
}

const sum = (o: Readonly<Record<string, number>>): number => Object.values(o).reduce((a, b) => a + b, 0)

/** What each app reached when this test was written (a floor, not an exact count). */
const FLOOR: Record<string, { bindingsOk: number; functionsRun: number; pageLoadOk: number }> = {
  'DeleteGitRepos.json': { bindingsOk: 3, functionsRun: 1, pageLoadOk: 1 },
  'JSObjectMutationTestApp.json': { bindingsOk: 7, functionsRun: 15, pageLoadOk: 0 },
  // insert_form reads data_table.tableData[0] of a Postgres query that cannot run here.
  'PartialImportExportSampleApp.json': { bindingsOk: 19, functionsRun: 2, pageLoadOk: 0 },
  'modalWidgetTestApp.json': { bindingsOk: 70, functionsRun: 0, pageLoadOk: 1 },
  'resetWidgetBug33601.json': { bindingsOk: 15, functionsRun: 1, pageLoadOk: 0 },
  // JSObject4.myFun1 reads an undefined name (dasdas) in the export itself.
  'setIntervalApp.json': { bindingsOk: 10, functionsRun: 5, pageLoadOk: 0 },
}

describe('issue 15 figures: the shared exports in Chromium', () => {
  test('per app: widgets real / placeholder, bindings without error, page-load outcome, JS functions that run', async () => {
    const rows: Figures[] = []
    for (const file of (await readdir(APPS)).filter((f) => f.endsWith('.json')).sort()) {
      const dir = join(work, file.replace(/\W+/g, '_'))
      const first = await importApp(join(APPS, file), dir)
      const report = await importApp(join(APPS, file), dir, { datasources: Object.fromEntries(first.datasources.map((d) => [d.appsmithName, apiUrl])) })
      const server = await startDevServer({ dir, devtools: true, report: () => {} })
      try {
        for (const p of report.pages) {
          const page = await browser.newPage(undefined, `figures ${file}`)
          await page.goto(`${server.url}${encodeURI(p.page)}`)
          await page.waitForFunction(() => (document.querySelector('smith-devtools') as unknown as { app?: unknown } | null)?.app !== undefined, undefined, { timeout: 10_000 })
          await page.waitForTimeout(1500) // page load settles (the fixture API answers at once)
          const measured = await page.evaluate(async ({ jsObjects }) => {
            type AppLike = { errors: ReadonlyArray<{ kind: string; message: string; entity?: string; property?: string }>; scope: Readonly<Record<string, unknown>> }
            const app = (document.querySelector('smith-devtools') as unknown as { app: AppLike }).app
            let bindings = 0
            for (const el of document.querySelectorAll('*')) {
              if (!el.localName.startsWith('smith-') || el.localName === 'smith-devtools') continue
              for (const a of el.attributes) if (!a.name.startsWith('on-') && /\{\{[\s\S]*\}\}/.test(a.value)) bindings++
            }
            const bindingErrors = app.errors.filter((e) => e.kind === 'binding')
            const loadErrors = app.errors.filter((e) => e.kind === 'action').map((e) => e.message)
            let functions = 0
            let run = 0
            const failures: string[] = []
            for (const name of jsObjects) {
              // The scope, not app.evaluate: a built app ships no run-time compiler.
              const entity = app.scope[name] as Record<string, unknown>
              for (const key of Object.keys(entity ?? {})) {
                const fn = entity[key]
                if (typeof fn !== 'function') continue
                functions++
                try {
                  await Promise.race([
                    Promise.resolve((fn as () => unknown)()),
                    new Promise((_, reject) => setTimeout(() => reject(new Error('did not settle in 3 s')), 3000)),
                  ])
                  run++
                } catch (error) {
                  failures.push(`${name}.${key}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 160))
                }
              }
            }
            return { bindings, bindingErrors: bindingErrors.map((e) => `${e.entity}.${e.property}: ${e.message}`.slice(0, 160)), loadErrors, functions, run, failures }
          }, { jsObjects: p.jsObjects })
          rows.push({
            app: file,
            real: sum(p.widgets.mapped),
            placeholders: sum(p.widgets.placeholders),
            bindings: measured.bindings,
            bindingsOk: measured.bindings - measured.bindingErrors.length,
            pageLoad: p.pageLoad.length,
            pageLoadFailed: measured.loadErrors.length,
            functions: measured.functions,
            functionsRun: measured.run,
            failures: [...measured.bindingErrors, ...measured.loadErrors, ...measured.failures],
          })
          await page.close()
        }
      } finally {
        await server.close()
      }
    }
    const total = rows.reduce<Figures>((t, r) => {
      for (const k of ['real', 'placeholders', 'bindings', 'bindingsOk', 'pageLoad', 'pageLoadFailed', 'functions', 'functionsRun'] as const) t[k] += r[k]
      return t
    }, { app: 'all six', real: 0, placeholders: 0, bindings: 0, bindingsOk: 0, pageLoad: 0, pageLoadFailed: 0, functions: 0, functionsRun: 0, failures: [] })
    const line = (r: Figures): string =>
      `| ${r.app} | ${r.real} / ${r.placeholders} | ${r.bindingsOk} / ${r.bindings} | ${r.pageLoad === 0 ? '–' : `${r.pageLoad - r.pageLoadFailed} of ${r.pageLoad} ok`} | ${r.functionsRun} / ${r.functions} |`
    console.log(['| app | widgets real / placeholder | bindings without error / bound | page load | JS functions that run / all |', '|---|--:|--:|---|--:|', ...rows.map(line), line(total)].join('\n'))
    for (const r of rows) if (r.failures.length > 0) console.log(`[figures] ${r.app}:\n  ${r.failures.join('\n  ')}`)

    for (const r of rows) {
      expect(r.placeholders, r.app).toBe(0)
      const floor = FLOOR[r.app]!
      expect(r.bindingsOk, `${r.app} bindings`).toBeGreaterThanOrEqual(floor.bindingsOk)
      expect(r.functionsRun, `${r.app} functions`).toBeGreaterThanOrEqual(floor.functionsRun)
      expect(r.pageLoad - r.pageLoadFailed, `${r.app} page load`).toBeGreaterThanOrEqual(floor.pageLoadOk)
    }
    expect(browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  }, 240_000)
})
