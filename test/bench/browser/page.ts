/**
 * The page the browser benchmarks drive in Chromium: `window.bench.prepare(n)` generates n rows and
 * `window.bench.mount(kind)` mounts them in `<smith-table>` or the peer `<tanstack-table>`;
 * `window.bench.scroll(steps)` scrolls it top to bottom, one step per animation frame;
 * `window.bench.storeRound(side, n)` runs one round of the store figure on the browser's
 * real IndexedDB; bindings-page.ts and auth-page.ts add theirs.
 */
import { createStore, set, setMany } from 'idb-keyval'
import { createApp } from '../../../src/index'
import '../../../widgets/define'
import type { SmithTable } from '../../../widgets/index'
import { installAuth } from './auth-page'
import { installBindings } from './bindings-page'
import { TanstackTable } from './tanstack-table'

customElements.define('tanstack-table', TanstackTable)

type Kind = 'smith' | 'tanstack'

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
  const el = document.createElement(kind === 'smith' ? 'smith-table' : 'tanstack-table') as HTMLElement & { updateComplete: Promise<boolean> }
  if (kind === 'smith') {
    const table = el as unknown as SmithTable
    table.setAttribute('name', 'Table1')
    table.height = 600
    table.tableData = rows
  } else {
    ;(el as unknown as TanstackTable).rows = rows
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
      if (i % 10 === 0) maxTr = Math.max(maxTr, rowCounts().tr)
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

export type StoreSide = 'smith' | 'setMany' | 'clone'

/**
 * One round of one side, n values into a fresh database: `smith` — n storeValue in one
 * tick until all n promises resolve (durable), with the synchronous part timed apart;
 * `setMany` — idb-keyval's one-transaction write of the same n entries; `clone` — n bare
 * structuredClone calls, the floor of the synchronous part.
 */
async function storeRound(side: StoreSide, n: number): Promise<{ total: number; sync: number; transactions: number }> {
  if (side === 'clone') {
    const start = performance.now()
    let sink = 0
    for (let i = 0; i < n; i++) sink += (structuredClone(storeValueOf(i)) as { i: number }).i
    const total = performance.now() - start
    if (sink !== (n * (n - 1)) / 2) throw new Error('clone: wrong sum')
    return { total, sync: total, transactions: 0 }
  }
  if (side === 'setMany') {
    const store = createStore(`bench-idb-keyval-${Date.now()}-${++dbSeq}`, 'store')
    await set('warm', 0, store) // opens the database outside the timed part, as hydration does for ours
    const tx = countTransactions()
    try {
      const start = performance.now()
      const entries: Array<[string, unknown]> = new Array(n)
      for (let i = 0; i < n; i++) entries[i] = [`k${i}`, storeValueOf(i)]
      const done = setMany(entries, store)
      const sync = performance.now() - start
      await done
      return { total: performance.now() - start, sync, transactions: tx.readwrite }
    } finally {
      tx.restore()
    }
  }
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

const bench: Record<string, unknown> = { prepare, mount, scroll, storeRound }
installBindings(bench)
installAuth(bench)
;(window as unknown as { bench: unknown }).bench = bench
document.title = 'ready'
