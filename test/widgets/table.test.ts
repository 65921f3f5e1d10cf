// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { SmithTable } from '../../widgets/table'
import { cleanup, mount, people, recordTriggers, shadow } from './helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const headers = (el: Element): string[] =>
  [...shadow(el).querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼]/g, '').trim())
const bodyRows = (el: Element): HTMLTableRowElement[] => [...shadow(el).querySelectorAll<HTMLTableRowElement>('tbody tr[role="row"]')]
const cellTexts = (el: Element): string[][] => bodyRows(el).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))

async function table(props: Record<string, unknown>, attrs = ''): Promise<SmithTable> {
  return mount<'smith-table'>(`<smith-table name="Table1" ${attrs}></smith-table>`, props)
}

describe('rendering', () => {
  test('columns are the union of keys of the first rows; cells are the values', async () => {
    const el = await table({ tableData: [{ id: 1, name: 'Ann' }, { id: 2, email: 'b@x.io' }] })
    expect(headers(el)).toEqual(['id', 'name', 'email'])
    expect(cellTexts(el)).toEqual([
      ['1', 'Ann', ''],
      ['2', '', 'b@x.io'],
    ])
  })

  test('configured columns: order, label, hidden, number alignment', async () => {
    const el = await table({
      tableData: [{ id: 1, name: 'Ann', secret: 's' }],
      columns: [{ key: 'name', label: 'Name', order: 1 }, { key: 'id', order: 2 }, { key: 'secret', hidden: true }],
    })
    expect(headers(el)).toEqual(['Name', 'id'])
    expect(cellTexts(el)).toEqual([['Ann', '1']])
    const idCell = bodyRows(el)[0].querySelectorAll('td')[1]
    expect(idCell.classList.contains('number')).toBe(true)
  })

  test('dates use toLocaleString', async () => {
    const d = new Date(Date.UTC(2024, 4, 6, 7, 8, 9))
    const el = await table({ tableData: [{ at: d, iso: d.toISOString() }], columns: [{ key: 'at' }, { key: 'iso', type: 'date' }] })
    expect(cellTexts(el)).toEqual([[d.toLocaleString(), d.toLocaleString()]])
  })

  test('link cells get an <a> only for http(s) URLs', async () => {
    const el = await table({
      tableData: [{ url: 'https://example.com/x' }, { url: 'javascript:alert(1)' }, { url: 'data:text/html,hi' }],
      columns: [{ key: 'url', type: 'link' }],
    })
    const links = shadow(el).querySelectorAll('a')
    expect(links).toHaveLength(1)
    expect(links[0].getAttribute('href')).toBe('https://example.com/x')
    expect(links[0].rel).toContain('noopener')
    expect(cellTexts(el).map((r) => r[0])).toEqual(['https://example.com/x', 'javascript:alert(1)', 'data:text/html,hi'])
  })

  test('HTML and script payloads in data render as text', async () => {
    const img = '<img src=x onerror=alert(1)>'
    const script = '<script>alert(1)</script>'
    const el = await table({ tableData: [{ name: img, bio: script }], columns: [{ key: 'name' }, { key: 'bio', type: 'link' }] })
    const root = shadow(el)
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('script')).toBeNull()
    expect(cellTexts(el)).toEqual([[img, script]])
    // a header label is text too
    el.columns = [{ key: 'name', label: img }]
    await el.updateComplete
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('thead th')?.textContent).toContain(img)
  })

  test('static attributes work (JSON table-data, page-size, height, row-height)', async () => {
    const el = await mount<'smith-table'>(
      `<smith-table table-data='[{"a":1},{"a":2},{"a":3}]' page-size="2" height="200" row-height="40"></smith-table>`,
    )
    expect(cellTexts(el)).toEqual([['1'], ['2']])
    expect(el.meta.pageSize.value).toBe(2)
    expect(shadow(el).querySelector<HTMLElement>('.scroller')!.style.height).toBe('200px')
    expect(el.style.getPropertyValue('--smith-row-height')).toBe('40px')
    expect(shadow(el).querySelector('.page-info')?.textContent).toBe('Page 1 of 2')
  })

  test('binding attributes are ignored (no raw template on screen)', async () => {
    const el = await mount<'smith-table'>(`<smith-table table-data="{{getusers_API.data.results}}" page-size="{{5}}"></smith-table>`)
    expect(shadow(el).textContent).not.toContain('{{')
    expect(el.tableData).toBeUndefined()
    expect(el.pageSize).toBe(0)
    expect(shadow(el).querySelector('.empty')?.textContent).toBe('No data to display')
  })
})

describe('states', () => {
  test('empty', async () => {
    const el = await table({ tableData: [] })
    expect(shadow(el).querySelector('.empty')?.textContent).toBe('No data to display')
    expect(bodyRows(el)).toHaveLength(0)
  })

  test('null/undefined tableData (query not run yet) is the empty state, not an error', async () => {
    const el = await table({ tableData: null })
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull()
    expect(shadow(el).querySelector('.empty')).not.toBeNull()
  })

  test('tableData that is not an array is an error state', async () => {
    const el = await table({ tableData: { results: [] } })
    const alert = shadow(el).querySelector('[role="alert"]')
    expect(alert?.textContent).toBe('tableData must be an array, got object')
    expect(shadow(el).querySelector('[role="grid"]')).toBeNull()
    el.tableData = 'text'
    await el.updateComplete
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toBe('tableData must be an array, got string')
  })

  test('a binding error for tableData is shown with its message', async () => {
    const el = await table({ tableData: [{ a: 1 }], errors: { tableData: "TypeError: Cannot read properties of undefined (reading 'results')" } })
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toBe("TypeError: Cannot read properties of undefined (reading 'results')")
    expect(shadow(el).querySelector('[role="grid"]')).toBeNull()
    el.errors = {}
    await el.updateComplete
    expect(shadow(el).querySelector('[role="grid"]')).not.toBeNull()
  })

  test('errors for other properties are listed while the grid still renders', async () => {
    const el = await table({ tableData: [{ a: 1 }], errors: { columns: 'SyntaxError' } })
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain('columns: SyntaxError')
    expect(bodyRows(el)).toHaveLength(1)
  })

  test('an invalid columns value is reported and the columns are inferred', async () => {
    const el = await table({ tableData: [{ a: 1 }], columns: 'a,b' })
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toBe('columns must be an array, got string')
    expect(headers(el)).toEqual(['a'])
  })

  test('loading shows a status overlay and marks the grid busy', async () => {
    const el = await table({ tableData: [], loading: true })
    const status = shadow(el).querySelector('[role="status"]')
    expect(status?.textContent).toBe('Loading…')
    expect(shadow(el).querySelector('[role="grid"]')?.getAttribute('aria-busy')).toBe('true')
    expect(shadow(el).querySelector('.empty')).toBeNull()
    el.loading = false
    await el.updateComplete
    expect(shadow(el).querySelector('[role="grid"]')?.getAttribute('aria-busy')).toBe('false')
    expect(shadow(el).querySelector('.overlay')).toBeNull()
  })
})

describe('grid semantics', () => {
  test('roles, aria-rowcount, aria-rowindex, aria-sort', async () => {
    const el = await table({ tableData: people(3) })
    const grid = shadow(el).querySelector('table')!
    expect(grid.getAttribute('role')).toBe('grid')
    expect(grid.getAttribute('aria-rowcount')).toBe('4')
    expect(shadow(el).querySelector('thead tr')?.getAttribute('aria-rowindex')).toBe('1')
    expect(bodyRows(el).map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4'])
    expect([...shadow(el).querySelectorAll('th')].every((th) => th.getAttribute('role') === 'columnheader' && th.getAttribute('aria-sort') === 'none')).toBe(true)
    expect(shadow(el).querySelectorAll('td[role="gridcell"]')).toHaveLength(9)
  })
})

describe('selection', () => {
  test('clicking a row sets selectedRow/selectedRowIndex/triggeredRow, then fires onRowSelected', async () => {
    const data = people(5)
    const el = await table({ tableData: data })
    const log = recordTriggers(el)
    bodyRows(el)[2].querySelectorAll('td')[1].click()
    expect(log).toHaveLength(1)
    expect(log[0].event).toBe('onRowSelected')
    expect(log[0].meta.selectedRowIndex).toBe(2)
    expect(log[0].meta.selectedRow).toBe(data[2])
    expect(log[0].meta.triggeredRow).toBe(data[2])
    await el.updateComplete
    expect(bodyRows(el)[2].getAttribute('aria-selected')).toBe('true')
    expect(bodyRows(el)[1].getAttribute('aria-selected')).toBe('false')
  })

  test('selectedRowIndex is the index in the original tableData, whatever the sort', async () => {
    const data = [{ n: 'c' }, { n: 'a' }, { n: 'b' }]
    const el = await table({ tableData: data })
    shadow(el).querySelector('th')!.click() // sort by n ascending: a, b, c
    await el.updateComplete
    expect(cellTexts(el).map((r) => r[0])).toEqual(['a', 'b', 'c'])
    bodyRows(el)[0].querySelector('td')!.click()
    expect(el.meta.selectedRowIndex.value).toBe(1)
    expect(el.meta.selectedRow.value).toBe(data[1])
  })

  test('new tableData keeps the index and refreshes selectedRow (client mode)', async () => {
    const el = await table({ tableData: people(3) })
    bodyRows(el)[1].querySelector('td')!.click()
    const next = people(3).map((p) => ({ ...p, name: p.name + '!' }))
    el.tableData = next
    await el.updateComplete
    expect(el.meta.selectedRowIndex.value).toBe(1)
    expect(el.meta.selectedRow.value).toBe(next[1])
    el.tableData = []
    await el.updateComplete
    expect(el.meta.selectedRowIndex.value).toBe(-1)
    expect(el.meta.selectedRow.value).toEqual({})
  })

  test('resetMeta clears selection, search, sort and page', async () => {
    const el = await table({ tableData: people(30), pageSize: 10 })
    bodyRows(el)[1].querySelector('td')!.click()
    el.setMeta('pageNo', 2)
    el.setMeta('sortOrder', { column: 'name', order: 'desc' })
    await el.updateComplete
    el.resetMeta()
    await el.updateComplete
    expect(el.meta.selectedRowIndex.value).toBe(-1)
    expect(el.meta.selectedRow.value).toEqual({})
    expect(el.meta.pageNo.value).toBe(1)
    expect(el.meta.pageSize.value).toBe(10) // back to the configured size, not 0
    expect(el.meta.sortOrder.value).toEqual({ column: '', order: '' })
    expect(bodyRows(el)[0].getAttribute('aria-rowindex')).toBe('2')
  })

  test('meta written from outside (the runtime) re-renders the widget', async () => {
    const el = await table({ tableData: people(30), pageSize: 10 })
    el.meta.pageNo.value = 3
    await el.updateComplete
    expect(bodyRows(el)[0].getAttribute('aria-rowindex')).toBe('22')
  })
})

describe('button columns', () => {
  const columns = [
    { key: 'name' },
    { key: 'Delete', type: 'button' },
    { key: 'edit', type: 'button', buttonLabel: ['Edit A', 'Edit B', 'Edit C'], isDisabled: [false, true, false], buttonVariant: 'TERTIARY', event: 'onEditRow' },
  ]

  test('each row shows a button: the column label, or its per-row buttonLabel; disabled and variant per row', async () => {
    const el = await table({ tableData: people(3), columns })
    expect(headers(el)).toEqual(['name', 'Delete', 'edit'])
    const buttons = bodyRows(el).map((tr) => [...tr.querySelectorAll('button')])
    expect(buttons.map((row) => row.map((b) => b.textContent))).toEqual([
      ['Delete', 'Edit A'],
      ['Delete', 'Edit B'],
      ['Delete', 'Edit C'],
    ])
    expect(buttons.map((row) => row[1]!.disabled)).toEqual([false, true, false])
    expect(buttons[0]![0]!.className).toBe('cell-button primary')
    expect(buttons[0]![1]!.className).toBe('cell-button tertiary')
    // out of the tab order: the cell is the grid's focus stop
    expect(buttons[0]![0]!.tabIndex).toBe(-1)
    // actions are not data: the CSV leaves them out
    expect(el.toCSV().split('\r\n')[0]).toBe('name')
  })

  test('a click on a button sets triggeredRow/triggeredRowIndex and fires the column event (onDeleteClick by default), selecting nothing', async () => {
    const data = people(3)
    const el = await table({ tableData: data, columns })
    const log = recordTriggers(el)
    bodyRows(el)[2]!.querySelector('button')!.click()
    expect(log.map((l) => l.event)).toEqual(['onDeleteClick'])
    expect(log[0]!.meta.triggeredRow).toBe(data[2])
    expect(log[0]!.meta.triggeredRowIndex).toBe(2)
    expect(log[0]!.meta.selectedRowIndex).toBe(-1)
    // the cell around the button selects the row, as any cell does
    bodyRows(el)[1]!.querySelectorAll('td')[1]!.click()
    expect(log.map((l) => l.event)).toEqual(['onDeleteClick', 'onRowSelected'])
    expect(log[1]!.meta.selectedRowIndex).toBe(1)
  })

  test('Enter or Space on a button cell presses its button; a disabled one does nothing', async () => {
    const data = people(3)
    const el = await table({ tableData: data, columns })
    const log = recordTriggers(el)
    const cells = (row: number): HTMLElement[] => [...bodyRows(el)[row]!.querySelectorAll('td')]
    cells(0)[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    cells(2)[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    cells(1)[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(log.map((l) => [l.event, l.meta.triggeredRowIndex])).toEqual([
      ['onEditRow', 0],
      ['onEditRow', 2],
    ])
  })

  test('an iconName draws the icon instead of text; the label is the accessible name', async () => {
    const el = await table({ tableData: people(2), columns: [{ key: 'name' }, { key: 'del', label: 'Remove', type: 'button', iconName: 'trash' }] })
    const button = bodyRows(el)[1]!.querySelector('button')!
    expect(button.getAttribute('aria-label')).toBe('Remove')
    expect(button.textContent).toBe('')
    expect(button.querySelector('svg path')!.getAttribute('d')).toBe('M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13')
    const log = recordTriggers(el)
    button.click()
    expect(log.map((l) => [l.event, l.meta.triggeredRowIndex])).toEqual([['onDelClick', 1]])
  })

  test('an event that is not an event name is a columns error', async () => {
    const el = await table({ tableData: people(1), columns: [{ key: 'x', type: 'button', event: 'delete it' }] })
    expect(shadow(el).querySelector('.error')!.textContent).toContain('columns[0].event must be an event name like onDeleteClick')
  })
})
