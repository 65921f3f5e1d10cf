/**
 * The page the table benchmark drives in Chromium: `window.bench.mount(kind, n)` mounts
 * `<smith-table>` or the baseline `<plain-table>` with n generated rows;
 * `window.bench.scroll(steps)` scrolls it top to bottom, one step per animation frame.
 */
import '../../../widgets/index'
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

async function mount(kind: Kind, n: number): Promise<{ mountMs: number; firstFrameMs: number; tr: number; dataRows: number }> {
  const rows = generateRows(n)
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

async function scroll(steps: number): Promise<{ intervals: number[]; maxTr: number; lastRowText: string; scrollHeight: number }> {
  const s = scroller()
  const max = s.scrollHeight - s.clientHeight
  const stamps: number[] = [await frame()]
  let maxTr = 0
  for (let i = 1; i <= steps; i++) {
    s.scrollTop = Math.round((max * i) / steps)
    stamps.push(await frame())
    maxTr = Math.max(maxTr, rowCounts().tr)
  }
  // Let the last scroll event render.
  await frame()
  await frame()
  const rows = element!.shadowRoot!.querySelectorAll('tbody tr:not(.spacer)')
  const last = rows[rows.length - 1]
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!)
  return { intervals, maxTr, lastRowText: last?.querySelector('td')?.textContent?.trim() ?? '', scrollHeight: s.scrollHeight }
}

;(window as unknown as { bench: unknown }).bench = { mount, scroll }
document.title = 'ready'
