// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import {
  applyModel,
  compareValues,
  filterIndices,
  formatCell,
  inferKeys,
  inferType,
  nextSortOrder,
  pageBounds,
  resolveColumns,
  safeHref,
  sortIndices,
  validateColumns,
} from '../../widgets/table-model'

describe('columns', () => {
  test('keys are the union of the first rows, in order of appearance', () => {
    expect(inferKeys([{ a: 1, b: 2 }, { c: 3, a: 4 }, null, 'x'])).toEqual(['a', 'b', 'c'])
  })

  test('only the sampled rows are looked at', () => {
    const rows = [...Array.from({ length: 60 }, () => ({ a: 1 })), { late: 1 }]
    expect(inferKeys(rows)).toEqual(['a'])
  })

  test('types come from values, never guessed from text', () => {
    const rows = [{ n: 1, d: new Date(0), s: '2024-01-01', m: 1 }, { n: null, d: new Date(1), s: '3', m: 'x' }]
    expect(inferType(rows, 'n')).toBe('number')
    expect(inferType(rows, 'd')).toBe('date')
    expect(inferType(rows, 's')).toBe('text')
    expect(inferType(rows, 'm')).toBe('text')
    expect(inferType(rows, 'missing')).toBe('text')
  })

  test('configured columns: order, label, hidden, type, width', () => {
    const cols = resolveColumns([{ a: 1, b: 'x', c: 3 }], [
      { key: 'c', order: 2, label: 'Cee', width: 80 },
      { key: 'b' },
      { key: 'a', order: 1, type: 'text' },
      { key: 'h', hidden: true },
    ])
    expect(cols).toEqual([
      { key: 'a', label: 'a', type: 'text' },
      { key: 'c', label: 'Cee', type: 'number', width: 80 },
      { key: 'b', label: 'b', type: 'text' },
    ])
  })

  test('invalid configurations are reported, not thrown', () => {
    expect(validateColumns(undefined)).toBeUndefined()
    expect(validateColumns('a,b')).toBe('columns must be an array, got string')
    expect(validateColumns([{ label: 'x' }])).toBe('columns[0] must be an object with a string key')
    expect(validateColumns([{ key: 'a', type: 'html' }])).toMatch(/columns\[0\]\.type/)
    expect(validateColumns([{ key: 'a' }])).toEqual([{ key: 'a' }])
  })
})

describe('cells', () => {
  test('format as text', () => {
    expect(formatCell(null)).toBe('')
    expect(formatCell(undefined)).toBe('')
    expect(formatCell(0)).toBe('0')
    expect(formatCell(false)).toBe('false')
    expect(formatCell({ a: [1] })).toBe('{"a":[1]}')
    expect(formatCell('<b>x</b>')).toBe('<b>x</b>')
  })

  test('dates use toLocaleString; strings and epoch numbers too in a date column', () => {
    const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5))
    expect(formatCell(d)).toBe(d.toLocaleString())
    expect(formatCell(d.toISOString(), 'date')).toBe(d.toLocaleString())
    expect(formatCell(d.getTime(), 'date')).toBe(d.toLocaleString())
    expect(formatCell('not a date', 'date')).toBe('not a date')
  })

  test('cyclic objects do not throw', () => {
    const o: Record<string, unknown> = {}
    o.self = o
    expect(formatCell(o)).toBe('[object Object]')
  })

  test('links only for absolute http(s) URLs', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1')
    expect(safeHref('http://example.com')).toBe('http://example.com/')
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined()
    expect(safeHref('/relative')).toBeUndefined()
    expect(safeHref(42)).toBeUndefined()
  })
})

describe('search', () => {
  const rows = [
    { name: 'Alice', city: 'Paris', secret: 'zebra' },
    { name: 'bob', city: 'Berlin', secret: 'x' },
    { name: 'Carol', city: 'PARIS', secret: 'y' },
  ]
  const cols = resolveColumns(rows, [{ key: 'name' }, { key: 'city' }, { key: 'secret', hidden: true }])

  test('case-insensitive over visible columns', () => {
    expect(filterIndices(rows, cols, 'paris')).toEqual([0, 2])
    expect(filterIndices(rows, cols, 'BOB')).toEqual([1])
  })
  test('hidden columns are not searched', () => {
    expect(filterIndices(rows, cols, 'zebra')).toEqual([])
  })
  test('empty search keeps every row', () => {
    expect(filterIndices(rows, cols, '  ')).toEqual([0, 1, 2])
  })
})

describe('sort', () => {
  test('numbers compare numerically, not as text', () => {
    const rows = [{ n: 10 }, { n: 9 }, { n: 100 }, { n: -1 }]
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'n', type: 'number' }, 'asc')).toEqual([3, 1, 0, 2])
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'n', type: 'number' }, 'desc')).toEqual([2, 0, 1, 3])
  })

  test('dates compare by time', () => {
    const rows = [{ d: new Date(2020, 5, 1) }, { d: new Date(2019, 0, 1) }, { d: new Date(2021, 0, 1) }]
    expect(sortIndices(rows, [0, 1, 2], { key: 'd', type: 'date' }, 'asc')).toEqual([1, 0, 2])
  })

  test('text compares like localeCompare (case-insensitive, numeric-aware)', () => {
    const rows = [{ s: 'b' }, { s: 'A' }, { s: 'item 10' }, { s: 'item 9' }, { s: 'a' }]
    const out = sortIndices(rows, [0, 1, 2, 3, 4], { key: 's', type: 'text' }, 'asc').map((i) => rows[i].s)
    expect(out).toEqual(['A', 'a', 'b', 'item 9', 'item 10'])
  })

  test('empty values sort last in both directions', () => {
    const rows = [{ n: null }, { n: 2 }, {}, { n: 1 }]
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'n', type: 'number' }, 'asc')).toEqual([3, 1, 0, 2])
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'n', type: 'number' }, 'desc')).toEqual([1, 3, 0, 2])
  })

  test('stable: equal keys keep their order in both directions', () => {
    const rows = [{ k: 1, id: 'a' }, { k: 0, id: 'b' }, { k: 1, id: 'c' }, { k: 0, id: 'd' }]
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'k', type: 'number' }, 'asc')).toEqual([1, 3, 0, 2])
    expect(sortIndices(rows, [0, 1, 2, 3], { key: 'k', type: 'number' }, 'desc')).toEqual([0, 2, 1, 3])
  })

  test('no column or no order leaves the order alone (and copies)', () => {
    const idx = [2, 0, 1]
    const out = sortIndices([{}, {}, {}], idx, undefined, 'asc')
    expect(out).toEqual(idx)
    expect(out).not.toBe(idx)
  })

  test('compareValues', () => {
    expect(compareValues(2, 10, 'number')).toBeLessThan(0)
    expect(compareValues('2', '10', 'number')).toBeLessThan(0)
    expect(compareValues(2, 10, 'number', 'desc')).toBeGreaterThan(0)
    expect(compareValues(undefined, 1, 'number', 'desc')).toBeGreaterThan(0)
  })

  test('header clicks cycle asc → desc → none; another column starts at asc', () => {
    let s = nextSortOrder({ column: '', order: '' }, 'a')
    expect(s).toEqual({ column: 'a', order: 'asc' })
    s = nextSortOrder(s, 'a')
    expect(s).toEqual({ column: 'a', order: 'desc' })
    expect(nextSortOrder(s, 'b')).toEqual({ column: 'b', order: 'asc' })
    expect(nextSortOrder(s, 'a')).toEqual({ column: '', order: '' })
  })
})

test('applyModel filters then sorts, returning original indices', () => {
  const rows = [{ n: 'x3', v: 3 }, { n: 'y', v: 1 }, { n: 'x1', v: 1 }, { n: 'x2', v: 2 }]
  const cols = resolveColumns(rows)
  expect(applyModel(rows, cols, { searchText: 'X', sortOrder: { column: 'v', order: 'asc' } })).toEqual([2, 3, 0])
  expect(applyModel(rows, cols, { searchText: '', sortOrder: { column: 'gone', order: 'asc' } })).toEqual([0, 1, 2, 3])
})

describe('pageBounds', () => {
  test('pages of 10 over 25 rows', () => {
    expect(pageBounds(25, 1, 10)).toEqual({ pageCount: 3, pageNo: 1, start: 0, end: 10 })
    expect(pageBounds(25, 3, 10)).toEqual({ pageCount: 3, pageNo: 3, start: 20, end: 25 })
  })
  test('page numbers are clamped', () => {
    expect(pageBounds(25, 9, 10).pageNo).toBe(3)
    expect(pageBounds(25, 0, 10).pageNo).toBe(1)
    expect(pageBounds(0, 4, 10)).toEqual({ pageCount: 1, pageNo: 1, start: 0, end: 0 })
  })
  test('page size 0 is one page of everything', () => {
    expect(pageBounds(1_000, 5, 0)).toEqual({ pageCount: 1, pageNo: 1, start: 0, end: 1_000 })
  })
})
