/**
 * `<smith-tabs>` in real Chromium: the WAI-ARIA tabs keyboard pattern with real focus,
 * and a hidden tab's widget keeping what the user typed.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { compositePage, evaluateIn } from './composite-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

const focusedTab = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.querySelector('smith-tabs')?.shadowRoot?.activeElement?.textContent ?? null)

describe('<smith-tabs> in Chromium', () => {
  test('Tab enters the tab list on the selected tab; arrows, Home and End move focus and select', async () => {
    const page = await compositePage(e2e, 'tabs-keyboard', `
      <button id="before">before</button>
      <smith-tabs name="Tabs1" default-tab="Two">
        <div tab-name="One"><p>first</p></div>
        <div tab-name="Two"><p>second</p></div>
        <div tab-name="Three"><p>third</p></div>
      </smith-tabs>`)
    await page.locator('#before').focus()
    await page.keyboard.press('Tab')
    expect(await focusedTab(page)).toBe('Two')
    await page.keyboard.press('ArrowRight')
    expect(await focusedTab(page)).toBe('Three')
    expect(await page.getByRole('tab', { name: 'Three' }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => page.getByText('third').isVisible()).toBe(true)
    expect(await page.getByText('second').isVisible()).toBe(false)
    await page.keyboard.press('ArrowRight')
    expect(await focusedTab(page)).toBe('One')
    await page.keyboard.press('End')
    expect(await focusedTab(page)).toBe('Three')
    await page.keyboard.press('Home')
    expect(await focusedTab(page)).toBe('One')
    await page.keyboard.press('ArrowLeft')
    expect(await focusedTab(page)).toBe('Three')
    // The panel is labelled by its tab for assistive technology.
    expect(await page.getByRole('tabpanel', { name: 'Three' }).count()).toBe(1)
    // Tab leaves the tab list (one tab stop): into the panel's content or past the widget.
    await page.keyboard.press('Tab')
    expect(await focusedTab(page)).toBeNull()
  })

  test('a widget in a hidden tab keeps its value, and Tabs1.selectedTab follows the user', async () => {
    const page = await compositePage(e2e, 'tabs-state', `
      <smith-tabs name="Tabs1">
        <div tab-name="Form"><smith-input name="Input1" label="Name"></smith-input></div>
        <div tab-name="Other"><smith-text name="T" text="{{'now ' + Tabs1.selectedTab}}"></smith-text></div>
      </smith-tabs>`, true)
    await page.getByLabel('Name').fill('Ada')
    await page.getByRole('tab', { name: 'Other' }).click()
    await expect.poll(() => page.getByText('now Other').isVisible()).toBe(true)
    expect(await page.getByLabel('Name').isVisible()).toBe(false)
    await page.getByRole('tab', { name: 'Form' }).click()
    expect(await page.getByLabel('Name').inputValue()).toBe('Ada')
    expect(await evaluateIn(page, '{{Input1.text}}')).toBe('Ada')
    expect(e2e.browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  })
})
