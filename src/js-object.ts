import { CompileError, RESOLVE_NAMES, type DataReference, type Resolver } from './compiled-code'
import { jsObjectFactory } from './precompiled'
import { isThenable } from './errors'
import { signal } from './reactive'

/** A JS object as written (`export default { … }` source) or compiled ahead of time. */
export type JSObjectDefinition = string | CompiledJSObject

/** What the esbuild plugin emits for a JS object file: the factory, no source to compile. */
export interface CompiledJSObject {
  readonly factory: (this: unknown, $r: Resolver) => Record<string, unknown>
  /**
   * Each top-level property's `X.data` reads, by property name (a property not listed reads
   * none), found at build time: the page-load order of the object's functions, with no
   * scanning at run time.
   */
  readonly dataReferences?: Readonly<Record<string, readonly DataReference[]>>
}

/** A JS object's function as the scope exposes it: callable, with a reactive `.data`. */
export interface JSFunction {
  (...args: unknown[]): unknown
  /**
   * The last value the function returned (for a Promise, the value it resolved to).
   * smithlet addition: assignable, so an object can forget a result it must not keep
   * (Auth_Module clears every function's token at logout).
   */
  data: unknown
}

/** A JS object whose initialiser threw (`export default { x: compute() }` where compute throws). */
export class JSObjectInitError extends Error {
  override readonly name = 'JSObjectInitError'
}

// What each wrapped function of a compiled JS object reads as `X.data` (its build-time analysis).
const functionReferences = new WeakMap<object, readonly DataReference[]>()
const NO_REFERENCES: readonly DataReference[] = []

/** The `X.data` reads of a JS object's function, when its object was compiled ahead of time. */
export function jsFunctionDataReferences(fn: unknown): readonly DataReference[] | undefined {
  return typeof fn === 'function' ? functionReferences.get(fn) : undefined
}

// The entities standing in for JS objects that failed to initialise, and why.
const broken = new WeakMap<object, Error>()

/** Why `entity` is a JS object in error, or undefined for any other value. */
export function brokenJSObjectError(entity: unknown): Error | undefined {
  return typeof entity === 'object' && entity !== null ? broken.get(entity) : undefined
}

/**
 * An entity in error: reading any of its members throws `error`, so a binding that reads
 * it shows the error, and a call (`Broken.fn()`) rejects with it. It is what the app
 * defines for a JS object that does not compile or whose initialiser threw, so the rest
 * of the app still starts.
 */
export function brokenJSObject(error: Error): Record<string, unknown> {
  const entity = new Proxy(Object.create(null) as Record<string, unknown>, {
    get(_, key) {
      // Awaiting, printing or converting the entity must not throw: only its members do.
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined
      throw error
    },
    set() {
      throw error
    },
  })
  broken.set(entity, error)
  return entity
}

/**
 * {@link createJSObject}, except that a source that does not compile (a syntax error: a
 * {@link CompileError} naming the object, the property and its line) or an initialiser
 * that throws yields a {@link brokenJSObject} (reported through `onBroken`) instead of an
 * exception.
 */
export function createJSObjectIsolated(
  name: string,
  definition: JSObjectDefinition,
  resolve: Resolver,
  onRefresher: ((refresh: () => void) => void) | undefined,
  onBroken: (error: JSObjectInitError | CompileError) => void,
): Record<string, unknown> {
  try {
    return createJSObject(name, definition, resolve, onRefresher)
  } catch (error) {
    if (!(error instanceof JSObjectInitError || error instanceof CompileError)) throw error
    onBroken(error)
    return brokenJSObject(error)
  }
}

/**
 * Builds a JS object entity. Functions are bound so that `this` is the object, even
 * when passed as a callback, and get a reactive `.data`; variables become reactive
 * accessors, so `this.count++` updates every binding that reads `Name.count`.
 */
export function createJSObject(
  name: string,
  definition: JSObjectDefinition,
  resolve: Resolver,
  /** Receives the function that re-resolves the object's free names (after new entities are defined). */
  onRefresher?: (refresh: () => void) => void,
): Record<string, unknown> {
  const factory = typeof definition === 'string' ? jsObjectFactory(definition, name) : definition?.factory
  if (typeof factory !== 'function') {
    // The usual cause: `import X from './X.js'` hands over the plain object, not its compiled form.
    throw new TypeError(
      `JS object "${name}": expected its source text or a compiled JS object (import the file with the ?jsobject suffix), got ${definition === null ? 'null' : typeof definition}`,
    )
  }
  // The factory runs with `this` = the entity, so arrow-function properties
  // (`myFun: () => this.items`) see the object, as in Appsmith.
  const entity: Record<string, unknown> = {}
  let raw: unknown
  try {
    raw = factory.call(entity, resolve)
  } catch (cause) {
    throw new JSObjectInitError(`JS object "${name}" failed to initialise: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    })
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError(`JS object "${name}": export default must be an object literal`)
  }
  // The factory resolved the object's free names when it ran; the app calls the refresher
  // once entities defined later exist (JS objects created after this one, widgets on mount).
  const refresher = (raw as Record<symbol, unknown>)[RESOLVE_NAMES]
  if (typeof refresher === 'function' && onRefresher) onRefresher(refresher as () => void)
  // Appsmith shows a variable's in-place mutations (`this.items.push(x)`): after each
  // call of one of the object's functions, bindings that read an object-valued
  // variable re-evaluate (one version signal per object, bumped only when it has one).
  // The bump waits for a microtask (coalesced): a function called from inside a binding
  // must not write a signal that binding reads; reads made by the object's own functions
  // do not subscribe, so a function that mutates what it reads cannot loop.
  const version = signal(0)
  let hasObjectVariable = false
  let bumpQueued = false
  const bump = (): void => {
    bumpQueued = false
    version.value++
  }
  const running = { depth: 0 }
  const touched = (): void => {
    if (!hasObjectVariable || bumpQueued) return
    bumpQueued = true
    queueMicrotask(bump)
  }
  const declaredReferences = typeof definition === 'string' ? undefined : definition.dataReferences
  for (const key of Reflect.ownKeys(raw)) {
    if (key === RESOLVE_NAMES) continue
    const descriptor = Object.getOwnPropertyDescriptor(raw, key)!
    if (typeof key === 'symbol' || descriptor.get !== undefined || descriptor.set !== undefined) {
      Object.defineProperty(entity, key, descriptor)
    } else if (typeof descriptor.value === 'function') {
      const wrapped = wrapFunction(descriptor.value, entity, touched, running, `${name}.${key}.data`)
      // Given at all, they are complete: a function they do not list reads no `.data`.
      if (declaredReferences !== undefined) functionReferences.set(wrapped, Object.hasOwn(declaredReferences, key) ? declaredReferences[key]! : NO_REFERENCES)
      Object.defineProperty(entity, key, { value: wrapped, enumerable: true })
    } else {
      const value = signal<unknown>(descriptor.value, { name: `${name}.${key}` })
      if (descriptor.value !== null && typeof descriptor.value === 'object') hasObjectVariable = true
      Object.defineProperty(entity, key, {
        get: () => {
          const current = value.value
          if (current !== null && typeof current === 'object' && running.depth === 0) void version.value
          return current
        },
        set: (next: unknown) => {
          if (next !== null && typeof next === 'object') hasObjectVariable = true
          value.value = next
        },
        enumerable: true,
      })
    }
  }
  return entity
}

function wrapFunction(fn: (...args: unknown[]) => unknown, self: object, touched: () => void, running: { depth: number }, dataName: string): JSFunction {
  // Appsmith's `.data` of a function that has not run yet is `{}`.
  const data = signal<unknown>({}, { name: dataName })
  const onResolved = (resolved: unknown): void => {
    data.value = resolved
    touched()
  }
  const ignore = (): void => touched()
  const wrapped = function (this: unknown): unknown {
    // `arguments`, not a rest array: no allocation per call on hot paths.
    let result: unknown
    running.depth++
    try {
      result = fn.apply(self, arguments as unknown as unknown[])
    } finally {
      running.depth--
    }
    if (isThenable(result)) {
      // Callers get the function's own Promise; `.data` follows it. A rejection leaves
      // `.data` as it was and stays the caller's to handle.
      result.then(onResolved, ignore)
    } else {
      data.value = result
    }
    touched()
    return result
  }
  Object.defineProperty(wrapped, 'data', {
    get: () => data.value,
    set: (value: unknown) => {
      data.value = value
    },
    enumerable: true,
  })
  Object.defineProperty(wrapped, 'name', { value: fn.name })
  // Page-load ordering reads what the function references from its source.
  Object.defineProperty(wrapped, 'toString', { value: () => Function.prototype.toString.call(fn) })
  return wrapped as JSFunction
}
