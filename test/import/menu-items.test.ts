// @vitest-environment happy-dom
/**
 * MENU_BUTTON_WIDGET `menuItems` and BUTTON_GROUP_WIDGET `groupButtons` (shaped as
 * Appsmith's widget defaults write them: keyed by id, ordered by `index`, triggers at
 * `groupButtons.<id>.onClick`) become child elements whose own on-click runs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import '../../widgets/define'
import { convertPage, type DslWidget } from '../../src/import/index'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()
afterEach(() => {
  document.body.innerHTML = ''
})
const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await Promise.all([...document.querySelectorAll('*')].map((w) => (w as unknown as { updateComplete?: Promise<unknown> }).updateComplete))
  }
}

const menuButton = {
  type: 'MENU_BUTTON_WIDGET', widgetName: 'MenuButton1', label: 'Open Menu', menuVariant: 'SECONDARY', isDisabled: false, leftColumn: 0, rightColumn: 16, topRow: 0, bottomRow: 4,
  menuItemsSource: 'STATIC',
  menuItems: {
    menuItem2: { label: 'Second Menu Item', id: 'menuItem2', widgetId: '', isVisible: true, isDisabled: false, index: 1, onClick: "{{storeValue('did', 'second')}}" },
    menuItem1: { label: 'First Menu Item', id: 'menuItem1', widgetId: '', isVisible: true, isDisabled: false, index: 0, onClick: "{{storeValue('did', 'first')}}" },
    menuItem3: { label: 'Third Menu Item', id: 'menuItem3', widgetId: '', isVisible: '{{appsmith.store.showThird === true}}', isDisabled: false, index: 2 },
  },
  dynamicTriggerPathList: [{ key: 'menuItems.menuItem1.onClick' }, { key: 'menuItems.menuItem2.onClick' }],
} as unknown as DslWidget

const buttonGroup = {
  type: 'BUTTON_GROUP_WIDGET', widgetName: 'ButtonGroup1', orientation: 'horizontal', isDisabled: false, leftColumn: 0, rightColumn: 24, topRow: 5, bottomRow: 9,
  groupButtons: {
    groupButton1: { label: 'Favorite', iconName: 'heart', id: 'groupButton1', widgetId: '', buttonType: 'SIMPLE', placement: 'CENTER', isVisible: true, isDisabled: false, index: 0, menuItems: {}, onClick: "{{storeValue('g', 'fav')}}" },
    groupButton2: { label: 'Add', iconName: 'add', id: 'groupButton2', buttonType: 'SIMPLE', placement: 'CENTER', widgetId: '', isVisible: true, isDisabled: true, index: 1, menuItems: {} },
    groupButton3: {
      label: 'More', iconName: 'more', id: 'groupButton3', buttonType: 'MENU', placement: 'CENTER', widgetId: '', isVisible: true, isDisabled: false, index: 2,
      menuItems: {
        menuItem1: { label: 'First Option', backgroundColor: '#FFFFFF', id: 'menuItem1', widgetId: '', onClick: "{{storeValue('g', 'first option')}}", isVisible: true, isDisabled: false, index: 0 },
      },
    },
  },
  dynamicTriggerPathList: [{ key: 'groupButtons.groupButton1.onClick' }, { key: 'groupButtons.groupButton3.menuItems.menuItem1.onClick' }],
} as unknown as DslWidget

const page = (...children: DslWidget[]) => convertPage('P', { type: 'CANVAS_WIDGET', widgetName: 'MainContainer', children } as DslWidget)

describe('menu items and group buttons', () => {
  it('become child elements in index order, with their own on-click, visibility and disabled state', () => {
    const { html, stats } = page(menuButton, buttonGroup)
    expect(html).toContain(`<smith-menu-button name="MenuButton1" label="Open Menu" button-variant="SECONDARY" is-disabled="{{false}}">
    <smith-menu-item label="First Menu Item" is-disabled="{{false}}" on-click="{{storeValue('did', 'first')}}"></smith-menu-item>
    <smith-menu-item label="Second Menu Item" is-disabled="{{false}}" on-click="{{storeValue('did', 'second')}}"></smith-menu-item>
    <smith-menu-item label="Third Menu Item" is-disabled="{{false}}" is-visible="{{appsmith.store.showThird === true}}"></smith-menu-item>
  </smith-menu-button>`)
    expect(html).toContain(`<smith-button-group name="ButtonGroup1" orientation="horizontal" is-disabled="{{false}}">
    <smith-button text="Favorite" icon-name="heart" is-disabled="{{false}}" on-click="{{storeValue('g', 'fav')}}"></smith-button>
    <smith-button text="Add" icon-name="add" is-disabled="{{true}}"></smith-button>
    <smith-menu-button label="More" icon-name="more" is-disabled="{{false}}">
      <smith-menu-item label="First Option" is-disabled="{{false}}" on-click="{{storeValue('g', 'first option')}}"></smith-menu-item>
    </smith-menu-button>
  </smith-button-group>`)
    expect(stats.mapped).toEqual({ 'smith-menu-button': 1, 'smith-button-group': 1 })
    expect(stats.triggers).toBe(4)
    expect(stats.bindings).toBeGreaterThanOrEqual(1)
  })

  it('mounted: a menu item and a group button run their onClick; a bound isVisible hides an item', async () => {
    document.body.innerHTML = page(menuButton, buttonGroup).html
    const app = await open()
    await app.mount(document.body)
    await settle()
    const items = [...document.querySelectorAll('smith-menu-button[name="MenuButton1"] smith-menu-item')] as HTMLElement[]
    expect(items.map((i) => i.getAttribute('label'))).toEqual(['First Menu Item', 'Second Menu Item', 'Third Menu Item'])
    expect(items[2]!.hidden).toBe(true)
    items[1]!.click()
    await settle()
    expect(app.evaluate('{{ appsmith.store.did }}')).toBe('second')
    document.querySelector('smith-button-group smith-button')!.shadowRoot!.querySelector('button')!.click()
    await settle()
    expect(app.evaluate('{{ appsmith.store.g }}')).toBe('fav')
    ;(document.querySelector('smith-button-group smith-menu-item') as HTMLElement).click()
    await settle()
    expect(app.evaluate('{{ appsmith.store.g }}')).toBe('first option')
    await app.run("{{ storeValue('showThird', true) }}")
    await settle()
    expect(items[2]!.hidden).toBe(false)
    expect(app.errors).toEqual([])
  })

  it('dynamic menu items are reported, not silently dropped', () => {
    const { notes } = page({ ...menuButton, menuItemsSource: 'DYNAMIC' } as DslWidget)
    expect(notes).toEqual([expect.stringMatching(/^MenuButton1: menu items generated from sourceData/)])
  })
})
