/**
 * The store's write path in one place: copying a written value (./store-value.ts), the
 * queue that batches a tick's writes into one commit (./store-batch.ts) and the IndexedDB
 * writes (./store-disk.ts `writeOps`). ./store.ts and ./storage.ts import it from here so
 * that `smithlet build` can give an app whose code never writes the store (it names none
 * of storeValue, removeValue, clearStore) ./store-write-none.ts instead: a store that is
 * only read carries none of it (src/build/esbuild-plugin.ts; src/build/app-features.ts
 * `writesStore` decides). Every other build, and an app that writes, gets this module.
 */
export { cloneForStore } from './store-value'
export { createWriteQueue } from './store-batch'
export { writeOps } from './store-disk'
