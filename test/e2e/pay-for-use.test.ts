/**
 * The parts of the runtime a built app installs work in it (test/build/pay-for-use.test.ts
 * checks which parts each bundle holds): the smallest app (a text bound to the store) and
 * an app that uses every optional part, each built by `smithlet build` and run in Chromium
 * under the strict CSP from a plain static server: a page-load query, the theme resolved at
 * build time (its value and its custom properties), geolocation, showAlert, setInterval,
 * download and navigateTo to another page without a reload; and a list, whose widget
 * brings the item scopes its items bind in.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { StaticServer } from '../support/static-server'
import { FULL_APP, LIST_APP, MINIMAL_APP } from '../support/feature-apps'
import { launchBrowser } from './browser'
import type { E2EBrowser } from './browser'
import { serveBuiltApp } from './built-app'
import { waitForText } from './demo-page'

let tmp: string
let minimal: StaticServer
let full: StaticServer
let list: StaticServer
let browser: E2EBrowser

const serve = (name: string, files: Readonly<Record<string, string>>): Promise<StaticServer> => serveBuiltApp(tmp, name, files)

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'smithlet-pay-for-use-e2e-'))
  minimal = await serve('minimal', MINIMAL_APP)
  full = await serve('full', FULL_APP)
  list = await serve('list', LIST_APP)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await minimal?.close()
  await full?.close()
  await list?.close()
  await rm(tmp, { recursive: true, force: true })
})

describe('a built app with only the parts it uses', () => {
  test('the smallest app shows its store-bound text', async () => {
    const page = await browser.newPage(undefined, 'minimal')
    await page.goto(minimal.url)
    await waitForText(page, 'Greeting', 'Hello you')
    // It carries no store writes, yet reads what was stored before (by an earlier version of
    // the app, another tab): a value put in its database shows after a reload.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('smithlet:minimal')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('store', 'readwrite')
            tx.objectStore('store').put('Ada', 'name')
            tx.oncomplete = () => (open.result.close(), resolve())
            tx.onerror = () => reject(tx.error)
          }
        }),
    )
    await page.reload()
    await waitForText(page, 'Greeting', 'Hello Ada')
    expect(browser.cspViolations()).toEqual([])
  })

  test('an app that uses every part: query, theme, geolocation, alert, interval, timeout, download, navigation', async () => {
    const page = await browser.newPage(undefined, 'full')
    let documents = 0
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents++
    })
    await page.goto(full.url)
    await waitForText(page, 'Loaded', 'n=7')
    await waitForText(page, 'Theme', '#112233')
    // The theme's custom properties come from the stylesheet: the bundle has no theme code.
    expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--smith-primary').trim())).toBe('#112233')
    await waitForText(page, 'Geo', 'function')

    await page.locator('smith-button[name="Tick"] button').click()
    await waitForText(page, 'Ticked', 'ticked=true')
    await waitForText(page, 'Later', 'later=done')

    const download = page.waitForEvent('download')
    await page.locator('smith-button[name="Save"] button').click()
    expect((await download).suggestedFilename()).toBe('n.txt')

    await page.locator('smith-button[name="Next"] button').click()
    await waitForText(page, 'There', 'from home')
    expect(new URL(page.url()).pathname).toBe('/Other')
    expect(documents).toBe(1)
    expect(browser.cspViolations()).toEqual([])
  })

  test("a list's items bind their own names, and an item's click runs with that item selected", async () => {
    const page = await browser.newPage(undefined, 'list')
    await page.goto(list.url)
    const rows = page.locator('smith-list smith-text[name="Row"]')
    await expect.poll(() => rows.allTextContents()).toEqual(['0:a', '1:b'])
    await rows.nth(1).click()
    await waitForText(page, 'Picked', 'picked=b')
    expect(browser.cspViolations()).toEqual([])
  })
})
