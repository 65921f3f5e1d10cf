/**
 * The JSON form's model, as pure functions: Appsmith's `schema` (or, without one, a schema
 * generated from `sourceData`, as Appsmith's "auto generate form" does) → a tree of
 * fields; default values; updates by path; validation. No DOM here.
 */
import { formatDate, parseDateAs } from '../date-format'

/** The field types the form renders (Appsmith's `fieldType` names). */
export type FieldType =
  | 'Text Input'
  | 'Multiline Text Input'
  | 'Number Input'
  | 'Email Input'
  | 'Password Input'
  | 'Datepicker'
  | 'Select'
  | 'Checkbox'
  | 'Switch'
  | 'Array'
  | 'Object'

const FIELD_TYPES: ReadonlySet<string> = new Set([
  'Text Input', 'Multiline Text Input', 'Number Input', 'Email Input', 'Password Input', 'Datepicker', 'Select', 'Checkbox', 'Switch', 'Array', 'Object',
])

// Appsmith types smithlet draws with a near relative, so imported forms still work.
const RELATIVES: Record<string, FieldType> = {
  'Phone Number Input': 'Text Input',
  'Currency Input': 'Number Input',
  'Radio Group': 'Select',
  Multiselect: 'Select',
}

/** One field of the form. */
export interface Field {
  /** The key in `formData` (Appsmith's `accessor`). */
  key: string
  label: string
  fieldType: FieldType
  isRequired: boolean
  isVisible: boolean
  isDisabled: boolean
  /** A literal default, when the schema gives one. */
  defaultValue?: unknown
  /** Select options. */
  options: Array<{ label: string; value: unknown }>
  /** Object: the fields inside; Array: the fields of one item (an Object) or a single field. */
  children: Field[]
  /** Array: the item's field. */
  item?: Field
  placeholder: string
  /** Datepicker: the moment format source values are written in (Appsmith's `dateFormat`). */
  dateFormat?: string
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** `first_name` → `First Name`, as Appsmith labels generated fields. */
export function labelFor(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ')
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

function field(key: string, fieldType: FieldType, extra: Partial<Field> = {}): Field {
  return { key, label: labelFor(key), fieldType, isRequired: false, isVisible: true, isDisabled: false, options: [], children: [], placeholder: '', ...extra }
}

/** A generated field for one value of `sourceData`. */
function fieldFromValue(key: string, value: unknown): Field {
  if (typeof value === 'boolean') return field(key, 'Switch')
  if (typeof value === 'number') return field(key, 'Number Input')
  if (typeof value === 'string' && EMAIL.test(value)) return field(key, 'Email Input')
  if (typeof value === 'string' && ISO_DATE.test(value)) return field(key, 'Datepicker')
  if (Array.isArray(value)) {
    const sample = value.find((v) => v !== null && v !== undefined)
    return field(key, 'Array', { item: fieldFromValue('__array_item__', sample ?? '') })
  }
  if (isRecord(value)) return field(key, 'Object', { children: Object.entries(value).map(([k, v]) => fieldFromValue(k, v)) })
  return field(key, 'Text Input')
}

/** The fields Appsmith would generate from `sourceData`. */
export function fieldsFromSourceData(sourceData: unknown): Field[] {
  return isRecord(sourceData) ? Object.entries(sourceData).map(([k, v]) => fieldFromValue(k, v)) : []
}

/** A schema entry's options (`[{ label, value }]`, or plain values). */
function optionsOf(value: unknown): Field['options'] {
  if (!Array.isArray(value)) return []
  return value.map((o) => (isRecord(o) ? { label: String(o.label ?? o.value ?? ''), value: o.value ?? o.label } : { label: String(o), value: o }))
}

/**
 * A field from one entry of Appsmith's schema. `isBinding` tells which strings the runtime
 * would have evaluated (a `defaultValue` of `{{…}}` is Appsmith's generated
 * `sourceData.<key>` lookup; the form reads `sourceData` itself instead).
 */
function fieldFromSchema(key: string, entry: Record<string, unknown>, isBinding: (v: string) => boolean): Field {
  const raw = String(entry.fieldType ?? 'Text Input')
  const fieldType: FieldType = FIELD_TYPES.has(raw) ? (raw as FieldType) : RELATIVES[raw] ?? 'Text Input'
  const children = isRecord(entry.children) ? entry.children : {}
  const sorted = Object.entries(children)
    .filter(([, c]) => isRecord(c))
    .sort(([, a], [, b]) => Number((a as Record<string, unknown>).position ?? 0) - Number((b as Record<string, unknown>).position ?? 0))
  const accessor = typeof entry.accessor === 'string' && entry.accessor ? entry.accessor : key
  const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback)
  const f = field(accessor, fieldType, {
    label: typeof entry.label === 'string' ? entry.label : labelFor(accessor),
    isRequired: bool(entry.isRequired, false),
    isVisible: bool(entry.isVisible, true),
    isDisabled: bool(entry.isDisabled, false),
    options: optionsOf(entry.options),
    placeholder: typeof entry.placeholderText === 'string' ? entry.placeholderText : '',
  })
  if (fieldType === 'Datepicker' && typeof entry.dateFormat === 'string') f.dateFormat = entry.dateFormat
  const def = entry.defaultValue
  if (def !== undefined && !(typeof def === 'string' && isBinding(def))) f.defaultValue = def
  if (fieldType === 'Array') {
    const item = children.__array_item__
    f.item = isRecord(item) ? fieldFromSchema('__array_item__', item, isBinding) : field('__array_item__', 'Text Input')
  } else if (fieldType === 'Object') {
    f.children = sorted.map(([k, c]) => fieldFromSchema(k, c as Record<string, unknown>, isBinding))
  }
  return f
}

/** The form's top-level fields from `schema` (Appsmith's `__root_schema__`), else from `sourceData`. */
export function formFields(schema: unknown, sourceData: unknown, isBinding: (v: string) => boolean): Field[] {
  const root = isRecord(schema) ? schema.__root_schema__ : undefined
  if (!isRecord(root) || !isRecord(root.children) || Object.keys(root.children).length === 0) return fieldsFromSourceData(sourceData)
  return fieldFromSchema('__root_schema__', root, isBinding).children
}

/** The empty value of a field type. */
function emptyValue(f: Field): unknown {
  switch (f.fieldType) {
    case 'Checkbox':
    case 'Switch':
      return false
    case 'Number Input':
      return null
    case 'Array':
      return []
    case 'Object':
      return {}
    default:
      return ''
  }
}

/** The initial value of a field: its literal default, else `source`, else empty. */
export function initialValue(f: Field, source: unknown): unknown {
  const base = f.defaultValue !== undefined ? f.defaultValue : source
  if (f.fieldType === 'Object') {
    const src = isRecord(base) ? base : {}
    return Object.fromEntries(f.children.map((c) => [c.key, initialValue(c, src[c.key])]))
  }
  if (f.fieldType === 'Array') return Array.isArray(base) ? base.map((v) => initialValue(f.item!, v)) : []
  if (base === undefined || base === null) return emptyValue(f)
  if (f.fieldType === 'Checkbox' || f.fieldType === 'Switch') return Boolean(base)
  if (f.fieldType === 'Number Input') {
    const n = typeof base === 'number' ? base : Number(base)
    return Number.isFinite(n) ? n : null
  }
  // Appsmith's generated default reads the source with the field's format
  // (`moment(sourceData.dob, "DD/MM/YYYY")`) and gives formData the ISO form.
  if (f.fieldType === 'Datepicker' && typeof base === 'string' && f.dateFormat !== undefined && !ISO_DATE.test(base)) {
    const date = parseDateAs(base, f.dateFormat)
    if (date !== undefined) return formatDate(date, 'YYYY-MM-DDTHH:mm:ss.SSSZ')
  }
  return base
}

/** The initial `formData` for the fields and `sourceData`. */
export function initialFormData(fields: Field[], sourceData: unknown): Record<string, unknown> {
  const src = isRecord(sourceData) ? sourceData : {}
  return Object.fromEntries(fields.map((f) => [f.key, initialValue(f, src[f.key])]))
}

/** A path into `formData`: keys and array indexes. */
export type Path = ReadonlyArray<string | number>

/** `data` with the value at `path` replaced (copies along the path only). */
export function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (typeof head === 'number') {
    const arr = Array.isArray(data) ? [...data] : []
    arr[head] = setAt(arr[head], rest, value)
    return arr
  }
  const obj = isRecord(data) ? { ...data } : {}
  obj[head] = setAt(obj[head], rest, value)
  return obj
}

/** The problem with one field's value, or null. Messages are for the person filling the form. */
export function fieldError(f: Field, value: unknown): string | null {
  if (!f.isVisible) return null
  const empty = value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0)
  if (f.isRequired && (empty || ((f.fieldType === 'Checkbox' || f.fieldType === 'Switch') && value !== true))) return 'This field is required.'
  if (empty) return null
  if (f.fieldType === 'Email Input' && !EMAIL.test(String(value))) return 'Enter a valid e-mail address.'
  if (f.fieldType === 'Number Input' && (typeof value !== 'number' || !Number.isFinite(value))) return 'Enter a number.'
  if (f.fieldType === 'Datepicker' && Number.isNaN(Date.parse(String(value)))) return 'Enter a valid date.'
  return null
}

/** Whether every visible field (nested ones too) is valid. */
export function isFormValid(fields: Field[], data: unknown): boolean {
  const values = isRecord(data) ? data : {}
  return fields.every((f) => {
    const v = values[f.key]
    if (fieldError(f, v) !== null) return false
    if (!f.isVisible) return true
    if (f.fieldType === 'Object') return isFormValid(f.children, v)
    if (f.fieldType === 'Array' && Array.isArray(v)) return v.every((item) => (f.item!.fieldType === 'Object' ? isFormValid(f.item!.children, item) : fieldError(f.item!, item) === null))
    return true
  })
}
