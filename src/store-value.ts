/**
 * What `storeValue` accepts: a string key, and a value IndexedDB can store. Checked before
 * anything is written, so a refused write changes neither memory nor disk.
 *
 * The store keeps its own copy of each value (a later mutation of the caller's object must
 * not change the store): one `structuredClone`, the copy IndexedDB itself would make, so
 * memory and disk hold the same value. (A hand-written copy of small plain data was 2–5×
 * faster per call, but it cost 1 KB minified in every app that writes the store, and the
 * clone keeps storeValue's synchronous part within the bench's 2× of a bare clone.)
 */

/**
 * Copies a value the way IndexedDB will. This is the store's only copy of the value
 * (IndexedDB's `put` makes its own). Primitives need none. Throws for what cannot be
 * structured-cloned (functions, symbols, DOM nodes).
 */
export function cloneForStore(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`a ${typeof value} cannot be structured-cloned`)
    }
    return value
  }
  // DOM implementations outside browsers (happy-dom) clone nodes as plain objects;
  // browsers refuse them, and so do we, everywhere.
  if (typeof Node === 'function' && value instanceof Node) {
    throw new TypeError('a DOM node cannot be structured-cloned')
  }
  return structuredClone(value)
}

/** Throws a TypeError naming `fn` unless `key` is a string. */
export function assertKey(fn: string, key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError(`${fn}: the key must be a string, got ${typeof key}`)
}
