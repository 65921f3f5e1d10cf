/**
 * Issue 2: 10,000 `storeValue` calls in one tick on an app persisting to IndexedDB
 * (fake-indexeddb in Node: real IndexedDB semantics — transactions, auto-commit,
 * structured clone — in memory), against 10,000 sequential idb-keyval `set` calls.
 */
import 'fake-indexeddb/auto'
import { createStore, set } from 'idb-keyval'
import { createApp } from '../../../src/index'
import type { Row } from '../report'
import { count, duration, ratio } from '../report'
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

/** One round of the baseline: N idb-keyval `set` calls, awaited one by one, into a fresh store. */
async function baselineOnce(n: number): Promise<{ total: number; transactions: number }> {
  const store = createStore(`bench-idb-keyval-${process.pid}-${++seq}`, 'store')
  await set('warm', 0, store) // opens the database outside the timed part, as hydration does for ours
  await settle()
  gc()
  const tx = countTransactions()
  try {
    const start = now()
    for (let i = 0; i < n; i++) await set(`k${i}`, value(i), store)
    return { total: now() - start, transactions: tx.readwrite }
  } finally {
    tx.restore()
  }
}

export async function benchStore(log: (message: string) => void): Promise<Row[]> {
  log('store: warming up')
  await oursOnce(1000)
  await baselineOnce(1000)
  const ours: Array<Awaited<ReturnType<typeof oursOnce>>> = []
  const base: Array<Awaited<ReturnType<typeof baselineOnce>>> = []
  for (let rep = 0; rep < REPS; rep++) {
    // Alternate which goes first so neither always runs on a warmer heap.
    if (rep % 2 === 0) {
      ours.push(await oursOnce(N))
      base.push(await baselineOnce(N))
    } else {
      base.push(await baselineOnce(N))
      ours.push(await oursOnce(N))
    }
    log(`store: rep ${rep + 1}/${REPS}: ours ${duration(ours.at(-1)!.total)}, idb-keyval ${duration(base.at(-1)!.total)}`)
  }
  const oursTotal = median(ours.map((r) => r.total))
  const baseTotal = median(base.map((r) => r.total))
  const oursTx = median(ours.map((r) => r.transactions))
  const baseTx = median(base.map((r) => r.transactions))
  const perCall = median(ours.map((r) => r.sync / N))
  const perSet = baseTotal / N
  const idb = 'fake-indexeddb (real IndexedDB semantics, in memory)'
  return [
    {
      issue: 2,
      name: '10,000 storeValue in one tick: IndexedDB readwrite transactions',
      ours: count(oursTx),
      baseline: count(baseTx),
      ratio: ratio(oursTx, baseTx),
      note: `baseline: 10,000 sequential idb-keyval set; counted IDBDatabase.prototype.transaction(…, 'readwrite'); ${idb}`,
      data: { ours: ours.map((r) => r.transactions), baseline: base.map((r) => r.transactions) },
    },
    {
      issue: 2,
      name: '10,000 storeValue in one tick: time until all 10,000 promises resolve',
      ours: duration(oursTotal),
      baseline: duration(baseTotal),
      ratio: ratio(oursTotal, baseTotal),
      note: `median of ${REPS}; value {i, label}; fresh database per run; ${idb}, whose cost is per request rather than per transaction, so this understates batching (see the real-IndexedDB row)`,
      data: { oursMs: ours.map((r) => r.total), baselineMs: base.map((r) => r.total) },
    },
    {
      issue: 2,
      name: 'storeValue, synchronous part, per call',
      ours: duration(perCall),
      baseline: duration(perSet),
      ratio: '—',
      note: 'the value is in appsmith.store on return (clone + signal + queue); for scale, not a like-for-like ratio: the baseline column is one awaited idb-keyval set',
      data: { oursSyncMs: ours.map((r) => r.sync), n: N },
    },
  ]
}
