/**
 * The devtools panel in Chromium, on an app folder served by the dev server the way
 * `smithlet dev` serves it (strict CSP): it opens with `?debug` and Alt+Shift+D, shows a
 * value changing live, lists a planted binding error at its file:line:col, logs a query
 * run, shows what a binding read, and never shows the token the app stores. A production
 * build of the same folder contains none of it.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appBuildOptions } from '../../src/build/build-app'
import { startDevServer, type DevServer } from '../../src/build/dev-server'
import { launchBrowser, type E2EBrowser } from './browser'
import { waitForText } from './demo-page'

const APP = resolve(dirname(fileURLToPath(import.meta.url)), 'apps/devtools')
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZ0b29scyJ9.ZGV2dG9vbHMtc2VjcmV0LXNpZ25hdHVyZQ'

let server: DevServer
let browser: E2EBrowser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startDevServer({ dir: APP, devtools: true, report: () => undefined }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const panel = (page: Page) => page.locator('smith-devtools')
const tab = (page: Page, label: string) => panel(page).locator('[role=tab]', { hasText: label })

/** Every token piece of 6 characters the page must never show. */
function expectNoTokenPiece(text: string): void {
  for (let i = 0; i + 6 <= TOKEN.length; i++) expect(text.includes(TOKEN.slice(i, i + 6)), `piece at ${i}`).toBe(false)
}

describe('devtools in Chromium', () => {
  test('opens with ?debug; shows a value live; lists the planted error at its source; logs a query; shows dependencies; masks the token', async () => {
    const page = await browser.newPage(undefined, 'devtools')
    await page.goto(`${server.url}?debug`)
    await waitForText(page, 'Clicks', 'clicks: 0')
    await expect.poll(() => panel(page).locator('.panel').count()).toBe(1)

    // Entities: expand appsmith → store and watch a value change as the page runs.
    await panel(page).locator('[data-path="appsmith"] .toggle').click()
    await panel(page).locator('[data-path="appsmith.store"] .toggle').click()
    await expect.poll(() => panel(page).locator('[data-path="appsmith.store.authAccessToken"]').textContent()).toContain(`masked, ${TOKEN.length} characters`)
    await page.locator('smith-button[name="Add"] button').click()
    await expect.poll(() => panel(page).locator('[data-path="appsmith.store.clicks"] .value').textContent()).toBe('1')
    await page.locator('smith-button[name="Add"] button').click()
    await expect.poll(() => panel(page).locator('[data-path="appsmith.store.clicks"] .value').textContent()).toBe('2')

    // Errors: the planted binding, where it was written.
    await tab(page, 'Errors').click()
    const error = panel(page).locator('.error-row')
    await expect.poll(() => error.count()).toBe(1)
    expect(await error.locator('.location').textContent()).toBe('pages/Home/index.html:4:19')
    expect(await error.textContent()).toContain('{{ Missing.value }}')
    expect(await error.textContent()).toContain('ReferenceError')
    await error.click()
    await expect.poll(() => panel(page).locator('[data-highlight="Broken.text"]').count()).toBe(1)

    // Queries: a run started by a button, its path with the token masked out.
    await page.locator('smith-button[name="Load"] button').click()
    await waitForText(page, 'RowCount', '3 rows')
    await tab(page, 'Queries').click()
    const run = panel(page).locator('[data-query="getRows"]')
    await expect.poll(() => run.textContent()).toContain('200')
    const runText = (await run.textContent()) ?? ''
    expect(runText).toContain('GET /rows.json?token=•')
    expect(runText).toContain('Load.onClick')

    // Dependencies: what RowCount.text read on its last evaluation.
    await tab(page, 'Dependencies').click()
    const input = panel(page).locator('input[type=search]')
    await input.fill('RowCount.text')
    await input.press('Enter')
    await expect.poll(() => panel(page).locator('.dependencies .key').allTextContents()).toEqual(['getRows.data'])

    // Page load: the JS function that stored the token.
    await tab(page, 'Page load').click()
    await expect.poll(() => panel(page).locator('.page-load-row').textContent()).toContain('Session.start')

    // Alt+Shift+D closes and reopens it.
    await page.keyboard.press('Alt+Shift+D')
    await expect.poll(() => panel(page).locator('.launcher').count()).toBe(1)
    await page.keyboard.press('Alt+Shift+D')
    await expect.poll(() => panel(page).locator('.panel').count()).toBe(1)

    // No tab ever shows a piece of the token.
    for (const label of ['Entities', 'Errors', 'Queries', 'Dependencies', 'Page load']) {
      await tab(page, label).click()
      expectNoTokenPiece((await panel(page).evaluate((el) => el.shadowRoot?.textContent ?? '')) ?? '')
    }
    const violations = browser.events.filter((e) => e.page === 'devtools' && (e.kind === 'csp' || e.kind === 'pageerror'))
    expect(violations).toEqual([])
  })

  test('a production build contains no devtools and no dev-only diagnostics', async () => {
    const options = (dev: boolean) => build(appBuildOptions({ dir: APP, outdir: join(APP, '.never-written'), minify: true, write: false, dev }))
    const [production, development] = await Promise.all([options(false), options(true)])
    const inputs = (result: typeof production) => Object.keys(result.metafile!.inputs)
    const code = (result: typeof production) => result.outputFiles!.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')
    expect(inputs(production).filter((f) => /(^|\/)devtools\/[a-z-]+\.ts$/.test(f) && !f.includes('apps/devtools'))).toEqual([])
    expect(code(production)).not.toContain('smith-devtools')
    expect(code(production)).not.toContain('README.md#')
    expect(code(production)).not.toContain('data-smith-loc=')
    // Nor the runtime's reports to an inspector: binding locations, the cause of a query run.
    expect(code(production)).not.toContain('data-smith-loc')
    const bundled = (result: typeof production) => Object.values(result.metafile!.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f))
    expect(bundled(production).filter((f) => f.endsWith('src/inspect.ts'))).toEqual([])
    expect(bundled(development).filter((f) => f.endsWith('src/inspect.ts'))).toHaveLength(1)
    // The same folder built for development has all three, so the checks above can fail.
    expect(inputs(development).some((f) => f.includes('devtools/panel'))).toBe(true)
    expect(code(development)).toContain('smith-devtools')
    expect(code(development)).toContain('README.md#')
    expect(code(development)).toContain('data-smith-loc=')
  })
})
