/**
 * The icons a built app ships draw in it (test/build/app-icons.test.ts checks which ones
 * the bundle holds): an app of a button, an icon button, a menu button with an item and a
 * table with an icon column, built by `smithlet build` with only those icons and run in
 * Chromium under the strict CSP. Each draws its own path; an unknown name, the dot.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ICON_PATHS } from '../../widgets/icon-paths'
import type { StaticServer } from '../support/static-server'
import { launchBrowser } from './browser'
import type { E2EBrowser } from './browser'
import { serveBuiltApp } from './built-app'
import { waitForText } from './demo-page'

const DOT = 'M12 11a1 1 0 1 0 0 2 1 1 0 0 0 0-2z'
const COLUMNS = JSON.stringify([{ key: 'name' }, { key: 'Remove', type: 'button', iconName: 'trash' }])
const APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'icons' }\n",
  'pages/Home/index.html': `<smith-text name="Done" text="did={{ appsmith.store.did ?? 'nothing' }}"></smith-text>
<smith-button name="Add" text="Add" icon-name="add" on-click="{{ storeValue('did', 'add') }}"></smith-button>
<smith-button name="Odd" text="Odd" icon-name="no-such-icon"></smith-button>
<smith-icon-button name="Gear" icon-name="cog" tooltip="Settings"></smith-icon-button>
<smith-menu-button name="Actions" label="Actions">
  <smith-menu-item name="EditItem" label="Edit" icon-name="edit"></smith-menu-item>
</smith-menu-button>
<smith-table name="Rows" table-data='[{"name":"Ann"}]' columns='${COLUMNS}'></smith-table>
`,
}

let tmp: string
let server: StaticServer
let browser: E2EBrowser

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'smithlet-icons-e2e-'))
  server = await serveBuiltApp(tmp, 'app', APP)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(tmp, { recursive: true, force: true })
})

describe('a built app with only its icons', () => {
  test('each widget draws its icon; an unknown name draws the dot', async () => {
    const page = await browser.newPage(undefined, 'icons')
    await page.goto(server.url)
    await waitForText(page, 'Done', 'did=nothing')
    const path = (selector: string): Promise<string | null> => page.locator(`${selector} svg.icon path`).first().getAttribute('d')
    expect(await path('smith-button[name="Add"]')).toBe(ICON_PATHS.add)
    expect(await path('smith-button[name="Odd"]')).toBe(DOT)
    expect(await path('smith-icon-button[name="Gear"]')).toBe(ICON_PATHS.cog)
    expect(await path('smith-menu-item[name="EditItem"]')).toBe(ICON_PATHS.edit)
    // The menu button's own arrow, which no attribute names.
    expect(await page.locator('smith-menu-button[name="Actions"] button svg.icon path').last().getAttribute('d')).toBe(ICON_PATHS['chevron-down'])
    expect(await path('smith-table[name="Rows"] .cell-button')).toBe(ICON_PATHS.trash)
    // The bundle holds no icon the app does not show.
    const js = await (await fetch(new URL('app.js', server.url))).text()
    expect(js).not.toContain(ICON_PATHS.heart)

    await page.locator('smith-button[name="Add"] button').click()
    await waitForText(page, 'Done', 'did=add')
    expect(browser.cspViolations()).toEqual([])
  })
})
