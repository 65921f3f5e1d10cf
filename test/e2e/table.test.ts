/**
 * `<smith-table>` in real Chromium (pages/table.ts): WAI-ARIA grid keyboard navigation,
 * 100,000 rows windowed to a few dozen `<tr>` with the last row reachable, and `link`
 * cells that never turn `javascript:` (or any non-http) URLs into links, and `button` cells pressed by
 * mouse and keyboard. Layout, focus and
 * scrolling are the browser's own here, which happy-dom cannot give the unit tests.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import type { MountOptions } from './pages/table'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

interface E2EWindow {
  e2e: { mountTable(options: MountOptions): Promise<void>; settle(): Promise<void> }
}

async function tablePage(label: string, options: MountOptions, query = ''): Promise<Page> {
  const page = await e2e.browser.newPage(undefined, label)
  await page.goto(`${e2e.pages.url}table.html${query}`)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready')
  await page.evaluate((o) => (window as unknown as E2EWindow).e2e.mountTable(o), options)
  return page
}

const settle = (page: Page): Promise<void> => page.evaluate(() => (window as unknown as E2EWindow).e2e.settle())

/** Where keyboard focus is in the grid: the row's aria-rowindex and the cell's column. */
function focused(page: Page): Promise<{ rowIndex: number; col: number; tag: string } | null> {
  return page.evaluate(() => {
    const cell = document.querySelector('smith-table')?.shadowRoot?.activeElement
    if (!cell) return null
    return {
      rowIndex: Number(cell.closest('tr')?.getAttribute('aria-rowindex')),
      col: Number(cell.getAttribute('data-col')),
      tag: cell.localName,
    }
  })
}

/** Counts of `<tr>` in the widget, the rendered data rows' aria-rowindex, and whether the last one is in view. */
function windowState(page: Page): Promise<{ tr: number; rowIndexes: number[]; lastInView: boolean; lastText: string; scrollTop: number; maxScroll: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('smith-table')!.shadowRoot!
    const scroller = root.querySelector('.scroller') as HTMLElement
    const rows = [...root.querySelectorAll('tbody tr[data-pos]')]
    const last = rows[rows.length - 1]
    const view = scroller.getBoundingClientRect()
    const box = last?.getBoundingClientRect()
    return {
      tr: root.querySelectorAll('tr').length,
      rowIndexes: rows.map((tr) => Number(tr.getAttribute('aria-rowindex'))),
      lastInView: box !== undefined && box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
      lastText: last?.querySelector('td')?.textContent ?? '',
      scrollTop: scroller.scrollTop,
      maxScroll: scroller.scrollHeight - scroller.clientHeight,
    }
  })
}

describe('<smith-table> in Chromium', () => {
  test('keyboard: arrows move focus between cells, Enter selects, rows carry aria-rowindex', async () => {
    const page = await tablePage('keyboard', { count: 50, height: 300 })
    const grid = page.locator('smith-table table[role="grid"]')
    expect(await grid.getAttribute('aria-rowcount')).toBe('51')
    expect(await grid.getAttribute('aria-colcount')).toBe('3')
    const { rowIndexes } = await windowState(page)
    expect(rowIndexes[0]).toBe(2) // header = 1
    expect(rowIndexes).toEqual(rowIndexes.map((_, i) => i + 2))

    // The roving tab stop starts on the first cell.
    await page.locator('smith-table td[role="gridcell"][tabindex="0"]').focus()
    expect(await focused(page)).toEqual({ rowIndex: 2, col: 0, tag: 'td' })
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toEqual({ rowIndex: 4, col: 0, tag: 'td' })
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toEqual({ rowIndex: 4, col: 1, tag: 'td' })
    await page.keyboard.press('ArrowUp')
    expect(await focused(page)).toEqual({ rowIndex: 3, col: 1, tag: 'td' })
    // Exactly one tab stop, on the focused cell.
    expect(await page.locator('smith-table [role="grid"] [tabindex="0"]').count()).toBe(1)

    await page.keyboard.press('Enter')
    await settle(page)
    const selected = page.locator('smith-table tr[aria-selected="true"]')
    expect(await selected.count()).toBe(1)
    expect(await selected.getAttribute('aria-rowindex')).toBe('3')
    expect(await page.evaluate(() => (document.querySelector('smith-table')!.getMeta('selectedRow') as { id: number }).id)).toBe(2)

    // Up past the first row reaches the header; Enter there sorts by that column.
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await focused(page)).toEqual({ rowIndex: 1, col: 1, tag: 'th' })
    await page.keyboard.press('Enter')
    await settle(page)
    expect(await page.locator('smith-table th[data-col="1"]').getAttribute('aria-sort')).toBe('ascending')

    // Ctrl+End: the last row, scrolled into view, focused.
    await page.keyboard.press('Control+End')
    await settle(page)
    expect(await focused(page)).toEqual({ rowIndex: 51, col: 2, tag: 'td' })
    expect((await windowState(page)).lastInView).toBe(true)
    expect(e2e.browser.cspViolations().filter((e) => e.page === 'keyboard')).toEqual([])
  })

  test('100,000 rows: fewer than 100 <tr> in the DOM, and the last row is reached at max scroll', async () => {
    const page = await tablePage('100k', { count: 100_000, height: 400 })
    const start = await windowState(page)
    expect(start.tr).toBeLessThan(100)
    expect(start.rowIndexes[0]).toBe(2)
    expect(start.maxScroll).toBeGreaterThan(100_000) // the whole list is scrollable, not one page of it

    // Through the middle to the end: the window follows, the DOM stays small.
    const seen: number[] = []
    for (const fraction of [0.25, 0.5, 0.75]) {
      await page.evaluate((f) => {
        const s = document.querySelector('smith-table')!.shadowRoot!.querySelector('.scroller') as HTMLElement
        s.scrollTop = Math.round((s.scrollHeight - s.clientHeight) * f)
      }, fraction)
      await settle(page)
      const state = await windowState(page)
      expect(state.tr).toBeLessThan(100)
      seen.push(state.rowIndexes[0]!)
    }
    expect(seen[0]).toBeGreaterThan(2)
    expect(seen[1]).toBeGreaterThan(seen[0]!)
    expect(seen[2]).toBeGreaterThan(seen[1]!)

    await page.evaluate(() => {
      const s = document.querySelector('smith-table')!.shadowRoot!.querySelector('.scroller') as HTMLElement
      s.scrollTop = s.scrollHeight
    })
    await expect.poll(async () => (await settle(page), (await windowState(page)).lastText), { timeout: 5_000 }).toBe('100000')
    const end = await windowState(page)
    expect(end.scrollTop).toBeGreaterThanOrEqual(end.maxScroll - 1)
    expect(end.tr).toBeLessThan(100)
    expect(end.rowIndexes[end.rowIndexes.length - 1]).toBe(100_001)
    expect(end.lastInView).toBe(true)

    // The keyboard gets there too, from the top.
    await page.locator('smith-table td[role="gridcell"][tabindex="0"]').focus()
    await page.keyboard.press('Control+Home')
    await settle(page)
    expect(await focused(page)).toEqual({ rowIndex: 2, col: 0, tag: 'td' })
    await page.keyboard.press('Control+End')
    await settle(page)
    expect(await focused(page)).toEqual({ rowIndex: 100_001, col: 2, tag: 'td' })
    expect((await windowState(page)).tr).toBeLessThan(100)
    expect(e2e.browser.cspViolations().filter((e) => e.page === '100k')).toEqual([])
  })

  test('link cells: only http(s) URLs become links; javascript: and other payloads stay text; no dialog', async () => {
    const rows = [
      { name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(2)' },
      { name: '<script>alert(3)</script>', url: ' JavaScript:alert(4)' },
      { name: 'ok', url: 'https://example.com/ok' },
      { name: 'data', url: 'data:text/html,<script>alert(5)</script>' },
      { name: 'tab', url: 'java\tscript:alert(6)' },
      { name: 'vb', url: 'vbscript:msgbox(7)' },
      { name: 'entity', url: 'javascript&#58;alert(8)' },
    ]
    // No CSP on this page: the widget alone must keep the payloads inert.
    const page = await tablePage('links', { rows, columns: [{ key: 'name', label: 'Name' }, { key: 'url', label: 'Link', type: 'link' }] }, '?csp=off')
    const cells = await page.evaluate(() =>
      [...document.querySelector('smith-table')!.shadowRoot!.querySelectorAll('tbody tr[data-pos]')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent),
      ),
    )
    expect(cells).toEqual(rows.map((r) => [r.name, r.url]))
    const links = page.locator('smith-table td a')
    expect(await links.count()).toBe(1)
    expect(await links.getAttribute('href')).toBe('https://example.com/ok')
    expect(await page.locator('smith-table tbody :is(img, script, svg, iframe)').count()).toBe(0)
    for (let pos = 0; pos < rows.length; pos++) {
      if (pos !== 2) await page.locator(`smith-table tr[data-pos="${pos}"] td[data-col="1"]`).click()
    }
    await page.waitForTimeout(300)
    expect(page.url()).toBe(`${e2e.pages.url}table.html?csp=off`)
    expect(e2e.browser.dialogs().filter((d) => d.page === 'links')).toEqual([])

    // The control: parsed as HTML, the first payload runs here and the test sees it.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), rows[0]!.name)
    await expect.poll(() => e2e.browser.dialogs().filter((d) => d.page === 'links').length, { timeout: 5_000 }).toBe(1)
  })

  test('button columns: a real click and Enter/Space on the cell fire the column event with triggeredRowIndex set, select nothing; colour through CSSOM under the CSP', async () => {
    const page = await tablePage('buttons', {
      count: 5,
      columns: [{ key: 'name', label: 'Name' }, { key: 'Delete', type: 'button', buttonColor: 'rgb(221, 75, 52)', isDisabled: [false, false, true, false, false] }],
    })
    await page.evaluate(() => {
      const table = document.querySelector('smith-table') as unknown as HTMLElement & { meta: Record<string, { value: unknown }> }
      const log: unknown[] = []
      ;(window as unknown as { log: unknown[] }).log = log
      table.addEventListener('smith-trigger', (e) => log.push([(e as CustomEvent<{ event: string }>).detail.event, table.meta.triggeredRowIndex!.value, table.meta.selectedRowIndex!.value]))
    })
    const log = (): Promise<unknown[]> => page.evaluate(() => (window as unknown as { log: unknown[] }).log)
    const button = (pos: number) => page.locator(`smith-table tr[data-pos="${pos}"] td[data-col="1"] button`)
    expect(await button(1).textContent()).toBe('Delete')
    expect(await button(1).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(221, 75, 52)')
    await button(1).click()
    await expect.poll(log).toEqual([['onDeleteClick', 1, -1]])
    // a disabled button: the click does not press it
    await button(2).click({ force: true })
    await page.waitForTimeout(100)
    expect(await log()).toEqual([['onDeleteClick', 1, -1]])
    // keyboard: the name cell of row 3 (selects it), ArrowRight to the button cell, Enter, then Space
    await page.locator('smith-table tr[data-pos="3"] td[data-col="0"]').click()
    await page.keyboard.press('ArrowRight')
    await settle(page)
    expect(await focused(page)).toMatchObject({ col: 1, tag: 'td' })
    await page.keyboard.press('Enter')
    await page.keyboard.press(' ')
    await expect.poll(log).toEqual([
      ['onDeleteClick', 1, -1],
      ['onRowSelected', 3, 3],
      ['onDeleteClick', 3, 3],
      ['onDeleteClick', 3, 3],
    ])
    await page.close()
  })
})
