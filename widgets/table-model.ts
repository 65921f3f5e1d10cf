/**
 * The table's data model as pure functions: cell text, search, sort and paging; columns
 * are table-columns.ts's, re-exported here.
 *
 * Rows are never copied while filtering and sorting: the model works on arrays of indices
 * into the original `tableData`, so `selectedRowIndex` stays an index into the data the
 * user bound, and a million rows cost one index array rather than a million objects.
 */
import { columnValue } from './table-columns'
import type { Column, ColumnType } from './table-columns'

export {
  SAMPLE_ROWS,
  cellValue,
  columnValue,
  describeType,
  inferKeys,
  inferType,
  resolveColumns,
  validateColumns,
} from './table-columns'
export type { Column, ColumnConfig, ColumnType } from './table-columns'

/** Appsmith's `sortOrder` meta shape; `column: ''` means unsorted. */
export interface SortOrder {
  column: string
  order: 'asc' | 'desc' | ''
}

/** A Date for a `date` cell, or undefined when the value is not one. */
function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  return undefined
}

/**
 * The text a cell shows. Cells are text, never HTML: the widget renders this through a Lit
 * text binding. `null`/`undefined` show as empty; objects as JSON.
 */
export function formatCell(value: unknown, type: ColumnType = 'text'): string {
  if (value === null || value === undefined) return ''
  if (type === 'date') {
    const d = toDate(value)
    if (d) return d.toLocaleString()
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toLocaleString()
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return String(value) // cyclic: better something than a thrown render
    }
  }
  return String(value)
}

/**
 * The URL for a `link` cell, or undefined unless it is an absolute http(s) URL — so a
 * `javascript:` (or `data:`) value can never become a clickable link.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Identity indices `0 … n-1`, as a plain array. */
export function allIndices(n: number): number[] {
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

/**
 * The rows of a search, as indices into `rows` (4 bytes a row), or null when the search
 * is empty and every row matches — so no search costs nothing. Rows match when one of
 * their visible cells contains `searchText`, case-insensitively, as the user sees it (so
 * dates match as displayed).
 */
export function searchOrder(rows: readonly unknown[], columns: readonly Column[], searchText: string): Uint32Array | null {
  const needle = searchText.trim().toLowerCase()
  if (!needle) return null
  const out = new Uint32Array(rows.length)
  let n = 0
  for (let i = 0; i < rows.length; i++) {
    for (const c of columns) {
      if (formatCell(columnValue(rows, i, c), c.type).toLowerCase().includes(needle)) {
        out[n++] = i
        break
      }
    }
  }
  return out.slice(0, n)
}

/** {@link searchOrder} as a plain array (every index when the search is empty). */
export function filterIndices(rows: readonly unknown[], columns: readonly Column[], searchText: string): number[] {
  const order = searchOrder(rows, columns, searchText)
  return order ? Array.from(order) : allIndices(rows.length)
}

// One collator for all string comparisons: the same order as `localeCompare`, without
// building a collator per comparison (which `a.localeCompare(b)` does), and numeric so
// "item 9" sorts before "item 10". Made on the first text sort: creating it loads ICU's
// collation data, a cost a table that is never sorted by text should not pay.
let collator: Intl.Collator | undefined

/** The key a value sorts by for a column type; `undefined` sorts last. */
function sortKey(v: unknown, type: ColumnType): number | string | undefined {
  if (v === null || v === undefined || v === '') return undefined
  if (type === 'number') {
    const n = typeof v === 'number' ? v : Number(v)
    return Number.isNaN(n) ? undefined : n
  }
  if (type === 'date') return toDate(v)?.getTime()
  if (typeof v === 'number') return v
  return formatCell(v, type)
}

/**
 * Compares two values as a column of `type` sorts them: numbers and dates numerically,
 * everything else as locale-aware text. Empty values sort last in either direction.
 */
export function compareValues(a: unknown, b: unknown, type: ColumnType = 'text', order: 'asc' | 'desc' = 'asc'): number {
  return compareKeys(sortKey(a, type), sortKey(b, type), order === 'desc' ? -1 : 1)
}

function compareKeys(a: number | string | undefined, b: number | string | undefined, dir: 1 | -1): number {
  if (a === undefined) return b === undefined ? 0 : 1
  if (b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * dir
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
  return collator.compare(String(a), String(b)) * dir
}

/**
 * Sorts row indices by one column in place, stably, and returns them. Keys are computed
 * once per row rather than per comparison, which matters at a million rows.
 */
export function sortOrder(
  rows: readonly unknown[],
  order: Uint32Array,
  column: Pick<Column, 'key' | 'type' | 'values'>,
  direction: 'asc' | 'desc',
): Uint32Array {
  const keys = new Array<number | string | undefined>(rows.length)
  for (const i of order) keys[i] = sortKey(columnValue(rows, i, column), column.type)
  const dir = direction === 'desc' ? -1 : 1
  // A typed array's sort is stable, as Array's is, and reversing the comparator (not the
  // result) keeps equal rows in their original order in both directions.
  return order.sort((x, y) => compareKeys(keys[x], keys[y], dir))
}

/** {@link sortOrder} on a plain array; returns a new array. */
export function sortIndices(
  rows: readonly unknown[],
  indices: readonly number[],
  column: Pick<Column, 'key' | 'type' | 'values'> | undefined,
  order: SortOrder['order'],
): number[] {
  if (!column || !order) return indices.slice()
  return Array.from(sortOrder(rows, Uint32Array.from(indices), column, order))
}

/**
 * Search then sort: the order the table shows the rows in across all pages, as indices
 * into `rows`, or null when neither a search nor a sort applies — the rows in their own
 * order, with no index array at all.
 */
export function viewOrder(
  rows: readonly unknown[],
  columns: readonly Column[],
  query: { searchText: string; sortOrder: SortOrder },
): Uint32Array | null {
  const found = searchOrder(rows, columns, query.searchText)
  const { column: key, order } = query.sortOrder
  const column = order ? columns.find((c) => c.key === key) : undefined
  if (!column || !order) return found
  let all = found
  if (!all) {
    all = new Uint32Array(rows.length)
    for (let i = 0; i < all.length; i++) all[i] = i
  }
  return sortOrder(rows, all, column, order)
}

/** {@link viewOrder} as a plain array (every index when it is null). */
export function applyModel(
  rows: readonly unknown[],
  columns: readonly Column[],
  query: { searchText: string; sortOrder: SortOrder },
): number[] {
  const order = viewOrder(rows, columns, query)
  return order ? Array.from(order) : allIndices(rows.length)
}

/** One page of a list. */
export interface PageBounds {
  /** Number of pages (at least 1, so "Page 1 of 1" for an empty list). */
  pageCount: number
  /** The page number clamped into `1 … pageCount`. */
  pageNo: number
  /** First index on the page (inclusive). */
  start: number
  /** Index after the last on the page (exclusive). */
  end: number
}

/** The bounds of page `pageNo` (1-based); `pageSize <= 0` means one page holding everything. */
export function pageBounds(total: number, pageNo: number, pageSize: number): PageBounds {
  if (!(pageSize > 0)) return { pageCount: 1, pageNo: 1, start: 0, end: total }
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(pageCount, Math.max(1, Math.floor(pageNo) || 1))
  const start = (page - 1) * pageSize
  return { pageCount, pageNo: page, start, end: Math.min(total, start + pageSize) }
}

/** The next state of a header click: asc → desc → unsorted; another column starts at asc. */
export function nextSortOrder(current: SortOrder, column: string): SortOrder {
  if (current.column !== column || !current.order) return { column, order: 'asc' }
  if (current.order === 'asc') return { column, order: 'desc' }
  return { column: '', order: '' }
}
