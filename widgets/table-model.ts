/**
 * The table's data model as pure functions: columns, cell text, search, sort and paging.
 *
 * Rows are never copied while filtering and sorting: the model works on arrays of indices
 * into the original `tableData`, so `selectedRowIndex` stays an index into the data the
 * user bound, and a million rows cost one index array rather than a million objects.
 */

/** How a column's cells are rendered, compared and searched. */
export type ColumnType = 'text' | 'number' | 'date' | 'link'

/** A column as configured through the table's `columns` property. */
export interface ColumnConfig {
  /** Property of each row object the column shows. */
  key: string
  /** Header text; defaults to the key. */
  label?: string
  /** Position among the columns, ascending; unordered columns keep their place after ordered ones. */
  order?: number
  /** Left out of the grid, the search and the CSV. */
  hidden?: boolean
  /** Defaults to a type inferred from the values. */
  type?: ColumnType
  /** CSS width: a number is px, a string is used as is (`'20%'`). */
  width?: number | string
}

/** A resolved, visible column. */
export interface Column {
  key: string
  label: string
  type: ColumnType
  width?: number | string
}

/** Appsmith's `sortOrder` meta shape; `column: ''` means unsorted. */
export interface SortOrder {
  column: string
  order: 'asc' | 'desc' | ''
}

/** How many leading rows are looked at to infer columns and types. */
export const SAMPLE_ROWS = 50

const COLUMN_TYPES: ReadonlySet<string> = new Set(['text', 'number', 'date', 'link'])

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The value of `key` in a row, tolerating rows that are not objects. */
export function cellValue(row: unknown, key: string): unknown {
  return isRecord(row) ? row[key] : undefined
}

/** Keys of the first rows, in order of first appearance. */
export function inferKeys(rows: readonly unknown[], sample = SAMPLE_ROWS): string[] {
  const keys = new Set<string>()
  const n = Math.min(rows.length, sample)
  for (let i = 0; i < n; i++) {
    const row = rows[i]
    if (isRecord(row)) for (const k of Object.keys(row)) keys.add(k)
  }
  return [...keys]
}

/**
 * A column type from the first non-empty values: all numbers → `number`, all `Date`s →
 * `date`, anything else → `text`. Strings are never guessed to be dates or numbers: the
 * type comes from the value, as in the rest of smithlet.
 */
export function inferType(rows: readonly unknown[], key: string, sample = SAMPLE_ROWS): ColumnType {
  let seen = 0
  let numbers = 0
  let dates = 0
  for (let i = 0; i < rows.length && seen < sample; i++) {
    const v = cellValue(rows[i], key)
    if (v === null || v === undefined || v === '') continue
    seen++
    if (typeof v === 'number') numbers++
    else if (v instanceof Date) dates++
  }
  if (seen === 0) return 'text'
  if (numbers === seen) return 'number'
  if (dates === seen) return 'date'
  return 'text'
}

/**
 * Checks a `columns` property value. Returns the configs, or a message saying what is wrong.
 * `undefined`/`null` means "infer" and is not an error.
 */
export function validateColumns(config: unknown): ColumnConfig[] | string | undefined {
  if (config === undefined || config === null) return undefined
  if (!Array.isArray(config)) return `columns must be an array, got ${describeType(config)}`
  for (let i = 0; i < config.length; i++) {
    const c: unknown = config[i]
    if (!isRecord(c) || typeof c.key !== 'string') return `columns[${i}] must be an object with a string key`
    if (c.type !== undefined && !COLUMN_TYPES.has(String(c.type))) {
      return `columns[${i}].type must be one of text, number, date, link`
    }
  }
  return config as ColumnConfig[]
}

/** The visible columns, from the configuration when there is one, else inferred from the rows. */
export function resolveColumns(rows: readonly unknown[], config?: readonly ColumnConfig[]): Column[] {
  if (!config) {
    return inferKeys(rows).map((key) => ({ key, label: key, type: inferType(rows, key) }))
  }
  return config
    .map((c, i) => ({ c, i }))
    // Stable: configs without `order` keep their position after the ordered ones.
    .sort((a, b) => (a.c.order ?? Infinity) - (b.c.order ?? Infinity) || a.i - b.i)
    .filter(({ c }) => !c.hidden)
    .map(({ c }) => ({
      key: c.key,
      label: c.label ?? c.key,
      type: c.type ?? inferType(rows, c.key),
      ...(c.width !== undefined ? { width: c.width } : {}),
    }))
}

/** A short name for a value's type, for error messages: `string`, `object`, `null`, … */
export function describeType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  return typeof v
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

/** Identity indices `0 … n-1`. */
export function allIndices(n: number): number[] {
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

/**
 * Indices of rows whose visible cells contain `searchText`, case-insensitively, matching
 * the text the user sees (so dates match as displayed).
 */
export function filterIndices(rows: readonly unknown[], columns: readonly Column[], searchText: string): number[] {
  const needle = searchText.trim().toLowerCase()
  if (!needle) return allIndices(rows.length)
  const out: number[] = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    for (const c of columns) {
      if (formatCell(cellValue(row, c.key), c.type).toLowerCase().includes(needle)) {
        out.push(i)
        break
      }
    }
  }
  return out
}

// One collator for all string comparisons: the same order as `localeCompare`, without
// building a collator per comparison (which `a.localeCompare(b)` does), and numeric so
// "item 9" sorts before "item 10".
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

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
  return collator.compare(String(a), String(b)) * dir
}

/**
 * Sorts row indices by one column, stably. Keys are computed once per row rather than per
 * comparison, which matters at a million rows. Returns a new array.
 */
export function sortIndices(
  rows: readonly unknown[],
  indices: readonly number[],
  column: Pick<Column, 'key' | 'type'> | undefined,
  order: SortOrder['order'],
): number[] {
  if (!column || !order) return indices.slice()
  const keys = new Array<number | string | undefined>(rows.length)
  for (const i of indices) keys[i] = sortKey(cellValue(rows[i], column.key), column.type)
  const dir = order === 'desc' ? -1 : 1
  // Array.prototype.sort is stable, and reversing the comparator (not the result) keeps
  // equal rows in their original order in both directions.
  return indices.slice().sort((x, y) => compareKeys(keys[x], keys[y], dir))
}

/** Filter then sort: the rows (as indices) the table shows across all pages. */
export function applyModel(
  rows: readonly unknown[],
  columns: readonly Column[],
  query: { searchText: string; sortOrder: SortOrder },
): number[] {
  const filtered = filterIndices(rows, columns, query.searchText)
  const column = columns.find((c) => c.key === query.sortOrder.column)
  return column && query.sortOrder.order ? sortIndices(rows, filtered, column, query.sortOrder.order) : filtered
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
