/**
 * The entity tree the devtools panel shows: a pure model over the app's scope.
 *
 * Nodes are computed on demand from live values — reading a node reads the signals behind
 * it, so a panel that renders inside an effect re-renders when any shown value changes.
 * Objects never show their content in a preview (`{3 keys}`), only leaves show values, and
 * every leaf goes through the secret rules (./mask.ts) first.
 */
import { containsSecret, isMasked, masked, maskValue, type SecretRules } from './mask'

/** What the panel groups entities by. */
export type EntityKind = 'widget' | 'query' | 'jsObject' | 'module' | 'library' | 'appsmith'

/** One row of the tree. */
export interface TreeNode {
  /** Path segments from the scope: `['Table1', 'selectedRow', 'name']`. */
  readonly path: readonly string[]
  /** The last segment, or the entity name. */
  readonly key: string
  readonly type: ValueType
  /** One line of text: the value for leaves, a summary for containers. */
  readonly preview: string
  /** True when the node can be expanded. */
  readonly expandable: boolean
  /** Nesting depth, 0 for entities. */
  readonly depth: number
}

/** The kinds of value a node can hold. */
export type ValueType =
  | 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'bigint' | 'symbol'
  | 'object' | 'array' | 'map' | 'set' | 'date' | 'function' | 'masked' | 'error'

/** Children listed per node at the most; the rest is summarised in one row. */
export const MAX_CHILDREN = 200
/** Characters of a string preview. */
const MAX_PREVIEW = 120

/** A path as a binding: `['Table1', 'selectedRow', 'first name']` → `{{ Table1.selectedRow["first name"] }}`. */
export function pathToBinding(path: readonly string[]): string {
  let out = path[0] ?? ''
  for (let i = 1; i < path.length; i++) {
    const key = path[i]!
    out += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : /^\d+$/.test(key) ? `[${key}]` : `[${JSON.stringify(key)}]`
  }
  return `{{ ${out} }}`
}

/** The value at `path` under `scope`, or an `Error` when a getter on the way throws. */
export function valueAt(scope: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = scope
  for (const key of path) {
    try {
      value = childValue(value, key)
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  }
  return value
}

/** The node for one value at `path`. */
export function nodeFor(value: unknown, path: readonly string[], rules: SecretRules): TreeNode {
  let shown = maskValue(value, path, rules)
  // An error's message is free text: the runtime keeps tokens out of it, but a thrown
  // value from user code may not.
  if (shown instanceof Error && containsSecret(`${shown.name}: ${shown.message}`, rules)) shown = masked(shown.message)
  const type = typeOf(shown)
  return {
    path,
    key: path[path.length - 1] ?? '',
    type,
    preview: previewOf(shown, type),
    expandable: isExpandable(shown, type),
    depth: Math.max(0, path.length - 1),
  }
}

/**
 * The visible rows: each entity, and below every expanded path its children, depth-first.
 * `expanded` holds paths joined with `\u0000`. Reads every shown value (so call it inside
 * an effect to follow changes).
 */
export function visibleRows(
  scope: Readonly<Record<string, unknown>>,
  entities: readonly string[],
  expanded: ReadonlySet<string>,
  rules: SecretRules,
): TreeNode[] {
  const rows: TreeNode[] = []
  const walk = (value: unknown, path: readonly string[]): void => {
    const node = nodeFor(value, path, rules)
    rows.push(node)
    if (!node.expandable || !expanded.has(pathKey(path))) return
    for (const [key, child] of childEntries(value)) walk(child, [...path, key])
  }
  for (const name of entities) walk(valueAt(scope, [name]), [name])
  return rows
}

/**
 * Paths under the given entities whose joined path contains `query` (case-insensitive),
 * searching `maxDepth` levels deep and at most `limit` nodes, so a huge response cannot
 * stall the panel.
 */
export function searchPaths(
  scope: Readonly<Record<string, unknown>>,
  entities: readonly string[],
  query: string,
  rules: SecretRules,
  { maxDepth = 4, limit = 5_000 } = {},
): TreeNode[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return []
  const found: TreeNode[] = []
  let visited = 0
  const walk = (value: unknown, path: readonly string[]): void => {
    if (visited++ >= limit) return
    const node = nodeFor(value, path, rules)
    if (path.join('.').toLowerCase().includes(needle)) found.push(node)
    if (!node.expandable || path.length > maxDepth) return
    for (const [key, child] of childEntries(value)) walk(child, [...path, key])
  }
  for (const name of entities) walk(valueAt(scope, [name]), [name])
  return found
}

/** The key of a path in an expanded set. */
export function pathKey(path: readonly string[]): string {
  return path.join('\u0000')
}

/** Children of a value as [key, value] pairs (getters read; a throwing one yields its error). */
export function childEntries(value: unknown): Array<[string, unknown]> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || isMasked(value) || value instanceof Error) return []
  const out: Array<[string, unknown]> = []
  const push = (key: string, read: () => unknown): boolean => {
    if (out.length >= MAX_CHILDREN) return false
    try {
      out.push([key, read()])
    } catch (error) {
      out.push([key, error instanceof Error ? error : new Error(String(error))])
    }
    return true
  }
  if (value instanceof Map) {
    for (const [k, v] of value) if (!push(String(k), () => v)) break
    return out
  }
  if (value instanceof Set) {
    let i = 0
    for (const v of value) if (!push(String(i++), () => v)) break
    return out
  }
  if (typeof value === 'function') {
    // A JS object's function: its `.data` is what people look at.
    if ('data' in value) push('data', () => (value as { data: unknown }).data)
    return out
  }
  for (const key of Object.keys(value)) {
    if (!push(key, () => (value as Record<string, unknown>)[key])) break
  }
  return out
}

function childValue(value: unknown, key: string): unknown {
  if (value instanceof Map) return value.get(key)
  if (value instanceof Set) return [...value][Number(key)]
  if (value === null || value === undefined) return undefined
  return (value as Record<string, unknown>)[key]
}

function typeOf(value: unknown): ValueType {
  if (value === null) return 'null'
  if (isMasked(value)) return 'masked'
  if (value instanceof Error) return 'error'
  if (Array.isArray(value)) return 'array'
  if (value instanceof Map) return 'map'
  if (value instanceof Set) return 'set'
  if (value instanceof Date) return 'date'
  const type = typeof value
  return type === 'object' ? 'object' : (type as ValueType)
}

function isExpandable(value: unknown, type: ValueType): boolean {
  if (type === 'function') return typeof value === 'function' && 'data' in value
  return (type === 'object' || type === 'array' || type === 'map' || type === 'set') && childEntries(value).length > 0
}

function previewOf(value: unknown, type: ValueType): string {
  switch (type) {
    case 'masked':
      return `•••••• (masked, ${(value as { length: number }).length} characters)`
    case 'string': {
      const text = JSON.stringify(value as string)
      return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…"` : text
    }
    case 'error':
      return `⚠ ${(value as Error).name}: ${(value as Error).message}`
    case 'array':
      return `Array(${(value as unknown[]).length})`
    case 'map':
      return `Map(${(value as Map<unknown, unknown>).size})`
    case 'set':
      return `Set(${(value as Set<unknown>).size})`
    case 'date':
      return Number.isNaN((value as Date).getTime()) ? 'Invalid Date' : (value as Date).toISOString()
    case 'function':
      return `ƒ ${(value as { name?: string }).name || 'anonymous'}()`
    case 'object': {
      const keys = Object.keys(value as object).length
      return `{${keys} ${keys === 1 ? 'key' : 'keys'}}`
    }
    case 'symbol':
      return String(value)
    case 'bigint':
      return `${String(value)}n`
    default:
      return String(value)
  }
}
