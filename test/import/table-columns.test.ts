// @vitest-environment happy-dom
// A TABLE_WIDGET_V2's primaryColumns → <smith-table columns>, and the imported page
// rendered by the real runtime: order, labels, visibility, types, computed values.
import { afterEach, describe, expect, it } from 'vitest'
import '../../widgets/define'
import { convertPage, type DslWidget } from '../../src/import/index'
import { tableColumnTriggers, tableColumnsAttribute, withCurrentRow } from '../../src/import/table-columns'
import type { App } from '../../src/index'
import type { SmithTable } from '../../widgets/table'
import { bindingsFromHtml } from '../../src/build/extract-bindings'
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
        customColumn1: { index: 2, label: 'Actions', columnType: 'menuButton', isDerived: true, computedValue: '', onClick: '{{showModal(Delete_Modal.name)}}' },
      }),
      report,
    )
    expect(attr).toBe(
      '{{[{"key":"name","label":"name","order":0,"type":"text"}, {"key":"total","label":"Total","order":1,"type":"number", values: (Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow.price * 2 + currentIndex)))}]}}',
    )
    expect(report.notes).toEqual(['Table Table1: column "Actions" (menuButton) is not shown; smithlet\'s table has no menuButton cells yet'])
  })

  it('a button column keeps its label, colour, variant and disabled state, and its onClick becomes the table trigger its event names', () => {
    const report = { bindings: 0, notes: [] as string[] }
    // As PartialImportExportSampleApp.json's data_table has it.
    const w = tableWidget({
      name: { index: 0, label: 'name', columnType: 'text', computedValue: byDefault('Table1', 'name') },
      customColumn1: {
        index: 1,
        label: 'Delete',
        columnType: 'button',
        isDerived: true,
        computedValue: '',
        buttonLabel: "{{Table1.processedTableData.map((currentRow, currentIndex) => ( 'Delete'))}}",
        buttonColor: '#DD4B34',
        isDisabled: false,
        onClick: '{{showModal(Delete_Modal.name)}}',
      },
      'edit it': {
        index: 2,
        label: 'Edit',
        columnType: 'button',
        buttonLabel: '{{Table1.processedTableData.map((currentRow) => ( "Edit " + currentRow.name))}}',
        buttonVariant: 'SECONDARY',
        isDisabled: '{{Table1.processedTableData.map((currentRow) => currentRow.id === 2)}}',
        onClick: '{{storeValue("edit", Table1.triggeredRow.id)}}',
      },
      noAction: { index: 3, label: 'Nothing', columnType: 'button', buttonLabel: 'Press' },
      trash: { index: 4, label: 'Trash', columnType: 'iconButton', iconName: 'trash', onClick: '{{remove.run()}}' },
    })
    expect(tableColumnsAttribute(w, report)).toBe(
      '{{[{"key":"name","label":"name","order":0,"type":"text"}, ' +
        '{"key":"customColumn1","label":"Delete","order":1,"type":"button","event":"onCustomColumn1Click","buttonLabel":"Delete","buttonColor":"#DD4B34"}, ' +
        '{"key":"edit it","label":"Edit","order":2,"type":"button","event":"onEdititClick","buttonVariant":"SECONDARY", buttonLabel: (Table1.processedTableData.map((currentRow) => ( "Edit " + currentRow.name))), isDisabled: (Table1.processedTableData.map((currentRow) => currentRow.id === 2))}, ' +
        '{"key":"noAction","label":"Nothing","order":3,"type":"button","event":"onNoActionClick","buttonLabel":"Press"}, ' +
        '{"key":"trash","label":"Trash","order":4,"type":"button","event":"onTrashClick","iconName":"trash"}]}}',
    )
    expect(tableColumnTriggers(w, report)).toEqual({
      'on-custom-column1-click': '{{showModal(Delete_Modal.name)}}',
      'on-editit-click': '{{storeValue("edit", Table1.triggeredRow.id)}}',
      'on-trash-click': '{{remove.run()}}',
    })
    expect(report).toEqual({ bindings: 1, triggers: 3, notes: [] })
  })

  it("Appsmith's currentRow in a column onClick reads the table's triggeredRow; a declared currentRow is left alone", () => {
    expect(withCurrentRow('{{ delete_q.run({ id: currentRow.id, currentRow }) }}', 'T1')).toBe('{{delete_q.run({ id: T1.triggeredRow.id, currentRow: T1.triggeredRow })}}')
    expect(withCurrentRow('{{showAlert(currentRow["name"] + x.currentRow, { currentRow: 1 })}}', 'T1')).toBe('{{showAlert(T1.triggeredRow["name"] + x.currentRow, { currentRow: 1 })}}')
    expect(withCurrentRow('{{"currentRow" + a}}', 'T1')).toBe('{{"currentRow" + a}}')
    expect(withCurrentRow('{{T1.tableData.map((currentRow, i) => currentRow.id)}}', 'T1')).toBe('{{T1.tableData.map((currentRow, i) => currentRow.id)}}')
    expect(withCurrentRow('{{T1.tableData.map(currentRow => currentRow.id)}}', 'T1')).toBe('{{T1.tableData.map(currentRow => currentRow.id)}}')
    expect(withCurrentRow('{{f(currentRow).then(() => g())}}', 'T1')).toBe('{{f(T1.triggeredRow).then(() => g())}}')
    expect(withCurrentRow('{{showModal(Delete_Modal.name)}}', 'T1')).toBe('{{showModal(Delete_Modal.name)}}')
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

  it('a button column shows a button per row; pressing one sets triggeredRow/triggeredRowIndex and runs its onClick, without selecting the row', async () => {
    const dsl: DslWidget = {
      type: 'CANVAS_WIDGET',
      widgetName: 'MainContainer',
      children: [
        tableWidget(
          {
            name: { index: 0, label: 'Name', columnType: 'text', isVisible: true, computedValue: byDefault('Table1', 'name') },
            customColumn1: {
              index: 1,
              label: 'Delete',
              columnType: 'button',
              isVisible: true,
              computedValue: '',
              buttonLabel: '{{Table1.processedTableData.map((currentRow, currentIndex) => ( "Delete " + currentRow.name))}}',
              isDisabled: '{{Table1.processedTableData.map((currentRow) => currentRow.id === 2)}}',
              buttonColor: '#DD4B34',
              onClick: '{{storeValue("deleted", currentRow.name + " at " + Table1.triggeredRowIndex)}}',
            },
          },
          { dynamicBindingPathList: [{ key: 'tableData' }], dynamicTriggerPathList: [{ key: 'primaryColumns.customColumn1.onClick' }] },
        ),
        { type: 'TEXT_WIDGET', widgetName: 'Text1', leftColumn: 0, rightColumn: 20, topRow: 41, bottomRow: 45, parentRowSpace: 10, text: '{{appsmith.store.deleted}}' },
      ],
    }
    const page = convertPage('Home', dsl)
    expect(page.html).toContain('on-custom-column1-click="{{storeValue(&quot;deleted&quot;, Table1.triggeredRow.name')
    // `smithlet build` sees the onClick as a trigger, so it is compiled ahead of time
    expect((await bindingsFromHtml(page.html)).triggers).toContain('{{storeValue("deleted", Table1.triggeredRow.name + " at " + Table1.triggeredRowIndex)}}')
    document.body.innerHTML = page.html
    const app = await testApp()
    apps.push(app)
    await app.mount(document.body)
    const table = document.querySelector('smith-table[name="Table1"]') as SmithTable
    await table.updateComplete
    await table.updateComplete
    const root = table.shadowRoot!
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('tbody tr[role="row"] td button')]
    expect(buttons.map((b) => b.textContent)).toEqual(['Delete Ann', 'Delete Bob'])
    expect(buttons.map((b) => b.disabled)).toEqual([false, true])
    expect(buttons[0]!.style.getPropertyValue('--smith-cell-button-color')).toBe('#DD4B34')
    buttons[0]!.click()
    await new Promise((r) => setTimeout(r, 20))
    await table.updateComplete
    expect(table.meta.triggeredRow!.value).toBe((table.tableData as unknown[])[0])
    expect(table.meta.triggeredRowIndex!.value).toBe(0)
    expect(table.meta.selectedRowIndex!.value).toBe(-1)
    const text = document.querySelector('smith-text[name="Text1"]') as HTMLElement & { updateComplete: Promise<unknown> }
    await text.updateComplete
    expect(text.textContent).toContain('Ann at 0')
    // the disabled button of Bob's row: Enter on its cell does nothing; a click on the name cell selects the row
    const bobCells = root.querySelectorAll<HTMLElement>('tbody tr[role="row"]')[1]!.querySelectorAll('td')
    bobCells[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }))
    await new Promise((r) => setTimeout(r, 20))
    expect(table.meta.triggeredRowIndex!.value).toBe(0)
    bobCells[0]!.click()
    expect(table.meta.selectedRowIndex!.value).toBe(1)
    expect(table.meta.triggeredRowIndex!.value).toBe(1)
  })
})
