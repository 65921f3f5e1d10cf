/**
 * What `storeValue` accepts: a string key, and a value IndexedDB can store. Checked before
 * anything is written, so a refused write changes neither memory nor disk.
 *
 * The store keeps its own copy of each value (a later mutation of the caller's object must
 * not change the store). Small plain data — primitives, and trees of plain objects and
 * arrays — is copied by {@link copyPlain} in JS: `structuredClone` costs a serialisation
 * and a deserialisation (about 2–5 µs even for `{ i, label }`), the copy a few allocations.
 * Anything else, or anything the plain copy is not sure to copy exactly as
 * `structuredClone` would, goes to `structuredClone`.
 */

/** At most this many objects are copied in JS; a bigger value amortises structuredClone's fixed cost. */
const MAX_OBJECTS = 64
/** At most this many properties and elements, in all, are copied in JS. */
const MAX_SLOTS = 1024

/** What {@link copyPlain} returns for a value it leaves to structuredClone. */
const NOT_PLAIN: unique symbol = Symbol('not plain')

// The objects the current plain copy has entered (the first `entered`), to leave shared and
// cyclic references to structuredClone (it keeps their identity; the plain copy would
// not). Reused, and emptied after every copy: copying allocates nothing but the copy.
const seen: Array<object | undefined> = []
let entered = 0
// Invariant while a plain copy runs: how many more properties and elements it may copy.
let slots = 0

/**
 * Copies a value the way IndexedDB will, so memory and disk agree and a later mutation of
 * the caller's object does not leak into the store. This is the store's only copy of the
 * value (IndexedDB's `put` makes its own). Primitives need none. Throws for what cannot be
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
  slots = MAX_SLOTS
  let copy: unknown
  try {
    copy = copyPlain(value)
  } finally {
    // Not `seen.length = 0` (a runtime call): the slots are reused, and cleared so they hold
    // no caller's object.
    while (entered > 0) seen[--entered] = undefined
  }
  return copy === NOT_PLAIN ? structuredClone(value) : copy
}

/**
 * `structuredClone(value)` for a tree of plain objects (prototype Object.prototype or null)
 * and dense arrays without named properties, whose leaves are primitives; NOT_PLAIN for
 * anything else (Date, Map, class instances, typed arrays, holes, shared or cyclic
 * references, a `__proto__` key, functions, symbols, past the size bounds). Like
 * structuredClone it reads own enumerable string keys in their order, through getters (a
 * getter read before the copy gives up is read again by structuredClone). Unlike it, it
 * cannot tell a Proxy from its target: a proxy of plain data is copied, not refused.
 */
function copyPlain(value: object): unknown {
  if (entered === MAX_OBJECTS) return NOT_PLAIN
  for (let i = 0; i < entered; i++) if (seen[i] === value) return NOT_PLAIN
  seen[entered++] = value
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === Array.prototype) {
    if (!Array.isArray(value)) return NOT_PLAIN
    const length = value.length
    if ((slots -= length) < 0) return NOT_PLAIN
    const copy: unknown[] = []
    for (let i = 0; i < length; i++) {
      if (!(i in value)) return NOT_PLAIN // a hole: structuredClone keeps it
      const item = copySlot(value[i])
      if (item === NOT_PLAIN) return NOT_PLAIN
      copy.push(item)
    }
    // Named properties on an array: structuredClone copies them too.
    return Object.keys(value).length === length ? copy : NOT_PLAIN
  }
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN
  const keys = Object.keys(value)
  if ((slots -= keys.length) < 0) return NOT_PLAIN
  const copy: Record<string, unknown> = {}
  for (const key of keys) {
    // Assigning it would set the copy's prototype; structuredClone defines a property.
    if (key === '__proto__') return NOT_PLAIN
    const item = copySlot((value as Record<string, unknown>)[key])
    if (item === NOT_PLAIN) return NOT_PLAIN
    copy[key] = item
  }
  return copy
}

/** One property or element for {@link copyPlain}: a primitive as is, an object copied. */
function copySlot(item: unknown): unknown {
  if (typeof item === 'object') return item === null ? null : copyPlain(item)
  // structuredClone refuses these: it throws the error the caller reports.
  return typeof item === 'function' || typeof item === 'symbol' ? NOT_PLAIN : item
}

/** Throws a TypeError naming `fn` unless `key` is a string. */
export function assertKey(fn: string, key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError(`${fn}: the key must be a string, got ${typeof key}`)
}
