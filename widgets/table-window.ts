/**
 * The table's row windowing as a Lit reactive controller: which rows of the current page
 * are in the DOM, the scroll position, and the spacer heights that stand in for the rest.
 *
 * The math is row-window.ts's pure functions; this controller keeps the state they need
 * (scrollTop, the scaled-mode anchor) and writes the results to the DOM after each render,
 * through CSSOM because the strict CSP forbids style attributes.
 */
import type { ReactiveController } from 'lit'
import {
  DEFAULT_OVERSCAN,
  computeWindow,
  isScaled,
  positionAt,
  positionForRow,
  rowsPerViewport,
  scrollTopAt,
} from './row-window'
import type { RowWindow, WindowParams } from './row-window'
import type { TableHost } from './table-host'

/** Scroll-area height when `height` is unset or invalid, in px. */
export const DEFAULT_HEIGHT = 400
/** Row height when `rowHeight` is unset or invalid, in px. */
export const DEFAULT_ROW_HEIGHT = 36

/** Keeps the rendered rows in step with the scroll position. */
export class TableWindow implements ReactiveController {
  /** The window as of the last update; the template renders rows `start … end-1`. */
  current: RowWindow = { start: 0, end: 0, first: 0, topSpacer: 0, bottomSpacer: 0, scrollHeight: 0 }
  /** The scroll container's scrollTop as last seen or set. */
  #scrollTop = 0
  /** `#scrollTop` was changed here and must be written to the container after render. */
  #scrollPending = false
  /**
   * Scaled mode only: the row position we scrolled to for keyboard focus, valid while
   * scrollTop is still `scrollTop` (see `computeWindow`'s `position`).
   */
  #anchor: { scrollTop: number; position: number } | undefined
  /** The spacer rows (top, bottom) and the heights last written to them. */
  readonly #spacers: [{ el: HTMLElement | undefined; height: number }, { el: HTMLElement | undefined; height: number }] = [
    { el: undefined, height: -1 },
    { el: undefined, height: -1 },
  ]
  readonly #host: TableHost
  /** Draws the body rows of {@link current} (table-rows.ts) after each update. */
  readonly #drawRows: () => void

  constructor(host: TableHost, drawRows: () => void) {
    this.#host = host
    this.#drawRows = drawRows
    host.addController(this)
  }

  /** Row height in px: the property when valid, else the default. */
  rowHeight(): number {
    const h = Number(this.#host.rowHeight)
    return Number.isFinite(h) && h > 0 ? h : DEFAULT_ROW_HEIGHT
  }

  /** Scroll-area height in px: the property when valid, else the default. */
  height(): number {
    const h = Number(this.#host.height)
    return Number.isFinite(h) && h > 0 ? h : DEFAULT_HEIGHT
  }

  /** Windowing inputs; the sticky header row takes one row height off the viewport. */
  params(rowCount = this.#host.pageRowCount): WindowParams {
    const rowHeight = this.rowHeight()
    return {
      rowCount,
      rowHeight,
      viewportHeight: Math.max(rowHeight, this.height() - rowHeight),
      overscan: DEFAULT_OVERSCAN,
    }
  }

  /** Whole rows in the viewport: the PageUp/PageDown step, and a server page's default size. */
  rowsPerViewport(): number {
    return rowsPerViewport(this.params(0))
  }

  /** Recomputes {@link current} from the scroll position before each render. */
  hostUpdate(): void {
    this.current = this.#compute()
  }

  /** Scrolls back to the top on the next render (a new page, a new server page). */
  resetScroll(): void {
    this.#scrollTop = 0
    this.#scrollPending = true
  }

  /** Sets the scroll position now (and the anchor row position in scaled mode). */
  setScroll(scrollTop: number, position?: number): void {
    const scroller = this.#host.renderRoot?.querySelector?.<HTMLElement>('.scroller')
    let actual = scrollTop
    if (scroller) {
      // The DOM is consistent here (between renders), so this layout read is safe.
      scroller.scrollTop = scrollTop
      // A browser clamps and rounds; the window must follow what it really did.
      actual = scroller.scrollTop
    } else {
      this.#scrollPending = true
    }
    this.#scrollTop = actual
    this.#anchor = position === undefined ? undefined : { scrollTop: actual, position }
    this.#host.requestUpdate()
  }

  /** Scrolls the least amount that shows the row at page position `row` in full. */
  scrollRowIntoView(row: number): void {
    const p = this.params()
    const current = this.#position(p)
    const target = positionForRow(row, current, p)
    if (target === current) return
    this.setScroll(scrollTopAt(target, p), isScaled(p) ? target : undefined)
  }

  /** The scroller's `scroll` listener. */
  onScroll = (e: Event): void => {
    const s = (e.currentTarget as HTMLElement).scrollTop
    if (s === this.#scrollTop) return
    this.#scrollTop = s
    const w = this.#compute()
    const cur = this.current
    // Render only when the window actually moved: unscaled, most scroll events stay
    // within one row and cost nothing. The update redraws only the rows that entered
    // (table-rows.ts); Lit finds the rest of the grid unchanged.
    if (w.start !== cur.start || w.end !== cur.end || w.topSpacer !== cur.topSpacer) this.#host.requestUpdate()
  }

  hostUpdated(): void {
    const host = this.#host
    const root = host.renderRoot
    // Sizes go through CSSOM, not style attributes: the demo's CSP forbids inline styles.
    host.style.setProperty('--smith-row-height', `${this.rowHeight()}px`)
    // Spacers and rows first, and no layout read before them (writing scrollTop is one):
    // until both are set the content is briefly the wrong height, and a forced layout
    // then would clamp scrollTop (off by a row at the very bottom).
    const top = root.querySelector<HTMLElement>('tr.spacer-top')
    const bottom = root.querySelector<HTMLElement>('tr.spacer-bottom')
    this.#spacerHeight(top, 0, this.current.topSpacer)
    this.#spacerHeight(bottom, 1, this.current.bottomSpacer)
    this.#drawRows()
    const scroller = root.querySelector<HTMLElement>('.scroller')
    if (scroller) {
      scroller.style.height = `${this.height()}px`
      // Write scrollTop only when the widget moved it (a page change, a new server page):
      // reading it on every render would force a layout per scroll frame.
      if (this.#scrollPending) scroller.scrollTop = this.#scrollTop
    }
    this.#scrollPending = false
  }

  /** Sets a spacer's height when it differs from what was last written to that spacer. */
  #spacerHeight(spacer: HTMLElement | null, which: 0 | 1, height: number): void {
    const last = this.#spacers[which]
    if (!spacer || (last.el === spacer && last.height === height)) return
    spacer.style.height = `${height}px`
    last.el = spacer
    last.height = height
  }

  /** The fractional row at the top of the viewport. */
  #position(p: WindowParams): number {
    if (this.#anchor && this.#anchor.scrollTop === this.#scrollTop && isScaled(p)) return this.#anchor.position
    return positionAt(this.#scrollTop, p)
  }

  #compute(): RowWindow {
    const p = this.params()
    return computeWindow(this.#scrollTop, p, this.#position(p))
  }
}
