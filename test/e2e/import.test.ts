/**
 * Imported Appsmith apps in Chromium: each shared export (and a Git-layout folder built
 * from one) is imported, built with the app build, and served under the strict CSP; its
 * REST datasources are routed to a loopback fixture server through the config's
 * environment override. Every page renders, placeholders appear only for types smithlet
 * lacks, nothing throws uncaught, page-load actions reach the server, a button runs
 * its JS function, whose result reaches the server through a bound query path, and
 * (JSObjectMutationTestApp) buttons run JS functions whose changes a bound text shows.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { STRICT_CSP } from '../../src/build/page-shell'
import { importApp, WIDGET_MAP } from '../../src/import/index'
import { startStaticServer } from '../support/static-server'
import { writeGitLayout } from '../support/appsmith-git'
import { startFixtureApi, type FixtureApi } from '../support/fixture-api'
import { launchBrowser, type E2EBrowser } from './browser'

const APPS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/appsmith-apps')
let work: string
let browser: E2EBrowser
let api: FixtureApi
let apiUrl: string
let seen: string[]

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'smithlet-import-e2e-'))
  api = await startFixtureApi()
  apiUrl = api.url
  seen = api.seen
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await api?.close()
  await rm(work, { recursive: true, force: true })
})

/** Imports, routes every datasource to the fixture API, builds and serves; returns the URL. */
async function importAndServe(source: string, name: string) {
  const dir = join(work, name)
  const first = await importApp(source, dir)
  const datasources = Object.fromEntries(first.datasources.map((d) => [d.appsmithName, apiUrl]))
  const report = await importApp(source, dir, { datasources })
  const result = await buildApp({ dir, outdir: join(dir, 'dist') })
  const server = await startStaticServer(result.outdir, { 'Content-Security-Policy': STRICT_CSP })
  return { report, server }
}

const sources = async (): Promise<Array<[string, string]>> => (await readdir(APPS)).filter((f) => f.endsWith('.json')).sort().map((f) => [f, join(APPS, f)])

describe('imported Appsmith apps in Chromium', () => {
  test('every shared export (and a Git-layout app) renders, with placeholders only for types smithlet lacks and no uncaught error', async () => {
    const list = await sources()
    const git = join(work, 'git-src')
    writeGitLayout(join(APPS, 'DeleteGitRepos.json'), git)
    list.push(['DeleteGitRepos (Git layout)', git])
    for (const [label, source] of list) {
      const { report, server } = await importAndServe(source, label.replace(/\W+/g, '_'))
      try {
        for (const p of report.pages) {
          const page = await browser.newPage(undefined, label)
          const before = browser.events.filter((e) => e.kind === 'pageerror').length
          seen.length = 0
          await page.goto(`${server.url}${encodeURI(p.page)}`)
          await page.waitForSelector('.smith-page', { timeout: 10_000 })
          await page.waitForTimeout(300)
          const placeholderTypes = await page.$$eval('smith-placeholder', (els) => els.map((e) => e.getAttribute('type')))
          for (const type of placeholderTypes) expect(Object.hasOwn(WIDGET_MAP, type!), `${label}: ${type} has a widget`).toBe(false)
          const named = await page.$$eval('[name]', (els) => els.length)
          expect(named, `${label}: widgets rendered`).toBeGreaterThan(0)
          expect(browser.events.filter((e) => e.kind === 'pageerror').slice(before), `${label}: uncaught errors`).toEqual([])
          // For the report (not asserted: some fixtures are Appsmith bug repros with broken bindings).
          const bindingErrors = await page.$$eval('*', (els) => els.filter((e) => e.localName.startsWith('smith-') && Object.keys((e as unknown as { errors?: object }).errors ?? {}).length > 0)
            .map((e) => `${e.getAttribute('name')}: ${Object.values((e as unknown as { errors: Record<string, string> }).errors).join('; ')}`))
          console.log(`[import e2e] ${label} / ${p.page}: ${named} named elements, ${placeholderTypes.length} placeholders, ${p.widgets.bindings} bound properties, ${bindingErrors.length} widgets with binding errors${bindingErrors.length ? `: ${bindingErrors.join(' | ')}` : ''}; API requests ${seen.length}`)
          const restLoads = p.pageLoad.filter((id) => p.queries.includes(id))
          if (restLoads.length > 0) expect(seen.length, `${label}: page-load queries reached the API`).toBeGreaterThanOrEqual(restLoads.length)
          await page.close()
        }
      } finally {
        await server.close()
      }
    }
    expect(browser.cspViolations()).toEqual([])
  }, 120_000)

  test('DeleteGitRepos: the table shows the page-load query; the button runs JSObject1.myFun1, whose .data is the DELETE path', async () => {
    const { server } = await importAndServe(join(APPS, 'DeleteGitRepos.json'), 'dgr-click')
    try {
      const page = await browser.newPage(undefined, 'dgr-click')
      seen.length = 0
      await page.goto(server.url)
      await page.waitForFunction(() => document.querySelector('smith-table')?.shadowRoot?.textContent?.includes('repo-one'), undefined, { timeout: 10_000 })
      expect(seen).toContain('GET /api/v1/repos/search?token=token+a4f7ec6eaa7b69be297bd140acd1612c4d69311a')
      // onClick is `JSObject1.myFun1(); Delete_repos.run();`: the first click's DELETE starts
      // before myFun1 resolves (as in Appsmith), myFun1 re-runs the search; the second
      // click's DELETE path binds the name myFun1 returned.
      const searches = (): number => seen.filter((s) => s.startsWith('GET /api/v1/repos/search')).length
      await page.locator('smith-button[name="Button1"] button').click()
      await expect.poll(searches, { timeout: 10_000 }).toBe(2)
      await page.waitForTimeout(200)
      await page.locator('smith-button[name="Button1"] button').click()
      await expect.poll(() => seen.includes('DELETE /api/v1/repos/CI-Gitea/repo-one'), { timeout: 10_000 }).toBe(true)
      await page.close()
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe('an imported app whose buttons run JS functions that change a bound text', () => {
  test('JSObjectMutationTestApp: ADD / SUB run utils.incrementSelector / decrementSelector, and Text1 ({{utils.valueSelector()}}) follows, for a number and an array', async () => {
    const { server } = await importAndServe(join(APPS, 'JSObjectMutationTestApp.json'), 'mutation-click')
    try {
      const page = await browser.newPage(undefined, 'mutation-click')
      const before = browser.events.filter((e) => e.kind === 'pageerror').length
      await page.goto(server.url)
      const text1 = (): Promise<string> => page.evaluate(() => document.querySelector('smith-text[name="Text1"]')?.textContent?.trim() ?? '')
      // Select1 defaults to NUMBER; number_.counterObj starts at 1.
      await expect.poll(text1, { timeout: 10_000 }).toBe('1')
      const add = page.locator('smith-button[name="Button4"] button')
      const sub = page.locator('smith-button[name="Button3"] button')
      await add.click()
      await expect.poll(text1).toBe('2')
      await add.click()
      await expect.poll(text1).toBe('3')
      await sub.click()
      await expect.poll(text1).toBe('2')
      // ARRAY: array_.counterObj.push(length) on ADD, pop on SUB.
      await page.locator('smith-select[name="Select1"] select').selectOption({ label: 'ARRAY' })
      await expect.poll(text1).toBe('[]')
      await add.click()
      await add.click()
      await expect.poll(text1).toMatch(/^\[\s*0,\s*1\s*\]$/)
      await sub.click()
      await expect.poll(text1).toMatch(/^\[\s*0\s*\]$/)
      expect(browser.events.filter((e) => e.kind === 'pageerror').slice(before)).toEqual([])
      await page.close()
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe('an imported list and JSON form in Chromium', () => {
  test('modalWidgetTestApp: List2 repeats its template per item (currentItem); clicking an item runs onItemClick (showModal(Modal3.name)); JSONForm2 submits to showModal(Modal5.name)', async () => {
    const { server } = await importAndServe(join(APPS, 'modalWidgetTestApp.json'), 'list-form')
    try {
      const page = await browser.newPage(undefined, 'list-form')
      const before = browser.events.filter((e) => e.kind === 'pageerror').length
      await page.goto(server.url)
      const names = (): Promise<string[]> => page.$$eval('smith-list[name="List2"] > [data-smith-item] smith-text[name="Text6"]', (els) => els.map((e) => e.textContent?.trim() ?? ''))
      await expect.poll(names, { timeout: 10_000 }).toEqual(['Blue', 'Green', 'Red'])
      const modal3 = page.locator('smith-modal[name="Modal3"]')
      expect(await modal3.isVisible()).toBe(false)
      await page.locator('smith-list[name="List2"] > [data-smith-item]').nth(2).click()
      await expect.poll(() => modal3.isVisible()).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => modal3.isVisible()).toBe(false)
      const form = page.locator('smith-json-form[name="JSONForm2"]')
      expect(await form.getByLabel('Name').inputValue()).toBe('John')
      expect(await form.getByLabel('Date Of Birth').inputValue()).toBe('1990-02-20')
      await form.getByRole('button', { name: 'Submit' }).click()
      await expect.poll(() => page.locator('smith-modal[name="Modal5"]').isVisible()).toBe(true)
      expect(browser.events.filter((e) => e.kind === 'pageerror').slice(before)).toEqual([])
      expect(browser.cspViolations()).toEqual([])
      await page.close()
    } finally {
      await server.close()
    }
  }, 60_000)
})
