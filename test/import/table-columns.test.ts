// @vitest-environment happy-dom
// A TABLE_WIDGET_V2's primaryColumns → <smith-table columns>, and the imported page
// rendered by the real runtime: order, labels, visibility, types, computed values.
import { afterEach, describe, expect, it } from 'vitest'
import '../../widgets/define'
import { convertPage, type DslWidget } from '../../src/import/index'
import { tableColumnsAttribute } from '../../src/import/table-columns'
import type { App } from '../../src/index'
import type { SmithTable } from '../../widgets/table'
import { testApp } from '../support/app'

const byDefault = (table: string, key: string): string => `{{${table}.processedTableData.map((currentRow, currentIndex) => ( currentRow["${key}"]))}}`

/** A table as Appsmith exports it (as in ../shared/appsmith-apps), with the given columns. */
function tableWidget(primaryColumns: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}): DslWidget {
  return {
    type: 'TABLE_WIDGET_V2',
    widgetName: 'Table1',
    leftColumn: 0,
    rightColumn: 64,
    topRow: 0,
    bottomRow: 40,
    parentRowSpace: 10,
    tableData: '{{[{"id": 1, "name": "Ann", "price": 10, "site": "https://a.example"}, {"id": 2, "name": "Bob", "price": 5, "site": "javascript:alert(1)"}]}}',
    primaryColumns,
    ...extra,
  }
}

/** Evaluates a static columns attribute (`{{[…]}}` of JSON) as the runtime would. */
const staticColumns = (attribute: string | null): unknown => JSON.parse(attribute!.slice(2, -2))

describe('primaryColumns → columns', () => {
  it('the default computedValue is the row field; columnOrder, labels, hidden columns and types carry over', () => {
    const report = { bindings: 0, notes: [] as string[] }
    const w = tableWidget(
      {
        id: { index: 0, label: 'id', columnType: 'number', isVisible: true, computedValue: byDefault('Table1', 'id') },
        name: { index: 1, label: 'Full name', columnType: 'text', isVisible: true, computedValue: byDefault('Table1', 'name') },
        secret: { index: 2, label: 'secret', columnType: 'text', isVisible: false, computedValue: byDefault('Table1', 'secret') },
        site: { index: 3, label: 'Web', columnType: 'url', isVisible: true, computedValue: byDefault('Table1', 'site') },
        done: { index: 4, label: 'done', columnType: 'checkbox', isVisible: true, computedValue: byDefault('Table1', 'done') },
      },
      { columnOrder: ['name', 'id', 'site', 'secret', 'done'] },
    )
    expect(staticColumns(tableColumnsAttribute(w, report))).toEqual([
      { key: 'name', label: 'Full name', order: 0, type: 'text' },
      { key: 'id', label: 'id', order: 1, type: 'number' },
      { key: 'site', label: 'Web', order: 2, type: 'link' },
      { key: 'secret', label: 'secret', order: 3, type: 'text', hidden: true },
      { key: 'done', label: 'done', order: 4, type: 'text' },
    ])
    expect(report).toEqual({ bindings: 1, notes: [] })
  })

  it('a custom computedValue becomes the column values, bound as written; action columns are reported, not shown', () => {
    const report = { bindings: 0, notes: [] as string[] }
    const attr = tableColumnsAttribute(
      tableWidget({
        name: { index: 0, label: 'name', columnType: 'text', computedValue: byDefault('Table1', 'name') },
        total: { index: 1, label: 'Total', columnType: 'number', isDerived: true, computedValue: '{{Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow.price * 2 + currentIndex))}}' },
        customColumn1: { index: 2, label: 'Delete', columnType: 'button', isDerived: true, computedValue: '', onClick: '{{showModal(Delete_Modal.name)}}' },
      }),
      report,
    )
    expect(attr).toBe(
      '{{[{"key":"name","label":"name","order":0,"type":"text"}, {"key":"total","label":"Total","order":1,"type":"number", values: (Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow.price * 2 + currentIndex)))}]}}',
    )
    expect(report.notes).toEqual(['Table Table1: column "Delete" (button) is not shown; smithlet\'s table has no button cells yet'])
  })

  it('without primaryColumns the table keeps inferring its columns', () => {
    expect(tableColumnsAttribute({ type: 'TABLE_WIDGET_V2', widgetName: 'T' }, { bindings: 0, notes: [] })).toBeNull()
  })
})

describe('an imported table, rendered', () => {
  const apps: App[] = []
  afterEach(() => {
    for (const app of apps.splice(0)) app.dispose()
    document.body.innerHTML = ''
  })

  it('shows the columns as Appsmith does: its order and labels, computed values from processedTableData, only http(s) links', async () => {
    const dsl: DslWidget = {
      type: 'CANVAS_WIDGET',
      widgetName: 'MainContainer',
      children: [
        tableWidget(
          {
            id: { index: 0, label: 'id', columnType: 'number', isVisible: true, computedValue: byDefault('Table1', 'id') },
            name: { index: 1, label: 'Name', columnType: 'text', isVisible: true, computedValue: byDefault('Table1', 'name') },
            price: { index: 2, label: 'price', columnType: 'number', isVisible: false, computedValue: byDefault('Table1', 'price') },
            total: { index: 3, label: 'Total', columnType: 'number', isVisible: true, computedValue: '{{Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow.price * 2 + currentIndex))}}' },
            site: { index: 4, label: 'Site', columnType: 'url', isVisible: true, computedValue: byDefault('Table1', 'site') },
          },
          { columnOrder: ['name', 'total', 'id', 'price', 'site'], dynamicBindingPathList: [{ key: 'tableData' }] },
        ),
      ],
    }
    document.body.innerHTML = convertPage('Home', dsl).html
    const app = await testApp()
    apps.push(app)
    await app.mount(document.body)
    const table = document.querySelector('smith-table[name="Table1"]') as SmithTable
    await table.updateComplete
    await table.updateComplete
    const root = table.shadowRoot!
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼]/g, '').trim())
    const cells = [...root.querySelectorAll('tbody tr[role="row"]')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(headers).toEqual(['Name', 'Total', 'id', 'Site'])
    expect(cells).toEqual([
      ['Ann', '20', '1', 'https://a.example'],
      ['Bob', '11', '2', 'javascript:alert(1)'],
    ])
    expect(root.querySelectorAll('a')).toHaveLength(1)
    expect(table.meta.processedTableData!.value).toBe(table.tableData)
    // sorting by the computed column (ascending) sorts by its values: Bob's 11 before Ann's 20
    ;(root.querySelectorAll('thead th')[1] as HTMLElement).click()
    await table.updateComplete
    expect([...root.querySelectorAll('tbody tr[role="row"] td:first-child')].map((td) => td.textContent)).toEqual(['Bob', 'Ann'])
  })
})
