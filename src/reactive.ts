/**
 * The reactive core. This is the only file that imports `@preact/signals-core`,
 * so the rest of smithlet depends on a handful of names, not on a library.
 *
 * It adds one thing the library lacks: effect scopes, modelled on Vue's
 * `effectScope`. An app, a page, a widget and a module each own a scope; every
 * effect, timer and cleanup belongs to one, and disposing is `scope.stop()`.
 */
import { computed as makeComputed, effect as preactEffect, untracked as runUntracked } from '@preact/signals-core'
import type { Signal as AnySignal } from '@preact/signals-core'

export { signal, computed, batch, untracked } from '@preact/signals-core'
export type { Signal, ReadonlySignal } from '@preact/signals-core'

/** The timer functions a scope schedules with (injectable: tests and hosts give their own). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

/** The environment's timers, looked up at call time (so fake timers installed later apply). */
export const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
}

/**
 * Owns effects, timers, cleanups and child scopes. After {@link EffectScope.stop}
 * none of them runs again, and nothing new is started in it.
 */
export interface EffectScope {
  /** False once stopped. */
  readonly active: boolean
  /** The timers this scope schedules with (its parent's unless given). */
  readonly timers: Timers
  /** An effect owned by this scope; the returned function stops it early. */
  effect(fn: () => void | (() => void)): () => void
  /** A timeout cleared when the scope stops (none is started once it has). The handle works with {@link EffectScope.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** An interval cleared when the scope stops. */
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
  /** Runs `cleanup` when the scope stops, or now if it has (reverse order of registration). */
  onStop(cleanup: () => void): void
  /** A child scope, stopped with this one (or on its own before). */
  scope(timers?: Timers): EffectScope
  /** Stops every child scope, effect and timer, then runs the cleanups. Idempotent. */
  stop(): void
}

/** Creates a root effect scope. `timers` defaults to the environment's. */
export function effectScope(timers: Timers = globalTimers): EffectScope {
  return createEffectScope(timers, null)
}

function createEffectScope(timers: Timers, parent: Set<() => void> | null): EffectScope {
  // Every disposer this scope owns, in registration order: effects, timers, cleanups, children.
  const owned = new Set<() => void>()
  // handle → its disposer, so clearTimeout/clearInterval can drop the entry.
  const timerDisposers = new Map<unknown, () => void>()
  let active = true
  const stopSelf = (): void => scope.stop()

  const schedule = (kind: 'timeout' | 'interval', callback: () => void, ms: number): unknown => {
    // Code still running after its app ended (an await that resumed late) may ask for a
    // timer; it gets none, rather than an error nobody is left to catch.
    if (!active) return undefined
    let handle: unknown
    const clear = (): void => {
      owned.delete(clear)
      timerDisposers.delete(handle)
      if (kind === 'timeout') timers.clearTimeout(handle)
      else timers.clearInterval(handle)
    }
    if (kind === 'timeout') {
      handle = timers.setTimeout(() => {
        // A fired timeout owns nothing any more.
        owned.delete(clear)
        timerDisposers.delete(handle)
        callback()
      }, ms)
    } else handle = timers.setInterval(callback, ms)
    owned.add(clear)
    timerDisposers.set(handle, clear)
    return handle
  }

  const scope: EffectScope = {
    get active() {
      return active
    },
    timers,
    effect(fn) {
      if (!active) throw new Error('this scope has been stopped; it cannot own new effects')
      const stop = preactEffect(fn)
      const dispose = (): void => {
        owned.delete(dispose)
        stop()
      }
      owned.add(dispose)
      return dispose
    },
    setTimeout: (callback, ms) => schedule('timeout', callback, ms),
    clearTimeout: (handle) => timerDisposers.get(handle)?.(),
    setInterval: (callback, ms) => schedule('interval', callback, ms),
    clearInterval: (handle) => timerDisposers.get(handle)?.(),
    onStop(cleanup) {
      if (active) owned.add(cleanup)
      else cleanup()
    },
    scope(childTimers = timers) {
      if (!active) throw new Error('this scope has been stopped; it cannot have new child scopes')
      return createEffectScope(childTimers, owned)
    },
    stop() {
      if (!active) return
      active = false
      parent?.delete(stopSelf)
      const all = [...owned].reverse()
      owned.clear()
      timerDisposers.clear()
      for (const dispose of all) dispose()
    },
  }
  parent?.add(stopSelf)
  return scope
}

/**
 * An effect owned by nobody: the caller keeps the returned stop function. Widgets use it
 * for effects that live as long as their element; the runtime uses scopes.
 */
export const effect = preactEffect

/** The two internals of signals-core 1.x that {@link traceReads} walks (mangled names, pinned by the version). */
interface SourceNode {
  /** The signal read. */
  readonly S: AnySignal<unknown>
  /** The next source, in first-read order. */
  readonly n: SourceNode | undefined
}

/**
 * Evaluates `fn` once, untracked, as a throw-away computed, and lists the signals and
 * computeds it read, in first-read order — what the devtools show as a binding's
 * dependencies. For a debugger only: it reads signals-core's internal source list (an
 * empty list if that ever changes shape) and costs nothing until called.
 */
export function traceReads<T>(fn: () => T): { readonly result: T; readonly reads: ReadonlyArray<AnySignal<unknown>> } {
  const probe = makeComputed(fn)
  const result = runUntracked(() => probe.value)
  return { result, reads: sourcesOf(probe) }
}

/** What a computed read on its last evaluation (empty for a plain signal). */
export function sourcesOf(value: AnySignal<unknown>): ReadonlyArray<AnySignal<unknown>> {
  const reads: Array<AnySignal<unknown>> = []
  for (let node = (value as unknown as { s?: SourceNode }).s; node !== undefined && reads.length < 10_000; node = node.n) {
    if (node.S === null || typeof node.S !== 'object') return []
    reads.push(node.S)
  }
  return reads
}
