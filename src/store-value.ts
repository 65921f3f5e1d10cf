/**
 * What `storeValue` accepts: a string key, and a value IndexedDB can store. Checked before
 * anything is written, so a refused write changes neither memory nor disk.
 */

/**
 * Copies a value the way IndexedDB will, so memory and disk agree and a later mutation of
 * the caller's object does not leak into the store. This is the store's only copy of the
 * value (IndexedDB's `put` makes its own). Throws for what cannot be structured-cloned
 * (functions, symbols, DOM nodes).
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
