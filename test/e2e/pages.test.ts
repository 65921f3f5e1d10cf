/**
 * Multi-page apps in Chromium: an app folder (apps/multipage) built by `smithlet build`
 * and served by a plain static server (no index.html fallback) under the strict CSP.
 * navigateTo moves between pages without a reload, back and forward work, a deep link
 * loads its page from `<Page>/index.html`, query parameters reach a binding through the
 * reactive appsmith.URL, links to a page navigate in place, and leaving a page stops
 * the intervals it started.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { STRICT_CSP } from '../../src/build/page-shell'
import { startStaticServer } from '../support/static-server'
import type { StaticServer } from '../support/static-server'
import { launchBrowser } from './browser'
import type { E2EBrowser } from './browser'
import { sleep, waitForText, widgetText } from './demo-page'

const APP = resolve(dirname(fileURLToPath(import.meta.url)), 'apps/multipage')
let out: string
let server: StaticServer
let browser: E2EBrowser

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'smithlet-pages-'))
  const result = await buildApp({ dir: APP, outdir: join(out, 'dist') })
  expect(result.warnings).toEqual([])
  ;[server, browser] = await Promise.all([startStaticServer(result.outdir, { 'Content-Security-Policy': STRICT_CSP }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(out, { recursive: true, force: true })
})

/** Counts the documents a page loads (a reload or a full navigation is one more). */
function documents(page: Page): () => number {
  let n = 0
  page.on('request', (r) => {
    if (r.resourceType() === 'document') n++
  })
  return () => n
}

const click = (page: Page, name: string): Promise<void> => page.locator(`smith-button[name="${name}"] button`).click()

describe('multi-page apps', () => {
  test('navigate, back, forward: the history API, no reload; query params reach a binding', async () => {
    const page = await browser.newPage(undefined, 'nav')
    const loads = documents(page)
    await page.goto(server.url)
    await waitForText(page, 'HomeText', 'Home at /')
    expect(await page.title()).toBe('Multi · Home')

    await click(page, 'ToUsers')
    await waitForText(page, 'QueryText', 'q=x y')
    expect(page.url()).toBe(`${server.url}Users?q=x+y`)
    expect(await widgetText(page, 'PathText')).toBe('/Users')
    expect(await page.title()).toBe('Multi · Users')
    // The Home page's widgets are gone from the document.
    expect(await page.locator('smith-text[name="HomeText"]').count()).toBe(0)

    await page.goBack()
    await waitForText(page, 'HomeText', 'Home at /')
    await page.goForward()
    await waitForText(page, 'QueryText', 'q=x y')
    // appsmith.URL follows a hash change too.
    await page.evaluate(() => (location.hash = '#part'))
    await waitForText(page, 'PathText', '/Users#part')
    await click(page, 'ToHome')
    await waitForText(page, 'HomeText', 'Home at /Home')
    // A link to a page of the app navigates in place as well.
    await page.locator('a.link').click()
    await waitForText(page, 'QueryText', 'q=linked')
    expect(loads()).toBe(1)
  })

  test('deep links load their page from <Page>/index.html, with and without a trailing slash', async () => {
    const page = await browser.newPage(undefined, 'deep')
    await page.goto(`${server.url}Users?q=deep`)
    await waitForText(page, 'QueryText', 'q=deep')
    await page.goto(`${server.url}Users/?q=slash`)
    await waitForText(page, 'QueryText', 'q=slash')
    await page.goBack()
    await waitForText(page, 'QueryText', 'q=deep')
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([])
  })

  test('leaving a page stops its intervals; coming back starts its page load again', async () => {
    const page = await browser.newPage(undefined, 'timer')
    await page.goto(`${server.url}Timer`)
    await waitForText(page, 'TickText', /^ticks: ([3-9]|\d{2,})$/)
    await click(page, 'Leave')
    await waitForText(page, 'TicksSeen', /^ticks: \d+$/)
    const left = await widgetText(page, 'TicksSeen')
    await sleep(300) // several interval periods
    expect(await widgetText(page, 'TicksSeen')).toBe(left)
    await click(page, 'ToTimer')
    await waitForText(page, 'TickText', /^ticks: [1-9]\d*$/)
  })

  test('no page said anything: no console message, no error, no CSP violation', () => {
    expect(browser.cspViolations()).toEqual([])
    expect(browser.events).toEqual([])
  })
})
