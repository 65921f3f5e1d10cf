// @vitest-environment happy-dom
/**
 * Appsmith's LIST_WIDGET_V2 and JSON_FORM_WIDGET as the shared exports hold them, imported
 * and mounted by a real app (happy-dom, real Lit): the list's template children repeat per
 * item with `currentItem`, an item click runs `onItemClick` with `selectedItem` set; the
 * JSON form draws the fields of Appsmith's `schema` with `sourceData`'s values and its
 * submit runs `onSubmit`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import '../../widgets/define'
import { convertPage, type DslWidget } from '../../src/import/index'
import { listTemplate } from '../../src/import/list-template'
import { disposingTestApp } from '../support/app'

const APPS = join(import.meta.dirname, '../../../shared/appsmith-apps')
const dslOf = (file: string): DslWidget => JSON.parse(readFileSync(join(APPS, file), 'utf8')).pageList[0].unpublishedPage.layouts[0].dsl
const find = (w: DslWidget, name: string): DslWidget | undefined => (w.widgetName === name ? w : (w.children ?? []).map((c) => find(c, name)).find(Boolean))
const open = disposingTestApp()
afterEach(() => {
  document.body.innerHTML = ''
})

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await Promise.all([...document.querySelectorAll('*')].map((w) => (w as unknown as { updateComplete?: Promise<unknown> }).updateComplete))
  }
}
const textOf = (el: Element | null): string => el?.textContent ?? ''

/** modalWidgetTestApp's page, imported and mounted. */
async function modalApp() {
  const page = convertPage('Page1', dslOf('modalWidgetTestApp.json'))
  document.body.innerHTML = page.html
  const app = await open()
  await app.mount(document.body)
  await settle()
  return { app, page }
}

describe('LIST_WIDGET_V2 → <smith-list> with its template', () => {
  it('the template is the main canvas’s children; the item height is the item container’s', () => {
    const list = find(dslOf('modalWidgetTestApp.json'), 'List2')!
    const t = listTemplate(list)
    expect(t.widgets.map((w) => w.widgetName)).toEqual(['Container3'])
    expect(t.itemHeight).toBe(120)
    const html = convertPage('P', { type: 'CANVAS_WIDGET', widgetName: 'M', children: [list] }).html
    expect(html).toMatch(/<smith-list name="List2" list-data="\{\{\[\{&quot;id&quot;:&quot;001&quot;[^"]*\}\}" item-spacing="\{\{8\}\}" page-size="\{\{3\}\}" primary-keys="\{\{List2\.listData\.map\(\(currentItem, currentIndex\) => currentItem\[&quot;id&quot;\] \)\}\}" on-item-click="\{\{showModal\(Modal3\.name\);\}\}" item-height="120" height="0">\s*<template>\s*<smith-container name="Container3">\s*<smith-canvas>/)
    expect(html).toContain('<smith-text name="Text6" text="{{currentItem.name}}"></smith-text>')
  })

  it('mounted: one item per listData entry bound to its currentItem; a click selects it and runs onItemClick (showModal)', async () => {
    const { app } = await modalApp()
    const list = document.querySelector('smith-list[name="List2"]')!
    const items = [...list.querySelectorAll(':scope > [data-smith-item]')]
    expect(items).toHaveLength(3)
    expect(items.map((i) => textOf(i.querySelector('[name="Text6"]')))).toEqual(['Blue', 'Green', 'Red'])
    expect(items.map((i) => textOf(i.querySelector('[name="Text7"]')))).toEqual(['001', '002', '003'])
    expect(app.evaluate('{{ List2.primaryKeys }}')).toEqual(['001', '002', '003'])
    expect(app.evaluate('{{ Modal3.isVisible }}')).toBe(false)
    expect(app.evaluate('{{ [Modal3.name, Modal3.widgetName, typeof Text6] }}')).toEqual(['Modal3', 'Modal3', 'undefined'])
    ;(items[1] as HTMLElement).click()
    await settle()
    expect(app.evaluate('{{ List2.selectedItem.name }}')).toBe('Green')
    expect(app.evaluate('{{ List2.selectedItemIndex }}')).toBe(1)
    expect(app.evaluate('{{ Modal3.isVisible }}')).toBe(true)
  })

  it('a static listData string (resetWidgetBug33601) is parsed as JSON', async () => {
    document.body.innerHTML = convertPage('Page1', dslOf('resetWidgetBug33601.json')).html
    const app = await open()
    await app.mount(document.body)
    await settle()
    const list = document.querySelector('smith-list[name="List1"]')!
    expect([...list.querySelectorAll('[data-smith-item] [name="Text1"]')].map(textOf)).toEqual(['Blue'])
    expect(app.evaluate('{{ List1.listData[0].id }}')).toBe('001')
  })
})

describe('JSON_FORM_WIDGET → <smith-json-form>', () => {
  it('Appsmith’s schema (with its generated sourceData lookups) draws its fields with sourceData’s values; submit runs onSubmit (showModal)', async () => {
    const { app } = await modalApp()
    const form = document.querySelector('smith-json-form[name="JSONForm2"]')!
    const labels = [...form.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent?.trim())
    expect(labels).toEqual(expect.arrayContaining(['Name', 'Date Of Birth', 'Employee Id']))
    const data = app.evaluate('{{ JSONForm2.formData }}') as Record<string, unknown>
    expect(data).toMatchObject({ name: 'John', employee_id: 1001 })
    // The Datepicker field reads "20/02/1990" with its dateFormat DD/MM/YYYY, as Appsmith's generated default does.
    expect(new Date(String(data.date_of_birth)).toDateString()).toBe(new Date(1990, 1, 20).toDateString())
    expect(app.evaluate('{{ JSONForm2.isValid }}')).toBe(true)
    expect(app.evaluate('{{ Modal5.isVisible }}')).toBe(false)
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
    await settle()
    expect(app.evaluate('{{ Modal5.isVisible }}')).toBe(true)
  })

  it('a bound title (PartialImportExportSampleApp’s update_form) evaluates', async () => {
    const dsl = dslOf('PartialImportExportSampleApp.json')
    const form = find(dsl, 'update_form')!
    const html = convertPage('Home', { type: 'CANVAS_WIDGET', widgetName: 'M', children: [{ ...form, isVisible: true, sourceData: '{{ {"gender": "female"} }}' }] }).html
    expect(html).toContain('title="Update Row id: {{data_table.selectedRow.id}}"')
    document.body.innerHTML = html
    const app = await open({ jsObjects: { data_table: 'export default { selectedRow: { id: 7 } }' } })
    await app.mount(document.body)
    await settle()
    const el = document.querySelector('smith-json-form')!
    expect(el.shadowRoot!.querySelector('h2')?.textContent).toBe('Update Row id: 7')
    expect(app.errors).toEqual([])
  })
})
