/**
 * A TABLE_WIDGET_V2's `primaryColumns` → `<smith-table columns="…">`.
 *
 * Appsmith keeps one entry per column: `label`, `isVisible`, `columnType`, and a
 * `computedValue` that is a binding over the table itself,
 * `{{Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow["name"]))}}`
 * — one value per row. The default one (the row's own field) becomes a plain `key`; any
 * other expression becomes the column's `values`, bound as written, so the table shows what
 * Appsmith computes. The order is `columnOrder` (else each column's `index`).
 */
import { hasBinding } from './attributes'
import type { DslWidget } from './source'

/** What converting the columns found, for the import report. */
export interface ColumnsReport {
  /** Bindings written (the columns attribute is one). */
  bindings: number
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
}

/** Appsmith column types with a smithlet column type of their own; the rest show as text. */
const TYPES: Readonly<Record<string, string>> = { text: 'text', number: 'number', date: 'date', url: 'link' }

/** Column types whose cells are controls smithlet's table does not draw yet. */
const ACTION_TYPES: ReadonlySet<string> = new Set(['button', 'iconButton', 'menuButton', 'editActions'])

/** `{{ X.processedTableData.map((currentRow, currentIndex) => ( currentRow["key"])) }}`, the default computedValue. */
const DEFAULT_VALUE =
  /^\{\{\s*[A-Za-z_$][\w$]*\.processedTableData\.map\(\s*\(\s*currentRow\s*(?:,\s*currentIndex\s*)?\)\s*=>\s*\(?\s*currentRow\s*(?:\[\s*(["'])((?:(?!\1)[^\\])*)\1\s*\]|\.([A-Za-z_$][\w$]*))\s*\)?\s*\)\s*\}\}$/

/** The single `{{ … }}` a value is made of, or undefined when it is text or several parts. */
function soleBinding(value: string): string | undefined {
  const m = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(value)
  return m && !m[1]!.includes('}}') && !m[1]!.includes('{{') ? m[1]!.trim() : undefined
}

/**
 * The `columns` attribute for a table widget, or null when it has no `primaryColumns`
 * (the table then infers its columns from the data, as before).
 */
export function tableColumnsAttribute(w: DslWidget, report: ColumnsReport): string | null {
  const primary = w.primaryColumns
  if (typeof primary !== 'object' || primary === null) return null
  const columns = primary as Readonly<Record<string, AppsmithColumn>>
  const declared = Array.isArray(w.columnOrder) ? (w.columnOrder as unknown[]).filter((id): id is string => typeof id === 'string' && Object.hasOwn(columns, id)) : []
  const rest = Object.keys(columns)
    .filter((id) => !declared.includes(id))
    .sort((a, b) => Number(columns[a]!.index ?? Infinity) - Number(columns[b]!.index ?? Infinity))
  const parts: string[] = []
  for (const id of [...declared, ...rest]) {
    const c = columns[id]!
    const type = typeof c.columnType === 'string' ? c.columnType : 'text'
    const label = typeof c.label === 'string' ? c.label : id
    if (ACTION_TYPES.has(type)) {
      report.notes.push(`Table ${w.widgetName}: column "${label}" (${type}) is not shown; smithlet's table has no ${type} cells yet`)
      continue
    }
    const config: Record<string, unknown> = { key: id, label, order: parts.length, type: TYPES[type] ?? 'text' }
    const code: string[] = []
    const computed = typeof c.computedValue === 'string' ? c.computedValue.trim() : ''
    const plain = DEFAULT_VALUE.exec(computed)
    if (plain) config.key = plain[2] ?? plain[3]!
    else if (computed !== '' && soleBinding(computed) !== undefined) code.push(`values: (${soleBinding(computed)})`)
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
