// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { resolveTabs } from '../../widgets/tabs'
import type { SmithTabs } from '../../widgets/index'
import { disposingTestApp } from '../support/app'
import { cleanup, key, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)
const testApp = disposingTestApp()

const TABS = `<smith-tabs name="Tabs1" default-tab="Orders">
  <div tab-id="tab1" tab-name="Users"><span id="u">users</span></div>
  <div tab-id="tab2" tab-name="Orders"><span id="o">orders</span></div>
  <div tab-id="tab3" tab-name="Stats"><span id="s">stats</span></div>
</smith-tabs>`

const tabButtons = (el: Element): HTMLButtonElement[] => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')]
const assigned = (el: Element): Element[] => shadow(el).querySelector<HTMLSlotElement>('slot[name="smith-tab-active"]')!.assignedElements()

describe('<smith-tabs>', () => {
  test('one tab button per canvas, the default tab selected and its canvas the only one shown', async () => {
    const el = await mount<'smith-tabs'>(TABS)
    await el.updateComplete
    expect(tabButtons(el).map((b) => b.textContent)).toEqual(['Users', 'Orders', 'Stats'])
    expect(tabButtons(el).map((b) => b.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false'])
    expect(tabButtons(el).map((b) => b.tabIndex)).toEqual([-1, 0, -1])
    expect(el.getMeta('selectedTab')).toBe('Orders')
    expect(el.getMeta('selectedTabWidgetId')).toBe('tab2')
    expect(assigned(el).map((p) => p.getAttribute('tab-id'))).toEqual(['tab2'])
    expect(shadow(el).querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-1')
  })

  test('clicking a tab selects it and fires onTabSelected; the other canvases stay in the document', async () => {
    const el = await mount<'smith-tabs'>(TABS)
    const log = recordTriggers(el)
    tabButtons(el)[2].click()
    await el.updateComplete
    expect(log).toEqual([expect.objectContaining({ event: 'onTabSelected', meta: { selectedTab: 'Stats', selectedTabWidgetId: 'tab3' } })])
    expect(assigned(el).map((p) => p.getAttribute('tab-id'))).toEqual(['tab3'])
    expect(el.querySelector('#u')).not.toBeNull()
    expect(el.querySelector('#o')).not.toBeNull()
    tabButtons(el)[2].click() // the selected tab again: no event
    expect(log).toHaveLength(1)
  })

  test('keyboard: arrows wrap, Home and End, each selecting', async () => {
    const el = await mount<'smith-tabs'>(TABS)
    const list = shadow(el).querySelector('[role="tablist"]')!
    key(list, 'ArrowRight')
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Stats')
    key(list, 'ArrowRight')
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Users')
    key(list, 'ArrowLeft')
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Stats')
    key(list, 'Home')
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Users')
    const end = key(list, 'End')
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Stats')
    expect(end.defaultPrevented).toBe(true)
    expect(key(list, 'a').defaultPrevented).toBe(false)
  })

  test('tabsObj sets labels, order and visibility; an unknown default falls back to the first tab', async () => {
    const el = await mount<'smith-tabs'>(TABS.replace('default-tab="Orders"', 'default-tab="Nope"'), {
      tabsObj: {
        tab1: { id: 'tab1', label: 'People', index: 2, isVisible: true },
        tab2: { id: 'tab2', label: 'Orders', index: 1, isVisible: false },
        tab3: { id: 'tab3', label: 'Numbers', index: 0, isVisible: true },
      },
    })
    await el.updateComplete
    expect(tabButtons(el).map((b) => b.textContent)).toEqual(['Numbers', 'People'])
    expect(el.getMeta('selectedTab')).toBe('Numbers')
  })

  test('a new defaultTab selects it; resetMeta goes back to it; shouldShowTabs=false hides the bar', async () => {
    const el = await mount<'smith-tabs'>(TABS)
    el.selectTab('Users')
    el.defaultTab = 'Stats'
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Stats')
    el.selectTab('Users')
    el.resetMeta()
    await el.updateComplete
    expect(el.getMeta('selectedTab')).toBe('Stats')
    el.shouldShowTabs = false
    await el.updateComplete
    expect(shadow(el).querySelector('[role="tablist"]')).toBeNull()
    expect(shadow(el).querySelector('[role="tabpanel"]')!.getAttribute('aria-label')).toBe('Stats')
  })

  test('labels are text, never HTML', async () => {
    const el = await mount<'smith-tabs'>('<smith-tabs><div tab-name="<img src=x onerror=alert(1)>"></div></smith-tabs>')
    expect(tabButtons(el)[0].textContent).toBe('<img src=x onerror=alert(1)>')
    expect(shadow(el).querySelector('img')).toBeNull()
  })

  test('resolveTabs: children without ids get tabN; tabsObj as an array works', () => {
    const a = document.createElement('div')
    const b = document.createElement('div')
    b.setAttribute('tab-name', 'B')
    expect(resolveTabs([a, b], undefined).map((t) => [t.id, t.label])).toEqual([['tab1', 'tab1'], ['B', 'B']])
    expect(resolveTabs([a, b], [{ id: 'B', label: 'Bee', index: 0 }]).map((t) => t.label)).toEqual(['Bee', 'tab1'])
  })

  test('mounted in an app: Tabs1.selectedTab is bindable, onTabSelected runs, and widgets in hidden tabs keep their state', async () => {
    document.body.innerHTML = `<smith-tabs name="Tabs1" default-tab="A" on-tab-selected="{{storeValue('picked', Tabs1.selectedTab)}}">
        <div tab-name="A"><smith-input name="Input1"></smith-input></div>
        <div tab-name="B"><smith-text name="Text1" text="{{'on ' + Tabs1.selectedTab}}"></smith-text></div>
      </smith-tabs>`
    const app = await testApp()
    await app.mount(document.body)
    const tabs = document.querySelector('smith-tabs') as SmithTabs
    await tabs.updateComplete
    const input = document.querySelector('smith-input')!
    await input.updateComplete
    const field = shadow(input).querySelector('input')!
    field.value = 'typed'
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
    tabs.selectTab('B')
    await tabs.updateComplete
    await Promise.resolve()
    expect(app.evaluate('{{ Text1.text }}')).toBe('on B')
    await expect.poll(() => app.evaluate('{{ appsmith.store.picked }}')).toBe('B')
    tabs.selectTab('A')
    await tabs.updateComplete
    expect(app.evaluate('{{ Input1.text }}')).toBe('typed')
    expect(shadow(input).querySelector('input')!.value).toBe('typed')
  })
})
