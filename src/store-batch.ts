/**
 * The store's write queue: every write issued while no batch is committing joins one open
 * batch, and batches commit one after another, in order. A batch lists each written key
 * once (after at most one clear), and its ops are made when it closes, from each key's
 * last local write: nothing is allocated per write but the key's place in the list, and
 * every write of a batch shares the batch's one promise.
 */
import { persistOp, type KeyState } from './store-keys'
import type { StoreOp } from './storage'

/** What a store write resolves to once durable: Appsmith's `{}` (code such as `.then(r => r.x)` relies on an object). */
export type StoreWritten = Record<string, never>

/** Collects writes into batches and commits them in order. */
export interface WriteQueue {
  /** Queues the last local write of the key whose state is `state`; resolves when its batch is durable. */
  write(state: KeyState): Promise<StoreWritten>
  /** Queues a clear: it supersedes the open batch's earlier writes. */
  clear(): Promise<StoreWritten>
  /** Resolves (never rejects) when every batch queued so far has committed or failed. */
  settled(): Promise<void>
}

interface Batch {
  /** Changes on each clear, so a key queued before it counts as not queued. */
  id: number
  /** Whether the batch starts with a clear. */
  cleared: boolean
  /** The keys written, each once, in the order they were first written. */
  states: KeyState[]
  /** Settles when the batch has been committed; every write of the batch returns it. */
  done: Promise<StoreWritten>
}

const CLEAR: StoreOp = { kind: 'clear' }
const ignore = (): void => undefined

/** Creates a queue that commits each batch's ops with `commit` (which rejects if it failed). */
export function createWriteQueue(commit: (ops: readonly StoreOp[]) => Promise<void>): WriteQueue {
  // Invariant: the batch still collecting writes (none is until the first write), or null.
  let open: Batch | null = null
  // Invariant: settles after the last batch created so far; the next batch commits after it.
  let tail: Promise<void> = Promise.resolve()
  // Invariant: greater than every batch id handed out so far (0 is never an id).
  let nextId = 1

  const start = (): Batch => {
    const batch: Batch = { id: nextId++, cleared: false, states: [], done: undefined as unknown as Promise<StoreWritten> }
    const written: StoreWritten = {}
    batch.done = tail
      .then(() => {
        // The batch closes when it starts committing: writes issued before then, in this
        // tick or while the previous batch was in flight, share it.
        if (open === batch) open = null
        const ops: StoreOp[] = batch.cleared ? [CLEAR] : []
        for (const state of batch.states) ops.push(persistOp(state))
        return commit(ops)
      })
      .then(() => written)
    // Handled here, so a fire-and-forget write that fails raises no unhandled rejection.
    batch.done.catch(ignore)
    tail = batch.done.then(ignore, ignore)
    open = batch
    return batch
  }

  return {
    write(state) {
      const batch = open ?? start()
      if (state.batch !== batch.id) {
        state.batch = batch.id
        batch.states.push(state)
      }
      return batch.done
    },
    clear() {
      const batch = open ?? start()
      batch.id = nextId++
      batch.cleared = true
      batch.states = []
      return batch.done
    },
    settled: () => tail,
  }
}
