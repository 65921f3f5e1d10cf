// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest'
import { cleanup, mount, shadow } from './helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const data = [
  { name: 'Smith, Jane', quote: 'said "hi"', formula: '=1+1', n: -5, secret: 'x' },
  { name: 'Bob', quote: 'two\nlines', formula: '@SUM(A1)', n: 2, secret: 'y' },
  { name: 'Al', quote: '', formula: '+cmd|calc', n: null, secret: 'z' },
]
const columns = [{ key: 'name', label: 'Name' }, { key: 'quote' }, { key: 'formula' }, { key: 'n' }, { key: 'secret', hidden: true }]

test('toCSV: visible columns, RFC 4180 quoting, formulas neutralised, numbers kept', async () => {
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: data, columns })
  expect(el.toCSV()).toBe(
    [
      'Name,quote,formula,n',
      `"Smith, Jane","said ""hi""",'=1+1,-5`,
      `Bob,"two\nlines",'@SUM(A1),2`,
      `Al,,'+cmd|calc,`,
    ].join('\r\n'),
  )
})

test('toCSV follows the search and sort, across all pages', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ id: i, group: i % 2 ? 'odd' : 'even' }))
  const el = await mount<'smith-table'>('<smith-table></smith-table>', { tableData: rows, pageSize: 5 })
  el.setMeta('searchText', 'odd')
  el.setMeta('sortOrder', { column: 'id', order: 'desc' })
  await el.updateComplete
  const lines = el.toCSV().split('\r\n')
  expect(lines[0]).toBe('id,group')
  expect(lines).toHaveLength(16)
  expect(lines[1]).toBe('29,odd')
  expect(lines[15]).toBe('1,odd')
})

test('the toolbar button downloads <name>.csv through a Blob URL and revokes it', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  let blob: Blob | undefined
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob
    return 'blob:t/1'
  })
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  let download = ''
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    download = this.download
  })
  const el = await mount<'smith-table'>('<smith-table name="Users"></smith-table>', { tableData: data, columns })
  const button = shadow(el).querySelector<HTMLButtonElement>('button.download')!
  expect(button.textContent?.trim()).toBe('Download CSV')
  button.click()
  expect(download).toBe('Users.csv')
  expect(await blob!.text()).toBe('\uFEFF' + el.toCSV())
  expect(shadow(el).querySelector('a[download]')).toBeNull()
  vi.runAllTimers()
  expect(revoke).toHaveBeenCalledWith('blob:t/1')
})
