// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithTable } from '../../widgets/table'
import { cleanup, key, mount, people, recordTriggers, shadow } from './helpers'

afterEach(cleanup)

async function table(props: Record<string, unknown>): Promise<SmithTable> {
  return mount<'smith-table'>('<smith-table name="Table1"></smith-table>', props)
}

/** The focused cell as [aria-rowindex of its row, column index]. */
function focused(el: SmithTable): [number, number] {
  const cell = shadow(el).activeElement as HTMLElement | null
  if (!cell) throw new Error('nothing focused')
  return [Number(cell.closest('tr')!.getAttribute('aria-rowindex')), Number(cell.getAttribute('data-col'))]
}

/** Exactly one cell in the grid is in the tab order. */
function tabStops(el: SmithTable): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[role="grid"] [tabindex="0"]')]
}

async function press(el: SmithTable, k: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const target = shadow(el).activeElement ?? tabStops(el)[0]
  const e = key(target, k, init)
  await el.updateComplete
  return e
}

async function focusFirst(el: SmithTable): Promise<void> {
  tabStops(el)[0].focus()
  await el.updateComplete
}

test('the roving tab stop starts on the first data cell and there is exactly one', async () => {
  const el = await table({ tableData: people(5) })
  const stops = tabStops(el)
  expect(stops).toHaveLength(1)
  expect(stops[0].closest('tr')!.getAttribute('aria-rowindex')).toBe('2')
  expect(stops[0].getAttribute('data-col')).toBe('0')
})

test('arrow keys move focus and the tab stop; edges hold', async () => {
  const el = await table({ tableData: people(5) })
  await focusFirst(el)
  const e = await press(el, 'ArrowDown')
  expect(e.defaultPrevented).toBe(true)
  expect(focused(el)).toEqual([3, 0])
  await press(el, 'ArrowRight')
  await press(el, 'ArrowRight')
  await press(el, 'ArrowRight') // already at the last column
  expect(focused(el)).toEqual([3, 2])
  await press(el, 'ArrowLeft')
  expect(focused(el)).toEqual([3, 1])
  expect(tabStops(el)).toEqual([shadow(el).activeElement])
  for (let i = 0; i < 10; i++) await press(el, 'ArrowDown')
  expect(focused(el)).toEqual([6, 1]) // last row
})

test('ArrowUp from the first row reaches the header; Enter/Space there sort', async () => {
  const el = await table({ tableData: [{ n: 2 }, { n: 10 }, { n: 1 }] })
  const log = recordTriggers(el)
  await focusFirst(el)
  await press(el, 'ArrowUp')
  expect(focused(el)).toEqual([1, 0])
  const th = shadow(el).activeElement!
  expect(th.getAttribute('role')).toBe('columnheader')
  await press(el, 'Enter')
  expect(th.getAttribute('aria-sort')).toBe('ascending')
  await press(el, ' ')
  expect(th.getAttribute('aria-sort')).toBe('descending')
  expect(log.map((t) => t.event)).toEqual(['onSort', 'onSort'])
  expect(log[1].meta.sortOrder).toEqual({ column: 'n', order: 'desc' })
})

test('Home/End go to the row start/end; Ctrl+Home/Ctrl+End to the first/last row', async () => {
  const el = await table({ tableData: people(50) })
  await focusFirst(el)
  await press(el, 'ArrowDown')
  await press(el, 'End')
  expect(focused(el)).toEqual([3, 2])
  await press(el, 'Home')
  expect(focused(el)).toEqual([3, 0])
  await press(el, 'End', { ctrlKey: true })
  expect(focused(el)).toEqual([51, 2])
  await press(el, 'Home', { ctrlKey: true })
  expect(focused(el)).toEqual([2, 0])
})

test('PageDown/PageUp move by the rows that fit in the viewport', async () => {
  // height 400, header 36 → 364 px → 10 whole rows
  const el = await table({ tableData: people(100) })
  await focusFirst(el)
  await press(el, 'PageDown')
  expect(focused(el)).toEqual([12, 0])
  await press(el, 'PageDown')
  expect(focused(el)).toEqual([22, 0])
  await press(el, 'PageUp')
  expect(focused(el)).toEqual([12, 0])
  await press(el, 'PageUp')
  await press(el, 'PageUp')
  expect(focused(el)).toEqual([2, 0])
})

test('Space and Enter select the focused row (meta first, then onRowSelected)', async () => {
  const data = people(10)
  const el = await table({ tableData: data })
  const log = recordTriggers(el)
  await focusFirst(el)
  await press(el, 'ArrowDown')
  await press(el, 'ArrowDown')
  const e = await press(el, ' ')
  expect(e.defaultPrevented).toBe(true) // Space must not scroll the page
  expect(log).toHaveLength(1)
  expect(log[0]).toMatchObject({ event: 'onRowSelected', meta: { selectedRowIndex: 2, selectedRow: data[2] } })
  await press(el, 'ArrowDown')
  await press(el, 'Enter')
  expect(log[1].meta.selectedRowIndex).toBe(3)
  expect(shadow(el).activeElement!.closest('tr')!.getAttribute('aria-selected')).toBe('true')
})

test('clicking a cell moves the tab stop there', async () => {
  const el = await table({ tableData: people(5) })
  const cell = shadow(el).querySelectorAll('tbody tr[role="row"]')[3].querySelectorAll('td')[2] as HTMLElement
  cell.focus()
  cell.click()
  await el.updateComplete
  expect(tabStops(el)).toEqual([cell])
  await press(el, 'ArrowUp')
  expect(focused(el)).toEqual([4, 2])
})

test('focus follows into rows that are windowed in, scrolling the container', async () => {
  const el = await table({ tableData: people(100_000) })
  const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!
  await focusFirst(el)
  for (let i = 0; i < 30; i++) await press(el, 'ArrowDown')
  expect(focused(el)).toEqual([32, 0])
  // row 30 is fully visible: its bottom (31 * 36) is the viewport bottom (scrollTop + 364)
  expect(scroller.scrollTop).toBe(31 * 36 - 364)
  expect(tabStops(el)).toHaveLength(1)
  expect(shadow(el).querySelectorAll('tbody tr').length).toBeLessThan(100)

  await press(el, 'End', { ctrlKey: true })
  expect(focused(el)).toEqual([100_001, 2])
  expect(scroller.scrollTop).toBe(100_000 * 36 - 364)
  await press(el, 'PageUp')
  expect(focused(el)).toEqual([99_991, 2])
  await press(el, 'Home', { ctrlKey: true })
  expect(focused(el)).toEqual([2, 0])
  expect(scroller.scrollTop).toBe(0)
})

test('a scrolled-away active row leaves the tab stop on a rendered row', async () => {
  const el = await table({ tableData: people(10_000) })
  await focusFirst(el)
  await press(el, 'ArrowDown')
  const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!
  scroller.scrollTop = 36 * 5000
  scroller.dispatchEvent(new Event('scroll'))
  await el.updateComplete
  const stops = tabStops(el)
  expect(stops).toHaveLength(1)
  expect(stops[0].closest('tr')!.getAttribute('aria-rowindex')).toBe('5002') // row 5000, the top visible row
})

test('Ctrl+End reaches the last of 1,000,000 rows (scaled scrolling)', async () => {
  const el = await table({ tableData: people(1_000_000) })
  await focusFirst(el)
  await press(el, 'End', { ctrlKey: true })
  expect(focused(el)).toEqual([1_000_001, 2])
  await press(el, 'ArrowUp')
  expect(focused(el)).toEqual([1_000_000, 2])
  await press(el, 'PageUp')
  await press(el, 'PageUp')
  expect(focused(el)).toEqual([999_980, 2])
  // the focused row is laid out inside the viewport
  const w = el.visibleRange
  expect(w.start).toBeLessThanOrEqual(999_978)
  expect(shadow(el).querySelectorAll('tbody tr').length).toBeLessThan(100)
})

test('keys in an empty grid do not throw', async () => {
  const el = await table({ tableData: [], columns: [{ key: 'a' }] })
  const th = tabStops(el)[0]
  expect(th.getAttribute('role')).toBe('columnheader')
  th.focus()
  for (const k of ['ArrowDown', 'PageDown', 'End', 'Enter']) await press(el, k, { ctrlKey: k === 'End' })
  expect(focused(el)).toEqual([1, 0])
})
