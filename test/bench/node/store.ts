/**
 * Issue 2: 10,000 `storeValue` calls in one tick on an app persisting to IndexedDB
 * (fake-indexeddb in Node: real IndexedDB semantics — transactions, auto-commit,
 * structured clone — in memory) until all are durable, against idb-keyval `setMany` of
 * the same entries; and the synchronous part against bare `structuredClone`.
 */
import 'fake-indexeddb/auto'
import { createStore, set, setMany } from 'idb-keyval'
import { createApp } from '../../../src/index'
import { storeTableRows } from '../store-rows'
import type { Row } from '../report'
import { duration } from '../report'
import { gc, median, now, settle } from '../stats'

const N = 10_000
const REPS = 5

/** Counts `IDBDatabase.prototype.transaction` calls by mode while installed. */
function countTransactions(): { readwrite: number; readonly: number; restore(): void } {
  const proto = (globalThis as unknown as { IDBDatabase: { prototype: IDBDatabase } }).IDBDatabase.prototype
  const original = proto.transaction
  const counts = {
    readwrite: 0,
    readonly: 0,
    restore: () => {
      proto.transaction = original
    },
  }
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (args[1] === 'readwrite') counts.readwrite++
    else counts.readonly++
    return original.apply(this, args)
  } as IDBDatabase['transaction']
  return counts
}

const value = (i: number): unknown => ({ i, label: `value ${i}` })

let seq = 0

/** One round of ours: a fresh app (own database), N writes in one tick, then wait for all. */
async function oursOnce(n: number): Promise<{ total: number; sync: number; transactions: number }> {
  const app = await createApp({ id: `bench-store-${process.pid}-${++seq}` }, { channel: null, warn: () => undefined })
  const storeValue = app.scope.storeValue as (key: string, value: unknown) => Promise<void>
  await settle()
  gc()
  const tx = countTransactions()
  try {
    const promises: Promise<void>[] = new Array(n)
    const start = now()
    for (let i = 0; i < n; i++) promises[i] = storeValue(`k${i}`, value(i))
    const sync = now() - start
    await Promise.all(promises)
    const total = now() - start
    return { total, sync, transactions: tx.readwrite }
  } finally {
    tx.restore()
    app.dispose()
  }
}

/** One round of the peer: idb-keyval `setMany` of the same N entries into a fresh store (one transaction). */
async function setManyOnce(n: number): Promise<{ total: number; sync: number; transactions: number }> {
  const store = createStore(`bench-idb-keyval-${process.pid}-${++seq}`, 'store')
  await set('warm', 0, store) // opens the database outside the timed part, as hydration does for ours
  await settle()
  gc()
  const tx = countTransactions()
  try {
    const start = now()
    const entries: Array<[string, unknown]> = new Array(n)
    for (let i = 0; i < n; i++) entries[i] = [`k${i}`, value(i)]
    const done = setMany(entries, store)
    const sync = now() - start
    await done
    return { total: now() - start, sync, transactions: tx.readwrite }
  } finally {
    tx.restore()
  }
}

/** The floor of storeValue's synchronous part: N bare structuredClone of the same values. */
async function cloneOnce(n: number): Promise<{ total: number; sync: number; transactions: number }> {
  await settle()
  gc()
  let sink = 0
  const start = now()
  for (let i = 0; i < n; i++) sink += (structuredClone(value(i)) as { i: number }).i
  const total = now() - start
  if (sink !== (n * (n - 1)) / 2) throw new Error('store: clone floor summed wrong')
  return { total, sync: total, transactions: 0 }
}

type Side = 'smith' | 'setMany' | 'clone'
const ROUNDS: Record<Side, (n: number) => Promise<{ total: number; sync: number; transactions: number }>> = { smith: oursOnce, setMany: setManyOnce, clone: cloneOnce }

export async function benchStore(log: (message: string) => void): Promise<Row[]> {
  log('store: warming up')
  for (const once of Object.values(ROUNDS)) await once(1000)
  const runs: Record<Side, Array<{ total: number; sync: number; transactions: number }>> = { smith: [], setMany: [], clone: [] }
  const sides: Side[] = ['smith', 'setMany', 'clone']
  for (let rep = 0; rep < REPS; rep++) {
    // Rotate which goes first so none always runs on a warmer heap.
    for (const side of [...sides.slice(rep % 3), ...sides.slice(0, rep % 3)]) runs[side].push(await ROUNDS[side](N))
    log(`store: round ${rep + 1}/${REPS}: ours ${duration(runs.smith.at(-1)!.total)}, setMany ${duration(runs.setMany.at(-1)!.total)}`)
  }
  return storeTableRows('fake-indexeddb (Node)', runs, REPS)
}
