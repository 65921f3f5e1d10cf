/**
 * One Appsmith page's DSL → the page's HTML fragment and stylesheet, with what the
 * report counts. Widgets keep their Appsmith names; properties and events named in
 * ./widget-map.ts become attributes (a value with `{{ }}` stays a binding, other
 * values are written so the widget gets their type: `{{true}}`, `{{5}}`, `{{[…]}}`);
 * unknown types become `<smith-placeholder>` of the same cell, and their children
 * are left out and counted. A list's item template goes into its `<template>`.
 */
import { attributeValue, escapeAttr, hasBinding, kebab } from './attributes'
import { CONTAINER_TYPES, mappingFor } from './widget-map'
import { gridArea, pageStylesheet, placementRules, readingOrder } from './layout'
import { listTemplate } from './list-template'
import { buttonGroupChildren, menuButtonChildren } from './menu-items'
import { ITEM_ATTRIBUTE } from '../widget-contract'
import type { DslWidget } from './source'
import type { ColumnsReport } from './table-columns'

/** What converting a page found. */
export interface PageStats {
  /** Widgets with a smithlet widget, by smith tag (canvases not counted). */
  readonly mapped: Record<string, number>
  /** Placeholders by Appsmith type. */
  readonly placeholders: Record<string, number>
  /** Widgets inside placeholders, left out. */
  skippedInside: number
  /** Attributes that hold bindings, and `on-…` triggers. */
  bindings: number
  triggers: number
}

/** A converted page. */
export interface ConvertedPage {
  readonly html: string
  readonly css: string
  readonly stats: PageStats
  /** What did not carry over inside mapped widgets (dynamic menu items…), for the report. */
  readonly notes: readonly string[]
}

/** Converts a page. `page` names the page (its CSS scope). */
export function convertPage(page: string, dsl: DslWidget): ConvertedPage {
  const stats: PageStats = { mapped: {}, placeholders: {}, skippedInside: 0, bindings: 0, triggers: 0 }
  const desktop: string[] = []
  const narrow: string[] = []
  const extra: string[] = []
  const scope = `.smith-page[data-page=${JSON.stringify(page)}]`
  const notes: string[] = []

  const countAll = (w: DslWidget): number => (w.children ?? []).reduce((n, c) => n + (c.type === 'CANVAS_WIDGET' ? 0 : 1) + countAll(c), 0)

  const attrsFor = (w: DslWidget, props: readonly string[], events: readonly string[], rename: Readonly<Record<string, string>>): string => {
    let out = ''
    for (const prop of props) {
      const value = attributeValue(w[prop])
      if (value === null || value === '') continue
      if (hasBinding(value)) stats.bindings++
      out += ` ${kebab(rename[prop] ?? prop)}="${escapeAttr(value)}"`
    }
    const triggers = new Set((w.dynamicTriggerPathList ?? []).map((t) => t.key))
    for (const event of events) {
      const code = w[event]
      if (typeof code !== 'string' || code.trim() === '' || (!triggers.has(event) && !hasBinding(code))) continue
      stats.triggers++
      out += ` on-${kebab(event.replace(/^on/, '')).replace(/^-/, '')}="${escapeAttr(code)}"`
    }
    const visible = w.isVisible
    if (visible === false || visible === 'false') out += ' is-visible="false"'
    else if (typeof visible === 'string' && hasBinding(visible)) {
      stats.bindings++
      out += ` is-visible="${escapeAttr(visible)}"`
    }
    return out
  }

  const emit = (w: DslWidget, depth: number): string => {
    const pad = '  '.repeat(depth)
    const name = w.widgetName
    const mapping = mappingFor(w.type)
    const isCanvas = w.type === 'CANVAS_WIDGET'
    if (!isCanvas && w.type !== 'MODAL_WIDGET') {
      const rules = placementRules(scope, name, gridArea(w))
      desktop.push(rules.desktop)
      narrow.push(rules.narrow)
    }
    if (mapping === undefined) {
      stats.placeholders[w.type] = (stats.placeholders[w.type] ?? 0) + 1
      stats.skippedInside += countAll(w)
      return `${pad}<smith-placeholder name="${escapeAttr(name)}" type="${escapeAttr(w.type)}"></smith-placeholder>\n`
    }
    if (!isCanvas) stats.mapped[mapping.tag] = (stats.mapped[mapping.tag] ?? 0) + 1
    let attrs = isCanvas ? '' : ` name="${escapeAttr(name)}"`
    if (isCanvas && typeof w.tabId === 'string') attrs += ` tab-id="${escapeAttr(w.tabId)}" tab-name="${escapeAttr(String(w.tabName ?? w.tabId))}"`
    attrs += attrsFor(w, mapping.props, mapping.events ?? [], mapping.rename ?? {})
    if (mapping.derived) {
      const report: ColumnsReport = { bindings: 0, notes }
      for (const [attr, value] of Object.entries(mapping.derived(w, report))) if (value !== null) attrs += ` ${attr}="${escapeAttr(value)}"`
      stats.bindings += report.bindings
      stats.triggers += report.triggers ?? 0
    }
    if (w.type === 'MODAL_WIDGET') {
      attrs += ' hidden'
      const width = typeof w.width === 'number' ? `--smith-modal-width: ${Math.round(w.width)}px; ` : ''
      const height = typeof w.height === 'number' ? `--smith-modal-height: ${Math.round(w.height)}px; ` : ''
      if (width || height) extra.push(`${scope} [name=${JSON.stringify(name)}] { ${width}${height}}`)
    }
    if (w.type === 'CONTAINER_WIDGET' || w.type === 'FORM_WIDGET') {
      const bg = typeof w.backgroundColor === 'string' && !hasBinding(w.backgroundColor) ? `--smith-container-background: ${cssValue(w.backgroundColor)}; ` : ''
      const border = typeof w.borderColor === 'string' && !hasBinding(w.borderColor) ? `--smith-container-border: ${cssValue(w.borderColor)}; ` : ''
      const bw = w.borderWidth !== undefined && !hasBinding(String(w.borderWidth)) ? `--smith-container-border-width: ${Number(w.borderWidth) || 0}px; ` : ''
      if (bg || border || bw) extra.push(`${scope} [name=${JSON.stringify(name)}] { ${bg}${border}${bw}}`)
    }
    if (w.type === 'BUTTON_WIDGET' && w.resetFormOnClick === true) attrs += ' reset-form-on-click'
    if (w.type === 'BUTTON_WIDGET' && w.disabledWhenInvalid === true) attrs += ' disabled-when-invalid'
    let inner: string
    if (w.type === 'LIST_WIDGET_V2') {
      // The item template: see ./list-template.ts. Each item's top widgets fill the item.
      const template = listTemplate(w)
      attrs += ` item-height="${template.itemHeight}" height="0"`
      for (const c of template.widgets) extra.push(`${scope} [${ITEM_ATTRIBUTE}] > [name=${JSON.stringify(c.widgetName)}] { height: 100%; }`)
      const items = readingOrder(template.widgets).map((c) => emit(c, depth + 2)).join('')
      inner = `${pad}  <template>\n${items}${pad}  </template>\n`
    } else if (w.type === 'MENU_BUTTON_WIDGET' || w.type === 'BUTTON_GROUP_WIDGET') {
      // Items and buttons are kept inside one property in Appsmith: see ./menu-items.ts.
      const counts = { bindings: 0, triggers: 0, notes }
      inner = (w.type === 'MENU_BUTTON_WIDGET' ? menuButtonChildren : buttonGroupChildren)(w, `${pad}  `, counts)
      stats.bindings += counts.bindings
      stats.triggers += counts.triggers
    } else {
      inner = readingOrder(w.children ?? []).map((c) => emit(c, depth + 1)).join('')
    }
    // A container's own children are canvases; a canvas child of a tabs/container fills it.
    void CONTAINER_TYPES
    return `${pad}<${mapping.tag}${attrs}>${inner === '' ? '' : `\n${inner}${pad}`}</${mapping.tag}>\n`
  }

  const body = readingOrder(dsl.children ?? []).map((c) => emit(c, 1)).join('')
  const html = `<smith-canvas class="smith-page" data-page="${escapeAttr(page)}">\n${body}</smith-canvas>\n`
  return { html, css: pageStylesheet(page, scope, desktop, narrow, extra), stats, notes }
}

/** A colour or similar value fit for a declaration (anything that could end it is dropped). */
function cssValue(value: string): string {
  return /^[#\w\s(),.%-]+$/.test(value) ? value.trim() : 'initial'
}
