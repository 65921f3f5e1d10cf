/**
 * The form controls in real Chromium, mounted by a real app (pages/composite.ts): the
 * keyboard on the native select, the multi-select listbox, the menu button and the
 * native date input, and a file picked through the browser's file chooser reaching
 * `FilePicker1.files[0].data` — real focus, real key handling, a real FileList.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

interface E2EWindow {
  e2e: { mountHtml(html: string, withApp?: boolean): Promise<void>; settle(): Promise<void>; evaluate(t: string): unknown }
}

async function appPage(label: string, html: string): Promise<Page> {
  const page = await e2e.browser.newPage(undefined, label)
  await page.setViewportSize({ width: 390, height: 800 })
  await page.goto(`${e2e.pages.url}composite.html?csp=off`)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready')
  await page.evaluate(([h]) => (window as unknown as E2EWindow).e2e.mountHtml(h, true), [html] as const)
  return page
}

const evaluate = (page: Page, template: string): Promise<unknown> =>
  page.evaluate(async (t) => {
    const w = window as unknown as E2EWindow
    await w.e2e.settle()
    return w.e2e.evaluate(t)
  }, template)

describe('form controls in Chromium', () => {
  test('select: Tab focuses the native select, arrow keys choose, onOptionChange runs', async () => {
    const page = await appPage('select', `
      <button id="before">before</button>
      <smith-select name="Select1" label-text="Status" options='[{"label":"Open","value":"open"},{"label":"Closed","value":"closed"},{"label":"On hold","value":"hold"}]'
        default-option-value="open" on-option-change="{{storeValue('status', Select1.selectedOptionValue)}}"></smith-select>`)
    await page.locator('#before').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('smith-select')
    await page.keyboard.press('ArrowDown')
    expect(await evaluate(page, '{{Select1.selectedOptionLabel}}')).toBe('Closed')
    await page.keyboard.press('ArrowDown')
    expect(await evaluate(page, '{{appsmith.store.status}}')).toBe('hold')
    expect(await page.getByRole('combobox', { name: 'Status' }).isVisible()).toBe(true)
  })

  test('multi-select: one tab stop, arrows move, Space toggles, Ctrl+A selects all', async () => {
    const page = await appPage('multi-select', `
      <smith-multi-select name="Tags" label-text="Tags" options='["red","green","blue"]'
        on-option-change="{{storeValue('tags', Tags.selectedOptionValues.join())}}"></smith-multi-select>`)
    const listbox = page.getByRole('listbox', { name: 'Tags' })
    await listbox.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    expect(await evaluate(page, '{{appsmith.store.tags}}')).toBe('green')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    expect(await evaluate(page, '{{Tags.selectedOptionLabels}}')).toEqual(['green', 'blue'])
    expect(await page.getByRole('option', { name: 'blue' }).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Control+a')
    expect(await evaluate(page, '{{appsmith.store.tags}}')).toBe('red,green,blue')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.localName ?? 'body')).not.toBe('smith-multi-select')
  })

  test('menu button: Enter opens on the first item, arrows move, Enter runs the item, Escape returns focus', async () => {
    const page = await appPage('menu-button', `
      <smith-menu-button name="Actions" label="Actions">
        <smith-menu-item label="Edit" on-click="{{storeValue('did', 'edit')}}"></smith-menu-item>
        <smith-menu-item label="Archive" on-click="{{storeValue('did', 'archive')}}"></smith-menu-item>
        <smith-menu-item label="Delete" on-click="{{storeValue('did', 'delete')}}"></smith-menu-item>
      </smith-menu-button>`)
    const button = page.getByRole('button', { name: 'Actions' })
    await button.focus()
    await page.keyboard.press('Enter')
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    const focused = (): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('label') ?? null)
    expect(await focused()).toBe('Edit')
    await page.keyboard.press('ArrowUp')
    expect(await focused()).toBe('Delete')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('Archive')
    await page.keyboard.press('Enter')
    expect(await evaluate(page, '{{appsmith.store.did}}')).toBe('archive')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('Edit')
    await page.keyboard.press('Escape')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-haspopup'))).toBe('menu')
    // The menu fits the 390 px viewport.
    await page.keyboard.press('Enter')
    const box = await page.getByRole('menu').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
  })

  test('date picker: the native date input takes typed digits; onDateSelected gets the formatted date', async () => {
    const page = await appPage('date-picker', `
      <smith-date-picker name="D1" label="Due" time-precision="None" date-format="DD/MM/YYYY"
        on-date-selected="{{storeValue('due', D1.formattedDate)}}"></smith-date-picker>`)
    await page.getByLabel('Due').focus()
    // Chromium's en-US date field: month, day, year segments, moved through by typing.
    await page.keyboard.type('03152025')
    expect(await evaluate(page, '{{appsmith.store.due}}')).toBe('15/03/2025')
    expect(await evaluate(page, '{{D1.isValid}}')).toBe(true)
    await page.keyboard.press('ArrowUp') // the year segment still has focus
    expect(await evaluate(page, '{{D1.formattedDate}}')).toBe('15/03/2026')
  })

  test('file picker: a file chosen through the file chooser reaches FilePicker1.files[0].data', async () => {
    const page = await appPage('file-picker', `
      <smith-file-picker name="FilePicker1" label="Upload" file-data-type="Text"
        on-files-selected="{{storeValue('name', FilePicker1.files[0].name)}}"></smith-file-picker>`)
    const chooser = page.waitForEvent('filechooser')
    await page.getByLabel('Upload').click()
    await (await chooser).setFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nAda,36\n') })
    await expect.poll(() => evaluate(page, '{{appsmith.store.name}}')).toBe('people.csv')
    expect(await evaluate(page, '{{FilePicker1.files[0].data}}')).toBe('name,age\nAda,36\n')
    expect(await evaluate(page, '{{FilePicker1.files[0].type}}')).toBe('text/csv')
    expect(e2e.browser.events.filter((e) => e.page === 'file-picker' && e.text.includes('Ada,36'))).toEqual([])
  })

  test('every control is readable at 390 px: nothing wider than the viewport, labels wrap', async () => {
    const long = 'A rather long label that has to wrap on a phone screen instead of overflowing'
    const page = await appPage('narrow', `
      <smith-select name="S" label-text="${long}" options='["${long}"]' is-filterable></smith-select>
      <smith-multi-select name="M" label-text="${long}" options='["${long}","b"]' default-option-value='["${long}"]'></smith-multi-select>
      <smith-checkbox name="C" label="${long}"></smith-checkbox>
      <smith-checkbox-group name="CG" label="${long}" options='["${long}","two"]'></smith-checkbox-group>
      <smith-radio-group name="R" label="${long}" options='["${long}","two"]'></smith-radio-group>
      <smith-switch name="W" label="${long}"></smith-switch>
      <smith-date-picker name="D" label="${long}"></smith-date-picker>
      <smith-file-picker name="F" label="${long}"></smith-file-picker>
      <smith-phone-input name="P" label="${long}" allow-dial-code-change></smith-phone-input>
      <smith-currency-input name="Y" label="${long}" allow-currency-change></smith-currency-input>
      <smith-button-group name="G"><smith-button text="One"></smith-button><smith-icon-button icon-name="plus" tooltip="Add"></smith-icon-button>
        <smith-menu-button label="More"><smith-menu-item label="${long}"></smith-menu-item></smith-menu-button></smith-button-group>
      <smith-image image="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot"></smith-image>
      <smith-divider></smith-divider>
      <smith-progress progress="30" show-result></smith-progress>`)
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('smith-')).map((e) => e.getBoundingClientRect().right)),
    }))
    expect(widths.doc).toBeLessThanOrEqual(390)
    expect(widths.widest).toBeLessThanOrEqual(390)
  })
})
