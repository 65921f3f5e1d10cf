/**
 * Which rows the table shows, as a Lit reactive controller: `tableData` and `columns`
 * through the search and sort meta into a model (table-model.ts's pure functions), the
 * current page of it, and the actions that change page, page size and sort order.
 *
 * In client mode the table searches, sorts and pages itself; in server mode
 * (`serverSidePagination`) `tableData` already is the page, and the meta only tells the
 * query that fetches it what the user asked for.
 */
import type { ReactiveController } from 'lit'
import { batch } from '../src/reactive'
import { describeType, nextSortOrder, pageBounds, resolveColumns, validateColumns, viewOrder } from './table-model'
import type { Column, SortOrder } from './table-model'
import type { TableHost } from './table-host'

/** Page sizes offered by the rows-per-page control (the configured size is added). */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 25, 50, 100]

/** The data the grid shows, derived from `tableData`, `columns` and the search/sort meta. */
export interface Model {
  /** `tableData` when it is an array, else empty. */
  rows: readonly unknown[]
  columns: Column[]
  /**
   * Client mode with a search or a sort: the rows across all pages, as indices into
   * `rows`. Otherwise null: `rows` in their own order (server mode: as given).
   */
  order: Uint32Array | null
  /** Rows across all pages: `order.length`, or all of `rows`. */
  count: number
  /** Server mode: `rows` is one page, and searching, sorting and paging are the query's. */
  server: boolean
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
export interface Page {
  /** 1-based page number. */
  pageNo: number
  /** Number of pages, when known (server mode needs `totalRecordsCount`). */
  pageCount: number | undefined
  /** The page as a slice of the model's rows (positions in `order`, or in `rows`). */
  start: number
  end: number
  /** Whether there is a next page. */
  hasNext: boolean
}

/** How the query moves the grid's scroll position (the windowing controller does it). */
export interface QueryScroll {
  /** Scrolls to the first row now (after a user action). */
  scrollToTop(): void
  /** Scrolls to the first row in the render being prepared. */
  resetScroll(): void
}

/** The table's model and page, and the paging and sorting actions. */
export class TableQuery implements ReactiveController {
  /** The model as of the last update (or {@link ensureModel}). */
  model: Model = { rows: [], columns: [], order: null, count: 0, server: false }
  /** The page as of the last update. */
  page: Page = { pageNo: 1, pageCount: 1, start: 0, end: 0, hasNext: false }
  /** What {@link model} was computed from; undefined before the first computation. */
  #inputs: ModelInputs | undefined
  /** `tableData` as of the last update, to notice a new page arriving in server mode. */
  #lastData: unknown
  readonly #host: TableHost
  readonly #scroll: QueryScroll

  constructor(host: TableHost, scroll: QueryScroll) {
    this.#host = host
    this.#scroll = scroll
    host.addController(this)
  }

  /** Rows on the current page. */
  get pageRowCount(): number {
    return this.page.end - this.page.start
  }

  /** Index into `tableData` of the row at page position `pos`. */
  originalIndex(pos: number): number | undefined {
    if (pos < 0 || pos >= this.pageRowCount) return undefined
    const { order } = this.model
    return order ? order[this.page.start + pos] : this.page.start + pos
  }

  /** Rows per page before the user picks another: the property, or what fits in server mode. */
  configuredPageSize(rowsPerViewport: number): number {
    const size = Math.floor(Number(this.#host.pageSize))
    if (size > 0) return size
    return this.#host.serverSidePagination ? rowsPerViewport : 0
  }

  /** The page size in effect (meta `pageSize`); 0 or less is "no paging". */
  pageSize(): number {
    return Number(this.#host.getMeta('pageSize')) || 0
  }

  /** `aria-rowcount`: all rows of the data set plus the header, -1 when unknown. */
  ariaRowCount(): number {
    const total = this.#host.serverSidePagination ? Number(this.#host.totalRecordsCount) : this.model.count
    return Number.isFinite(total) && total >= 0 ? total + 1 : -1
  }

  /** `aria-rowindex` of the page's first row: its place in the whole data set, header = 1. */
  ariaRowIndexBase(): number {
    return (this.#host.serverSidePagination ? (this.page.pageNo - 1) * this.pageSize() : this.page.start) + 2
  }

  /** Recomputes the model and the page before each render. */
  hostUpdate(): void {
    const host = this.#host
    const dataChanged = host.tableData !== this.#lastData
    this.#lastData = host.tableData
    this.ensureModel()
    const page = this.#computePage()
    // Data shrank under the current page (client mode): follow it silently, no event.
    if (!this.model.server && page.pageNo !== host.getMeta('pageNo')) host.setMeta('pageNo', page.pageNo)
    const pageMoved = page.pageNo !== this.page.pageNo
    this.page = page
    // A new page of server data, or another client page, starts at the top.
    if (pageMoved || (dataChanged && host.serverSidePagination)) this.#scroll.resetScroll()
  }

  /** Recomputes the model when anything it depends on changed. Returns whether it did. */
  ensureModel(): boolean {
    const host = this.#host
    const sort = host.getMeta<SortOrder>('sortOrder') ?? { column: '', order: '' }
    const inputs: ModelInputs = {
      data: host.tableData,
      columns: host.columns,
      server: !!host.serverSidePagination,
      searchText: String(host.getMeta('searchText') ?? ''),
      sortColumn: sort.column ?? '',
      sortOrder: sort.order ?? '',
    }
    const prev = this.#inputs
    if (prev && (Object.keys(inputs) as (keyof ModelInputs)[]).every((k) => prev[k] === inputs[k])) return false
    this.#inputs = inputs

    const data = inputs.data
    const model: Model = { rows: [], columns: [], order: null, count: 0, server: inputs.server }
    if (Array.isArray(data)) model.rows = data
    else if (data !== null && data !== undefined) {
      // null/undefined is "no data yet" (a query that has not run): the empty state, not an error.
      model.dataError = `tableData must be an array, got ${describeType(data)}`
    }
    const config = validateColumns(inputs.columns)
    if (typeof config === 'string') model.columnsError = config
    model.columns = resolveColumns(model.rows, typeof config === 'string' ? undefined : config)
    const rows = model.rows
    const order = inputs.server
      ? null
      : viewOrder(rows, model.columns, {
          searchText: inputs.searchText,
          sortOrder: { column: inputs.sortColumn, order: inputs.sortOrder as SortOrder['order'] },
        })
    model.order = order
    model.count = order ? order.length : rows.length
    this.model = model
    // Appsmith's filteredTableData is the rows as shown across pages (server: as given).
    // Unsearched and unsorted, that is tableData itself: no copy of a 100,000-row array.
    host.setMeta('filteredTableData', order ? Array.from(order, (i) => rows[i]) : rows)
    return true
  }

  /** Sorts by the column at `col` (asc → desc → unsorted) and fires `onSort`. */
  sortBy(col: number): void {
    const column = this.model.columns[col]
    if (!column) return
    this.#host.setMeta('sortOrder', nextSortOrder(this.#host.getMeta<SortOrder>('sortOrder'), column.key))
    this.#host.trigger('onSort')
  }

  /** Shows page `pageNo` (1-based) when it exists and fires `onPageChange`. */
  goToPage(pageNo: number): void {
    if (pageNo < 1 || pageNo === this.page.pageNo) return
    if (this.page.pageCount !== undefined && pageNo > this.page.pageCount) return
    this.#host.setMeta('pageNo', pageNo)
    this.#scroll.scrollToTop()
    this.#host.trigger('onPageChange')
  }

  /** The rows-per-page control's `change` listener. */
  onPageSize = (e: Event): void => {
    const size = Number((e.target as HTMLSelectElement).value)
    if (!(size > 0)) return
    batch(() => {
      this.#host.setMeta('pageSize', size)
      this.#host.setMeta('pageNo', 1)
    })
    this.#scroll.scrollToTop()
    this.#host.trigger('onPageSizeChange')
  }

  #computePage(): Page {
    const { rows, server, count } = this.model
    const host = this.#host
    const pageNo = Math.max(1, Math.floor(Number(host.getMeta('pageNo'))) || 1)
    const size = Math.floor(Number(host.getMeta('pageSize'))) || 0
    if (!server) {
      const b = pageBounds(count, pageNo, size)
      return { pageNo: b.pageNo, pageCount: b.pageCount, start: b.start, end: b.end, hasNext: b.pageNo < b.pageCount }
    }
    const total = Number(host.totalRecordsCount)
    const pageCount = size > 0 && Number.isFinite(total) && total > 0 ? Math.max(1, Math.ceil(total / size)) : undefined
    // Without a total, a full page suggests there is another (Appsmith's behaviour).
    const hasNext = pageCount !== undefined ? pageNo < pageCount : size > 0 && rows.length >= size
    return { pageNo, pageCount, start: 0, end: rows.length, hasNext }
  }
}
