/**
 * The list's stamped items: copies of its `<template>` in light DOM, one per item in the
 * window, each bound by the runtime's item binder (src/list-scope.ts) and unbound when it
 * leaves the window. A reactive controller in all but name: the list calls it from its
 * update cycle, and it owns nothing but the item elements and their bindings.
 */
import type { ItemHandle } from '../../src/list-scope'
import { ITEM_ATTRIBUTE } from '../../src/widget-contract'
import type { SmithList } from './list'

interface Stamped {
  readonly el: HTMLElement
  handle: ItemHandle | null
}

/** How the items in the window look. */
export interface ItemLayout {
  height: number
  spacing: number
  /** Data index of the selected item (-1: none). */
  selected: number
  /** Data index of the item that holds the tab stop. */
  focusable: number
}

export class ListItems {
  readonly #host: SmithList
  /** Data index → stamped item, for the items in the window. */
  readonly #items = new Map<number, Stamped>()

  constructor(host: SmithList) {
    this.#host = host
  }

  #template(): HTMLTemplateElement | null {
    for (const child of this.#host.children) if (child instanceof HTMLTemplateElement) return child
    return null
  }

  /** Stamps the items `[from, to)` of the data, unstamps the rest, and lays them out. */
  render(from: number, to: number, layout: ItemLayout): void {
    const data = this.#host.data
    for (const [index, item] of this.#items) {
      if (index < from || index >= to) this.#remove(index, item)
    }
    const template = this.#template()
    // The tab stop stays on a stamped item: the focused one, or the nearest in the window.
    const focusable = Math.min(Math.max(layout.focusable, from), to - 1)
    let next: Element | null = null // the stamped element after the one being placed
    for (let index = to - 1; index >= from; index--) {
      let item = this.#items.get(index)
      if (!item) {
        const el = document.createElement('div')
        el.setAttribute(ITEM_ATTRIBUTE, '')
        el.setAttribute('role', 'listitem')
        el.dataset.index = String(index)
        if (template) el.append(template.content.cloneNode(true))
        // In document order, so the slot shows the items in order.
        this.#host.insertBefore(el, next)
        item = { el, handle: null }
        this.#items.set(index, item)
        this.#bind(index, item)
      } else {
        item.handle?.update({ currentItem: data[index], currentIndex: index })
      }
      const { el } = item
      el.style.height = `${layout.height}px`
      el.style.marginBottom = index < data.length - 1 ? `${layout.spacing}px` : ''
      el.tabIndex = index === focusable ? 0 : -1
      el.setAttribute('aria-posinset', String(index + 1))
      el.setAttribute('aria-setsize', String(data.length))
      if (index === layout.selected) el.setAttribute('aria-current', 'true')
      else el.removeAttribute('aria-current')
      next = el
    }
  }

  #bind(index: number, item: Stamped): void {
    const binder = this.#host.itemBinder
    if (!binder) return
    item.handle = binder(item.el, { currentItem: this.#host.data[index], currentIndex: index }, () => {
      const at = Number(item.el.dataset.index)
      this.#host.markTriggered(at)
    })
  }

  #remove(index: number, item: Stamped): void {
    item.handle?.dispose()
    item.el.remove()
    this.#items.delete(index)
  }

  /** Binds every stamped item again (the runtime's binder arrived or changed). */
  rebind(): void {
    for (const [index, item] of this.#items) {
      item.handle?.dispose()
      item.handle = null
      this.#bind(index, item)
    }
  }

  /** The item's widgets by name, or `{}` when it is not stamped. */
  viewOf(index: number): Readonly<Record<string, unknown>> {
    return this.#items.get(index)?.handle?.view ?? {}
  }

  /** The data index of the item an element is in, or null. */
  itemOf(target: Element | null): number | null {
    const el = target?.closest?.(`[${ITEM_ATTRIBUTE}]`) as HTMLElement | null | undefined
    if (!el || el.parentElement !== this.#host) return null
    const index = Number(el.dataset.index)
    return Number.isInteger(index) ? index : null
  }

  /** Focuses the item at a data index, if stamped. */
  focus(index: number): void {
    this.#items.get(index)?.el.focus()
  }

  /** How many items are stamped (for tests and benchmarks). */
  get size(): number {
    return this.#items.size
  }

  /** Unstamps everything. */
  clear(): void {
    for (const [index, item] of this.#items) this.#remove(index, item)
  }
}
