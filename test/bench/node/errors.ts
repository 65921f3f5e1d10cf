/**
 * Issue 12: 10,000 bindings failing at once, then recovering (widgets in happy-dom, one
 * binding each, all reading one store key). Each phase is one `storeValue`; propagation is
 * synchronous, so its duration is how long the main thread is blocked. Baseline, in the
 * same run: the same with 1,000 bindings, times 10 — the figure a linear error map gives.
 */
import { Window } from 'happy-dom'
import { createApp, memoryStorage } from '../../../src/index'
import type { Row } from '../report'
import { duration, ratio } from '../report'
import { gc, median, now, settle } from '../stats'

const LARGE = 10_000
const SMALL = 1_000
const REPS = 3

interface Phases {
  failing: number
  recovering: number
}

let seq = 0

async function measure(n: number): Promise<Phases> {
  const window = new Window()
  const { document } = window
  // A widget as the contract wants it: one declared property.
  class Probe extends window.HTMLElement {
    static properties = { text: {} }
    errors: Record<string, string> = {}
  }
  window.customElements.define('smith-probe', Probe as never)
  let html = ''
  for (let i = 0; i < n; i++) html += `<smith-probe name="P${i}" text="{{ appsmith.store.fail ? appsmith.store.missing.x : 'ok' }}"></smith-probe>`
  document.body.innerHTML = html
  const app = await createApp({ id: `bench-errors-${++seq}` }, { storage: memoryStorage(), channel: null, warn: () => undefined })
  await app.mount(document.body as unknown as Element)
  const storeValue = app.scope.storeValue as (key: string, value: unknown) => Promise<void>
  await settle()
  gc()
  let start = now()
  await storeValue('fail', true) // propagation is synchronous; the await only waits for the (memory) write
  const failing = now() - start
  if (app.errors.length !== n) throw new Error(`errors bench: expected ${n} errors, got ${app.errors.length}`)
  gc()
  start = now()
  await storeValue('fail', false)
  const recovering = now() - start
  if (app.errors.length !== 0) throw new Error(`errors bench: ${app.errors.length} errors left after recovery`)
  app.dispose()
  await window.happyDOM.close()
  return { failing, recovering }
}

export async function benchErrors(log: (message: string) => void): Promise<Row[]> {
  log('errors: 10,000 bindings failing → recovering')
  await measure(SMALL) // warm-up: compile the template once
  const large: Phases[] = []
  const small: Phases[] = []
  for (let rep = 0; rep < REPS; rep++) {
    large.push(await measure(LARGE))
    small.push(await measure(SMALL))
  }
  const rows: Row[] = []
  for (const phase of ['failing', 'recovering'] as const) {
    const ours = median(large.map((p) => p[phase]))
    const base = median(small.map((p) => p[phase])) * (LARGE / SMALL)
    rows.push({
      issue: 12,
      name: `10,000 bindings ${phase}: main thread blocked`,
      ours: duration(ours),
      baseline: duration(base),
      ratio: ratio(ours, base),
      note: `one storeValue flips 10,000 widget bindings (happy-dom); baseline: 1,000 bindings × 10 (linear); ratio ≈ 1 means O(1) per error; median of ${REPS}`,
      data: { largeMs: large.map((p) => p[phase]), smallMs: small.map((p) => p[phase]) },
    })
  }
  return rows
}
