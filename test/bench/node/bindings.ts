/**
 * Issue 3: 10,000 bindings over 1,000 store keys. Ours: `app.watch` (a computed per
 * binding; one store write re-evaluates only that key's readers). Baseline, in the same
 * run: what ToolJet and Budibase do — after a change, evaluate every binding again
 * (`app.evaluate` on all 10,000 templates, compiled and cached like ours).
 */
import { createApp, memoryStorage, type App } from '../../../src/index'
import type { Row } from '../report'
import { count, duration, ratio } from '../report'
import { gc, median, now, settle } from '../stats'

const BINDINGS = 10_000
const KEYS = 1_000
const INITIAL_REPS = 5
const CHANGES = 500
const BASELINE_CHANGES = 40

const template = (i: number): string => `{{ appsmith.store.k${i % KEYS} + 1 }}`
const TEMPLATES = Array.from({ length: BINDINGS }, (_, i) => template(i))

let seq = 0

async function appWithKeys(): Promise<App> {
  const app = await createApp({ id: `bench-bindings-${++seq}` }, { storage: memoryStorage(), channel: null, warn: () => undefined })
  const storeValue = app.scope.storeValue as (key: string, value: unknown) => Promise<void>
  await Promise.all(Array.from({ length: KEYS }, (_, k) => storeValue(`k${k}`, k)))
  return app
}

/**
 * Counts binding evaluations: every compiled binding resolves `appsmith` from the scope
 * once per evaluation, so a counting getter in its place (installed only for counting,
 * never while timing) says how many bindings one change re-evaluated.
 */
function countEvaluations(app: App): { evaluations: number; restore(): void } {
  const scope = app.scope as Record<string, unknown>
  const descriptor = Object.getOwnPropertyDescriptor(scope, 'appsmith')!
  const appsmith = scope.appsmith
  const counter = {
    evaluations: 0,
    restore: () => void Object.defineProperty(scope, 'appsmith', descriptor),
  }
  Object.defineProperty(scope, 'appsmith', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get: () => {
      counter.evaluations++
      return appsmith
    },
  })
  return counter
}

export async function benchBindings(log: (message: string) => void): Promise<Row[]> {
  // Compile every template once, so neither side pays the (shared, cached) compile.
  {
    const warm = await appWithKeys()
    for (const t of TEMPLATES) warm.evaluate(t)
    warm.dispose()
  }

  log('bindings: initial evaluation')
  const initialOurs: number[] = []
  const initialBase: number[] = []
  for (let rep = 0; rep < INITIAL_REPS; rep++) {
    const a = await appWithKeys()
    const b = await appWithKeys()
    await settle()
    gc()
    let calls = 0
    const cb = (): void => void calls++
    let start = now()
    for (const t of TEMPLATES) a.watch(t, cb)
    initialOurs.push(now() - start)
    if (calls !== BINDINGS) throw new Error(`bindings: expected ${BINDINGS} initial callbacks, got ${calls}`)
    gc()
    start = now()
    const values: unknown[] = new Array(BINDINGS)
    for (let i = 0; i < BINDINGS; i++) values[i] = b.evaluate(TEMPLATES[i]!)
    initialBase.push(now() - start)
    if (values[BINDINGS - 1] !== (BINDINGS - 1) % KEYS + 1) throw new Error('bindings: baseline evaluated wrong')
    a.dispose()
    b.dispose()
  }

  log('bindings: propagation of one storeValue')
  const ours = await appWithKeys()
  const base = await appWithKeys()
  const seen: unknown[] = new Array(BINDINGS)
  let callbacks = 0
  TEMPLATES.forEach((t, i) =>
    ours.watch(t, (v) => {
      callbacks++
      seen[i] = v
    }),
  )
  const oursStore = ours.scope.storeValue as (key: string, value: unknown) => Promise<void>
  const baseStore = base.scope.storeValue as (key: string, value: unknown) => Promise<void>

  // Count re-evaluations for one change (untimed).
  callbacks = 0
  const counter = countEvaluations(ours)
  let evaluated: number
  let write: Promise<void>
  try {
    write = oursStore('k7', 1_000_007) // propagation is synchronous
    evaluated = counter.evaluations
  } finally {
    counter.restore()
  }
  await write
  const callbacksPerChange = callbacks
  if (seen[7] !== 1_000_008 || seen[1007] !== 1_000_008 || seen[8] !== 9) throw new Error('bindings: propagation is wrong')

  const oursTimes: number[] = []
  let pending: Promise<void> = Promise.resolve()
  for (let i = 0; i < CHANGES + 50; i++) {
    const key = `k${(i * 37) % KEYS}`
    const start = now()
    pending = oursStore(key, 2_000_000 + i)
    const t = now() - start
    if (i >= 50) oursTimes.push(t) // the first 50 are warm-up
    if (i % 50 === 49) await pending
  }
  await pending

  const baseTimes: number[] = []
  const values: unknown[] = new Array(BINDINGS)
  for (let i = 0; i < BASELINE_CHANGES + 5; i++) {
    const key = `k${(i * 37) % KEYS}`
    const start = now()
    pending = baseStore(key, 2_000_000 + i)
    for (let j = 0; j < BINDINGS; j++) values[j] = base.evaluate(TEMPLATES[j]!)
    const t = now() - start
    if (i >= 5) baseTimes.push(t)
    await pending
  }
  ours.dispose()
  base.dispose()

  const oursInit = median(initialOurs)
  const baseInit = median(initialBase)
  const oursProp = median(oursTimes)
  const baseProp = median(baseTimes)
  return [
    {
      issue: 3,
      name: '10,000 bindings over 1,000 keys: initial evaluation',
      ours: duration(oursInit),
      baseline: duration(baseInit),
      ratio: ratio(oursInit, baseInit),
      note: `one-time setup: ours 10,000 app.watch (a computed + an effect each, first callback); baseline 10,000 app.evaluate; templates pre-compiled for both; median of ${INITIAL_REPS}`,
      data: { oursMs: initialOurs, baselineMs: initialBase },
    },
    {
      issue: 3,
      name: 'one storeValue → bindings updated',
      ours: duration(oursProp),
      baseline: duration(baseProp),
      ratio: ratio(oursProp, baseProp),
      note: `baseline: storeValue then re-evaluate all 10,000 (ToolJet/Budibase style); median of ${CHANGES} vs ${BASELINE_CHANGES} changes`,
      data: { oursMedianMs: oursProp, baselineMedianMs: baseProp },
    },
    {
      issue: 3,
      name: 'bindings re-evaluated per storeValue',
      ours: count(evaluated),
      baseline: count(BINDINGS),
      ratio: ratio(evaluated, BINDINGS),
      note: `counted by a getter on scope.appsmith during one change; callbacks fired: ${callbacksPerChange} (expected 10)`,
      data: { evaluated, callbacks: callbacksPerChange },
    },
  ]
}
