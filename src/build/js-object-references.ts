/**
 * What each property of a JS object reads as `X.data`, found at build time for the
 * `?jsobject` module (./js-object-module.ts): page load orders the object's functions by
 * it, with no scanning at run time — and a minifier that renames the factory's locals
 * cannot hide an entity's name from it, as it would from the function's source text.
 */
import { dataReferences } from '../code-names'
import type { DataReference } from '../compiled-code'
import { locateObject, propertyChunks } from '../compile-js-object'
import { scan } from '../scan'

/** Words before a method's name (`async f() {}`), unless they are the name (`get: 1`, `async() {}`). */
const MODIFIERS: ReadonlySet<string> = new Set(['async', 'get', 'set', 'static'])

/** Each top-level property's `X.data` reads, by property name (only properties that have some). */
export function jsObjectDataReferences(source: string, name: string): Record<string, DataReference[]> {
  const { open } = locateObject(source, name)
  const out: Record<string, DataReference[]> = {}
  for (const chunk of propertyChunks(source, open)) {
    const text = source.slice(chunk.from, chunk.to)
    const key = propertyKey(text)
    // `__proto__` as a key of the emitted literal would set its prototype.
    if (key === '' || key === '__proto__' || Object.hasOwn(out, key)) continue
    const references = dataReferences(text)
    if (references.length > 0) out[key] = references
  }
  return out
}

/** The name a property's text defines (`f: …`, `async f() {}`, `'f'() {}`), or '' when computed. */
function propertyKey(text: string): string {
  let key = ''
  let found = false
  scan(text, 0, {
    onToken(kind, start, end, depth) {
      if (found || depth !== 0) return
      const word = text.slice(start, end)
      if (kind === 'name' && MODIFIERS.has(word) && !/^\s*[:(,]/.test(text.slice(end, end + 3)) && end < text.trimEnd().length) return
      if (kind === 'punct' && word === '*') return
      found = true
      if (kind === 'name') key = word
      else if (kind === 'string') key = word.slice(1, -1)
    },
  })
  return key
}
