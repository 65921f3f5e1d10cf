/** The store rows of the table, shared by the Node (fake-indexeddb) and Chromium (real IndexedDB) halves. */
import type { Row } from './report'
import { count, duration, ratioRange } from './report'
import { median, pairedRatios } from './stats'

/** Who a store round measures: ours, idb-keyval setMany, or bare structuredClone. */
export type StoreSide = 'smith' | 'setMany' | 'clone'

/** One round: ms until durable, ms of the synchronous part, readwrite transactions. */
export interface StoreRun {
  total: number
  sync: number
  transactions: number
}

/** The two store rows, shared with the Node suite (fake-indexeddb). */
export function storeTableRows(where: string, runs: Record<StoreSide, StoreRun[]>, rounds: number): Row[] {
  const total = (side: StoreSide): number[] => runs[side].map((r) => r.total)
  const sync = runs.smith.map((r) => r.sync)
  const tx = `${count(median(runs.smith.map((r) => r.transactions)))} vs ${count(median(runs.setMany.map((r) => r.transactions)))} readwrite transaction(s)`
  return [
    {
      issue: 2,
      name: `10,000 storeValue in one tick until durable vs idb-keyval setMany, ${where}`,
      ours: duration(median(total('smith'))),
      baseline: duration(median(total('setMany'))),
      ratio: ratioRange(pairedRatios(total('smith'), total('setMany'))),
      note: `value {i, label}; fresh database per round; ${rounds} interleaved rounds; ${tx}; ours writes a batch of 100+ ops as one record (src/store-disk.ts), setMany one put per entry; setMany's time includes building its entries array`,
      data: runs as unknown as Record<string, unknown>,
    },
    {
      issue: 2,
      name: `storeValue ×10,000, synchronous part vs bare structuredClone ×10,000, ${where}`,
      ours: duration(median(sync)),
      baseline: duration(median(total('clone'))),
      ratio: ratioRange(pairedRatios(sync, total('clone'))),
      note: "the values are in appsmith.store on return (the store's own copy of each value, one structuredClone; the key's state; the write queue); the floor structuredClones the same values and nothing else",
    },
  ]
}

