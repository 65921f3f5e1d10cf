/**
 * Row windowing math for a fixed-row-height list, as pure functions.
 *
 * The table renders only the rows in view (plus an overscan) between two spacer rows.
 * Everything here is computed from numbers the widget already knows — row count, row
 * height, viewport height, scrollTop — and never from layout measurement, so the same
 * code runs in a browser and under happy-dom.
 *
 * Browsers cap an element's height (about 33.5 M px in Chromium, less elsewhere). When the
 * rows would be taller than {@link MAX_SCROLL_HEIGHT}, the scroll area is capped at that
 * height and scrollTop is mapped proportionally to a row *position*, so that max scroll
 * still reaches the last row. Below the cap the mapping is the identity
 * (`position = scrollTop / rowHeight`), computed exactly so rows line up on pixel rows.
 */

/**
 * The tallest row area we ask a browser to lay out, in px. Well below Chromium's ~33.5 M px
 * limit and Firefox's ~17.9 M px, so both keep exact scroll positions.
 */
export const MAX_SCROLL_HEIGHT = 15_000_000

/** Rows rendered beyond each edge of the viewport by default. */
export const DEFAULT_OVERSCAN = 4

/** The inputs of every windowing function. */
export interface WindowParams {
  /** Number of rows in the list being windowed. */
  rowCount: number
  /** Height of every row, in px (> 0). */
  rowHeight: number
  /** Height of the area rows scroll under, in px: the scroll container minus any sticky header. */
  viewportHeight: number
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number
  /** Override of {@link MAX_SCROLL_HEIGHT}, for tests. */
  maxHeight?: number
}

/** What to render for one scroll position. */
export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number
  /** Row after the last rendered row (exclusive). */
  end: number
  /** First row at least partly visible at the top of the viewport. */
  first: number
  /** Height of the spacer above the rendered rows, in px. */
  topSpacer: number
  /** Height of the spacer below the rendered rows, in px. */
  bottomSpacer: number
  /** Total height of the row area (spacers + rendered rows), in px. */
  scrollHeight: number
}

const clamp = (n: number, lo: number, hi: number): number => (n < lo ? lo : n > hi ? hi : n)

/** Height of the row area, in px: all rows, capped at the safe maximum. */
export function scrollHeight(p: WindowParams): number {
  return Math.min(Math.max(0, p.rowCount) * p.rowHeight, p.maxHeight ?? MAX_SCROLL_HEIGHT)
}

/** True when the rows are taller than the cap and scrollTop maps to rows proportionally. */
export function isScaled(p: WindowParams): boolean {
  return p.rowCount * p.rowHeight > (p.maxHeight ?? MAX_SCROLL_HEIGHT)
}

/** The largest scrollTop the row area allows (0 when everything fits). */
export function maxScrollTop(p: WindowParams): number {
  return Math.max(0, scrollHeight(p) - p.viewportHeight)
}

/** The largest row position: the last row's bottom edge touches the viewport's bottom. */
function maxPosition(p: WindowParams): number {
  return Math.max(0, p.rowCount - p.viewportHeight / p.rowHeight)
}

/**
 * The fractional row at the top of the viewport for a scrollTop. Row `floor(result)` is the
 * first visible row; the fraction is how much of it is scrolled away.
 */
export function positionAt(scrollTop: number, p: WindowParams): number {
  const max = maxScrollTop(p)
  if (max <= 0) return 0
  const s = clamp(scrollTop, 0, max)
  if (!isScaled(p)) return s / p.rowHeight
  return (s / max) * maxPosition(p)
}

/** The scrollTop that puts a fractional row position at the top of the viewport. */
export function scrollTopAt(position: number, p: WindowParams): number {
  const max = maxScrollTop(p)
  if (max <= 0) return 0
  const pos = clamp(position, 0, maxPosition(p))
  if (!isScaled(p)) return clamp(pos * p.rowHeight, 0, max)
  return clamp((pos / maxPosition(p)) * max, 0, max)
}

/**
 * The rows to render for a scroll position.
 *
 * @param scrollTop the scroll container's scrollTop (clamped to the valid range)
 * @param position the row position to show at the top; defaults to {@link positionAt}.
 *   The widget passes its own when it has scrolled a row into view: in scaled mode one
 *   pixel spans several rows, so the pixel a browser rounds scrollTop to cannot always
 *   show the exact row asked for, and the spacer absorbs the difference instead. Ignored
 *   unscaled, where scrollTop is exact.
 */
export function computeWindow(scrollTop: number, p: WindowParams, position?: number): RowWindow {
  const { rowCount, rowHeight } = p
  const total = scrollHeight(p)
  if (rowCount <= 0 || rowHeight <= 0) {
    return { start: 0, end: 0, first: 0, topSpacer: 0, bottomSpacer: 0, scrollHeight: 0 }
  }
  const overscan = Math.max(0, Math.floor(p.overscan ?? DEFAULT_OVERSCAN))
  const s = clamp(scrollTop, 0, maxScrollTop(p))
  const scaled = isScaled(p)
  const pos = scaled && position !== undefined ? clamp(position, 0, maxPosition(p)) : positionAt(s, p)
  const first = Math.min(rowCount - 1, Math.floor(pos))

  // Rows sit at `s + (row - pos) * rowHeight` in the row area. The top spacer cannot be
  // negative and the content must not outgrow `total` (the scroll range would jump), so in
  // scaled mode the overscan is trimmed to the room there is. Unscaled, both bounds are moot.
  const roomAbove = scaled ? Math.ceil(pos - s / rowHeight) : 0
  const start = Math.max(0, first - overscan, Math.min(first, roomAbove))
  const lastVisible = Math.ceil(pos + p.viewportHeight / rowHeight)
  const roomBelow = scaled ? Math.floor(pos + (total - s) / rowHeight) : rowCount
  const end = Math.min(rowCount, Math.max(lastVisible, Math.min(first + Math.ceil(p.viewportHeight / rowHeight) + 1 + overscan, roomBelow)))

  // Within about a row of either end (scaled mode moves rows faster than pixels), the ideal
  // offset would need a negative spacer; clamping shifts rows by a few px there instead,
  // and both ends are exact again at scrollTop 0 and at max scroll.
  const rendered = (end - start) * rowHeight
  const topSpacer = scaled ? clamp(s - (pos - start) * rowHeight, 0, Math.max(0, total - rendered)) : start * rowHeight
  const bottomSpacer = Math.max(0, total - topSpacer - rendered)
  return { start, end, first, topSpacer, bottomSpacer, scrollHeight: total }
}

/**
 * The row position that brings `row` fully into view with the least movement from
 * `position`, or `position` itself when the row is already fully visible.
 */
export function positionForRow(row: number, position: number, p: WindowParams): number {
  const rowsInView = p.viewportHeight / p.rowHeight
  if (row < position) return clamp(row, 0, maxPosition(p))
  if (row + 1 > position + rowsInView) return clamp(row + 1 - rowsInView, 0, maxPosition(p))
  return position
}

/** Whole rows that fit in the viewport: the step for PageUp/PageDown (at least 1). */
export function rowsPerViewport(p: Pick<WindowParams, 'rowHeight' | 'viewportHeight'>): number {
  return Math.max(1, Math.floor(p.viewportHeight / p.rowHeight))
}
