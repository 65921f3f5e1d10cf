/**
 * An in-process Web Locks manager (exclusive mode, FIFO per name, `signal` aborts a
 * wait) for Node, which has no `navigator.locks`. Two app instances given the same
 * manager stand for two tabs of one browser.
 */
export function createLockManager(): LockManager & { held(name: string): boolean; grants: number } {
  const queues = new Map<string, Array<() => void>>()
  const holding = new Set<string>()
  const manager = {
    grants: 0,
    held: (name: string) => holding.has(name),
    async request(name: string, optionsOrCallback: unknown, maybeCallback?: unknown): Promise<unknown> {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as (lock: Lock) => unknown
      const options = (typeof optionsOrCallback === 'object' ? optionsOrCallback : {}) as LockOptions
      const signal = options.signal
      if (signal?.aborted) throw signal.reason
      await new Promise<void>((resolve, reject) => {
        const grant = (): void => {
          signal?.removeEventListener('abort', onAbort)
          holding.add(name)
          resolve()
        }
        const onAbort = (): void => {
          const queue = queues.get(name) ?? []
          const index = queue.indexOf(grant)
          if (index >= 0) queue.splice(index, 1)
          reject(signal!.reason)
        }
        if (!holding.has(name)) return grant()
        signal?.addEventListener('abort', onAbort, { once: true })
        const queue = queues.get(name) ?? []
        queue.push(grant)
        queues.set(name, queue)
      })
      manager.grants++
      try {
        return await callback({ name, mode: 'exclusive' } as Lock)
      } finally {
        holding.delete(name)
        queues.get(name)?.shift()?.()
      }
    },
    async query() {
      return { held: [], pending: [] }
    },
  }
  return manager as unknown as LockManager & { held(name: string): boolean; grants: number }
}
