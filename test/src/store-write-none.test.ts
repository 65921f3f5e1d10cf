/**
 * The store's write path as a built app that never writes the store gets it
 * (src/store-write-none.ts, swapped in by the esbuild plugin): nothing there can write,
 * and a write is an error naming the missing part; with nothing queued, the store is settled.
 */
import { describe, expect, test } from 'vitest'
import { cloneForStore, createWriteQueue, writeOps } from '../../src/store-write-none'
import type { KeyState } from '../../src/store-keys'

const MISSING = /^this build has no store writes \(storeValue, removeValue, clearStore\): smithlet build bundles/

describe('the write path of a store no code writes', () => {
  test('copying a value, queueing a write or a clear, and writing to IndexedDB are errors naming the part', () => {
    expect(() => cloneForStore(1)).toThrow(MISSING)
    const queue = createWriteQueue()
    expect(() => queue.write({} as KeyState)).toThrow(MISSING)
    expect(() => queue.clear()).toThrow(MISSING)
    expect(() => writeOps({} as IDBObjectStore, [])).toThrow(MISSING)
  })

  test('the queue is always settled: reloadStore and dispose wait for nothing', async () => {
    await expect(createWriteQueue().settled()).resolves.toBeUndefined()
  })
})
