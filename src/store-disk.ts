/**
 * The store's layout in its IndexedDB object store, and the reads and writes that keep it.
 * Three kinds of record share the one object store (IndexedDB keys of different types
 * never collide, so no schema change and no version upgrade was needed):
 *
 * - a **key record**, string key → the key's value: what every batch of fewer than
 *   {@link BATCH_RECORD_MIN} ops writes, and the only kind a database had before;
 * - a **batch record**, number key n → `{ keys, values, deleted }`: a batch of at least
 *   {@link BATCH_RECORD_MIN} ops in one record. Real IndexedDB's cost is per request
 *   (~40–80 µs a put in headless Chromium, whatever its size), so 10,000 keys in one
 *   record are durable in ~30 ms instead of ~450 ms as 10,000 puts (idb-keyval setMany);
 * - a **marker**, array key [k] → n: key k's key record (its value, or its absence) was
 *   written after batch record n, and overrides what that record says of k.
 *
 * What a key holds: the entry of the newest batch record n that has it, unless a marker
 * [k] ≥ n says the key record is newer; otherwise its key record (or nothing). Writes keep
 * at most one batch record: a new one takes in the old one's entries that no marker
 * overrides, and the old record and every marker go in the same transaction. Each
 * batch commits in one readwrite transaction, so a crash leaves the state before it or
 * after it, never a mix. Before a large batch the database is exactly the old format.
 *
 * Costs: a small batch adds one key-range read (of no record, usually) to its transaction,
 * and a marker per key while a batch record exists; a large batch reads and rewrites the
 * batch record whole. Until a clear, a key a large batch set or deleted may also keep a
 * stale key record, and a deleted one a tombstone in the batch record. Code from before
 * this layout (an old tab still open across a deploy) does not know batch records: it
 * sees a number key and the stale key records.
 */
import { promisifyRequest } from 'idb-keyval'
import type { StoreOp } from './storage'

/** A batch with at least this many ops (a clear aside) is written as one batch record. */
export const BATCH_RECORD_MIN = 100

/** A batch record's value: the batch's sets (`keys[i]` → `values[i]`) and deletes. */
interface BatchRecord {
  readonly keys: readonly string[]
  readonly values: readonly unknown[]
  readonly deleted: readonly string[]
}

/** Every batch record's key (the numbers: they sort first). Made on use: IDBKeyRange may not exist where IndexedDB does not. */
const batchKeys = (): IDBKeyRange => IDBKeyRange.upperBound(Infinity)
/** Every marker's key (the arrays, which sort after every other key type). */
const markerKeys = (): IDBKeyRange => IDBKeyRange.lowerBound([])

/** What the batch records say a key holds now: its value, or null for deleted. */
type Entry = { readonly value: unknown } | null

/**
 * Folds records (parallel key and value lists, in key order) into their key records and
 * what the batch records say, markers applied: a key in `entries` holds what it says there
 * (null: absent); any other key holds its key record.
 */
function fold(keys: readonly IDBValidKey[], values: readonly unknown[]): { plain: Array<[string, unknown]>; entries: Map<string, Entry> | null } {
  const plain: Array<[string, unknown]> = []
  const batches: Array<[number, unknown]> = []
  const markers = new Map<string, number>()
  keys.forEach((key, i) => {
    const value = values[i]
    if (typeof key === 'string') plain.push([key, value])
    else if (typeof key === 'number') batches.push([key, value])
    else if (Array.isArray(key)) markers.set(key[0] as string, value as number)
  })
  // The old format, and every database before its first large batch.
  if (batches.length === 0) return { plain, entries: null }
  const entries = new Map<string, Entry>()
  for (const [n, value] of batches) {
    const record = value as BatchRecord
    const newer = (key: string): boolean => (markers.get(key) ?? 0) < n
    record.keys.forEach((key, i) => newer(key) && entries.set(key, { value: record.values[i] }))
    for (const key of record.deleted) if (newer(key)) entries.set(key, null)
  }
  return { plain, entries }
}

/**
 * Every key and value the records hold (every record, as from one transaction's
 * getAllKeys + getAll), in key order as key records alone are.
 */
export function mergeRecords(keys: readonly IDBValidKey[], values: readonly unknown[]): Array<[string, unknown]> {
  const { plain, entries } = fold(keys, values)
  if (entries === null) return plain
  const merged = plain.filter(([key]) => !entries.has(key))
  for (const [key, entry] of entries) if (entry !== null) merged.push([key, entry.value])
  // Each key once: never equal.
  return merged.sort(([a], [b]) => (a < b ? -1 : 1))
}

/** Every key and value, merged, in one readonly transaction on `s`. */
export function readAll(s: IDBObjectStore): Promise<Array<[string, unknown]>> {
  const keys = s.getAllKeys()
  const values = s.getAll()
  return promisifyRequest(s.transaction).then(() => mergeRecords(keys.result, values.result))
}

/**
 * The current values of `keys` (undefined: absent), in one readonly transaction on `s`:
 * a get each, unless there is a batch record: then one read of everything.
 */
export function readMany(s: IDBObjectStore, keys: readonly string[]): Promise<unknown[]> {
  const plain = keys.map((key) => s.get(key))
  const batchNumbers = s.getAllKeys(batchKeys())
  let all: [IDBRequest<IDBValidKey[]>, IDBRequest<unknown[]>] | undefined
  batchNumbers.onsuccess = () => {
    if (batchNumbers.result.length > 0) all = [s.getAllKeys(), s.getAll()]
  }
  return promisifyRequest(s.transaction).then(() => {
    if (all === undefined) return plain.map((request) => request.result)
    const merged = new Map(mergeRecords(all[0].result, all[1].result))
    return keys.map((key) => merged.get(key))
  })
}

/**
 * Writes one batch's ops (a clear, if any, first) in the readwrite transaction of `s`, and
 * resolves when it has committed. Fewer than {@link BATCH_RECORD_MIN} ops are key records
 * (with markers when a batch record exists); more are merged into the one batch record.
 * Anything thrown while the ops are issued aborts the whole transaction.
 */
export function writeOps(s: IDBObjectStore, ops: readonly StoreOp[]): Promise<void> {
  const tx = s.transaction
  // The first error thrown while issuing requests: the transaction is aborted, and the
  // write rejects with it (an aborted transaction's own error is null).
  let failure: { readonly error: unknown } | undefined
  const guard: Guard = (step) => () => {
    try {
      step()
    } catch (error) {
      failure ??= { error }
      try {
        tx.abort()
      } catch {
        // Already finished: nothing of it was committed after the throw anyway.
      }
    }
  }
  const committed = promisifyRequest(tx).then(
    () => undefined,
    (error: unknown) => {
      throw failure === undefined ? error : failure.error
    },
  )
  guard(() => {
    let from = 0
    if (ops[0]?.kind === 'clear') {
      s.clear()
      from = 1
    }
    const rest = ops.slice(from) as readonly KeyOp[]
    if (rest.length >= BATCH_RECORD_MIN) writeBatchRecord(s, rest, guard)
    else writeKeyRecords(s, rest, guard)
  })()
  return committed
}

type KeyOp = Exclude<StoreOp, { kind: 'clear' }>
type Guard = (step: () => void) => () => void

/** Key records for each op; once the batch records are known, a marker for each when there is one. */
function writeKeyRecords(s: IDBObjectStore, ops: readonly KeyOp[], guard: Guard): void {
  if (ops.length === 0) return
  // Issued before the puts, answered before them too: no other readwrite transaction can
  // write a batch record in between.
  const batches = s.getAllKeys(batchKeys())
  for (const op of ops) {
    if (op.kind === 'set') s.put(op.value, op.key)
    else s.delete(op.key)
  }
  batches.onsuccess = guard(() => {
    const numbers = batches.result as number[]
    if (numbers.length === 0) return
    const newest = numbers[numbers.length - 1]!
    for (const op of ops) s.put(newest, [op.key])
  })
}

/** One batch record: the current one's entries no marker overrides, then these ops; the old record and the markers go. */
function writeBatchRecord(s: IDBObjectStore, ops: readonly KeyOp[], guard: Guard): void {
  const numbers = s.getAllKeys(batchKeys())
  const records = s.getAll(batchKeys())
  const marks = s.getAllKeys(markerKeys())
  const markValues = s.getAll(markerKeys())
  // Requests answer in order: when the last has, all have.
  markValues.onsuccess = guard(() => {
    const current = numbers.result as number[]
    const entries = fold([...current, ...marks.result], [...records.result, ...markValues.result]).entries ?? new Map<string, Entry>()
    for (const op of ops) entries.set(op.key, op.kind === 'set' ? { value: op.value } : null)
    const record: BatchRecord = { keys: [], values: [], deleted: [] }
    for (const [key, entry] of entries) {
      if (entry === null) (record.deleted as string[]).push(key)
      else ((record.keys as string[]).push(key), (record.values as unknown[]).push(entry.value))
    }
    const next = (current.at(-1) ?? 0) + 1
    if (current.length > 0) s.delete(IDBKeyRange.upperBound(next, true))
    if (marks.result.length > 0) s.delete(markerKeys())
    s.put(record, next)
  })
}
