/**
 * `<smith-table>`: a windowed data grid over a real `<table>`.
 *
 * ```html
 * <smith-table name="Table1" table-data="{{getusers_API.data.results}}" page-size="50"
 *              on-row-selected="{{showAlert(Table1.selectedRow.name)}}"></smith-table>
 * ```
 *
 * The element wires Lit reactive controllers, one concern each:
 * - table-query.ts — data → searched, sorted model (table-model.ts) → the current page;
 *   paging and sorting actions;
 * - table-search.ts — the search box and its debounce;
 * - table-selection.ts — `selectedRow`/`selectedRowIndex`/`triggeredRow`;
 * - table-window.ts — which rows are in the DOM and the scroll position (row-window.ts's
 *   math, which keeps row 999,999 of 1,000,000 reachable under the browsers' height cap);
 * - table-keyboard.ts — the WAI-ARIA grid keyboard model;
 * and renders table-templates.ts with table-styles.ts.
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { SmithElement, baseStyles } from './smith-element'
import { downloadCSV, toCSV } from './csv'
import { perRow } from './table-columns'
import { columnValue, formatCell } from './table-model'
import type { Column, ColumnConfig } from './table-model'
import { GridKeyboard, cellOf } from './table-keyboard'
import type { CellPos } from './table-keyboard'
import { TableQuery } from './table-query'
import { TableSearch } from './table-search'
import { TableRows } from './table-rows'
import { TableSelection } from './table-selection'
import { tableStyles } from './table-styles'
import { renderFooter, renderGrid } from './table-templates'
import type { TableParts } from './table-templates'
import { DEFAULT_HEIGHT, DEFAULT_ROW_HEIGHT, TableWindow } from './table-window'

export { SEARCH_DEBOUNCE_MS } from './table-search'
export { PAGE_SIZE_OPTIONS } from './table-query'

/**
 * A data table: search, sort, pagination (client or server side), row selection, CSV
 * download and WAI-ARIA grid keyboard navigation, windowed to stay fast at a million rows.
 *
 * Properties: `tableData` (`table-data`), `columns`, `pageSize` (`page-size`),
 * `serverSidePagination` (`server-side-pagination`), `totalRecordsCount`
 * (`total-records-count`), `height`, `rowHeight` (`row-height`), plus `name`, `errors`,
 * `loading` from {@link SmithElement}.
 *
 * Meta: `selectedRow`, `selectedRowIndex`, `triggeredRow`, `triggeredRowIndex`, `pageNo`, `pageSize`,
 * `searchText`, `sortOrder`, `filteredTableData`, `processedTableData` (the rows of
 * `tableData` in their own order, what a column's computed `values` are mapped from).
 *
 * Events: `onRowSelected`, `onPageChange`, `onPageSizeChange`, `onSearchTextChanged`, `onSort`,
 * and each `button` column's `event` (`on-delete-click="{{…}}"` for a column keyed `Delete`).
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
    triggeredRowIndex: -1,
    pageNo: 1,
    pageSize: 0,
    searchText: '',
    sortOrder: { column: '', order: '' },
    filteredTableData: [],
    processedTableData: [],
  }

  static override styles = [baseStyles, tableStyles]

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

  // Controllers run their hostUpdate/hostUpdated in the order they are added: the
  // selection follows new data and the query derives the page before the window is
  // computed from it; the window's spacers and scroll position are written before the
  // keyboard moves focus (no layout read before the spacers are right).
  readonly #selection = new TableSelection(this)
  readonly #query = new TableQuery(this, {
    scrollToTop: () => this.#window.setScroll(0),
    resetScroll: () => this.#window.resetScroll(),
  })
  readonly #search = new TableSearch(this, () => this.#window.setScroll(0))
  readonly #window = new TableWindow(this, () => this.#rows.render())
  readonly #keyboard = new GridKeyboard(this, {
    columnCount: () => this.#query.model.columns.length,
    rowCount: () => this.pageRowCount,
    pageStep: () => this.#window.rowsPerViewport(),
    scrollRowIntoView: (row) => this.#window.scrollRowIntoView(row),
    activate: (cell) => this.#activate(cell, true),
  })
  /** What the templates use; one object for the element's life, not one per render. */
  readonly #parts: TableParts = {
    query: this.#query,
    window: this.#window,
    keyboard: this.#keyboard,
    onGridClick: (e) => {
      const cell = cellOf(e.target)
      // In a button column, the button presses; the rest of the cell selects the row.
      if (cell) this.#activate(cell, !!(e.target as Element).closest?.('.cell-button'))
    },
  }

  /** The columns whose widths were last written, and to which header (Lit may make a new one). */
  #widthsFor: readonly Column[] | undefined
  #widthsTh: HTMLElement | undefined
  /** The body rows; the window draws them after its spacers, before the keyboard's focus. */
  readonly #rows = new TableRows(this, this.#parts)

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
    const { start, end, first } = this.#window.current
    return { start, end, first }
  }

  /** Rows on the current page (what the grid scrolls through). */
  get pageRowCount(): number {
    return this.#query.pageRowCount
  }

  /** The visible columns as resolved from `columns` or the data. */
  get visibleColumns(): readonly Column[] {
    return this.#query.model.columns
  }

  /**
   * The rows as filtered and sorted (every page; in server mode the rows given) with the
   * visible columns, as RFC 4180 CSV with spreadsheet formulas neutralised.
   */
  toCSV(): string {
    this.#query.ensureModel()
    const { rows, order, count } = this.#query.model
    // Button columns are actions, not data.
    const columns = this.#query.model.columns.filter((c) => !c.button)
    const lines = function* (): Generator<unknown[]> {
      for (let n = 0; n < count; n++) {
        const i = order ? order[n] : n
        yield columns.map((c) => {
          const v = columnValue(rows, i, c)
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
    this.#search.reset()
    super.resetMeta()
    this.#setProcessed()
    this.setMeta('pageSize', this.#query.configuredPageSize(this.#window.rowsPerViewport()))
    this.#window.setScroll(0)
  }

  // ---------------------------------------------------------------- update cycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('pageSize') ||
      changed.has('serverSidePagination') ||
      (this.serverSidePagination && (changed.has('height') || changed.has('rowHeight')))
    ) {
      this.setMeta('pageSize', this.#query.configuredPageSize(this.#window.rowsPerViewport()))
    }
    // Here, before the controllers' hostUpdate: a column whose computed `values` are bound
    // to `Table1.processedTableData.map(…)` gets them now, and the model sees them.
    if (changed.has('tableData')) this.#setProcessed()
    // The controllers' hostUpdate does the rest: selection, model and page, window, tab stop.
  }

  /**
   * Meta `processedTableData`: `tableData` itself, not a copy. Appsmith's adds
   * `__originalIndex__` and `__primaryKey__` to a copy of every row; here `currentIndex` in
   * `processedTableData.map((currentRow, currentIndex) => …)` is that index already.
   */
  #setProcessed(): void {
    this.setMeta('processedTableData', Array.isArray(this.tableData) ? this.tableData : [])
  }

  protected override updated(): void {
    // Widths through CSSOM, not style attributes: the demo's CSP forbids inline styles.
    // Only for new columns or a new header row, not on every window move.
    const columns = this.#query.model.columns
    const th0 = this.renderRoot.querySelector<HTMLElement>('thead th') ?? undefined
    if (columns === this.#widthsFor && th0 === this.#widthsTh) return
    this.#widthsFor = columns
    this.#widthsTh = th0
    const ths = this.renderRoot.querySelectorAll<HTMLElement>('thead th')
    columns.forEach((c, i) => {
      const th = ths[i]
      if (th) th.style.width = c.width === undefined ? '' : typeof c.width === 'number' ? `${c.width}px` : c.width
    })
  }

  /**
   * Enter/Space or a click on a cell: a header sorts by its column, a body cell selects its
   * row; in a button column, `press` (Enter/Space, a click on the button) presses the
   * row's button unless it is disabled.
   */
  #activate(cell: CellPos, press: boolean): void {
    if (cell.row === -1) {
      this.#query.sortBy(cell.col)
      return
    }
    const index = this.#query.originalIndex(cell.row)
    if (index === undefined) return
    const { rows, columns } = this.#query.model
    const button = columns[cell.col]?.button
    if (button && press) {
      if (perRow(button.disabled, index) !== true) this.#selection.press(index, rows[index], button.event)
    } else this.#selection.select(index, rows[index])
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const model = this.#query.model
    const dataError = this.errorFor('tableData') ?? model.dataError
    return html`
      <div class="toolbar" part="toolbar">
        <input
          class="search"
          type="search"
          part="search"
          placeholder="Search…"
          aria-label="Search table"
          .value=${live(this.#search.draft)}
          @input=${this.#search.onInput}
          @keydown=${this.#search.onKeyDown}
        />
        <span class="spacer-flex"></span>
        <button type="button" class="download" part="download" @click=${() => this.downloadCSV()} ?disabled=${!!dataError}>
          Download CSV
        </button>
      </div>
      ${model.columnsError ? this.renderError(model.columnsError) : nothing}
      ${this.renderErrors(Object.keys(this.errors ?? {}).filter((k) => k !== 'tableData'))}
      ${dataError !== undefined ? this.renderError(dataError) : renderGrid(this, this.#parts)}
      ${dataError !== undefined ? nothing : renderFooter(this, this.#query)}
    `
  }
}
