import { describe, expect, it } from 'vitest'
import { effectScope, signal } from '../../src/reactive'
import { testApp } from '../support/app'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('effect scopes', () => {
  it('after stop, no effect of the scope or of its children runs, and no timer fires', async () => {
    const count = signal(0)
    const runs: string[] = []
    const app = effectScope()
    const page = app.scope()
    const widget = page.scope()
    app.effect(() => void runs.push(`app ${count.value}`))
    widget.effect(() => void runs.push(`widget ${count.value}`))
    app.setTimeout(() => runs.push('timeout'), 5)
    widget.setInterval(() => runs.push('interval'), 5)
    const cleanups: string[] = []
    page.onStop(() => cleanups.push('page'))
    app.onStop(() => cleanups.push('app'))
    count.value = 1
    expect(runs).toEqual(['app 0', 'widget 0', 'app 1', 'widget 1'])

    app.stop()
    expect(app.active).toBe(false)
    expect(widget.active).toBe(false)
    // Reverse order of registration: the app's cleanup came after the page was created.
    expect(cleanups).toEqual(['app', 'page'])
    count.value = 2
    await sleep(30)
    expect(runs).toEqual(['app 0', 'widget 0', 'app 1', 'widget 1'])
    // Nothing new starts in a stopped scope.
    expect(app.setTimeout(() => runs.push('late'), 0)).toBeUndefined()
    expect(() => app.effect(() => undefined)).toThrow(/stopped/)
    await sleep(10)
    expect(runs).toHaveLength(4)
  })

  it('a child stopped on its own leaves its parent running', () => {
    const count = signal(0)
    const seen: number[] = []
    const parent = effectScope()
    const child = parent.scope()
    parent.effect(() => void seen.push(count.value))
    child.effect(() => void seen.push(-count.value))
    child.stop()
    count.value = 1
    expect(seen).toEqual([0, -0, 1])
    parent.stop()
  })

  it('clearTimeout and an effect’s own stop release them early', async () => {
    const scope = effectScope()
    const fired: string[] = []
    const handle = scope.setTimeout(() => fired.push('cleared'), 5)
    scope.setTimeout(() => fired.push('kept'), 5)
    scope.clearTimeout(handle)
    const count = signal(0)
    const stop = scope.effect(() => void fired.push(`effect ${count.value}`))
    stop()
    count.value = 1
    await sleep(30)
    expect(fired).toEqual(['effect 0', 'kept'])
    scope.stop()
  })

  it('uses the timers it is given', () => {
    const scheduled: number[] = []
    const scope = effectScope({
      setTimeout: (_callback, ms) => scheduled.push(ms),
      clearTimeout: () => undefined,
      setInterval: (_callback, ms) => scheduled.push(-ms),
      clearInterval: () => undefined,
    })
    scope.setTimeout(() => undefined, 7)
    scope.scope().setInterval(() => undefined, 9)
    expect(scheduled).toEqual([7, -9])
    scope.stop()
  })

  it('app.dispose stops watches, intervals and timeouts that JS objects started', async () => {
    const app = await testApp({
      jsObjects: {
        J: `export default {
          ticks: 0, timeouts: 0,
          start() {
            setInterval(() => { this.ticks++ }, 5, 'tick');
            setTimeout(() => { this.timeouts++ }, 5);
          },
        }`,
      },
    })
    const watched: unknown[] = []
    app.watch('{{ appsmith.store.k }}', (v) => watched.push(v))
    await app.run('{{ J.start() }}')
    app.dispose()
    const before = app.evaluate('{{ [J.ticks, J.timeouts] }}')
    await app.run('{{ storeValue("k", 1, false) }}')
    await sleep(30)
    expect(app.evaluate('{{ [J.ticks, J.timeouts] }}')).toEqual(before)
    expect(before).toEqual([0, 0])
    expect(watched).toEqual([undefined])
  })
})
