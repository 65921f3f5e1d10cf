// @vitest-environment happy-dom
// What a window move, a selection and a new model change in the DOM: only the rows that
// entered and the attributes that differ (table-rows.ts), never the header.
import { afterEach, expect, test } from 'vitest'
import type { SmithTable } from '../../widgets/table'
import { cleanup, mount, people, shadow } from './helpers'

afterEach(cleanup)

/** The same elements, not merely equal ones. */
const same = (a: readonly Node[], b: readonly Node[]): boolean => a.length === b.length && a.every((n, i) => n === b[i])
const bodyRows = (el: Element): HTMLTableRowElement[] => [...shadow(el).querySelectorAll<HTMLTableRowElement>('tbody tr[role="row"]')]
const scroller = (el: Element): HTMLElement => shadow(el).querySelector<HTMLElement>('.scroller')!

async function scrollTo(el: SmithTable, top: number): Promise<void> {
  scroller(el).scrollTop = top
  scroller(el).dispatchEvent(new Event('scroll'))
  await el.updateComplete
}

/** Records the DOM mutations under the table's shadow root while `action` runs. */
async function mutations(el: SmithTable, action: () => Promise<void>): Promise<MutationRecord[]> {
  const records: MutationRecord[] = []
  const observer = new MutationObserver((list) => records.push(...list))
  observer.observe(shadow(el), { subtree: true, childList: true, attributes: true, characterData: true })
  await action()
  await new Promise((resolve) => setTimeout(resolve, 0)) // MutationObserver callbacks are microtasks
  records.push(...observer.takeRecords())
  observer.disconnect()
  return records
}

const inHeader = (r: MutationRecord): boolean => !!(r.target as Element).closest?.('thead') || r.target.nodeName === 'THEAD'

test('scrolling by one row refills the row that left as the one that entered; the rows that stay and the header are untouched', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(1000) })
  await scrollTo(el, 36 * 100)
  const ids = (rows: HTMLTableRowElement[]): number[] => rows.map((tr) => Number(tr.querySelector('td')!.textContent))
  const before = bodyRows(el)
  const idsBefore = ids(before)
  const records = await mutations(el, () => scrollTo(el, 36 * 101))
  const after = bodyRows(el)
  expect(after.length).toBe(before.length)
  // the same elements, shifted by one: one left at the top, one entered at the bottom
  expect(same(after.slice(0, -1), before.slice(1))).toBe(true)
  // the row that left is the one that entered, refilled: no new element
  expect(after[after.length - 1]).toBe(before[0])
  const start = idsBefore[0]!
  expect(idsBefore).toEqual(before.map((_, i) => start + i))
  expect(ids(after)).toEqual(after.map((_, i) => start + 1 + i))
  expect(records.some(inHeader)).toBe(false)
  // on the rows that stayed, only the roving tab stop moved: it follows the top visible
  // row while the active row (0) is out of the window
  const stayed = new Set<Node>(after.slice(0, -1))
  const touched = records.filter((r) => r.type === 'attributes' && stayed.has(r.target.nodeName === 'TD' ? r.target.parentNode! : r.target))
  const where = (r: MutationRecord): string => `${(r.target as Element).closest('tr')!.getAttribute('data-pos')} ${r.attributeName}`
  expect(touched.map(where).sort()).toEqual(['100 tabindex', '101 tabindex'])
  expect(el.visibleRange.first).toBe(101)
})

test('selecting a row writes aria-selected on that row (and the one it replaces) only', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(50) })
  bodyRows(el)[2]!.querySelector('td')!.click()
  await el.updateComplete
  const records = await mutations(el, async () => {
    bodyRows(el)[4]!.querySelector('td')!.click()
    await el.updateComplete
  })
  const rowAttributes = records.filter((r) => r.type === 'attributes' && r.target.nodeName === 'TR')
  expect(rowAttributes.map((r) => [(r.target as Element).getAttribute('data-pos'), r.attributeName])).toEqual([
    ['2', 'aria-selected'],
    ['4', 'aria-selected'],
  ])
  expect(records.filter((r) => r.type === 'childList')).toEqual([])
  expect(bodyRows(el).map((tr) => tr.getAttribute('aria-selected')).indexOf('true')).toBe(4)
})

test('new data refills the rows in place; new columns make new rows', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(20) })
  const first = bodyRows(el)
  el.tableData = people(20).map((p) => ({ ...p, name: p.name.toUpperCase() }))
  await el.updateComplete
  expect(same(bodyRows(el), first)).toBe(true)
  expect(bodyRows(el)[3]!.querySelectorAll('td')[1]!.textContent).toBe('PERSON 3')
  el.columns = [{ key: 'name' }]
  await el.updateComplete
  const rows = bodyRows(el)
  expect(rows.some((tr) => first.includes(tr))).toBe(false)
  expect(rows[3]!.querySelectorAll('td')).toHaveLength(1)
  expect(rows[3]!.querySelector('td')!.textContent).toBe('PERSON 3')
})
