/**
 * The store's write queue: every write issued while no batch is committing joins one open
 * batch, and batches commit one after another, in order. A batch holds one op per key
 * (a later write of the key replaces its op in place), after at most one clear, so it is
 * already collapsed when it commits: no copy, no Map, no Promise per write. Every write
 * of a batch shares the batch's one promise.
 */
import type { KeyState } from './store-keys'
import type { StoreOp } from './storage'

/** What a store write resolves to once durable: Appsmith's `{}` (code such as `.then(r => r.x)` relies on an object). */
export type StoreWritten = Record<string, never>

/** Collects writes into batches and commits them in order. */
export interface WriteQueue {
  /** Queues `op` for the key whose state is `state`; resolves when its batch is durable. */
  write(state: KeyState, op: StoreOp): Promise<StoreWritten>
  /** Queues a clear: it drops the open batch's earlier ops, which it supersedes. */
  clear(): Promise<StoreWritten>
  /** Resolves (never rejects) when every batch queued so far has committed or failed. */
  settled(): Promise<void>
}

interface Batch {
  /** Changes on each clear, so a key's `batch`/`slot` from before it no longer matches. */
  id: number
  /** At most one clear first, then one op per key, in the order the keys were first written. */
  ops: StoreOp[]
  /** Settles when `ops` have been committed; every write of the batch returns it. */
  done: Promise<StoreWritten>
}

const CLEAR: StoreOp = { kind: 'clear' }
const ignore = (): void => undefined

/** Creates a queue that commits each batch with `commit` (which rejects if it failed). */
export function createWriteQueue(commit: (ops: readonly StoreOp[]) => Promise<void>): WriteQueue {
  // Invariant: the batch still collecting writes (none is until the first write), or null.
  let open: Batch | null = null
  // Invariant: settles after the last batch created so far; the next batch commits after it.
  let tail: Promise<void> = Promise.resolve()
  // Invariant: greater than every batch id handed out so far (0 is never an id).
  let nextId = 1

  const start = (): Batch => {
    const batch: Batch = { id: nextId++, ops: [], done: undefined as unknown as Promise<StoreWritten> }
    // The batch closes when it starts committing: writes issued before then, in this
    // tick or while the previous batch was in flight, share it.
    const written: StoreWritten = {}
    batch.done = tail
      .then(() => {
        if (open === batch) open = null
        return commit(batch.ops)
      })
      .then(() => written)
    // Handled here, so a fire-and-forget write that fails raises no unhandled rejection.
    batch.done.catch(ignore)
    tail = batch.done.then(ignore, ignore)
    open = batch
    return batch
  }

  return {
    write(state, op) {
      const batch = open ?? start()
      if (state.batch === batch.id) batch.ops[state.slot] = op
      else {
        state.batch = batch.id
        state.slot = batch.ops.push(op) - 1
      }
      return batch.done
    },
    clear() {
      const batch = open ?? start()
      batch.id = nextId++
      batch.ops = [CLEAR]
      return batch.done
    },
    settled: () => tail,
  }
}
