/**
 * The table's WAI-ARIA grid keyboard model as a Lit reactive controller: one roving tab
 * stop over the header and body cells, arrow/Home/End/Page keys to move it, Enter or Space
 * to act on the cell (sort by a header, select a row).
 *
 * Cells are found from the `data-col` / `data-pos` attributes the template puts on them,
 * so the controller needs no references to rendered elements.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

/** A cell position: `row` is a position on the current page, -1 for the header row. */
export interface CellPos {
  row: number
  col: number
}

/** What the keyboard model needs to know about the grid and how to act on it. */
export interface GridKeyboardOptions {
  /** Number of visible columns. */
  columnCount(): number
  /** Number of rows on the current page. */
  rowCount(): number
  /** Rows one PageUp/PageDown moves. */
  pageStep(): number
  /** Scrolls the row at page position `row` into view. */
  scrollRowIntoView(row: number): void
  /** Enter/Space or a click on a cell: sorts by a header cell, selects a body row. */
  activate(cell: CellPos): void
}

/** The cell a DOM event happened in, from the data attributes the template puts there. */
export function cellOf(target: EventTarget | null): CellPos | undefined {
  const cell = (target as Element | null)?.closest?.('[data-col]')
  if (!cell) return undefined
  const tr = cell.closest('tr')
  const row = tr?.hasAttribute('data-pos') ? Number(tr.getAttribute('data-pos')) : -1
  return { row, col: Number(cell.getAttribute('data-col')) }
}

/** Roving tab stop and keyboard navigation for a `role="grid"` table. */
export class GridKeyboard implements ReactiveController {
  /** The grid cell that holds the roving tab stop. */
  active: CellPos = { row: 0, col: 0 }
  /** Move DOM focus to the active cell after the next render. */
  #focusPending = false
  readonly #host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }
  readonly #grid: GridKeyboardOptions

  constructor(host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }, grid: GridKeyboardOptions) {
    this.#host = host
    this.#grid = grid
    host.addController(this)
  }

  /**
   * Keeps the active column on a column that exists. The active row is clamped where it is
   * used (render, keys), so that a table empty for a moment does not lose its place.
   */
  hostUpdate(): void {
    const col = Math.max(0, Math.min(this.active.col, this.#grid.columnCount() - 1))
    if (col !== this.active.col) this.active = { row: this.active.row, col }
  }

  /**
   * The row that holds the tab stop in a window of rendered rows `start … end-1`: the
   * active row when rendered, else the top visible row `first`, so Tab lands where the
   * user looks. -1 (the header) when the page is empty or the header is active.
   */
  tabRow(start: number, end: number, first: number): number {
    if (this.#grid.rowCount() === 0) return -1
    const row = this.active.row
    return row >= 0 && (row < start || row >= end) ? first : row
  }

  /** Moves the roving tab stop (and DOM focus) to a cell, scrolling it into view. */
  moveFocus(row: number, col: number): void {
    this.active = { row, col }
    if (row >= 0) this.#grid.scrollRowIntoView(row)
    this.#focusPending = true
    this.#host.requestUpdate()
  }

  /** The grid's `focusin` listener: a click or Tab into a cell makes it the tab stop. */
  onFocusIn = (e: FocusEvent): void => {
    const cell = cellOf(e.target)
    if (!cell) return
    if (cell.row !== this.active.row || cell.col !== this.active.col) {
      this.active = cell
      this.#host.requestUpdate()
    }
  }

  /** The grid's `keydown` listener. */
  onKeyDown = (e: KeyboardEvent): void => {
    const cols = this.#grid.columnCount()
    if (!cols) return
    const last = this.#grid.rowCount() - 1
    const lastCol = cols - 1
    let { row, col } = cellOf(e.target) ?? this.active
    const ctrl = e.ctrlKey || e.metaKey
    switch (e.key) {
      case 'ArrowDown':
        row = Math.min(row + 1, last)
        break
      case 'ArrowUp':
        row = Math.max(row - 1, -1)
        break
      case 'ArrowRight':
        col = Math.min(col + 1, lastCol)
        break
      case 'ArrowLeft':
        col = Math.max(col - 1, 0)
        break
      case 'Home':
        col = 0
        if (ctrl) row = last >= 0 ? 0 : -1
        break
      case 'End':
        col = lastCol
        if (ctrl) row = last
        break
      case 'PageDown':
        if (row >= 0 || last >= 0) row = Math.min(Math.max(row, 0) + this.#grid.pageStep(), last)
        break
      case 'PageUp':
        if (row >= 0) row = Math.max(row - this.#grid.pageStep(), 0)
        break
      case 'Enter':
      case ' ':
        e.preventDefault()
        this.#grid.activate({ row, col })
        return
      default:
        return
    }
    e.preventDefault() // arrows, Page keys and Home/End would otherwise scroll the page
    this.moveFocus(row, col)
  }

  hostUpdated(): void {
    if (!this.#focusPending) return
    this.#focusPending = false
    // preventScroll: the widget has already scrolled; a browser's own scrollIntoView
    // would fight the scaled scroll mapping.
    this.#host.renderRoot.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus({ preventScroll: true })
  }
}
