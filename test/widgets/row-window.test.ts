// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import {
  MAX_SCROLL_HEIGHT,
  computeWindow,
  isScaled,
  maxScrollTop,
  positionAt,
  positionForRow,
  rowsPerViewport,
  scrollHeight,
  scrollTopAt,
} from '../../widgets/row-window'
import type { WindowParams } from '../../widgets/row-window'

const small: WindowParams = { rowCount: 100_000, rowHeight: 36, viewportHeight: 364, overscan: 4 }
const huge: WindowParams = { rowCount: 1_000_000, rowHeight: 36, viewportHeight: 364, overscan: 4 }

/** Rendered rows plus spacers must always add up to the scroll height (else the scroll range jumps). */
function expectConsistent(scrollTop: number, p: WindowParams, position?: number): void {
  const w = computeWindow(scrollTop, p, position)
  expect(w.topSpacer).toBeGreaterThanOrEqual(0)
  expect(w.bottomSpacer).toBeGreaterThanOrEqual(0)
  expect(w.topSpacer + (w.end - w.start) * p.rowHeight + w.bottomSpacer).toBeCloseTo(w.scrollHeight, 3)
  expect(w.end - w.start).toBeLessThan(40)
}

describe('unscaled (rows fit under the height cap)', () => {
  test('the top of the list', () => {
    const w = computeWindow(0, small)
    expect(isScaled(small)).toBe(false)
    expect(w).toMatchObject({ start: 0, first: 0, topSpacer: 0, scrollHeight: 3_600_000 })
    // 364 px shows 10.1 rows → 11 rows + 1 partial + 4 overscan
    expect(w.end).toBe(16)
    expect(w.bottomSpacer).toBe((100_000 - 16) * 36)
  })

  test('scrolled into the middle: overscan above and below, spacers exact', () => {
    const w = computeWindow(36 * 1000 + 10, small)
    expect(w.first).toBe(1000)
    expect(w.start).toBe(996)
    expect(w.end).toBe(1016)
    expect(w.topSpacer).toBe(996 * 36)
  })

  test('max scroll shows the last row at the bottom', () => {
    const max = maxScrollTop(small)
    expect(max).toBe(100_000 * 36 - 364)
    const w = computeWindow(max, small)
    expect(w.end).toBe(100_000)
    expect(w.bottomSpacer).toBe(0)
    // the last row's bottom edge is the viewport's bottom edge
    expect(w.topSpacer + (w.end - w.start) * 36).toBe(max + 364)
  })

  test('scrollTop beyond the range is clamped', () => {
    expect(computeWindow(1e12, small)).toEqual(computeWindow(maxScrollTop(small), small))
    expect(computeWindow(-50, small)).toEqual(computeWindow(0, small))
  })

  test('spacers and rows always add up', () => {
    for (let s = 0; s < maxScrollTop(small); s += 123_457) expectConsistent(s, small)
    expectConsistent(maxScrollTop(small), small)
  })

  test('a list shorter than the viewport renders everything', () => {
    const p = { ...small, rowCount: 5 }
    expect(maxScrollTop(p)).toBe(0)
    expect(computeWindow(100, p)).toMatchObject({ start: 0, end: 5, topSpacer: 0, bottomSpacer: 0 })
  })

  test('no rows', () => {
    expect(computeWindow(0, { ...small, rowCount: 0 })).toMatchObject({ start: 0, end: 0, scrollHeight: 0 })
  })

  test('position is exact scrollTop / rowHeight and round-trips', () => {
    expect(positionAt(360, small)).toBe(10)
    expect(scrollTopAt(10, small)).toBe(360)
  })
})

describe('scaled (a million rows exceed the height cap)', () => {
  test('the row area is capped', () => {
    expect(isScaled(huge)).toBe(true)
    expect(scrollHeight(huge)).toBe(MAX_SCROLL_HEIGHT)
  })

  test('max scroll reaches row 999,999, flush with the viewport bottom', () => {
    const max = maxScrollTop(huge)
    const w = computeWindow(max, huge)
    expect(w.end).toBe(1_000_000)
    expect(w.bottomSpacer).toBeCloseTo(0, 3)
    expect(w.topSpacer + (w.end - w.start) * 36).toBeCloseTo(max + 364, 3)
    expect(w.end - w.start).toBeLessThan(40)
  })

  test('scroll maps proportionally to rows', () => {
    const w = computeWindow(maxScrollTop(huge) / 2, huge)
    const mid = (1_000_000 - 364 / 36) / 2
    expect(w.first).toBe(Math.floor(mid))
  })

  test('spacers never go negative and always add up, near both ends too', () => {
    const max = maxScrollTop(huge)
    for (const s of [0, 1, 5, 20, 50, 100, 150, 1000, 7_777_777, max - 200, max - 50, max - 1, max]) expectConsistent(s, huge)
  })

  test('the first visible row sits at the top of the viewport', () => {
    const s = 4_000_000
    const w = computeWindow(s, huge)
    const pos = positionAt(s, huge)
    const yOfFirst = w.topSpacer + (w.first - w.start) * 36 // within the row area
    expect(yOfFirst).toBeCloseTo(s - (pos - w.first) * 36, 3)
  })

  test('an explicit position is honoured (the widget uses it to show a focused row exactly)', () => {
    const s = Math.round(scrollTopAt(500_000, huge)) // a browser rounds scrollTop
    const w = computeWindow(s, huge, 500_000)
    expect(w.first).toBe(500_000)
    expect(w.topSpacer + (500_000 - w.start) * 36).toBeCloseTo(s, 3)
    expectConsistent(s, huge, 500_000)
  })

  test('scrollTopAt inverts positionAt', () => {
    for (const pos of [0, 1234.5, 500_000, 999_989]) {
      expect(positionAt(scrollTopAt(pos, huge), huge)).toBeCloseTo(pos, 3)
    }
  })
})

describe('positionForRow', () => {
  test('keeps a visible row where it is', () => {
    expect(positionForRow(5, 0, small)).toBe(0)
  })
  test('scrolls down just enough to show a row below', () => {
    // 364 / 36 = 10.11 rows in view: row 10 needs position 0.888…
    expect(positionForRow(10, 0, small)).toBeCloseTo(11 - 364 / 36, 9)
  })
  test('scrolls up to put a row above at the top', () => {
    expect(positionForRow(3, 50, small)).toBe(3)
  })
  test('clamps to the last position', () => {
    expect(positionForRow(999_999, 0, huge)).toBeCloseTo(1_000_000 - 364 / 36, 6)
  })
})

test('rowsPerViewport is whole rows, at least 1', () => {
  expect(rowsPerViewport(small)).toBe(10)
  expect(rowsPerViewport({ rowHeight: 36, viewportHeight: 10 })).toBe(1)
})
