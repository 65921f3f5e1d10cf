// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { MAX_SCROLL_HEIGHT } from '../../widgets/row-window'
import type { SmithTable } from '../../widgets/table'
import { cleanup, mount, people, shadow } from './helpers'

afterEach(cleanup)

const rowIndices = (el: Element): number[] =>
  [...shadow(el).querySelectorAll('tbody tr[role="row"]')].map((tr) => Number(tr.getAttribute('aria-rowindex')))
const scroller = (el: Element): HTMLElement => shadow(el).querySelector<HTMLElement>('.scroller')!
const spacer = (el: Element, which: 'top' | 'bottom'): HTMLElement => shadow(el).querySelector<HTMLElement>(`tr.spacer-${which}`)!
const px = (s: string): number => Number(s.replace('px', ''))

async function scrollTo(el: SmithTable, top: number): Promise<void> {
  scroller(el).scrollTop = top
  scroller(el).dispatchEvent(new Event('scroll'))
  await el.updateComplete
}

test('100,000 rows: the DOM holds a window of rows inside a real <table>', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(100_000) })
  expect(shadow(el).querySelector('.scroller > table tbody')).not.toBeNull()
  expect(shadow(el).querySelectorAll('tr').length).toBeLessThan(100)
  expect(rowIndices(el)[0]).toBe(2)
  expect(shadow(el).querySelector('table')!.getAttribute('aria-rowcount')).toBe('100001')
  // spacer heights are set through CSSOM and stand in for the rows not rendered
  const rendered = rowIndices(el).length
  expect(px(spacer(el, 'top').style.height)).toBe(0)
  expect(px(spacer(el, 'bottom').style.height)).toBe((100_000 - rendered) * 36)
  expect(scroller(el).style.height).toBe('400px')
})

test('scrolling moves the rendered rows and the spacers', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(100_000) })
  await scrollTo(el, 36 * 5000)
  const idx = rowIndices(el)
  expect(idx).toContain(5002) // row 5000, the first visible
  expect(idx).not.toContain(2)
  expect(idx.length).toBeLessThan(100)
  const start = idx[0] - 2
  expect(px(spacer(el, 'top').style.height)).toBe(start * 36)
  expect(el.visibleRange.first).toBe(5000)
  // the rendered cells are the right rows
  expect(shadow(el).querySelector('tr[aria-rowindex="5002"] td:nth-child(2)')?.textContent).toBe('Person 5000')
})

test('scrolling within the same window does not re-render', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(100_000) })
  await scrollTo(el, 36 * 100)
  scroller(el).scrollTop = 36 * 100 + 20 // same first row
  scroller(el).dispatchEvent(new Event('scroll'))
  expect(el.isUpdatePending).toBe(false)
  scroller(el).scrollTop = 36 * 101
  scroller(el).dispatchEvent(new Event('scroll'))
  expect(el.isUpdatePending).toBe(true)
})

test('max scroll shows the last row', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(100_000) })
  await scrollTo(el, 100_000 * 36 - 364)
  const idx = rowIndices(el)
  expect(idx[idx.length - 1]).toBe(100_001)
  expect(px(spacer(el, 'bottom').style.height)).toBe(0)
})

test('1,000,000 rows: the row area is capped and max scroll reaches row 999,999', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(1_000_000) })
  expect(rowIndices(el).length).toBeLessThan(100)
  const rendered = (): number => rowIndices(el).length * 36
  const total = (): number => px(spacer(el, 'top').style.height) + rendered() + px(spacer(el, 'bottom').style.height)
  expect(total()).toBe(MAX_SCROLL_HEIGHT)

  const max = MAX_SCROLL_HEIGHT - 364
  await scrollTo(el, max)
  const idx = rowIndices(el)
  expect(idx[idx.length - 1]).toBe(1_000_001)
  expect(shadow(el).querySelector('tr[aria-rowindex="1000001"] td')?.textContent).toBe('999999')
  expect(idx.length).toBeLessThan(100)
  expect(total()).toBeCloseTo(MAX_SCROLL_HEIGHT, 3)

  await scrollTo(el, max / 2)
  expect(el.visibleRange.first).toBe(Math.floor(((max / 2) / max) * (1_000_000 - 364 / 36)))
  expect(total()).toBeCloseTo(MAX_SCROLL_HEIGHT, 3)
})

test('height and rowHeight size the window', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(10_000), height: 200, rowHeight: 20 })
  // 180 px of rows at 20 px = 9 rows; 10 with the partial, + 4 overscan below
  expect(rowIndices(el)).toHaveLength(14)
  expect(scroller(el).style.height).toBe('200px')
  expect(el.style.getPropertyValue('--smith-row-height')).toBe('20px')
  el.height = 800
  await el.updateComplete
  expect(rowIndices(el).length).toBe(44)
})

test('a page change scrolls back to the top', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(1000), pageSize: 500 })
  await scrollTo(el, 36 * 300)
  shadow(el).querySelector<HTMLButtonElement>('button.next')!.click()
  await el.updateComplete
  expect(scroller(el).scrollTop).toBe(0)
  expect(rowIndices(el)[0]).toBe(502)
})

test('a render caused by user scrolling never writes scrollTop back (no forced layout mid-render)', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(10_000) })
  const sc = scroller(el)
  let value = 0
  let writes = 0
  Object.defineProperty(sc, 'scrollTop', {
    configurable: true,
    get: () => value,
    set: (v: number) => {
      writes++
      value = v
    },
  })
  value = 36 * 2000
  sc.dispatchEvent(new Event('scroll'))
  await el.updateComplete
  expect(rowIndices(el)).toContain(2002)
  expect(writes).toBe(0)
})

test('scroll anchoring is off on the scroll container (it would fight the spacers)', async () => {
  const { SmithTable } = await import('../../widgets/table')
  const css = [SmithTable.styles].flat(Infinity).map((s) => String((s as { cssText?: string }).cssText ?? '')).join('\n')
  expect(css).toMatch(/\.scroller\s*{[^}]*overflow-anchor:\s*none/)
})
