/**
 * Options of the choice widgets (select, multi-select, radio and checkbox groups), as
 * Appsmith takes them: a list of `{ label, value }`, or of plain values (each its own
 * label), or that list as JSON text. Labels are text, shown as text.
 */

/** One choice. */
export interface Option {
  readonly label: string
  readonly value: unknown
}

/** The options, and a message for the developer when the input had the wrong shape. */
export interface NormalisedOptions {
  readonly options: readonly Option[]
  readonly error?: string
}

const EMPTY: NormalisedOptions = { options: [] }

const asLabel = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/**
 * `options` as a list of {@link Option}. Anything that is not a list (after parsing JSON
 * text) gives no options and an error naming what was expected; items without a `value`
 * use their label as value, as Appsmith does.
 */
export function normaliseOptions(input: unknown): NormalisedOptions {
  if (input === null || input === undefined || input === '') return EMPTY
  let list = input
  if (typeof input === 'string') {
    try {
      list = JSON.parse(input)
    } catch {
      return { options: [], error: 'options: expected a list of { label, value }, got text that is not JSON' }
    }
  }
  if (!Array.isArray(list)) return { options: [], error: `options: expected a list of { label, value }, got ${typeof list}` }
  const options: Option[] = []
  for (const item of list) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>
      const value = 'value' in o ? o.value : o.label
      options.push({ label: asLabel('label' in o ? o.label : value), value })
    } else {
      options.push({ label: asLabel(item), value: item })
    }
  }
  return { options }
}

/**
 * Options from Appsmith's newer form: `sourceData` (a list of records, or JSON text of
 * one) with `optionLabel` / `optionValue` naming the keys to read. Without keys, the
 * records are read as `options` are.
 */
export function sourceOptions(sourceData: unknown, optionLabel: unknown, optionValue: unknown): NormalisedOptions {
  const labelKey = typeof optionLabel === 'string' ? optionLabel : ''
  const valueKey = typeof optionValue === 'string' ? optionValue : ''
  if (!labelKey && !valueKey) return normaliseOptions(sourceData)
  const parsed = normaliseOptions(sourceData)
  if (parsed.error) return { options: [], error: parsed.error.replace(/^options/, 'sourceData') }
  let list = sourceData
  if (typeof list === 'string') list = JSON.parse(list) as unknown
  const options: Option[] = []
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== 'object') {
      options.push({ label: asLabel(item), value: item })
      continue
    }
    const o = item as Record<string, unknown>
    const value = valueKey ? o[valueKey] : o[labelKey]
    options.push({ label: asLabel(labelKey ? o[labelKey] : value), value })
  }
  return { options }
}

/** The options of a choice widget: `sourceData` (with its keys) when given, else `options`. */
export function widgetOptions(w: { options: unknown; sourceData: unknown; optionLabel: unknown; optionValue: unknown }): NormalisedOptions {
  const hasSource = w.sourceData !== undefined && w.sourceData !== null && w.sourceData !== ''
  return hasSource ? sourceOptions(w.sourceData, w.optionLabel, w.optionValue) : normaliseOptions(w.options)
}

/**
 * Whether two option values are the same choice: identical, or primitives with the same
 * text (a bound default of `1` selects the option whose value is `"1"`).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a === 'object' || typeof b === 'object' || a === undefined || b === undefined) return false
  return String(a) === String(b)
}

/** A value given as `{ label, value }` (Appsmith's object form of a default) as its value. */
export function unwrapValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v
}

/** True for "nothing chosen": `undefined`, `null` or `''`. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === ''
}

/** The options whose label contains `filter` (case-insensitive); all when it is empty. */
export function filterOptions(options: readonly Option[], filter: string): readonly Option[] {
  const f = filter.trim().toLowerCase()
  return f ? options.filter((o) => o.label.toLowerCase().includes(f)) : options
}
