/**
 * The widget page: `window.e2e.mountTable(options)` mounts a `<smith-table>` with the
 * given rows (or `count` generated ones) and resolves once it has rendered.
 */
import '../../../widgets/define'
import type { ColumnConfig, SmithTable } from '../../../widgets/index'

export interface MountOptions {
  /** Rows as given; or `count` generated rows `{id, name, email}` (ids from 1). */
  rows?: Array<Record<string, unknown>>
  count?: number
  columns?: ColumnConfig[]
  height?: number
  pageSize?: number
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))

function generate(count: number): Array<Record<string, unknown>> {
  const rows = new Array(count)
  for (let i = 0; i < count; i++) rows[i] = { id: i + 1, name: `User ${i + 1}`, email: `user${i + 1}@example.com` }
  return rows
}

async function mountTable(options: MountOptions): Promise<void> {
  document.querySelector('smith-table')?.remove()
  const table = document.createElement('smith-table') as SmithTable
  table.setAttribute('name', 'Table1')
  table.tableData = options.rows ?? generate(options.count ?? 0)
  if (options.columns) table.columns = options.columns
  if (options.height !== undefined) table.height = options.height
  if (options.pageSize !== undefined) table.pageSize = options.pageSize
  document.body.append(table)
  await table.updateComplete
  await frame()
  await frame()
}

/** Waits until the table has rendered what the last scroll or key asked for. */
async function settle(): Promise<void> {
  const table = document.querySelector('smith-table') as SmithTable | null
  await frame()
  await table?.updateComplete
  await frame()
}

;(window as unknown as { e2e: unknown }).e2e = { mountTable, settle }
document.title = 'ready'
