/**
 * The store across tabs: after each committed batch a tab names the keys it changed on a
 * BroadcastChannel (never a value), and the other tabs re-read those keys from disk.
 * A re-read never overwrites a key this tab wrote meanwhile, nor a memory-only key.
 */
import { batch } from './reactive'
import type { StorageBackend, StoreOp } from './storage'
import type { StoreKeys } from './store-keys'

/** The subset of BroadcastChannel the store uses (injectable for tests). */
export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close(): void
}

/** What one tab tells the others: which keys changed on disk. Never a value. */
interface ChangeMessage {
  readonly from: string
  /** Changed keys; `null` means the store was cleared. */
  readonly keys: readonly string[] | null
}

/** The message for a committed batch (a clear, when there is one, is its first op). */
export function changeMessage(from: string, ops: readonly StoreOp[]): ChangeMessage {
  if (ops[0]?.kind === 'clear') return { from, keys: null }
  return { from, keys: ops.map((op) => (op as { readonly key: string }).key) }
}

/**
 * Calls `onChange` with the keys another tab changed (`undefined`: all of them, after a
 * clear); this tab's own messages (`from` its id) and malformed ones are ignored.
 */
export function listenForChanges(channel: ChannelLike, self: string, onChange: (keys: readonly string[] | undefined) => void): void {
  channel.addEventListener('message', (event) => {
    const data = event.data as ChangeMessage | null
    if (data === null || typeof data !== 'object' || data.from === self) return
    onChange(Array.isArray(data.keys) ? data.keys : undefined)
  })
}

/**
 * Re-reads `keys` (all when omitted) from `storage` into `memory`, once this tab's writes
 * up to `since` (a `memory.writes` count) are committed. Keys this tab wrote after `since`
 * keep their newer local value, so a reload never changes a key whose write is still
 * queued; a local clear meanwhile, or `gone()` turning true (the app was disposed), drops
 * the read altogether.
 */
export async function reloadKeys(memory: StoreKeys, storage: StorageBackend, keys: readonly string[] | undefined, since: number, gone: () => boolean): Promise<void> {
  const clearsAtStart = memory.clears
  // Not written here since `since` (a key never seen here counts as unwritten).
  const unchanged = (key: string): boolean => (memory.peek(key)?.written ?? 0) <= since
  if (keys === undefined) {
    const entries = await storage.entries()
    if (clearsAtStart !== memory.clears || gone()) return
    batch(() => {
      const onDisk = new Set<string>()
      for (const [key, value] of entries) {
        onDisk.add(key)
        if (unchanged(key)) memory.load(key, value)
      }
      for (const key of memory.presentKeys()) {
        if (!onDisk.has(key) && !memory.peek(key)!.memoryOnly && unchanged(key)) memory.unload(key)
      }
    })
    return
  }
  const wanted = keys.filter((key) => memory.peek(key)?.memoryOnly !== true)
  if (wanted.length === 0) return
  const values = await storage.getMany(wanted)
  if (clearsAtStart !== memory.clears || gone()) return
  batch(() => {
    wanted.forEach((key, i) => {
      if (!unchanged(key)) return // a local write since we asked is newer than what we read
      if (values[i] === undefined) memory.unload(key)
      else memory.load(key, values[i])
    })
  })
}
