/**
 * The table's row selection as a Lit reactive controller: meta `selectedRow`,
 * `selectedRowIndex`, `triggeredRow` and `triggeredRowIndex`, the `onRowSelected` event
 * and a button column's event.
 *
 * `selectedRowIndex` is an index into `tableData` as bound (not a position on screen), so
 * it survives searching, sorting and paging; `selectedRow` follows it when the data changes.
 */
import type { ReactiveController } from 'lit'
import { batch } from '../src/reactive'
import type { TableHost } from './table-host'

/** Selects rows and keeps the selection in step with `tableData`. */
export class TableSelection implements ReactiveController {
  /** `tableData` as of the last update, to notice new data. */
  #lastData: unknown
  readonly #host: TableHost

  constructor(host: TableHost) {
    this.#host = host
    host.addController(this)
  }

  /** The selected row's index into `tableData`, -1 when none is. */
  get index(): number {
    return this.#host.getMeta<number>('selectedRowIndex')
  }

  /** Selects `row`, at `index` in `tableData`, and fires `onRowSelected`. */
  select(index: number, row: unknown): void {
    const host = this.#host
    batch(() => {
      host.setMeta('selectedRowIndex', index)
      host.setMeta('selectedRow', row)
      // Appsmith sets triggeredRow for the row an action came from; a row click is one.
      host.setMeta('triggeredRow', row)
      host.setMeta('triggeredRowIndex', index)
    })
    host.trigger('onRowSelected')
  }

  /**
   * A button in row `index` of `tableData` was pressed: `triggeredRow`/`triggeredRowIndex`
   * name the row and the column's `event` runs. As in Appsmith (whose button cells stop
   * the click), the selection does not change.
   */
  press(index: number, row: unknown, event: string): void {
    const host = this.#host
    batch(() => {
      host.setMeta('triggeredRowIndex', index)
      host.setMeta('triggeredRow', row)
    })
    host.trigger(event)
  }

  /** Keeps `selectedRow` in step with `selectedRowIndex` when `tableData` changed. */
  hostUpdate(): void {
    const host = this.#host
    if (host.tableData === this.#lastData) return
    this.#lastData = host.tableData
    const index = this.index
    if (index < 0) return
    const rows = Array.isArray(host.tableData) ? host.tableData : []
    batch(() => {
      // A new server page holds other records, so its selection does not carry over.
      if (host.serverSidePagination || index >= rows.length) {
        host.setMeta('selectedRowIndex', -1)
        host.setMeta('selectedRow', {})
      } else {
        host.setMeta('selectedRow', rows[index])
      }
    })
  }
}
