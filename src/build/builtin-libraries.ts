/**
 * Appsmith's built-in libraries — `moment`, lodash as `_`, `forge` — are names every
 * Appsmith binding may use. smithlet bundles each one only into apps whose code
 * references it (moment alone is ~70 KB gzipped): this module says which, from the
 * app's sources, at build time.
 */
import { freeReads } from '../compile'
import { parseTemplate } from '../template'

/** A built-in library: the name code uses and the npm package that provides it. */
export interface BuiltinLibrary {
  readonly name: 'moment' | '_' | 'forge'
  readonly packageName: string
}

/** Appsmith's built-ins, by the names its code uses. */
export const BUILTIN_LIBRARIES: readonly BuiltinLibrary[] = [
  { name: 'moment', packageName: 'moment' },
  { name: '_', packageName: 'lodash' },
  { name: 'forge', packageName: 'node-forge' },
]

const MENTION = /(?<![\w$.])(moment|_|forge)(?![\w$])/

/** One app source: a JS object file, or text holding bindings (a page's HTML, a query file). */
export interface AppSource {
  readonly kind: 'js' | 'template'
  readonly text: string
}

/**
 * The built-in libraries the sources reference as free names, in
 * {@link BUILTIN_LIBRARIES} order. A property named `_` or a string that says
 * "moment" does not count; a source that does not parse is read
 * conservatively (a mention counts), since a missing library would break the
 * app and an extra one only costs size.
 */
export function referencedBuiltinLibraries(sources: Iterable<AppSource>): BuiltinLibrary[] {
  const found = new Set<string>()
  for (const source of sources) {
    if (!MENTION.test(source.text)) continue // the common case, cheaply
    for (const name of namesIn(source)) if (name === 'moment' || name === '_' || name === 'forge') found.add(name)
  }
  return BUILTIN_LIBRARIES.filter((library) => found.has(library.name))
}

function namesIn(source: AppSource): string[] {
  try {
    if (source.kind === 'js') return freeReads(source.text)
    const parsed = parseTemplate(source.text)
    if (!parsed.ok) return mentions(source.text)
    const out: string[] = []
    for (const segment of parsed.segments) if (segment.kind === 'expr') out.push(...freeReads(segment.code))
    return out
  } catch {
    return mentions(source.text)
  }
}

function mentions(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(new RegExp(MENTION.source, 'g'))) out.push(match[1]!)
  return out
}
