/**
 * The table benchmark's peer: @tanstack/virtual-core windowing a plain `<table>` — what a
 * developer who picks the popular headless virtualizer writes without a framework. Same
 * rows, columns, row height (36 px), overscan (4), viewport (600 px), sticky header and
 * spacer rows as `<smith-table>`, in a shadow root with comparable styles. Rendered rows
 * are keyed by index and reused while they stay in the window; cells are set with
 * `textContent`.
 */
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core'

const ROW_HEIGHT = 36
const HEIGHT = 600

const STYLES = `
  :host { display: block; border: 1px solid #d1d5db; }
  .scroller { height: ${HEIGHT}px; overflow: auto; overflow-anchor: none; }
  table { width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed; }
  tr { height: ${ROW_HEIGHT}px; }
  tr.spacer, tr.spacer > td { height: 0; padding: 0; border: 0; }
  th, td { padding: 0 0.6rem; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; text-align: left; border-bottom: 1px solid #d1d5db; }
  th { position: sticky; top: 0; background: #f3f4f6; }
`

export class TanstackTable extends HTMLElement {
  rows: ReadonlyArray<Record<string, unknown>> = []
  /** Resolves once the first window is rendered (the peer of Lit's `updateComplete`). */
  updateComplete: Promise<boolean> = Promise.resolve(true)
  #virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement> | undefined
  #cleanup: (() => void) | undefined
  #tbody!: HTMLTableSectionElement
  #top!: HTMLTableRowElement
  #bottom!: HTMLTableRowElement
  #rendered = new Map<number, HTMLTableRowElement>()
  #columns: string[] = []

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = STYLES
    const scroller = document.createElement('div')
    scroller.className = 'scroller'
    const table = document.createElement('table')
    const head = table.createTHead().insertRow()
    this.#columns = this.rows.length > 0 ? Object.keys(this.rows[0]!) : []
    for (const c of this.#columns) {
      const th = document.createElement('th')
      th.textContent = c
      head.append(th)
    }
    this.#tbody = table.createTBody()
    this.#top = this.#spacer()
    this.#bottom = this.#spacer()
    scroller.append(table)
    root.replaceChildren(style, scroller)
    this.#virtualizer = new Virtualizer<HTMLDivElement, HTMLTableRowElement>({
      count: this.rows.length,
      getScrollElement: () => scroller,
      estimateSize: () => ROW_HEIGHT,
      overscan: 4,
      paddingStart: ROW_HEIGHT, // the sticky header row
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: () => this.#render(),
    })
    this.#cleanup = this.#virtualizer._didMount()
    this.#virtualizer._willUpdate()
    this.#render()
  }

  disconnectedCallback(): void {
    this.#cleanup?.()
  }

  #spacer(): HTMLTableRowElement {
    const tr = document.createElement('tr')
    tr.className = 'spacer'
    const td = document.createElement('td')
    td.colSpan = Math.max(1, this.#columns.length)
    tr.append(td)
    return tr
  }

  #row(index: number): HTMLTableRowElement {
    const row = this.rows[index]!
    const tr = document.createElement('tr')
    for (const c of this.#columns) {
      const td = document.createElement('td')
      td.textContent = String(row[c])
      tr.append(td)
    }
    return tr
  }

  #render(): void {
    const v = this.#virtualizer!
    const items = v.getVirtualItems()
    const next = new Map<number, HTMLTableRowElement>()
    const trs: HTMLTableRowElement[] = []
    for (const item of items) {
      const tr = this.#rendered.get(item.index) ?? this.#row(item.index)
      next.set(item.index, tr)
      trs.push(tr)
    }
    this.#rendered = next
    const first = items[0]
    const last = items[items.length - 1]
    this.#top.style.height = `${first ? first.start - ROW_HEIGHT : 0}px`
    this.#bottom.style.height = `${last ? v.getTotalSize() - last.end : 0}px`
    this.#tbody.replaceChildren(this.#top, ...trs, this.#bottom)
  }
}
