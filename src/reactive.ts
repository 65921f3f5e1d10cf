/**
 * The reactive core. This is the only file that imports `@preact/signals-core`,
 * so the rest of smithlet depends on a handful of names, not on a library.
 */
export { signal, computed, effect, batch, untracked } from '@preact/signals-core'
export type { Signal, ReadonlySignal } from '@preact/signals-core'
