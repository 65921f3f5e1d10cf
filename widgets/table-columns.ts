/**
 * The table's columns as pure functions: the `columns` configuration checked and resolved
 * into the visible columns, or columns inferred from the first rows when there is none.
 */
import { iconPath } from './icons'

/** How a column's cells are rendered, compared and searched; a `button` cell is an action. */
export type ColumnType = 'text' | 'number' | 'date' | 'link' | 'button'

/** A per-column setting: one value for every row, or one per row of `tableData` (Appsmith's `processedTableData.map(…)`). */
export type PerRow<T> = T | readonly unknown[]

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
  /**
   * Computed values, one per row of `tableData` in its own order (Appsmith's column
   * `computedValue`, e.g. `{{Table1.processedTableData.map((currentRow) => currentRow.a * 2)}}`):
   * the column shows, searches and sorts these instead of the rows' `key`.
   */
  values?: readonly unknown[]
  /** `button` columns: the button's text (Appsmith's `buttonLabel`); defaults to the label. */
  buttonLabel?: PerRow<string>
  /** `button` columns: the button cannot be pressed. */
  isDisabled?: PerRow<boolean>
  /** `button` columns: Appsmith's `buttonVariant` (`PRIMARY`, `SECONDARY`, `TERTIARY`). */
  buttonVariant?: string
  /** `button` columns: a CSS colour for the button (Appsmith's `buttonColor`). */
  buttonColor?: string
  /** `button` columns: an icon (Appsmith's icon names, widgets/icons.ts) instead of text; the label becomes its accessible name. */
  iconName?: string
  /**
   * `button` columns: the table event a press fires, run from the table's `on-…` attribute
   * of that name; defaults to {@link columnEventName} of the key (`Delete` → `onDeleteClick`,
   * attribute `on-delete-click`).
   */
  event?: string
}

/** A resolved, visible column. */
export interface Column {
  key: string
  label: string
  type: ColumnType
  width?: number | string
  /** Computed values by row index into `tableData`, when configured. */
  values?: readonly unknown[]
  /** `button` columns: what the cells' buttons show and do. */
  button?: ButtonCell
}

/** A `button` column's buttons, resolved. */
export interface ButtonCell {
  readonly label: PerRow<string>
  readonly disabled: PerRow<boolean>
  /** `primary`, `secondary` or `tertiary`: the button's class. */
  readonly variant: string
  readonly color: string | undefined
  /** An icon's SVG path data: the button shows it, its label is the accessible name. */
  readonly icon: string | undefined
  /** The table event a press fires (`onDeleteClick`). */
  readonly event: string
}

/**
 * The event a `button` column fires by default: `on` + the key's letters and digits,
 * capitalised, + `Click` (`customColumn1` → `onCustomColumn1Click`, attribute
 * `on-custom-column1-click`), so any key gives a valid attribute name.
 */
export function columnEventName(key: string): string {
  const word = key.replace(/[^A-Za-z0-9]/g, '')
  return `on${word.charAt(0).toUpperCase()}${word.slice(1)}Click`
}

/** A per-row setting's value for row `index` of `tableData`. */
export function perRow<T>(value: PerRow<T>, index: number): unknown {
  return Array.isArray(value) ? value[index] : value
}

/** How many leading rows are looked at to infer columns and types. */
export const SAMPLE_ROWS = 50

const COLUMN_TYPES: ReadonlySet<string> = new Set(['text', 'number', 'date', 'link', 'button'])

/** A plain object (not an array, not null): the only kind of row that has cells. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The value of `key` in a row, tolerating rows that are not objects. */
export function cellValue(row: unknown, key: string): unknown {
  return isRecord(row) ? row[key] : undefined
}

/** The value a column shows for row `index` of `rows`: its computed value, or the row's `key`. */
export function columnValue(rows: readonly unknown[], index: number, column: Pick<Column, 'key' | 'values'>): unknown {
  return column.values ? column.values[index] : cellValue(rows[index], column.key)
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
  return typeOf(rows.length, (i) => cellValue(rows[i], key), sample)
}

/** {@link inferType} over `n` values read by `valueAt`. */
function typeOf(n: number, valueAt: (i: number) => unknown, sample: number): ColumnType {
  let seen = 0
  let numbers = 0
  let dates = 0
  for (let i = 0; i < n && seen < sample; i++) {
    const v = valueAt(i)
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
      return `columns[${i}].type must be one of text, number, date, link, button`
    }
    if (c.values !== undefined && !Array.isArray(c.values)) {
      return `columns[${i}].values must be an array (one value per row), got ${describeType(c.values)}`
    }
    if (c.event !== undefined && (typeof c.event !== 'string' || !/^on[A-Z][A-Za-z0-9]*$/.test(c.event))) {
      return `columns[${i}].event must be an event name like onDeleteClick, got ${JSON.stringify(c.event)}`
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
      type: c.type ?? (c.values ? typeOf(c.values.length, (i) => c.values![i], SAMPLE_ROWS) : inferType(rows, c.key)),
      ...(c.width !== undefined ? { width: c.width } : {}),
      ...(c.values !== undefined ? { values: c.values } : {}),
      ...(c.type === 'button' ? { button: buttonCell(c) } : {}),
    }))
}

/** A `button` column's settings, with Appsmith's defaults. */
function buttonCell(c: ColumnConfig): ButtonCell {
  const variant = String(c.buttonVariant ?? 'primary').toLowerCase()
  return {
    label: c.buttonLabel ?? c.label ?? c.key,
    disabled: c.isDisabled ?? false,
    variant: variant === 'secondary' || variant === 'tertiary' ? variant : 'primary',
    color: typeof c.buttonColor === 'string' && c.buttonColor.trim() !== '' ? c.buttonColor : undefined,
    icon: typeof c.iconName === 'string' && c.iconName !== '' ? iconPath(c.iconName) : undefined,
    event: c.event ?? columnEventName(c.key),
  }
}

/** A short name for a value's type, for error messages: `string`, `object`, `null`, … */
export function describeType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  return typeof v
}
