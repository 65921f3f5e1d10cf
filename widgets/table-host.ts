/**
 * What the table's controllers read from and do to `<smith-table>`: its properties, its
 * meta state and its events. Declared here, not imported from table.ts, so the controllers
 * depend on a contract rather than on the element (and there is no import cycle).
 */
import type { ReactiveControllerHost } from 'lit'

/** The `<smith-table>` element as its controllers see it. */
export interface TableHost extends ReactiveControllerHost, HTMLElement {
  /** Rows to show, as bound (any value; only an array is shown). */
  tableData: unknown
  /** Column configuration, as bound (validated by the model). */
  columns: unknown
  /** Rows per page as configured; 0 is "no paging" (client) or "what fits" (server). */
  pageSize: number
  /** `tableData` is one page of a server-side query. */
  serverSidePagination: boolean
  /** Server mode: the total row count, when known. */
  totalRecordsCount: number | undefined
  /** Height of the scroll area (header included), in px, as configured. */
  height: number
  /** Height of every row, in px, as configured. */
  rowHeight: number
  /** The widget's name in the app (`Table1`); the grid's accessible name. */
  readonly name: string
  /** A query the table's bindings read is running. */
  readonly loading: boolean
  /** Rows on the current page: what the window scrolls through. */
  readonly pageRowCount: number
  readonly renderRoot: HTMLElement | DocumentFragment
  getMeta<T = unknown>(key: string): T
  setMeta(key: string, value: unknown): void
  trigger(eventName: string): boolean
}
