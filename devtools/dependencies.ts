/**
 * The Dependencies tab's model: what a binding read on its last evaluation (the exact
 * signals, traced by the runtime's reactive core), and which bindings read an entity.
 */
import type { BindingRecord } from '../src/inspect'
import { sourcesOf, type ReadonlySignal } from '../src/reactive'
import { maskValue, type SecretRules } from './mask'
import { nodeFor } from './tree'

/** One signal a binding read. */
export interface DependencyRow {
  /** The signal's name (`appsmith.store.count`, `Api1.data`), or `(unnamed)`. */
  readonly name: string
  /** Its value now, masked and summarised like a tree leaf. */
  readonly preview: string
  /** For a computed: the names of what it read in turn. */
  readonly via: readonly string[]
}

/** Describes one read signal. */
export function describeDependency(source: ReadonlySignal<unknown>, rules: SecretRules): DependencyRow {
  const name = (source as { name?: string }).name ?? '(unnamed)'
  const path = name.split('.')
  const value = maskValue(source.peek(), path, rules)
  return {
    name,
    preview: nodeFor(value, path, rules).preview,
    via: sourcesOf(source).map((s) => s.name ?? '(unnamed)'),
  }
}

/**
 * The bindings whose text names `entity` as a free name or as the start of a path
 * (`Table1`, `Table1.selectedRow`): "what reads this". A plain text match on identifier
 * boundaries; the runtime's compiler made the same choice of names.
 */
export function readersOf(entity: string, bindings: ReadonlyMap<string, BindingRecord>): string[] {
  if (entity.trim() === '') return []
  const head = entity.split('.')[0]!
  const pattern = new RegExp(`(^|[^\\w$.])${head.replace(/[$]/g, '\\$')}(?![\\w$])`)
  const out: string[] = []
  for (const [key, record] of bindings) if (pattern.test(record.template)) out.push(key)
  return out.sort()
}
