/**
 * Which names of the app's scope the Entities tab lists, grouped as Appsmith's entity
 * explorer groups them. The runtime reports each entity's kind to the inspector as it
 * defines it; a name it did not report (an app without that hook) is classified by shape.
 * Global functions (`storeValue`, `showAlert`, …) and built-ins are not entities.
 */
import type { BindingRecord } from '../src/inspect'
import type { EntityKind } from './tree'

/** One group of the tree. */
export interface EntityGroup {
  readonly kind: EntityKind
  readonly label: string
  readonly names: readonly string[]
}

const ORDER: readonly EntityKind[] = ['widget', 'query', 'jsObject', 'module', 'appsmith', 'library']
const LABELS: Record<EntityKind, string> = {
  widget: 'Widgets',
  query: 'Queries',
  jsObject: 'JS objects',
  module: 'Modules',
  appsmith: 'appsmith',
  library: 'Libraries',
}
/** Names the runtime puts in every scope that are not the app's entities. */
const BUILT_INS = new Set(['Date', 'fetch', 'navigator', 'console', 'Math', 'JSON'])

/** The groups for a scope, names sorted within each group. */
export function entityNames(
  scope: Readonly<Record<string, unknown>>,
  bindings: ReadonlyMap<string, BindingRecord>,
  kinds: ReadonlyMap<string, EntityKind> = new Map(),
): EntityGroup[] {
  const widgets = new Set<string>()
  for (const record of bindings.values()) widgets.add(record.widget)
  const byKind = new Map<EntityKind, string[]>()
  for (const name of Object.keys(scope)) {
    const kind = kinds.get(name) ?? classify(name, scope[name], widgets)
    if (kind === null) continue
    let names = byKind.get(kind)
    if (names === undefined) byKind.set(kind, (names = []))
    names.push(name)
  }
  return ORDER.filter((k) => byKind.has(k)).map((kind) => ({ kind, label: LABELS[kind], names: byKind.get(kind)!.sort() }))
}

function classify(name: string, value: unknown, widgets: ReadonlySet<string>): EntityKind | null {
  if (name === 'appsmith') return 'appsmith'
  if (widgets.has(name)) return 'widget'
  if (BUILT_INS.has(name) || typeof value === 'function' || value === null || typeof value !== 'object') return null
  const record = value as Record<string, unknown>
  if (typeof record.run === 'function' && typeof record.config === 'object') return 'query'
  if (Object.isFrozen(value)) return 'widget'
  for (const key of Object.keys(record)) {
    const member = record[key]
    if (typeof member === 'function' && 'data' in member) return 'jsObject'
  }
  return 'library'
}
