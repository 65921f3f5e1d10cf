/**
 * Appsmith's LIST_WIDGET_V2 keeps its item template as a tree: the list → its main
 * canvas → the item container (`mainContainerId`) → that container's canvas → the item's
 * widgets. smithlet's `<smith-list>` repeats a `<template>` instead, bound per item with
 * `currentItem`/`currentIndex`/`currentView` (src/list-scope.ts), so the importer emits
 * the main canvas's children inside the list's `<template>` and the item height is the
 * template's height on that canvas.
 */
import { ROW_HEIGHT } from './layout'
import type { DslWidget } from './source'

/** The template of a list: the widgets of one item and the item height in px. */
export interface ListTemplate {
  readonly widgets: readonly DslWidget[]
  readonly itemHeight: number
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** Reads a LIST_WIDGET_V2's template (an empty template when the export has none). */
export function listTemplate(list: DslWidget): ListTemplate {
  const canvas = (list.children ?? []).find((c) => c.type === 'CANVAS_WIDGET')
  const widgets = canvas?.children ?? []
  let top = Infinity
  let bottom = -Infinity
  let rowSpace = ROW_HEIGHT
  for (const w of widgets) {
    top = Math.min(top, num(w.topRow) ?? 0)
    bottom = Math.max(bottom, num(w.bottomRow) ?? 0)
    const space = num(w.parentRowSpace)
    if (space !== undefined && space > 1) rowSpace = space
  }
  const fromRows = bottom > top ? (bottom - top) * rowSpace : 0
  const itemHeight = Math.round(fromRows || num(list.templateHeight) || 80)
  return { widgets, itemHeight }
}
