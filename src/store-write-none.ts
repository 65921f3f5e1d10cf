/**
 * ./store-write-path.ts for a built app whose code never writes the store: what
 * `smithlet build` bundles in its place (src/build/esbuild-plugin.ts), so the app carries
 * no copying of values, write queue or IndexedDB writes. The build saw all of the app's
 * code, so none of this runs; were a write to happen anyway, it is an error naming the
 * missing part, and nothing is written.
 */
import { notInBuild } from './features'
import type { StoreOp } from './storage'
import type { WriteQueue } from './store-batch'

function none(): never {
  throw notInBuild('store writes (storeValue, removeValue, clearStore)')
}

/** Refuses: storeValue is not in this build. */
export const cloneForStore: (value: unknown) => unknown = none

/** Refuses: nothing writes the store in this build. */
export const writeOps: (s: IDBObjectStore, ops: readonly StoreOp[]) => Promise<void> = none

/** A queue that takes no writes; with nothing queued, it is always settled. */
export function createWriteQueue(): WriteQueue {
  return { write: none, clear: none, settled: () => Promise.resolve() }
}
