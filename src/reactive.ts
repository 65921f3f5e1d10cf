/**
 * The reactive core. This is the only file that imports `@preact/signals-core`,
 * so the rest of smithlet depends on a handful of names, not on a library.
 */
export { signal, computed, effect, batch, untracked } from '@preact/signals-core'
export type { Signal, ReadonlySignal } from '@preact/signals-core'

import { computed as makeComputed, untracked as runUntracked } from '@preact/signals-core'
import type { Signal as AnySignal } from '@preact/signals-core'

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
