import { describe, expect, it } from 'vitest'
import { convertPage, gridArea, readingOrder, type DslWidget } from '../../src/import/index'

const w = (widgetName: string, type: string, l: number, r: number, t: number, b: number, extra: Partial<DslWidget> = {}): DslWidget =>
  ({ widgetName, type, leftColumn: l, rightColumn: r, topRow: t, bottomRow: b, parentRowSpace: 10, ...extra }) as DslWidget

describe('fixed grid → CSS grid', () => {
  it('positions become 1-based grid lines (end exclusive) and the height in rows of 10 px', () => {
    expect(gridArea(w('B', 'BUTTON_WIDGET', 27, 43, 15, 19))).toEqual({ columnStart: 28, columnEnd: 44, rowStart: 16, rowEnd: 20, height: 40 })
  })

  it('clamps to 64 columns and at least one cell; a missing row space means 10 px', () => {
    expect(gridArea(w('X', 'TEXT_WIDGET', 60, 70, 3, 3, { parentRowSpace: undefined }))).toEqual({ columnStart: 61, columnEnd: 65, rowStart: 4, rowEnd: 5, height: 10 })
  })

  it('reading order: top to bottom, then left to right', () => {
    const order = readingOrder([w('c', 'T', 30, 40, 10, 12), w('a', 'T', 0, 10, 0, 2), w('b', 'T', 20, 30, 10, 12)]).map((x) => x.widgetName)
    expect(order).toEqual(['a', 'b', 'c'])
  })

  it('a page: scoped rules in the stylesheet, no style attribute, nested canvases, stacking below 640 px', () => {
    const dsl = w('MainContainer', 'CANVAS_WIDGET', 0, 1224, 0, 600, {
      children: [
        w('Container1', 'CONTAINER_WIDGET', 0, 32, 2, 20, { children: [w('Canvas1', 'CANVAS_WIDGET', 0, 600, 0, 180, { children: [w('Inner', 'TEXT_WIDGET', 1, 63, 1, 5, { text: '{{ 1 + 1 }}' })] })] }),
        w('Title', 'TEXT_WIDGET', 0, 64, 0, 2, { text: 'Hello' }),
        w('Chart1', 'CHART_WIDGET', 32, 64, 2, 20),
      ],
    })
    const page = convertPage('Home', dsl)
    expect(page.html).not.toMatch(/style=/)
    expect(page.html.indexOf('name="Title"')).toBeLessThan(page.html.indexOf('name="Container1"'))
    expect(page.html).toMatch(/<smith-container name="Container1">\s*<smith-canvas>\s*<smith-text name="Inner" text="\{\{ 1 \+ 1 \}\}"><\/smith-text>/)
    expect(page.html).toContain('<smith-placeholder name="Chart1" type="CHART_WIDGET"></smith-placeholder>')
    expect(page.css).toContain('.smith-page[data-page="Home"] [name="Inner"] { grid-column: 2 / 64; grid-row: 2 / 6; }')
    expect(page.css).toContain('.smith-page[data-page="Home"] [name="Chart1"] { grid-column: 33 / 65; grid-row: 3 / 21; }')
    expect(page.css).toMatch(/@media \(max-width: 639\.98px\) \{[\s\S]*\[name="Container1"\] \{ min-height: 180px; \}/)
    expect(page.stats).toMatchObject({ mapped: { 'smith-container': 1, 'smith-text': 2 }, placeholders: { CHART_WIDGET: 1 }, bindings: 1 })
  })

  it('types keep their value: booleans and numbers as bindings, static data as JSON, hidden widgets, triggers', () => {
    const dsl = w('M', 'CANVAS_WIDGET', 0, 64, 0, 100, {
      children: [
        w('B', 'BUTTON_WIDGET', 0, 10, 0, 4, { text: 'Go', isDisabled: true, isVisible: false, onClick: "{{showModal('Modal1')}}", dynamicTriggerPathList: [{ key: 'onClick' }] }),
        w('S', 'SELECT_WIDGET', 0, 10, 5, 9, { options: [{ label: 'A', value: 'a' }], isDisabled: false }),
        w('Modal1', 'MODAL_WIDGET', 0, 0, 0, 0, { width: 456, height: 240, canOutsideClickClose: true, children: [w('C', 'CANVAS_WIDGET', 0, 0, 0, 240, { children: [] })] }),
      ],
    })
    const { html, css } = convertPage('P', dsl)
    expect(html).toContain('<smith-button name="B" text="Go" is-disabled="{{true}}" on-click="{{showModal(\'Modal1\')}}" is-visible="false">')
    expect(html).toContain('options="{{[{&quot;label&quot;:&quot;A&quot;,&quot;value&quot;:&quot;a&quot;}]}}" is-disabled="{{false}}"')
    expect(html).toContain('<smith-modal name="Modal1" can-outside-click-close="{{true}}" hidden>')
    expect(css).toContain('[name="Modal1"] { --smith-modal-width: 456px; --smith-modal-height: 240px; }')
    expect(css).not.toContain('[name="Modal1"] { grid-column')
  })
})
