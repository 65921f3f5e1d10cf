// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { SEARCH_DEBOUNCE_MS } from '../../widgets/table'
import type { SmithTable } from '../../widgets/table'
import { cleanup, key, mount, people, recordTriggers, shadow } from './helpers'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T => shadow(el).querySelector<T>(sel)!
const col = (el: Element, i: number): string[] =>
  [...shadow(el).querySelectorAll('tbody tr[role="row"]')].map((tr) => tr.querySelectorAll('td')[i].textContent ?? '')
const rowIndices = (el: Element): number[] =>
  [...shadow(el).querySelectorAll('tbody tr[role="row"]')].map((tr) => Number(tr.getAttribute('aria-rowindex')))

async function typeSearch(el: SmithTable, text: string): Promise<void> {
  const box = $<HTMLInputElement>(el, 'input.search')
  box.value = text
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
  await el.updateComplete
}

async function clickHeader(el: SmithTable, i: number): Promise<void> {
  shadow(el).querySelectorAll<HTMLElement>('thead th')[i].click()
  await el.updateComplete
}

describe('client-side search', () => {
  const data = [
    { name: 'Alice', city: 'Paris', note: 'hidden-match' },
    { name: 'Bob', city: 'Berlin', note: '' },
    { name: 'Carol', city: 'paris', note: '' },
  ]
  const columns = [{ key: 'name' }, { key: 'city' }, { key: 'note', hidden: true }]

  test('is debounced, case-insensitive over visible columns, and resets the page', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: data, columns })
    const log = recordTriggers(el)
    el.setMeta('pageNo', 1)
    await typeSearch(el, 'P')
    await typeSearch(el, 'PA')
    await typeSearch(el, 'PAR')
    expect($<HTMLInputElement>(el, 'input.search').value).toBe('PAR')
    expect(col(el, 0)).toEqual(['Alice', 'Bob', 'Carol']) // not yet
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    expect(log).toEqual([])
    vi.advanceTimersByTime(1)
    await el.updateComplete
    expect(log.map((t) => t.event)).toEqual(['onSearchTextChanged'])
    expect(log[0].meta).toMatchObject({ searchText: 'PAR', pageNo: 1 })
    expect(col(el, 0)).toEqual(['Alice', 'Carol'])
    expect(el.meta.filteredTableData.value).toEqual([data[0], data[2]])
    expect($(el, 'table').getAttribute('aria-rowcount')).toBe('3')

    await typeSearch(el, 'hidden-match')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await el.updateComplete
    expect(col(el, 0)).toEqual([])
    expect($(el, '.empty').textContent).toBe('No data to display')
  })

  test('Enter searches at once', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: data, columns })
    const log = recordTriggers(el)
    await typeSearch(el, 'bob')
    key($(el, 'input.search'), 'Enter')
    await el.updateComplete
    expect(log.map((t) => t.event)).toEqual(['onSearchTextChanged'])
    expect(col(el, 0)).toEqual(['Bob'])
    vi.runAllTimers()
    expect(log).toHaveLength(1) // the pending debounce was cancelled
  })

  test('a search resets pageNo to 1', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(50), pageSize: 10 })
    $<HTMLButtonElement>(el, 'button.next').click()
    await el.updateComplete
    expect(el.meta.pageNo.value).toBe(2)
    await typeSearch(el, 'Person 1')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await el.updateComplete
    expect(el.meta.pageNo.value).toBe(1)
    expect($(el, '.page-info').textContent).toBe('Page 1 of 2') // Person 1, 10–19 → 11 rows
  })
})

describe('client-side sort', () => {
  const data = [{ name: 'b', n: 10 }, { name: 'C', n: 9 }, { name: 'a', n: 100 }]

  test('header clicks cycle asc → desc → none, numbers compare numerically', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: data })
    const log = recordTriggers(el)
    const th = (): HTMLElement => shadow(el).querySelectorAll<HTMLElement>('thead th')[1]
    await clickHeader(el, 1)
    expect(col(el, 1)).toEqual(['9', '10', '100'])
    expect(th().getAttribute('aria-sort')).toBe('ascending')
    expect(log[0]).toMatchObject({ event: 'onSort', meta: { sortOrder: { column: 'n', order: 'asc' } } })
    await clickHeader(el, 1)
    expect(col(el, 1)).toEqual(['100', '10', '9'])
    expect(th().getAttribute('aria-sort')).toBe('descending')
    await clickHeader(el, 1)
    expect(col(el, 1)).toEqual(['10', '9', '100'])
    expect(th().getAttribute('aria-sort')).toBe('none')
    expect(el.meta.sortOrder.value).toEqual({ column: '', order: '' })
    expect(log.map((t) => t.event)).toEqual(['onSort', 'onSort', 'onSort'])
  })

  test('strings sort with locale rules; filteredTableData follows the sort', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: data })
    await clickHeader(el, 0)
    expect(col(el, 0)).toEqual(['a', 'b', 'C'])
    expect(el.meta.filteredTableData.value).toEqual([data[2], data[0], data[1]])
  })
})

describe('client-side pagination', () => {
  test('Page X of Y with prev/next; aria-rowindex continues across pages', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(25), pageSize: 10 })
    const log = recordTriggers(el)
    expect($(el, '.page-info').textContent).toBe('Page 1 of 3')
    expect($<HTMLButtonElement>(el, 'button.prev').disabled).toBe(true)
    expect(rowIndices(el)).toHaveLength(10)
    $<HTMLButtonElement>(el, 'button.next').click()
    expect(log[0]).toMatchObject({ event: 'onPageChange', meta: { pageNo: 2 } })
    await el.updateComplete
    expect($(el, '.page-info').textContent).toBe('Page 2 of 3')
    expect(rowIndices(el)[0]).toBe(12)
    expect(col(el, 0)[0]).toBe('10')
    $<HTMLButtonElement>(el, 'button.next').click()
    await el.updateComplete
    expect(rowIndices(el)).toEqual([22, 23, 24, 25, 26])
    expect($<HTMLButtonElement>(el, 'button.next').disabled).toBe(true)
    $<HTMLButtonElement>(el, 'button.prev').click()
    await el.updateComplete
    expect(el.meta.pageNo.value).toBe(2)
    // filteredTableData spans all pages
    expect((el.meta.filteredTableData.value as unknown[]).length).toBe(25)
  })

  test('the page follows when the data shrinks', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(25), pageSize: 10 })
    el.setMeta('pageNo', 3)
    await el.updateComplete
    el.tableData = people(12)
    await el.updateComplete
    expect(el.meta.pageNo.value).toBe(2)
    expect(rowIndices(el)).toEqual([12, 13])
  })

  test('rows per page control sets meta pageSize and fires onPageSizeChange', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(100), pageSize: 10 })
    const log = recordTriggers(el)
    el.setMeta('pageNo', 3)
    await el.updateComplete
    const select = $<HTMLSelectElement>(el, 'select')
    select.value = '25'
    select.dispatchEvent(new Event('change', { bubbles: true }))
    expect(log[0]).toMatchObject({ event: 'onPageSizeChange', meta: { pageSize: 25, pageNo: 1 } })
    await el.updateComplete
    expect($(el, '.page-info').textContent).toBe('Page 1 of 4')
  })

  test('pageSize 0: no pagination, all rows in one windowed page', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: people(5000) })
    expect(shadow(el).querySelector('button.next')).toBeNull()
    expect($(el, '.page-info').textContent).toBe('5000 rows')
    expect(rowIndices(el).length).toBeLessThan(100)
  })
})

describe('server-side pagination', () => {
  const page = (n: number): { id: number }[] => Array.from({ length: 10 }, (_, i) => ({ id: (n - 1) * 10 + i }))

  async function serverTable(): Promise<SmithTable> {
    return mount<'smith-table'>('<smith-table server-side-pagination page-size="10"></smith-table>', { tableData: page(1), totalRecordsCount: 95 })
  }

  test('tableData is the page; totalRecordsCount gives Page X of Y and aria-rowcount', async () => {
    const el = await serverTable()
    expect(el.serverSidePagination).toBe(true)
    expect($(el, '.page-info').textContent).toBe('Page 1 of 10')
    expect($(el, 'table').getAttribute('aria-rowcount')).toBe('96')
    expect(el.meta.filteredTableData.value).toBe(el.tableData)
  })

  test('next/prev change meta pageNo and fire onPageChange; the new page renders with its row indices', async () => {
    const el = await serverTable()
    const log = recordTriggers(el)
    $<HTMLButtonElement>(el, 'button.next').click()
    expect(log).toEqual([expect.objectContaining({ event: 'onPageChange', meta: expect.objectContaining({ pageNo: 2, pageSize: 10 }) })])
    await el.updateComplete
    // the runtime re-runs the query and sets the new page
    el.tableData = page(2)
    await el.updateComplete
    expect(rowIndices(el)[0]).toBe(12)
    expect(col(el, 0)[0]).toBe('10')
    expect($(el, '.page-info').textContent).toBe('Page 2 of 10')
  })

  test('the last page disables next', async () => {
    const el = await serverTable()
    el.setMeta('pageNo', 10)
    await el.updateComplete
    expect($<HTMLButtonElement>(el, 'button.next').disabled).toBe(true)
  })

  test('without totalRecordsCount: "Page X", next enabled while pages are full', async () => {
    const el = await mount<'smith-table'>('<smith-table server-side-pagination page-size="10"></smith-table>', { tableData: page(1) })
    expect($(el, '.page-info').textContent).toBe('Page 1')
    expect($(el, 'table').getAttribute('aria-rowcount')).toBe('-1')
    expect($<HTMLButtonElement>(el, 'button.next').disabled).toBe(false)
    el.tableData = page(1).slice(0, 3)
    await el.updateComplete
    expect($<HTMLButtonElement>(el, 'button.next').disabled).toBe(true)
  })

  test('search only sets meta (debounced), resets pageNo and fires onSearchTextChanged; rows are not filtered', async () => {
    const el = await serverTable()
    el.setMeta('pageNo', 4)
    const log = recordTriggers(el)
    await typeSearch(el, 'zzz')
    await typeSearch(el, 'zzz9')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await el.updateComplete
    expect(log).toEqual([expect.objectContaining({ event: 'onSearchTextChanged', meta: expect.objectContaining({ searchText: 'zzz9', pageNo: 1 }) })])
    expect(col(el, 0)).toHaveLength(10) // the server filters, not the widget
  })

  test('sort only sets meta and fires onSort; rows keep the server order', async () => {
    const el = await mount<'smith-table'>('<smith-table server-side-pagination page-size="3"></smith-table>', { tableData: [{ n: 3 }, { n: 1 }, { n: 2 }] })
    const log = recordTriggers(el)
    await clickHeader(el, 0)
    expect(log[0]).toMatchObject({ event: 'onSort', meta: { sortOrder: { column: 'n', order: 'asc' } } })
    expect(col(el, 0)).toEqual(['3', '1', '2'])
    expect(shadow(el).querySelector('th')!.getAttribute('aria-sort')).toBe('ascending')
  })

  test('a new page clears the selection (other records)', async () => {
    const el = await serverTable()
    shadow(el).querySelector<HTMLElement>('tbody tr[role="row"] td')!.click()
    expect(el.meta.selectedRowIndex.value).toBe(0)
    el.tableData = page(2)
    await el.updateComplete
    expect(el.meta.selectedRowIndex.value).toBe(-1)
    expect(el.meta.selectedRow.value).toEqual({})
  })

  test('pageSize 0 in server mode is what fits the viewport', async () => {
    const el = await mount<'smith-table'>('<smith-table server-side-pagination></smith-table>', { tableData: page(1) })
    expect(el.meta.pageSize.value).toBe(10) // (400 - 36) / 36
  })

  test('the search debounce timer is cleared on disconnect', async () => {
    const el = await serverTable()
    const log = recordTriggers(el)
    await typeSearch(el, 'abc')
    expect(vi.getTimerCount()).toBe(1)
    el.remove()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2)
    expect(log).toEqual([])
  })
})
