/**
 * The store's copy of a value (src/store-value.ts) is one `structuredClone`, checked first for
 * what it refuses: same value, same own keys in the same
 * order, same prototypes, same sharing, and the same refusals.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cloneForStore } from '../../src/store-value'

/** Asserts `copy` is what structuredClone makes of `value`: equal, key order and prototypes included, and not the same objects. */
function expectClone(copy: unknown, value: unknown): void {
  const expected = structuredClone(value)
  expect(copy).toStrictEqual(expected)
  const visited = new Set<unknown>()
  const walk = (a: unknown, b: unknown, original: unknown): void => {
    if (typeof a !== 'object' || a === null) {
      expect(Object.is(a, b)).toBe(true)
      return
    }
    if (visited.has(a)) return
    visited.add(a)
    expect(a).not.toBe(original)
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b))
    expect(Reflect.ownKeys(a)).toEqual(Reflect.ownKeys(b as object))
    for (const key of Reflect.ownKeys(b as object)) {
      walk((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], (original as Record<PropertyKey, unknown> | undefined)?.[key])
    }
  }
  walk(copy, expected, value)
}

const sparse = [1, , 3] // eslint-disable-line no-sparse-arrays
const named = Object.assign([1, 2], { extra: 'kept' })
const cyclic: Record<string, unknown> = { name: 'loop' }
cyclic.self = cyclic
const part = { x: 1 }
const shared = { a: part, b: part }
const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { n: 1 })
const withGetter = Object.defineProperty({ plain: 1 }, 'computed', { get: () => 'read', enumerable: true })
const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false })
const symbolKeyed = { [Symbol('s')]: 1, kept: 2 }
const protoKey = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown
class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}
const manyObjects = Array.from({ length: 200 }, (_, i) => ({ i, label: `row ${i}` }))
const manySlots = Array.from({ length: 5000 }, (_, i) => i)

const values: Record<string, unknown> = {
  'a flat object': { i: 1, label: 'value 1' },
  'integer keys first, then insertion order': { b: 1, 2: 'two', a: 2, 1: 'one' },
  'nested objects and arrays': { user: { name: 'Ada', roles: ['admin', 'dev'] }, rows: [{ id: 1 }, { id: 2, tags: [] }] },
  'every primitive': { n: -0, nan: NaN, inf: -Infinity, big: 12n, t: true, nul: null, undef: undefined, s: '' },
  'an empty object and array': { o: {}, a: [] },
  'an array of primitives': [1, 'two', null, undefined, false],
  'a sparse array': sparse,
  'an array with a named property': named,
  'a cycle': cyclic,
  'a shared part': shared,
  'a null-prototype object': nullProto,
  'an enumerable getter': withGetter,
  'a non-enumerable property': hidden,
  'a symbol key': symbolKeyed,
  'an own __proto__ key': protoKey,
  'a class instance': new Point(1, 2),
  'a Date, a Map, a Set, a RegExp, typed arrays': { d: new Date(0), m: new Map([[1, { a: 1 }]]), s: new Set([1]), r: /x/g, u: new Uint8Array([1, 2]) },
  'a primitive wrapper': { s: Object('text') as unknown },
  'an Error': new RangeError('out'),
  'more objects than the plain copy takes': manyObjects,
  'more elements than the plain copy takes': manySlots,
  'a plain object holding a Date deep down': { a: { b: [{ c: new Date(5) }] } },
}

afterEach(() => vi.restoreAllMocks())

describe('cloneForStore copies as structuredClone does', () => {
  it('an object is copied by one structuredClone; a primitive is not copied', () => {
    const spy = vi.spyOn(globalThis, 'structuredClone')
    for (const [name, value] of Object.entries(values)) {
      spy.mockClear()
      cloneForStore(value)
      const isObject = typeof value === 'object' && value !== null
      expect([name, spy.mock.calls.length]).toEqual([name, isObject ? 1 : 0])
    }
  })

  for (const [name, value] of Object.entries(values)) {
    it(name, () => expectClone(cloneForStore(value), value))
  }

  it('keeps the sharing and the cycle structuredClone keeps', () => {
    const copy = cloneForStore(shared) as typeof shared
    expect(copy.a).toBe(copy.b)
    const loop = cloneForStore(cyclic) as typeof cyclic
    expect(loop.self).toBe(loop)
  })

  it('primitives are returned as they are', () => {
    for (const value of ['s', 1, -0, 1n, true, null, undefined]) expect(Object.is(cloneForStore(value), value)).toBe(true)
  })

  it('refuses what structuredClone refuses, at any depth', () => {
    expect(() => cloneForStore(() => 1)).toThrow(TypeError)
    expect(() => cloneForStore(Symbol('x'))).toThrow(TypeError)
    expect(() => cloneForStore({ a: [{ f: () => 1 }] })).toThrow(/could not be cloned/)
    expect(() => cloneForStore({ s: Symbol('x') })).toThrow(/could not be cloned/)
  })

  it('a getter that throws throws out of the copy, and the next copy is whole', () => {
    const bad = Object.defineProperty({}, 'x', { get: () => { throw new Error('no') }, enumerable: true })
    expect(() => cloneForStore({ ok: 1, bad })).toThrow('no')
    expectClone(cloneForStore({ a: 1 }), { a: 1 })
  })

  it('later mutations of the original do not reach the copy', () => {
    const value = { list: [1, 2], inner: { n: 1 } }
    const copy = cloneForStore(value) as typeof value
    value.list.push(3)
    value.inner.n = 2
    expect(copy).toEqual({ list: [1, 2], inner: { n: 1 } })
  })
})
