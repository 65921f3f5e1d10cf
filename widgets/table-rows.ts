/**
 * The table's body rows: the `<tr>`s between the two spacer rows, written with DOM calls
 * rather than a Lit template. The windowing controller draws them after each update.
 *
 * Why not a template: scrolling moves the window every frame or two, and a keyed `repeat`
 * re-evaluates every row's template and diffs every cell's parts to add two rows; at mount
 * each cell is a template instance of its own. Here a window move touches only the rows
 * that entered (refilled from rows that left, so no allocation in steady scrolling), and a
 * selection or focus change only the attributes that differ; a new row is one
 * `cloneNode` of a prototype row. Lit still renders the shell (header, spacers, toolbar,
 * footer) and never touches what lies between the spacers, which hold no parts.
 *
 * Cells are text. Row data is never HTML and never code: every value is set with
 * `textContent`, and a `link` cell becomes an `<a>` only for an absolute http(s) URL. A
 * `button` cell holds one `<button>` made with the row (in the prototype), whose text,
 * `disabled` and class are written when the row is filled; the table handles its clicks.
 */
import { perRow } from './table-columns'
import { columnValue, formatCell, safeHref } from './table-model'
import type { Column } from './table-model'
import type { TableHost } from './table-host'
import type { GridKeyboard } from './table-keyboard'
import type { Model, TableQuery } from './table-query'
import type { TableWindow } from './table-window'

/** One body row in the DOM (or in the pool), with what was last written to it. */
interface RowView {
  readonly tr: HTMLTableRowElement
  readonly cells: readonly HTMLTableCellElement[]
  /** Index into `tableData` its cells show; -1 before the first fill. */
  index: number
  /** The model its cells were filled from: another model (new data, search, sort) refills. */
  model: Model | undefined
  /** `data-pos`: its position on the current page. */
  pos: number
  /** `aria-rowindex`. */
  rowIndex: number
  /** `aria-selected` is "true". */
  selected: boolean
  /** The cell with `tabindex="0"`, -1 when none. */
  tabCol: number
  /** The last render that kept it in place. */
  stamp: number
}

/** The parts of the table the rows are drawn from. */
export interface RowsParts {
  readonly query: TableQuery
  readonly window: TableWindow
  readonly keyboard: GridKeyboard
}

/** Whether rows made for `b` have the cells `a` needs: the same keys and types, in order. */
function sameCells(a: readonly Column[], b: readonly Column[] | undefined): boolean {
  if (!b || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.key !== b[i]!.key || a[i]!.type !== b[i]!.type || a[i]!.button?.icon !== b[i]!.button?.icon) return false
  return true
}

const SVG = 'http://www.w3.org/2000/svg'

/** An icon button's SVG (widgets/icons.ts's look), made once per column in the prototype row. */
function iconSvg(d: string): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg')
  for (const [k, v] of [['class', 'icon'], ['viewBox', '0 0 24 24'], ['width', '1.25em'], ['height', '1.25em'], ['aria-hidden', 'true'], ['focusable', 'false'], ['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2'], ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']]) el.setAttribute(k!, v!)
  const path = document.createElementNS(SVG, 'path')
  path.setAttribute('d', d)
  el.append(path)
  return el
}

/** Keeps the body rows in step with the window, the model, the selection and the tab stop. */
export class TableRows {
  /** Rows in the DOM, in order. */
  #live: RowView[] = []
  /** Rows out of the DOM, ready to be refilled. */
  #pool: RowView[] = []
  /** Scratch for {@link render}: the rows it places, in order (reused, not reallocated). */
  #next: (RowView | undefined)[] = []
  /** Counts renders, to mark the rows one keeps. */
  #stamp = 0
  /** Scratch for {@link render}: live rows that show no row of the new window. */
  #free: RowView[] = []
  /** Scratch for {@link render}: live rows by the index they show. */
  readonly #byIndex = new Map<number, RowView>()
  /** The `<tbody>` the live rows are in; Lit makes a new one after an error state. */
  #tbody: HTMLTableSectionElement | undefined
  /** The columns the rows' cells were made for; other keys or types make new rows. */
  #columns: readonly Column[] | undefined
  /** A row with one empty cell per column, cloned for each new row. */
  #prototype: HTMLTableRowElement | undefined
  readonly #host: TableHost
  readonly #parts: RowsParts

  constructor(host: TableHost, parts: RowsParts) {
    this.#host = host
    this.#parts = parts
  }

  /** Brings the rows between the spacers up to date. Writes the DOM, never reads layout. */
  render(): void {
    const top = this.#host.renderRoot.querySelector<HTMLTableRowElement>('tr.spacer-top')
    const tbody = top?.parentElement as HTMLTableSectionElement | null | undefined
    if (!top || !tbody) {
      this.#reset(undefined)
      return
    }
    const { query, window: rowWindow, keyboard } = this.#parts
    const model = query.model
    if (tbody !== this.#tbody) this.#reset(tbody)
    if (model.columns !== this.#columns && !sameCells(model.columns, this.#columns)) this.#newColumns(model.columns)
    this.#columns = model.columns

    const { start, end, first } = rowWindow.current
    const byIndex = this.#byIndex
    const free = this.#free
    const stamp = ++this.#stamp
    // Rows still showing the same row of the same model stay where they are.
    for (const view of this.#live) if (view.model === model) byIndex.set(view.index, view)
    const next = this.#next
    next.length = end - start
    let kept = 0
    for (let pos = start; pos < end; pos++) {
      const index = query.originalIndex(pos) as number
      const view = byIndex.get(index)
      if (view) {
        byIndex.delete(index)
        view.stamp = stamp
        kept++
      }
      next[pos - start] = view
    }
    byIndex.clear()
    // The others are free to show other rows. When some rows stay (a scroll by a few
    // rows), the free ones leave the DOM first, so the rows that stay keep their order
    // and only the entering ones are inserted. When none stays (a jump, new data, a new
    // sort), the free rows are refilled where they are, in order: no DOM move at all.
    free.length = 0
    for (const view of this.#live) if (view.stamp !== stamp) free.push(view)
    const pool = this.#pool
    if (kept > 0) {
      for (const view of free) {
        view.tr.remove()
        pool.push(view)
      }
      free.length = 0
    }
    let reuse = 0

    const tabRow = keyboard.tabRow(start, end, first)
    const tabCol = keyboard.active.col
    const selected = this.#host.getMeta<number>('selectedRowIndex')
    const rowIndexBase = query.ariaRowIndexBase()
    let cursor = top.nextSibling
    for (let k = 0; k < next.length; k++) {
      const pos = start + k
      let view = next[k]
      if (!view) {
        view = reuse < free.length ? free[reuse++]! : pool.pop() ?? this.#create()
        this.#fill(view, model, query.originalIndex(pos) as number)
        next[k] = view
      }
      if (cursor === view.tr) cursor = cursor.nextSibling
      else tbody.insertBefore(view.tr, cursor)
      this.#mark(view, pos, rowIndexBase + pos, view.index === selected, tabRow === pos ? tabCol : -1)
    }
    for (; reuse < free.length; reuse++) {
      free[reuse]!.tr.remove()
      pool.push(free[reuse]!)
    }
    const live = this.#live
    this.#live = next as RowView[]
    this.#next = live
  }

  /** Forgets every row (a new `<tbody>`, or none): the old ones went with the old one. */
  #reset(tbody: HTMLTableSectionElement | undefined): void {
    this.#tbody = tbody
    this.#live = []
    this.#pool = []
    this.#columns = undefined
    this.#prototype = undefined
  }

  /** Other columns: rows with other cells. The old rows leave the DOM and are dropped. */
  #newColumns(columns: readonly Column[]): void {
    for (const view of this.#live) view.tr.remove()
    this.#live = []
    this.#pool = []
    this.#columns = columns
    const tr = document.createElement('tr')
    tr.setAttribute('role', 'row')
    tr.setAttribute('aria-selected', 'false')
    for (let ci = 0; ci < columns.length; ci++) {
      const td = document.createElement('td')
      td.setAttribute('role', 'gridcell')
      td.className = columns[ci]!.type
      td.setAttribute('data-col', String(ci))
      td.tabIndex = -1
      if (columns[ci]!.button) {
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'cell-button'
        button.setAttribute('part', 'cell-button')
        // The cell, not the button, is the grid's focus stop; Enter/Space on it press the button.
        button.tabIndex = -1
        const d = columns[ci]!.button!.icon
        if (d) button.append(iconSvg(d))
        td.append(button)
      }
      tr.append(td)
    }
    this.#prototype = tr
  }

  #create(): RowView {
    const tr = this.#prototype!.cloneNode(true) as HTMLTableRowElement
    const cells = Array.from(tr.children) as HTMLTableCellElement[]
    return { tr, cells, index: -1, model: undefined, pos: -1, rowIndex: -1, selected: false, tabCol: -1, stamp: 0 }
  }

  /** Writes the cells of row `index` of `model` into a row. */
  #fill(view: RowView, model: Model, index: number): void {
    const { rows, columns } = model
    for (let ci = 0; ci < columns.length; ci++) {
      const c = columns[ci]!
      const value = columnValue(rows, index, c)
      const td = view.cells[ci]!
      const button = c.button
      if (button) {
        const b = td.firstChild as HTMLButtonElement
        const text = formatCell(perRow(button.label, index))
        // An icon button keeps its icon; its text is its accessible name.
        if (button.icon) b.setAttribute('aria-label', text)
        else b.textContent = text
        b.disabled = perRow(button.disabled, index) === true
        b.className = `cell-button ${button.variant}`
        // CSSOM, not a style attribute: the CSP forbids inline styles.
        if (button.color) b.style.setProperty('--smith-cell-button-color', button.color)
        continue
      }
      const href = c.type === 'link' ? safeHref(value) : undefined
      if (href) {
        const a = document.createElement('a')
        a.href = href
        a.target = '_blank'
        a.rel = 'noopener noreferrer'
        // The cell, not the link, is the grid's focus stop.
        a.tabIndex = -1
        a.textContent = formatCell(value)
        td.replaceChildren(a)
      } else {
        td.textContent = formatCell(value, c.type)
      }
    }
    view.index = index
    view.model = model
  }

  /** Sets the row's position, ARIA state and tab stop, each only when it differs. */
  #mark(view: RowView, pos: number, rowIndex: number, selected: boolean, tabCol: number): void {
    const tr = view.tr
    if (view.pos !== pos) {
      view.pos = pos
      tr.setAttribute('data-pos', String(pos))
    }
    if (view.rowIndex !== rowIndex) {
      view.rowIndex = rowIndex
      tr.setAttribute('aria-rowindex', String(rowIndex))
    }
    if (view.selected !== selected) {
      view.selected = selected
      tr.setAttribute('aria-selected', selected ? 'true' : 'false')
    }
    if (view.tabCol !== tabCol) {
      if (view.tabCol >= 0) view.cells[view.tabCol]!.tabIndex = -1
      if (tabCol >= 0) view.cells[tabCol]!.tabIndex = 0
      view.tabCol = tabCol
    }
  }
}
