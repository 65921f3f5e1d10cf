/**
 * `<smith-list>`: Appsmith's LIST_WIDGET_V2 — a template of widgets repeated per item of
 * `listData`, with `currentItem`, `currentIndex` and `currentView` in the template's
 * bindings.
 *
 * ```html
 * <smith-list name="List1" list-data="{{getUsers.data}}" item-height="64"
 *             on-item-click="{{showAlert(List1.selectedItem.name)}}">
 *   <template>
 *     <smith-text text="{{currentItem.name}}"></smith-text>
 *     <smith-button label="Delete" on-click="{{deleteUser.run({ id: currentItem.id })}}"></smith-button>
 *   </template>
 * </smith-list>
 * ```
 *
 * Items are stamped from the `<template>` into light DOM, one `<div data-smith-item>`
 * each, and bound by the runtime in a scope of their own (src/list-scope.ts). Only the
 * items in view are stamped (fixed item height, the table's windowing math in
 * row-window.ts), so 10,000 items cost a screenful of widgets. With `pageSize` > 0 the
 * list pages instead, client side or — `serverSidePagination` — by asking the app for
 * the page (`onPageChange`, reading `List1.pageNo`).
 *
 * Keyboard: items form one tab stop; Up/Down/Home/End move between items, Enter/Space
 * (on the item itself) selects and fires `onItemClick`.
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { withListItems } from '../../src/feature-install'
import { batch } from '../../src/reactive'
import type { ItemBinder } from '../../src/list-scope'
import { ITEM_ATTRIBUTE } from '../../src/widget-contract'
import { computeWindow, positionForRow, scrollTopAt } from '../row-window'
import type { WindowParams } from '../row-window'
import { SmithElement, baseStyles } from '../smith-element'
import { ListItems } from './list-items'
import { itemKeyMove } from './list-keys'
import { listPager } from './list-pager'
import { listStyles } from './list-styles'

/**
 * A repeating list.
 *
 * Properties: `listData`, `itemHeight` (px, fixed), `height` (px of the scroll area; 0:
 * as tall as the items), `itemSpacing`, `pageSize` (0: every item in one windowed
 * scroll), `serverSidePagination`, `totalRecordsCount`, `primaryKeys`.
 * Meta: `selectedItem`, `selectedItemIndex`, `selectedItemKey`, `selectedItemView`,
 * `triggeredItem`, `triggeredItemIndex`, `triggeredItemKey`, `triggeredItemView`, `pageNo`.
 * Events: `onItemClick`, `onPageChange`.
 */
export class SmithList extends SmithElement {
  // The runtime binds items through its list-scope part: whatever bundle holds the list holds it.
  static {
    withListItems()
  }

  static override properties: PropertyDeclarations = {
    listData: { attribute: 'list-data', type: Array },
    itemHeight: { attribute: 'item-height', type: Number },
    height: { type: Number },
    itemSpacing: { attribute: 'item-spacing', type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    serverSidePagination: { attribute: 'server-side-pagination', type: Boolean },
    totalRecordsCount: { attribute: 'total-records-count', type: Number },
    primaryKeys: { attribute: false },
  }

  static override metaDefaults: Record<string, unknown> = {
    selectedItem: undefined,
    selectedItemIndex: -1,
    selectedItemKey: undefined,
    selectedItemView: {},
    triggeredItem: undefined,
    triggeredItemIndex: -1,
    triggeredItemKey: undefined,
    triggeredItemView: {},
    pageNo: 1,
  }

  static override styles = [baseStyles, listStyles]

  /** The items. */
  declare listData: unknown[]
  /** Height of every item, in px. */
  declare itemHeight: number
  /** Height of the scroll area, in px; 0 grows with the items (no windowing benefit). */
  declare height: number
  /** Space between items, in px. */
  declare itemSpacing: number
  /** Items per page; 0 shows every item in one windowed scroll. */
  declare pageSize: number
  /** `listData` is the current page only; `onPageChange` fetches the next. */
  declare serverSidePagination: boolean
  /** With server-side pagination: the number of items on every page together. */
  declare totalRecordsCount: number
  /** One key per item (`List1.listData.map(i => i.id)`); by default the index. */
  declare primaryKeys: unknown[] | undefined

  readonly #items = new ListItems(this)
  #scrollTop = 0
  #viewportHeight = 0
  /** The item position with keyboard focus (index into the shown items). */
  #focusAt = 0

  constructor() {
    super()
    this.listData = []
    this.itemHeight = 80
    this.height = 400
    this.itemSpacing = 8
    this.pageSize = 0
    this.serverSidePagination = false
    this.totalRecordsCount = 0
    this.primaryKeys = undefined
  }

  #binder: ItemBinder | null = null

  /**
   * Set by the runtime (src/list-scope.ts): binds each stamped item in a scope of its own.
   * Not a declared property, so no binding can set it; setting it binds the items shown.
   */
  get itemBinder(): ItemBinder | null {
    return this.#binder
  }

  set itemBinder(binder: ItemBinder | null) {
    this.#binder = binder
    this.#items.rebind()
    this.requestUpdate()
  }

  /** The data as an array (a binding may yield anything). */
  get data(): unknown[] {
    return Array.isArray(this.listData) ? this.listData : []
  }

  /** The items shown now: the page's, or all of them. */
  get shown(): { start: number; count: number } {
    const total = this.data.length
    if (this.pageSize > 0 && !this.serverSidePagination) {
      const start = (this.pageNo - 1) * this.pageSize
      return { start: Math.min(start, total), count: Math.max(0, Math.min(this.pageSize, total - start)) }
    }
    return { start: 0, count: total }
  }

  get pageNo(): number {
    return this.getMeta<number>('pageNo')
  }

  /** Number of pages (1 when not paging). */
  get pageCount(): number {
    if (this.pageSize <= 0) return 1
    const total = this.serverSidePagination ? Math.max(this.totalRecordsCount || 0, this.data.length) : this.data.length
    return Math.max(1, Math.ceil(total / this.pageSize))
  }

  /** The key of the item at a data index: `primaryKeys[i]`, else the index. */
  keyAt(index: number): unknown {
    return Array.isArray(this.primaryKeys) && index < this.primaryKeys.length ? this.primaryKeys[index] : index
  }

  #params(): WindowParams {
    return { rowCount: this.shown.count, rowHeight: this.#stride(), viewportHeight: this.#viewportHeight || this.height || this.#stride() * this.shown.count }
  }

  #stride(): number {
    return Math.max(1, (Number(this.itemHeight) || 80) + Math.max(0, Number(this.itemSpacing) || 0))
  }

  /** Selects the item at a data index and fires `onItemClick`, as a click on it does. */
  selectItem(index: number): void {
    const item = this.data[index]
    if (item === undefined) return
    this.#mark('selected', index)
    this.trigger('onItemClick')
  }

  /** Called by an item before one of its widgets' events runs (`triggeredItem`). */
  markTriggered(index: number): void {
    this.#mark('triggered', index)
  }

  /** Sets `<kind>Item`, `…Index`, `…Key` and `…View` to the item at `index`. */
  #mark(kind: 'selected' | 'triggered', index: number): void {
    batch(() => {
      this.setMeta(`${kind}Item`, this.data[index])
      this.setMeta(`${kind}ItemIndex`, index)
      this.setMeta(`${kind}ItemKey`, this.keyAt(index))
      this.setMeta(`${kind}ItemView`, this.#items.viewOf(index))
    })
  }

  /** Goes to a page (1-based) and fires `onPageChange`. */
  setPage(pageNo: number): void {
    const page = Math.min(Math.max(1, Math.floor(pageNo)), this.pageCount)
    if (page === this.pageNo) return
    this.setMeta('pageNo', page)
    this.#scrollTop = 0
    const scroller = this.#scroller()
    if (scroller) scroller.scrollTop = 0
    this.trigger('onPageChange')
  }

  /** Scrolls so the item at a position among the shown items is in view. */
  scrollToItem(position: number): void {
    const p = this.#params()
    const scroller = this.#scroller()
    if (!scroller) return
    const current = this.#scrollTop / p.rowHeight
    scroller.scrollTop = scrollTopAt(positionForRow(position, current, p), p)
    this.#scrollTop = scroller.scrollTop
    this.requestUpdate()
  }

  #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller')
  }

  #onScroll = (event: Event): void => {
    this.#scrollTop = (event.currentTarget as HTMLElement).scrollTop
    this.requestUpdate()
  }

  #onClick = (event: MouseEvent): void => {
    const item = this.#items.itemOf(event.target as Element)
    if (item !== null) {
      this.#focusAt = item - this.shown.start
      this.selectItem(item)
    }
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const target = event.target as Element
    if (!target.hasAttribute?.(ITEM_ATTRIBUTE)) return // keys inside an item's widgets are theirs
    const index = this.#items.itemOf(target)
    if (index === null) return
    const { start, count } = this.shown
    const at = itemKeyMove(event.key, index - start, count)
    if (at === null) return
    event.preventDefault()
    if (at === 'select') return this.selectItem(index)
    this.#focusAt = at
    this.scrollToItem(at)
    void this.updateComplete.then(() => this.#items.focus(start + at))
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('click', this.#onClick)
    this.addEventListener('keydown', this.#onKeydown)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('click', this.#onClick)
    this.removeEventListener('keydown', this.#onKeydown)
    this.#items.clear()
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#scrollTop = 0
    const scroller = this.#scroller()
    if (scroller) scroller.scrollTop = 0
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New data or paging: a page number past the end goes back to the last page.
    if ((changed.has('listData') || changed.has('pageSize')) && this.pageNo > this.pageCount) this.setMeta('pageNo', this.pageCount)
  }

  protected override updated(): void {
    const scroller = this.#scroller()
    if (!scroller) return
    const { start, count } = this.shown
    const stride = this.#stride()
    // Sized through CSSOM (the page's CSP refuses style attributes).
    scroller.style.height = this.height > 0 ? `${this.height}px` : ''
    this.#viewportHeight = this.height > 0 ? scroller.clientHeight || this.height : stride * count
    const win = computeWindow(this.#scrollTop, this.#params())
    const top = this.renderRoot.querySelector<HTMLElement>('.spacer-top')!
    const bottom = this.renderRoot.querySelector<HTMLElement>('.spacer-bottom')!
    top.style.height = `${win.topSpacer}px`
    bottom.style.height = `${Math.max(0, win.bottomSpacer - (Number(this.itemSpacing) || 0))}px`
    const focus = Math.min(Math.max(0, this.#focusAt), Math.max(0, count - 1))
    this.#items.render(start + win.start, start + win.end, {
      height: Number(this.itemHeight) || 80,
      spacing: Math.max(0, Number(this.itemSpacing) || 0),
      selected: this.getMeta<number>('selectedItemIndex'),
      focusable: start + focus,
    })
  }

  protected override render(): TemplateResult {
    const { count } = this.shown
    return html`${this.renderErrors()}
      <div class="scroller" part="scroller" @scroll=${this.#onScroll}>
        <div class="spacer-top"></div>
        <div role="list" part="list" aria-label=${this.name || 'List'} aria-busy=${this.loading ? 'true' : 'false'}><slot></slot></div>
        <div class="spacer-bottom"></div>
        ${count === 0 && !this.loading ? html`<p class="empty">No items.</p>` : nothing}
      </div>
      ${this.pageSize > 0 ? listPager(this) : nothing}`
  }
}
