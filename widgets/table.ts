/**
 * `<smith-table>`: a windowed data grid over a real `<table>`.
 *
 * ```html
 * <smith-table name="Table1" table-data="{{getusers_API.data.results}}" page-size="50"
 *              on-row-selected="{{showAlert(Table1.selectedRow.name)}}"></smith-table>
 * ```
 *
 * Only the rows in view (plus an overscan) are in the DOM, between two spacer rows whose
 * heights stand in for the rest; see row-window.ts for the math, which also keeps row
 * 999,999 of 1,000,000 reachable under the browsers' element-height cap. Filtering,
 * sorting and paging are pure functions in table-model.ts.
 *
 * Cells are text. Row data is never HTML and never code: every value goes through a Lit
 * text binding, and a `link` cell becomes an `<a>` only for an absolute http(s) URL.
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { repeat } from 'lit/directives/repeat.js'
import { batch } from '../src/reactive'
import { SmithElement, baseStyles } from './smith-element'
import { downloadCSV, toCSV } from './csv'
import {
  allIndices,
  applyModel,
  cellValue,
  describeType,
  formatCell,
  nextSortOrder,
  pageBounds,
  resolveColumns,
  safeHref,
  validateColumns,
} from './table-model'
import type { Column, ColumnConfig, SortOrder } from './table-model'
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

/** Delay between the last keystroke in the search box and `onSearchTextChanged`, in ms. */
export const SEARCH_DEBOUNCE_MS = 300

/** Page sizes offered by the rows-per-page control (the configured size is added). */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 25, 50, 100]

const DEFAULT_HEIGHT = 400
const DEFAULT_ROW_HEIGHT = 36

/** The data the grid shows, derived from `tableData`, `columns` and the search/sort meta. */
interface Model {
  /** `tableData` when it is an array, else empty. */
  rows: readonly unknown[]
  columns: Column[]
  /** Client mode: filtered, sorted indices into `rows` across all pages. Server mode: null (rows as given). */
  indices: number[] | null
  /** Why `tableData` cannot be shown, when it cannot. */
  dataError?: string
  /** Why `columns` was ignored, when it was. */
  columnsError?: string
}

/** What the model was computed from; a change of any of these recomputes it. */
interface ModelInputs {
  data: unknown
  columns: unknown
  server: boolean
  searchText: string
  sortColumn: string
  sortOrder: string
}

/** The page currently shown, as a slice of the model's rows. */
interface Page {
  /** 1-based page number. */
  pageNo: number
  /** Number of pages, when known (server mode needs `totalRecordsCount`). */
  pageCount: number | undefined
  /** Slice of `indices` (client) or `rows` (server) on this page. */
  start: number
  end: number
  /** Whether there is a next page. */
  hasNext: boolean
}

/** A cell position: `row` is a position on the current page, -1 for the header row. */
interface CellPos {
  row: number
  col: number
}

/**
 * A data table: search, sort, pagination (client or server side), row selection, CSV
 * download and WAI-ARIA grid keyboard navigation, windowed to stay fast at a million rows.
 *
 * Properties: `tableData` (`table-data`), `columns`, `pageSize` (`page-size`),
 * `serverSidePagination` (`server-side-pagination`), `totalRecordsCount`
 * (`total-records-count`), `height`, `rowHeight` (`row-height`), plus `name`, `errors`,
 * `loading` from {@link SmithElement}.
 *
 * Meta: `selectedRow`, `selectedRowIndex`, `triggeredRow`, `pageNo`, `pageSize`,
 * `searchText`, `sortOrder`, `filteredTableData`.
 *
 * Events: `onRowSelected`, `onPageChange`, `onPageSizeChange`, `onSearchTextChanged`, `onSort`.
 */
export class SmithTable extends SmithElement {
  static override properties: PropertyDeclarations = {
    tableData: { type: Array, attribute: 'table-data' },
    columns: { type: Array },
    pageSize: { type: Number, attribute: 'page-size' },
    serverSidePagination: { type: Boolean, attribute: 'server-side-pagination' },
    totalRecordsCount: { type: Number, attribute: 'total-records-count' },
    height: { type: Number },
    rowHeight: { type: Number, attribute: 'row-height' },
  }

  static override metaDefaults: Record<string, unknown> = {
    selectedRow: {},
    selectedRowIndex: -1,
    triggeredRow: {},
    pageNo: 1,
    pageSize: 0,
    searchText: '',
    sortOrder: { column: '', order: '' },
    filteredTableData: [],
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        --smith-table-border: #d1d5db;
        --smith-table-header-bg: #f3f4f6;
        --smith-table-selected-bg: #dbeafe;
        --smith-table-hover-bg: #f9fafb;
        --smith-table-focus: #2563eb;
        border: 1px solid var(--smith-table-border);
        border-radius: 6px;
        overflow: hidden;
        background: #fff;
      }
      .toolbar,
      .footer {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.4rem 0.5rem;
        font-size: 0.875em;
      }
      .toolbar {
        border-bottom: 1px solid var(--smith-table-border);
      }
      .footer {
        justify-content: flex-end;
        border-top: 1px solid var(--smith-table-border);
      }
      .search {
        flex: 0 1 16rem;
        min-width: 6rem;
        padding: 0.3rem 0.5rem;
        border: 1px solid #9ca3af;
        border-radius: 4px;
        font: inherit;
      }
      .spacer-flex {
        flex: 1;
      }
      button,
      select {
        font: inherit;
        padding: 0.25rem 0.6rem;
        border: 1px solid #9ca3af;
        border-radius: 4px;
        background: #fff;
        color: inherit;
        cursor: pointer;
      }
      button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .grid-wrap {
        position: relative;
      }
      .scroller {
        position: relative;
        overflow: auto;
        overscroll-behavior: contain;
        /* Scroll anchoring would shift scrollTop whenever the top spacer changes height,
           fighting the windowing math; the spacers already keep the content in place. */
        overflow-anchor: none;
      }
      table {
        width: 100%;
        border-collapse: separate;
        border-spacing: 0;
        /* Fixed layout: column widths must not change as rows scroll in and out. */
        table-layout: fixed;
      }
      tr {
        height: var(--smith-row-height, 36px);
      }
      th,
      td {
        padding: 0 0.6rem;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        text-align: left;
        border-bottom: 1px solid var(--smith-table-border);
      }
      th {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--smith-table-header-bg);
        font-weight: 600;
        cursor: pointer;
        user-select: none;
      }
      .sort-indicator {
        display: inline-block;
        width: 1em;
        margin-left: 0.25em;
        color: #6b7280;
      }
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      tbody tr[data-pos] {
        cursor: pointer;
      }
      tbody tr[data-pos]:hover {
        background: var(--smith-table-hover-bg);
      }
      tbody tr[aria-selected='true'] {
        background: var(--smith-table-selected-bg);
      }
      th:focus,
      td:focus {
        outline: 2px solid var(--smith-table-focus);
        outline-offset: -2px;
      }
      tr.spacer,
      tr.spacer > td {
        height: 0;
        padding: 0;
        border: 0;
      }
      .empty {
        margin: 0;
        padding: 1.5rem;
        text-align: center;
        color: #6b7280;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        margin: 0;
        background: rgb(255 255 255 / 0.7);
        z-index: 2;
      }
      .page-info {
        min-width: 6rem;
        text-align: center;
      }
      .error {
        margin: 0.5rem;
      }
    `,
  ]

  /** Rows to show: an array of objects (Appsmith's `tableData`). `null`/`undefined` show as empty. */
  declare tableData: unknown
  /** Column configuration; columns are inferred from the rows when unset. */
  declare columns: ColumnConfig[] | undefined
  /**
   * Rows per page; 0 turns pagination off in client mode (all rows in one windowed page).
   * In server mode 0 means "as many rows as fit the viewport". Mirrored into meta `pageSize`.
   */
  declare pageSize: number
  /** `tableData` is the current page of a server-side query: no client-side search, sort or paging. */
  declare serverSidePagination: boolean
  /** Server mode: the total row count, for "Page X of Y" and `aria-rowcount`. */
  declare totalRecordsCount: number | undefined
  /** Height of the scroll area (header included), in px. */
  declare height: number
  /** Height of every row, in px. */
  declare rowHeight: number

  #model: Model = { rows: [], columns: [], indices: [] }
  #inputs: ModelInputs | undefined
  #page: Page = { pageNo: 1, pageCount: 1, start: 0, end: 0, hasNext: false }
  #window: RowWindow = { start: 0, end: 0, first: 0, topSpacer: 0, bottomSpacer: 0, scrollHeight: 0 }
  /** The scroll container's scrollTop as last seen or set. */
  #scrollTop = 0
  /** `#scrollTop` was changed by the widget and must be written to the container after render. */
  #scrollPending = false
  /**
   * Scaled mode only: the row position we scrolled to for keyboard focus, valid while
   * scrollTop is still `scrollTop` (see `computeWindow`'s `position`).
   */
  #anchor: { scrollTop: number; position: number } | undefined
  /** The grid cell that holds the roving tab stop. */
  #active: CellPos = { row: 0, col: 0 }
  /** Move DOM focus to the active cell after the next render. */
  #focusPending = false
  /** What the search box shows; meta `searchText` follows it after the debounce. */
  #searchDraft = ''
  #searchTimer: ReturnType<typeof setTimeout> | undefined
  /** `tableData` as of the last update, to notice a new page arriving in server mode. */
  #lastData: unknown

  constructor() {
    super()
    this.tableData = undefined
    this.columns = undefined
    this.pageSize = 0
    this.serverSidePagination = false
    this.totalRecordsCount = undefined
    this.height = DEFAULT_HEIGHT
    this.rowHeight = DEFAULT_ROW_HEIGHT
  }

  // ---------------------------------------------------------------- public API

  /** Rendered rows, as positions on the current page (`end` exclusive) — for tests and tools. */
  get visibleRange(): { start: number; end: number; first: number } {
    return { start: this.#window.start, end: this.#window.end, first: this.#window.first }
  }

  /** Rows on the current page (what the grid scrolls through). */
  get pageRowCount(): number {
    return this.#page.end - this.#page.start
  }

  /** The visible columns as resolved from `columns` or the data. */
  get visibleColumns(): readonly Column[] {
    return this.#model.columns
  }

  /**
   * The rows as filtered and sorted (every page; in server mode the rows given) with the
   * visible columns, as RFC 4180 CSV with spreadsheet formulas neutralised.
   */
  toCSV(): string {
    this.#ensureModel()
    const { rows, columns, indices } = this.#model
    const order = indices ?? allIndices(rows.length)
    const lines = function* (): Generator<unknown[]> {
      for (const i of order) {
        yield columns.map((c) => {
          const v = cellValue(rows[i], c.key)
          // Numbers stay numbers so a spreadsheet can sum them; the rest as displayed.
          return typeof v === 'number' ? v : formatCell(v, c.type)
        })
      }
    }
    return toCSV(
      columns.map((c) => c.label),
      lines(),
    )
  }

  /** Downloads {@link toCSV} as `<name>.csv`. */
  downloadCSV(): void {
    downloadCSV(this.toCSV(), this.name || 'table', this.renderRoot as ShadowRoot)
  }

  /** Restores the default meta state and clears the search box and scroll position. */
  override resetMeta(): void {
    clearTimeout(this.#searchTimer)
    this.#searchTimer = undefined
    this.#searchDraft = ''
    super.resetMeta()
    this.setMeta('pageSize', this.#configuredPageSize())
    this.#setScroll(0)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    // A pending search must not fire into a detached widget (or keep the page alive).
    clearTimeout(this.#searchTimer)
    this.#searchTimer = undefined
  }

  // ---------------------------------------------------------------- derived state

  /** Rows per page before the user picks another: the property, or what fits in server mode. */
  #configuredPageSize(): number {
    const size = Math.floor(Number(this.pageSize))
    if (size > 0) return size
    return this.serverSidePagination ? rowsPerViewport(this.#windowParams(0)) : 0
  }

  #rowHeight(): number {
    const h = Number(this.rowHeight)
    return Number.isFinite(h) && h > 0 ? h : DEFAULT_ROW_HEIGHT
  }

  #height(): number {
    const h = Number(this.height)
    return Number.isFinite(h) && h > 0 ? h : DEFAULT_HEIGHT
  }

  /** Windowing inputs; the sticky header row takes one row height off the viewport. */
  #windowParams(rowCount = this.pageRowCount): WindowParams {
    const rowHeight = this.#rowHeight()
    return {
      rowCount,
      rowHeight,
      viewportHeight: Math.max(rowHeight, this.#height() - rowHeight),
      overscan: DEFAULT_OVERSCAN,
    }
  }

  /** The fractional row at the top of the viewport. */
  #position(p: WindowParams): number {
    if (this.#anchor && this.#anchor.scrollTop === this.#scrollTop && isScaled(p)) return this.#anchor.position
    return positionAt(this.#scrollTop, p)
  }

  #computeWindow(): RowWindow {
    const p = this.#windowParams()
    return computeWindow(this.#scrollTop, p, this.#position(p))
  }

  /** Recomputes the model when anything it depends on changed. Returns whether it did. */
  #ensureModel(): boolean {
    const sort = this.getMeta<SortOrder>('sortOrder') ?? { column: '', order: '' }
    const inputs: ModelInputs = {
      data: this.tableData,
      columns: this.columns,
      server: !!this.serverSidePagination,
      searchText: String(this.getMeta('searchText') ?? ''),
      sortColumn: sort.column ?? '',
      sortOrder: sort.order ?? '',
    }
    const prev = this.#inputs
    if (prev && (Object.keys(inputs) as (keyof ModelInputs)[]).every((k) => prev[k] === inputs[k])) return false
    this.#inputs = inputs

    const data = inputs.data
    const model: Model = { rows: [], columns: [], indices: null }
    if (Array.isArray(data)) model.rows = data
    else if (data !== null && data !== undefined) {
      // null/undefined is "no data yet" (a query that has not run): the empty state, not an error.
      model.dataError = `tableData must be an array, got ${describeType(data)}`
    }
    const config = validateColumns(inputs.columns)
    if (typeof config === 'string') model.columnsError = config
    model.columns = resolveColumns(model.rows, typeof config === 'string' ? undefined : config)
    model.indices = inputs.server
      ? null
      : applyModel(model.rows, model.columns, {
          searchText: inputs.searchText,
          sortOrder: { column: inputs.sortColumn, order: inputs.sortOrder as SortOrder['order'] },
        })
    this.#model = model
    // Appsmith's filteredTableData is the rows as shown across pages (server: as given).
    this.setMeta('filteredTableData', model.indices ? model.indices.map((i) => model.rows[i]) : model.rows)
    return true
  }

  #computePage(): Page {
    const { rows, indices } = this.#model
    const pageNo = Math.max(1, Math.floor(Number(this.getMeta('pageNo'))) || 1)
    const size = Math.floor(Number(this.getMeta('pageSize'))) || 0
    if (indices) {
      const b = pageBounds(indices.length, pageNo, size)
      return { pageNo: b.pageNo, pageCount: b.pageCount, start: b.start, end: b.end, hasNext: b.pageNo < b.pageCount }
    }
    const total = Number(this.totalRecordsCount)
    const pageCount = size > 0 && Number.isFinite(total) && total > 0 ? Math.max(1, Math.ceil(total / size)) : undefined
    // Without a total, a full page suggests there is another (Appsmith's behaviour).
    const hasNext = pageCount !== undefined ? pageNo < pageCount : size > 0 && rows.length >= size
    return { pageNo, pageCount, start: 0, end: rows.length, hasNext }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('pageSize') ||
      changed.has('serverSidePagination') ||
      (this.serverSidePagination && (changed.has('height') || changed.has('rowHeight')))
    ) {
      this.setMeta('pageSize', this.#configuredPageSize())
    }

    const dataChanged = this.tableData !== this.#lastData
    this.#lastData = this.tableData
    if (dataChanged) this.#syncSelection()

    this.#ensureModel()

    const page = this.#computePage()
    // Data shrank under the current page (client mode): follow it silently, no event.
    if (this.#model.indices && page.pageNo !== this.getMeta('pageNo')) this.setMeta('pageNo', page.pageNo)
    const pageMoved = page.pageNo !== this.#page.pageNo
    this.#page = page

    // A new page of server data, or another client page, starts at the top.
    if (pageMoved || (dataChanged && this.serverSidePagination)) {
      this.#scrollTop = 0
      this.#scrollPending = true
    }

    // The active row is clamped where it is used (render, keys), so that a table that is
    // empty for a moment does not lose its place; the column is clamped here.
    const cols = this.#model.columns.length
    this.#active = { row: this.#active.row, col: Math.max(0, Math.min(this.#active.col, cols - 1)) }
    this.#window = this.#computeWindow()
  }

  /** Keeps `selectedRow` in step with `selectedRowIndex` when `tableData` changes. */
  #syncSelection(): void {
    const index = this.getMeta<number>('selectedRowIndex')
    if (index < 0) return
    const rows = Array.isArray(this.tableData) ? this.tableData : []
    batch(() => {
      // A new server page holds other records, so its selection does not carry over.
      if (this.serverSidePagination || index >= rows.length) {
        this.setMeta('selectedRowIndex', -1)
        this.setMeta('selectedRow', {})
      } else {
        this.setMeta('selectedRow', rows[index])
      }
    })
  }

  protected override updated(): void {
    const root = this.renderRoot
    // Sizes go through CSSOM, not style attributes: the demo's CSP forbids inline styles.
    this.style.setProperty('--smith-row-height', `${this.#rowHeight()}px`)
    // Spacers first, and no layout read before them: until they are set the rows just
    // rendered sit with the old spacers, the content is briefly the wrong height, and a
    // forced layout then would clamp scrollTop (off by a row at the very bottom).
    const top = root.querySelector<HTMLElement>('tr.spacer-top')
    const bottom = root.querySelector<HTMLElement>('tr.spacer-bottom')
    if (top) top.style.height = `${this.#window.topSpacer}px`
    if (bottom) bottom.style.height = `${this.#window.bottomSpacer}px`
    const scroller = root.querySelector<HTMLElement>('.scroller')
    if (scroller) {
      scroller.style.height = `${this.#height()}px`
      // Write scrollTop only when the widget moved it (a page change, a new server page):
      // reading it on every render would force a layout per scroll frame.
      if (this.#scrollPending) scroller.scrollTop = this.#scrollTop
    }
    this.#scrollPending = false
    const ths = root.querySelectorAll<HTMLElement>('thead th')
    this.#model.columns.forEach((c, i) => {
      const th = ths[i]
      if (th) th.style.width = c.width === undefined ? '' : typeof c.width === 'number' ? `${c.width}px` : c.width
    })
    if (this.#focusPending) {
      this.#focusPending = false
      // preventScroll: the widget has already scrolled; a browser's own scrollIntoView
      // would fight the scaled scroll mapping.
      root.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus({ preventScroll: true })
    }
  }

  // ---------------------------------------------------------------- scrolling

  /** Sets the scroll position (and the anchor row position in scaled mode). */
  #setScroll(scrollTop: number, position?: number): void {
    const scroller = this.renderRoot?.querySelector?.<HTMLElement>('.scroller')
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
    this.requestUpdate()
  }

  #onScroll = (e: Event): void => {
    const s = (e.currentTarget as HTMLElement).scrollTop
    if (s === this.#scrollTop) return
    this.#scrollTop = s
    const w = this.#computeWindow()
    const cur = this.#window
    // Render only when the window actually moved: unscaled, most scroll events stay
    // within one row and cost nothing.
    if (w.start !== cur.start || w.end !== cur.end || w.topSpacer !== cur.topSpacer) this.requestUpdate()
  }

  /** Scrolls the least amount that shows the row at page position `row` in full. */
  #scrollRowIntoView(row: number): void {
    const p = this.#windowParams()
    const current = this.#position(p)
    const target = positionForRow(row, current, p)
    if (target === current) return
    this.#setScroll(scrollTopAt(target, p), isScaled(p) ? target : undefined)
  }

  // ---------------------------------------------------------------- interaction

  /** Moves the roving tab stop (and DOM focus) to a cell, scrolling it into view. */
  #moveFocus(row: number, col: number): void {
    this.#active = { row, col }
    if (row >= 0) this.#scrollRowIntoView(row)
    this.#focusPending = true
    this.requestUpdate()
  }

  #selectRow(pos: number): void {
    const index = this.#originalIndex(pos)
    if (index === undefined) return
    const row = this.#model.rows[index]
    batch(() => {
      this.setMeta('selectedRowIndex', index)
      this.setMeta('selectedRow', row)
      // Appsmith sets triggeredRow for the row an action came from; a row click is one.
      this.setMeta('triggeredRow', row)
    })
    this.trigger('onRowSelected')
  }

  #sortBy(col: number): void {
    const column = this.#model.columns[col]
    if (!column) return
    this.setMeta('sortOrder', nextSortOrder(this.getMeta<SortOrder>('sortOrder'), column.key))
    this.trigger('onSort')
  }

  #goToPage(pageNo: number): void {
    if (pageNo < 1 || pageNo === this.#page.pageNo) return
    if (this.#page.pageCount !== undefined && pageNo > this.#page.pageCount) return
    this.setMeta('pageNo', pageNo)
    this.#setScroll(0)
    this.trigger('onPageChange')
  }

  #onPageSize = (e: Event): void => {
    const size = Number((e.target as HTMLSelectElement).value)
    if (!(size > 0)) return
    batch(() => {
      this.setMeta('pageSize', size)
      this.setMeta('pageNo', 1)
    })
    this.#setScroll(0)
    this.trigger('onPageSizeChange')
  }

  #onSearchInput = (e: Event): void => {
    this.#searchDraft = (e.target as HTMLInputElement).value
    clearTimeout(this.#searchTimer)
    this.#searchTimer = setTimeout(() => this.#commitSearch(), SEARCH_DEBOUNCE_MS)
  }

  #onSearchKeyDown = (e: KeyboardEvent): void => {
    // Enter searches now instead of waiting out the debounce.
    if (e.key === 'Enter' && !e.isComposing) this.#commitSearch()
  }

  #commitSearch(): void {
    clearTimeout(this.#searchTimer)
    this.#searchTimer = undefined
    if (this.#searchDraft === this.getMeta('searchText')) return
    batch(() => {
      this.setMeta('searchText', this.#searchDraft)
      // New results start on page 1 (in server mode the query reads both).
      this.setMeta('pageNo', 1)
    })
    this.#setScroll(0)
    this.trigger('onSearchTextChanged')
  }

  /** Index into `tableData` of the row at page position `pos`. */
  #originalIndex(pos: number): number | undefined {
    if (pos < 0 || pos >= this.pageRowCount) return undefined
    const { indices } = this.#model
    return indices ? indices[this.#page.start + pos] : this.#page.start + pos
  }

  /** The cell a DOM event happened in, from the data attributes the template puts there. */
  #cellOf(target: EventTarget | null): CellPos | undefined {
    const cell = (target as Element | null)?.closest?.('[data-col]')
    if (!cell) return undefined
    const tr = cell.closest('tr')
    const row = tr?.hasAttribute('data-pos') ? Number(tr.getAttribute('data-pos')) : -1
    return { row, col: Number(cell.getAttribute('data-col')) }
  }

  #onFocusIn = (e: FocusEvent): void => {
    const cell = this.#cellOf(e.target)
    if (!cell) return
    if (cell.row !== this.#active.row || cell.col !== this.#active.col) {
      this.#active = cell
      this.requestUpdate()
    }
  }

  #onGridClick = (e: MouseEvent): void => {
    const cell = this.#cellOf(e.target)
    if (!cell) return
    if (cell.row === -1) this.#sortBy(cell.col)
    else this.#selectRow(cell.row)
  }

  /** WAI-ARIA grid keyboard model. */
  #onGridKeyDown = (e: KeyboardEvent): void => {
    const cols = this.#model.columns.length
    if (!cols) return
    const last = this.pageRowCount - 1
    const lastCol = cols - 1
    let { row, col } = this.#cellOf(e.target) ?? this.#active
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
        if (row >= 0 || last >= 0) row = Math.min(Math.max(row, 0) + rowsPerViewport(this.#windowParams()), last)
        break
      case 'PageUp':
        if (row >= 0) row = Math.max(row - rowsPerViewport(this.#windowParams()), 0)
        break
      case 'Enter':
      case ' ':
        e.preventDefault()
        if (row === -1) this.#sortBy(col)
        else this.#selectRow(row)
        return
      default:
        return
    }
    e.preventDefault() // arrows, Page keys and Home/End would otherwise scroll the page
    this.#moveFocus(row, col)
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const dataError = this.errorFor('tableData') ?? this.#model.dataError
    return html`
      <div class="toolbar" part="toolbar">
        <input
          class="search"
          type="search"
          part="search"
          placeholder="Search…"
          aria-label="Search table"
          .value=${live(this.#searchDraft)}
          @input=${this.#onSearchInput}
          @keydown=${this.#onSearchKeyDown}
        />
        <span class="spacer-flex"></span>
        <button type="button" class="download" part="download" @click=${() => this.downloadCSV()} ?disabled=${!!dataError}>
          Download CSV
        </button>
      </div>
      ${this.#model.columnsError ? this.renderError(this.#model.columnsError) : nothing}
      ${this.renderErrors(Object.keys(this.errors ?? {}).filter((k) => k !== 'tableData'))}
      ${dataError !== undefined ? this.renderError(dataError) : this.#renderGrid()}
      ${dataError !== undefined ? nothing : this.#renderFooter()}
    `
  }

  #renderGrid(): TemplateResult {
    const columns = this.#model.columns
    const count = this.pageRowCount
    const { start, end } = this.#window
    const server = !!this.serverSidePagination
    const pageSize = Number(this.getMeta('pageSize')) || 0
    const total = server ? Number(this.totalRecordsCount) : this.#model.indices?.length ?? 0
    // aria-rowindex is the row's place in the whole data set, header = 1.
    const rowIndexBase = (server ? (this.#page.pageNo - 1) * pageSize : this.#page.start) + 2
    const rowCount = Number.isFinite(total) && total >= 0 ? total + 1 : -1
    // The roving tab stop must be on a rendered cell: when the active row has scrolled
    // out of the window, the top visible row holds it, so Tab lands where the user looks.
    let tabRow = count === 0 ? -1 : this.#active.row
    if (tabRow >= 0 && (tabRow < start || tabRow >= end)) tabRow = this.#window.first
    const tabCol = this.#active.col
    const sort = this.getMeta<SortOrder>('sortOrder')
    const selected = this.getMeta<number>('selectedRowIndex')
    const positions: number[] = []
    for (let i = start; i < end; i++) positions.push(i)
    const colspan = Math.max(1, columns.length)

    // The overlay sits outside the scroller so it covers the viewport, not the top of the content.
    return html`
      <div class="grid-wrap">
        <div class="scroller" part="scroller" @scroll=${this.#onScroll}>
          <table
            role="grid"
            aria-label=${this.name || 'Table'}
            aria-rowcount=${rowCount}
            aria-colcount=${columns.length}
            aria-busy=${this.loading ? 'true' : 'false'}
            @keydown=${this.#onGridKeyDown}
            @focusin=${this.#onFocusIn}
            @click=${this.#onGridClick}
          >
            <thead>
              <tr role="row" aria-rowindex="1">
                ${columns.map((c, ci) => {
                  const dir = sort?.column === c.key ? sort.order : ''
                  return html`<th
                    role="columnheader"
                    scope="col"
                    class=${c.type}
                    data-col=${ci}
                    tabindex=${tabRow === -1 && tabCol === ci ? 0 : -1}
                    aria-sort=${dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  >${c.label}<span class="sort-indicator" aria-hidden="true">${dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span></th>`
                })}
              </tr>
            </thead>
            <tbody>
              <tr class="spacer spacer-top" role="presentation" aria-hidden="true"><td colspan=${colspan}></td></tr>
              ${repeat(
                positions,
                (pos) => this.#originalIndex(pos),
                (pos) => {
                  const index = this.#originalIndex(pos) as number
                  const row = this.#model.rows[index]
                  return html`<tr
                    role="row"
                    data-pos=${pos}
                    aria-rowindex=${rowIndexBase + pos}
                    aria-selected=${index === selected ? 'true' : 'false'}
                  >
                    ${columns.map(
                      (c, ci) => html`<td
                        role="gridcell"
                        class=${c.type}
                        data-col=${ci}
                        tabindex=${tabRow === pos && tabCol === ci ? 0 : -1}
                      >${this.#renderCell(cellValue(row, c.key), c)}</td>`,
                    )}
                  </tr>`
                },
              )}
              <tr class="spacer spacer-bottom" role="presentation" aria-hidden="true"><td colspan=${colspan}></td></tr>
            </tbody>
          </table>
          ${count === 0 && !this.loading ? html`<p class="empty" part="empty">No data to display</p>` : nothing}
        </div>
        ${this.loading ? html`<p class="overlay" part="loading" role="status">Loading…</p>` : nothing}
      </div>
    `
  }

  #renderCell(value: unknown, column: Column): unknown {
    if (column.type === 'link') {
      const href = safeHref(value)
      // tabindex=-1: the cell, not the link, is the grid's focus stop.
      if (href) return html`<a href=${href} target="_blank" rel="noopener noreferrer" tabindex="-1">${formatCell(value)}</a>`
    }
    return formatCell(value, column.type)
  }

  #renderFooter(): TemplateResult {
    const page = this.#page
    const pageSize = Number(this.getMeta('pageSize')) || 0
    if (!this.serverSidePagination && pageSize <= 0) {
      const n = this.#model.indices?.length ?? 0
      return html`<div class="footer" part="footer"><span class="page-info">${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}</span></div>`
    }
    const sizes = [...new Set([...PAGE_SIZE_OPTIONS, pageSize])].filter((n) => n > 0).sort((a, b) => a - b)
    const label = page.pageCount === undefined ? `Page ${page.pageNo}` : `Page ${page.pageNo} of ${page.pageCount}`
    return html`
      <nav class="footer" part="footer" aria-label="Pagination">
        <label>
          Rows per page
          <select @change=${this.#onPageSize} .value=${live(String(pageSize))}>
            ${sizes.map((n) => html`<option value=${n} ?selected=${n === pageSize}>${n}</option>`)}
          </select>
        </label>
        <button type="button" class="prev" aria-label="Previous page" ?disabled=${page.pageNo <= 1} @click=${() => this.#goToPage(page.pageNo - 1)}>‹</button>
        <span class="page-info" aria-live="polite">${label}</span>
        <button type="button" class="next" aria-label="Next page" ?disabled=${!page.hasNext} @click=${() => this.#goToPage(page.pageNo + 1)}>›</button>
      </nav>
    `
  }
}
