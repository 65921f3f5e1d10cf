/**
 * A TABLE_WIDGET_V2's `primaryColumns` → `<smith-table columns="…">`.
 *
 * Appsmith keeps one entry per column: `label`, `isVisible`, `columnType`, and a
 * `computedValue` that is a binding over the table itself,
 * `{{Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow["name"]))}}`
 * — one value per row. The default one (the row's own field) becomes a plain `key`; any
 * other expression becomes the column's `values`, bound as written, so the table shows what
 * Appsmith computes. The order is `columnOrder` (else each column's `index`).
 *
 * A `button` or `iconButton` column becomes a smithlet `button` column (its `buttonLabel`,
 * `isDisabled`, `buttonVariant`, `buttonColor`, `iconName`) with an `event` name, and its `onClick` becomes the
 * table's `on-…` attribute of that name ({@link tableColumnTriggers}), so it runs, and is
 * compiled by the build, like any other trigger. Appsmith runs a column's onClick with
 * `currentRow` in scope; here that name reads the table's `triggeredRow` (the row pressed).
 */
import { scan } from '../scan'
import { hasBinding, kebab } from './attributes'
import type { DslWidget } from './source'

/** What converting the columns found, for the import report. */
export interface ColumnsReport {
  /** Bindings written (the columns attribute is one). */
  bindings: number
  /** Triggers written (a button column's onClick); counted only when there are some. */
  triggers?: number
  /** Plain-words notes: columns not shown, and why. */
  readonly notes: string[]
}

/** An Appsmith column as an export holds it (only what is read here). */
interface AppsmithColumn {
  readonly id?: string
  readonly label?: unknown
  readonly isVisible?: unknown
  readonly columnType?: unknown
  readonly computedValue?: unknown
  readonly index?: unknown
  readonly buttonLabel?: unknown
  readonly isDisabled?: unknown
  readonly buttonVariant?: unknown
  readonly buttonColor?: unknown
  readonly iconName?: unknown
  readonly onClick?: unknown
}

/** Appsmith column types with a smithlet column type of their own; the rest show as text. */
const TYPES: Readonly<Record<string, string>> = { text: 'text', number: 'number', date: 'date', url: 'link' }

/** Column types whose cells are controls smithlet's table does not draw yet. */
const ACTION_TYPES: ReadonlySet<string> = new Set(['menuButton', 'editActions'])

/** Column types that become smithlet `button` columns. */
const BUTTON_TYPES: ReadonlySet<string> = new Set(['button', 'iconButton'])

/** `{{ X.processedTableData.map((currentRow, currentIndex) => ( 'Delete')) }}`: the same text on every row. */
const CONSTANT_VALUE =
  /^\{\{\s*[A-Za-z_$][\w$]*\.processedTableData\.map\(\s*\(\s*currentRow\s*(?:,\s*currentIndex\s*)?\)\s*=>\s*\(?\s*(["'])((?:(?!\1)[^\\])*)\1\s*\)?\s*\)\s*\}\}$/

/** `{{ X.processedTableData.map((currentRow, currentIndex) => ( currentRow["key"])) }}`, the default computedValue. */
const DEFAULT_VALUE =
  /^\{\{\s*[A-Za-z_$][\w$]*\.processedTableData\.map\(\s*\(\s*currentRow\s*(?:,\s*currentIndex\s*)?\)\s*=>\s*\(?\s*currentRow\s*(?:\[\s*(["'])((?:(?!\1)[^\\])*)\1\s*\]|\.([A-Za-z_$][\w$]*))\s*\)?\s*\)\s*\}\}$/

/** The single `{{ … }}` a value is made of, or undefined when it is text or several parts. */
function soleBinding(value: string): string | undefined {
  const m = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(value)
  return m && !m[1]!.includes('}}') && !m[1]!.includes('{{') ? m[1]!.trim() : undefined
}

/** The columns of a table widget in Appsmith's order, or null when it has no `primaryColumns`. */
function orderedColumns(w: DslWidget): [string, AppsmithColumn][] | null {
  const primary = w.primaryColumns
  if (typeof primary !== 'object' || primary === null) return null
  const columns = primary as Readonly<Record<string, AppsmithColumn>>
  const declared = Array.isArray(w.columnOrder) ? (w.columnOrder as unknown[]).filter((id): id is string => typeof id === 'string' && Object.hasOwn(columns, id)) : []
  const rest = Object.keys(columns)
    .filter((id) => !declared.includes(id))
    .sort((a, b) => Number(columns[a]!.index ?? Infinity) - Number(columns[b]!.index ?? Infinity))
  return [...declared, ...rest].map((id) => [id, columns[id]!])
}

/**
 * The table event each `button` column fires, by column id: `on` + the id's letters and
 * digits + `Click` (`customColumn1` → `onCustomColumn1Click`), unique within the table.
 */
function buttonEvents(columns: readonly [string, AppsmithColumn][]): Map<string, string> {
  const events = new Map<string, string>()
  const taken = new Set<string>()
  for (const [id, c] of columns) {
    if (!BUTTON_TYPES.has(String(c.columnType))) continue
    const word = id.replace(/[^A-Za-z0-9]/g, '')
    const base = `on${word.charAt(0).toUpperCase()}${word.slice(1)}Click`
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`
    taken.add(name)
    events.set(id, name)
  }
  return events
}

/** The attribute that runs a table event: `onCustomColumn1Click` → `on-custom-column1-click`, as the runtime reads it. */
const eventAttribute = (event: string): string => `on-${kebab(event.charAt(2).toLowerCase() + event.slice(3))}`

/**
 * A column onClick with Appsmith's `currentRow` read as `<Table>.triggeredRow`, the row the
 * table sets before running it. Only names that are references are rewritten (not
 * `x.currentRow`, not an object key; `{currentRow}` keeps its key); code that declares its
 * own `currentRow` (an arrow parameter) or does not scan is left as written.
 */
export function withCurrentRow(onClick: string, table: string): string {
  const body = soleBinding(onClick)
  if (body === undefined || !/\bcurrentRow\b/.test(body)) return onClick
  const edits: [number, number, string][] = []
  // Whether each open `(` holds a `currentRow`, to tell `(currentRow, i) =>` (a declaration) from a call.
  const groups: boolean[] = []
  let closedWith = false
  let prev = ''
  let declared = false
  const result = scan(body, 0, {
    onToken(kind, start, end, _depth, afterDot, inObject) {
      const text = body.slice(start, end)
      if (kind === 'punct' && text === '=>' && ((prev === ')' && closedWith) || prev === 'currentRow')) declared = true
      if (kind === 'punct' && text === '(') groups.push(false)
      if (kind === 'punct' && text === ')') closedWith = groups.pop() ?? false
      prev = kind === 'name' && afterDot ? '.name' : text
      if (kind !== 'name' || afterDot || text !== 'currentRow') return
      if (groups.length > 0) groups[groups.length - 1] = true
      const next = /\S/.exec(body.slice(end))?.[0]
      if (inObject && next === ':') return
      const ref = `${table}.triggeredRow`
      edits.push([start, end, inObject && (next === ',' || next === '}') ? `currentRow: ${ref}` : ref])
    },
  })
  if (!result.ok || declared || edits.length === 0) return onClick
  let out = body
  for (let i = edits.length - 1; i >= 0; i--) out = out.slice(0, edits[i]![0]) + edits[i]![2] + out.slice(edits[i]![1])
  return `{{${out}}}`
}

/**
 * The `on-…` attributes of a table's `button` columns: each column's `onClick`, under the
 * event name its `columns` entry carries. Columns without an onClick get none.
 */
export function tableColumnTriggers(w: DslWidget, report: ColumnsReport): Record<string, string> {
  const columns = orderedColumns(w)
  if (!columns) return {}
  const events = buttonEvents(columns)
  const out: Record<string, string> = {}
  for (const [id, c] of columns) {
    const event = events.get(id)
    if (event === undefined || typeof c.onClick !== 'string' || !hasBinding(c.onClick)) continue
    out[eventAttribute(event)] = withCurrentRow(c.onClick, w.widgetName)
    report.triggers = (report.triggers ?? 0) + 1
  }
  return out
}

/** A `button` column's own settings: plain values as JSON, bindings as code. */
function buttonSettings(c: AppsmithColumn, config: Record<string, unknown>, code: string[]): void {
  const label = typeof c.buttonLabel === 'string' ? c.buttonLabel.trim() : ''
  const constant = CONSTANT_VALUE.exec(label)
  if (constant) config.buttonLabel = constant[2]
  else if (label !== '' && !hasBinding(label)) config.buttonLabel = label
  else if (soleBinding(label) !== undefined) code.push(`buttonLabel: (${soleBinding(label)})`)
  const disabled = c.isDisabled
  if (disabled === true || disabled === 'true') config.isDisabled = true
  else if (typeof disabled === 'string' && soleBinding(disabled) !== undefined) code.push(`isDisabled: (${soleBinding(disabled)})`)
  if (typeof c.buttonVariant === 'string' && !hasBinding(c.buttonVariant)) config.buttonVariant = c.buttonVariant
  if (typeof c.buttonColor === 'string' && c.buttonColor !== '' && !hasBinding(c.buttonColor)) config.buttonColor = c.buttonColor
  if (c.columnType === 'iconButton') config.iconName = typeof c.iconName === 'string' && !hasBinding(c.iconName) && c.iconName !== '' ? c.iconName : 'dot'
}

/**
 * The `columns` attribute for a table widget, or null when it has no `primaryColumns`
 * (the table then infers its columns from the data, as before).
 */
export function tableColumnsAttribute(w: DslWidget, report: ColumnsReport): string | null {
  const columns = orderedColumns(w)
  if (!columns) return null
  const events = buttonEvents(columns)
  const parts: string[] = []
  for (const [id, c] of columns) {
    const type = typeof c.columnType === 'string' ? c.columnType : 'text'
    const label = typeof c.label === 'string' ? c.label : id
    if (ACTION_TYPES.has(type)) {
      report.notes.push(`Table ${w.widgetName}: column "${label}" (${type}) is not shown; smithlet's table has no ${type} cells yet`)
      continue
    }
    const config: Record<string, unknown> = { key: id, label, order: parts.length, type: TYPES[type] ?? 'text' }
    const code: string[] = []
    const event = events.get(id)
    if (event !== undefined) {
      config.type = 'button'
      config.event = event
      buttonSettings(c, config, code)
    }
    const computed = typeof c.computedValue === 'string' ? c.computedValue.trim() : ''
    const plain = DEFAULT_VALUE.exec(computed)
    if (plain) config.key = plain[2] ?? plain[3]!
    else if (event === undefined && computed !== '' && soleBinding(computed) !== undefined) code.push(`values: (${soleBinding(computed)})`)
    if (hasBinding(label) && soleBinding(label) !== undefined) {
      config.label = id
      code.push(`label: String(${soleBinding(label)})`)
    }
    const visible = c.isVisible
    if (visible === false || visible === 'false') config.hidden = true
    else if (typeof visible === 'string' && soleBinding(visible) !== undefined) code.push(`hidden: !(${soleBinding(visible)})`)
    const json = JSON.stringify(config)
    parts.push(code.length === 0 ? json : `${json.slice(0, -1)}, ${code.join(', ')}}`)
  }
  report.bindings++
  return `{{[${parts.join(', ')}]}}`
}
