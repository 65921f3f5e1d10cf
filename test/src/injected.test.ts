/** What the app's options inject reaches code and the runtime: timers and randomness. */
import { describe, expect, it } from 'vitest'
import type { Timers } from '../../src/reactive'
import { disposingTestApp, startServer } from '../support/app'

const open = disposingTestApp()

/** Timers that record what is scheduled and fire only when told. */
function manualTimers(): Timers & { readonly scheduled: number[]; fireAll(): void } {
  const pending = new Map<number, () => void>()
  const scheduled: number[] = []
  let next = 0
  const add = (callback: () => void, ms: number): number => {
    scheduled.push(ms)
    pending.set(++next, callback)
    return next
  }
  return {
    scheduled,
    setTimeout: add,
    setInterval: add,
    clearTimeout: (handle) => void pending.delete(handle as number),
    clearInterval: (handle) => void pending.delete(handle as number),
    fireAll() {
      const due = [...pending.values()]
      pending.clear()
      for (const callback of due) callback()
    },
  }
}

describe('injected options', () => {
  it('code sees `random` as Math.random; the rest of Math is the real one', async () => {
    const app = await open({ jsObjects: { J: 'export default { roll() { return [Math.random(), Math.max(1, 2)] } }' } }, { random: () => 0.25 })
    expect(app.evaluate('{{ J.roll() }}')).toEqual([0.25, 2])
  })

  it('setTimeout and setInterval in code, and the query time limit, use the injected timers', async () => {
    const timers = manualTimers()
    const server = await startServer()
    server.route('/slow', () => new Promise(() => undefined))
    try {
      const app = await open(
        {
          queries: [{ name: 'Slow', url: `${server.url}/slow`, timeoutMs: 1234 }],
          jsObjects: { J: 'export default { n: 0, later() { setTimeout(() => { this.n++ }, 77); setInterval(() => { this.n += 10 }, 88, "t") } }' },
        },
        { timers },
      )
      // The store's hydration bound came first (3,000 ms, cleared once hydrated).
      expect(timers.scheduled.splice(0)).toEqual([3000])
      await app.run('{{ J.later() }}')
      expect(timers.scheduled).toEqual([77, 88])
      const run = app.run('{{ Slow.run() }}')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(timers.scheduled).toContain(1234)
      timers.fireAll()
      await expect(run).rejects.toMatchObject({ kind: 'timeout' })
      expect(app.evaluate('{{ J.n }}')).toBe(11)
    } finally {
      await server.close()
    }
  })
})
