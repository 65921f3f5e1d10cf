/**
 * The page the browser benchmarks drive in Chromium: `window.bench.prepare(n)` generates n rows and
 * `window.bench.mount(kind)` mounts them in `<smith-table>` or the baseline `<plain-table>`;
 * `window.bench.scroll(steps)` scrolls it top to bottom, one step per animation frame;
 * `window.bench.store(n)` runs the issue-2 store figure on the browser's real IndexedDB.
 */
import { createStore, set } from 'idb-keyval'
import { createApp } from '../../../src/index'
import '../../../widgets/define'
import type { SmithTable } from '../../../widgets/index'
import { PlainTable } from './plain-table'

customElements.define('plain-table', PlainTable)

type Kind = 'smith' | 'plain'

const CITIES = ['Lisboa', 'Kraków', 'São Paulo', 'Zürich', 'Nairobi', 'Osaka', 'Montréal', 'Reykjavík']

function generateRows(n: number): Array<Record<string, unknown>> {
  const rows = new Array(n)
  for (let i = 0; i < n; i++) {
    rows[i] = {
      id: i + 1,
      name: `User ${i + 1}`,
      email: `user${i + 1}@example.com`,
      city: CITIES[i % CITIES.length],
      age: 18 + (i % 60),
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    }
  }
  return rows
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))

let element: (HTMLElement & { updateComplete: Promise<boolean> }) | undefined

function scroller(): HTMLElement {
  const found = element?.shadowRoot?.querySelector<HTMLElement>('.scroller')
  if (!found) throw new Error('no scroller')
  return found
}

function rowCounts(): { tr: number; dataRows: number } {
  const root = element!.shadowRoot!
  const tr = root.querySelectorAll('tr').length
  const dataRows = root.querySelectorAll('tbody tr:not(.spacer)').length
  return { tr, dataRows }
}

let prepared: Array<Record<string, unknown>> = []

/** Generates the rows ahead of the heap baseline, so the heap figure is the widget's own. */
function prepare(n: number): number {
  prepared = generateRows(n)
  return prepared.length
}

async function mount(kind: Kind): Promise<{ mountMs: number; firstFrameMs: number; tr: number; dataRows: number }> {
  const rows = prepared
  await frame()
  const start = performance.now()
  const el = document.createElement(kind === 'smith' ? 'smith-table' : 'plain-table') as HTMLElement & { updateComplete: Promise<boolean> }
  if (kind === 'smith') {
    const table = el as unknown as SmithTable
    table.setAttribute('name', 'Table1')
    table.height = 600
    table.tableData = rows
  } else {
    ;(el as unknown as PlainTable).rows = rows
  }
  element = el
  document.body.append(el)
  await el.updateComplete
  await frame()
  const mountMs = performance.now() - start
  // One more frame: the first one, with style, layout and paint of the mounted table, is done.
  await frame()
  const firstFrameMs = performance.now() - start
  return { mountMs, firstFrameMs, ...rowCounts() }
}

/**
 * Scrolls through the whole table `passes` times (down, up, down, …), one scrollTop step
 * per animation frame, and returns the intervals between frames.
 */
async function scroll(steps: number, passes: number): Promise<{ intervals: number[]; maxTr: number; lastRowText: string }> {
  const s = scroller()
  const max = s.scrollHeight - s.clientHeight
  const intervals: number[] = []
  let maxTr = 0
  let lastRowText = ''
  for (let pass = 0; pass < passes; pass++) {
    const down = pass % 2 === 0
    let previous = await frame()
    for (let i = 1; i <= steps; i++) {
      s.scrollTop = Math.round((max * (down ? i : steps - i)) / steps)
      const t = await frame()
      intervals.push(t - previous)
      previous = t
      maxTr = Math.max(maxTr, rowCounts().tr)
    }
    if (pass === 0) {
      // Let the last scroll event render, then read the last row shown at the very bottom.
      await frame()
      await frame()
      const rows = element!.shadowRoot!.querySelectorAll('tbody tr:not(.spacer)')
      lastRowText = rows[rows.length - 1]?.querySelector('td')?.textContent?.trim() ?? ''
    }
  }
  return { intervals, maxTr, lastRowText }
}

/** Counts `IDBDatabase.prototype.transaction(…, 'readwrite')` calls while installed. */
function countTransactions(): { readwrite: number; restore(): void } {
  const proto = IDBDatabase.prototype
  const original = proto.transaction
  const counter = { readwrite: 0, restore: () => void (proto.transaction = original) }
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (args[1] === 'readwrite') counter.readwrite++
    return original.apply(this, args)
  } as IDBDatabase['transaction']
  return counter
}

const storeValueOf = (i: number): unknown => ({ i, label: `value ${i}` })
let dbSeq = 0

/** Ours: N storeValue calls in one tick on a fresh app (own database), until all resolve. */
async function storeOurs(n: number): Promise<{ total: number; sync: number; transactions: number }> {
  const app = await createApp({ id: `bench-store-${Date.now()}-${++dbSeq}` }, { channel: null, warn: () => undefined })
  const storeValue = app.scope.storeValue as (key: string, value: unknown) => Promise<void>
  const tx = countTransactions()
  try {
    const promises: Promise<void>[] = new Array(n)
    const start = performance.now()
    for (let i = 0; i < n; i++) promises[i] = storeValue(`k${i}`, storeValueOf(i))
    const sync = performance.now() - start
    await Promise.all(promises)
    return { total: performance.now() - start, sync, transactions: tx.readwrite }
  } finally {
    tx.restore()
    app.dispose()
  }
}

/** Baseline: N idb-keyval `set` calls awaited one by one, into a fresh store. */
async function storeBaseline(n: number): Promise<{ total: number; transactions: number }> {
  const store = createStore(`bench-idb-keyval-${Date.now()}-${++dbSeq}`, 'store')
  await set('warm', 0, store)
  const tx = countTransactions()
  try {
    const start = performance.now()
    for (let i = 0; i < n; i++) await set(`k${i}`, storeValueOf(i), store)
    return { total: performance.now() - start, transactions: tx.readwrite }
  } finally {
    tx.restore()
  }
}

async function store(n: number, reps: number): Promise<{ ours: Array<Awaited<ReturnType<typeof storeOurs>>>; base: Array<Awaited<ReturnType<typeof storeBaseline>>> }> {
  await storeOurs(500)
  await storeBaseline(500)
  const ours = []
  const base = []
  for (let rep = 0; rep < reps; rep++) {
    if (rep % 2 === 0) {
      ours.push(await storeOurs(n))
      base.push(await storeBaseline(n))
    } else {
      base.push(await storeBaseline(n))
      ours.push(await storeOurs(n))
    }
  }
  return { ours, base }
}

;(window as unknown as { bench: unknown }).bench = { prepare, mount, scroll, store }
document.title = 'ready'
