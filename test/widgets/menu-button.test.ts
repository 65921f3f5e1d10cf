// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithMenuButton, SmithMenuItem } from '../../widgets/menu-button'
import type { SmithButtonGroup } from '../../widgets/button-group'
import { appMounter, settle } from './app'
import { cleanup, key, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const trigger = (el: Element): HTMLButtonElement => shadow(el).querySelector('button')!
const menu = (el: Element): HTMLElement => shadow(el).querySelector('[role="menu"]')!

const PAGE = `
  <smith-menu-button name="Actions" label="Actions">
    <smith-menu-item name="Edit" label="Edit" icon-name="edit" on-click="{{storeValue('did', 'edit')}}"></smith-menu-item>
    <smith-menu-item name="Del" label="Delete" is-disabled="{{appsmith.store.locked === true}}" on-click="{{storeValue('did', 'delete')}}"></smith-menu-item>
    <smith-menu-item name="Copy" label="Copy" on-click="{{storeValue('did', 'copy')}}"></smith-menu-item>
  </smith-menu-button>`

test('ARIA menu button: haspopup, expanded, items are menuitems; click opens on the first item', async () => {
  const { el } = await open(PAGE)
  const mb = el<SmithMenuButton>('Actions')
  expect(trigger(mb).getAttribute('aria-haspopup')).toBe('menu')
  expect(trigger(mb).getAttribute('aria-expanded')).toBe('false')
  expect(menu(mb).hidden).toBe(true)
  expect(el('Edit').getAttribute('role')).toBe('menuitem')
  trigger(mb).click()
  await settle()
  expect(trigger(mb).getAttribute('aria-expanded')).toBe('true')
  expect(menu(mb).hidden).toBe(false)
  expect(document.activeElement).toBe(el('Edit'))
})

test('keyboard: arrows wrap, End, Enter runs the item and closes back to the button; Escape closes', async () => {
  const { app, el } = await open(PAGE)
  const mb = el<SmithMenuButton>('Actions')
  key(trigger(mb), 'ArrowUp')
  await settle()
  expect(document.activeElement).toBe(el('Copy'))
  key(el('Copy'), 'ArrowDown')
  expect(document.activeElement).toBe(el('Edit'))
  key(el('Edit'), 'End')
  expect(document.activeElement).toBe(el('Copy'))
  key(el('Copy'), 'ArrowUp')
  expect(document.activeElement).toBe(el('Del'))
  key(el('Del'), 'Enter')
  await settle()
  expect(app.evaluate('{{appsmith.store.did}}')).toBe('delete')
  expect(mb.meta.isOpen.value).toBe(false)
  expect(shadow(mb).activeElement).toBe(trigger(mb))
  key(trigger(mb), 'ArrowDown')
  await settle()
  key(el('Edit'), 'Escape')
  await mb.updateComplete
  expect(menu(mb).hidden).toBe(true)
  expect(shadow(mb).activeElement).toBe(trigger(mb))
})

test('a disabled item is skipped and does not run; a click on an item runs it', async () => {
  const { app, el } = await open(PAGE)
  await app.run("{{storeValue('locked', true)}}")
  await settle()
  const mb = el<SmithMenuButton>('Actions')
  expect(el<SmithMenuItem>('Del').getAttribute('aria-disabled')).toBe('true')
  await mb.open()
  key(el('Edit'), 'ArrowDown')
  expect(document.activeElement).toBe(el('Copy'))
  el('Del').click()
  await settle()
  expect(app.evaluate('{{appsmith.store.did}}')).toBeUndefined()
  el('Copy').click()
  await settle()
  expect(app.evaluate('{{appsmith.store.did}}')).toBe('copy')
  expect(mb.meta.isOpen.value).toBe(false)
})

test('a pointer down outside closes the menu; a disabled menu button does not open', async () => {
  const { el } = await open(PAGE + '<p id="outside">x</p>')
  const mb = el<SmithMenuButton>('Actions')
  await mb.open()
  document.getElementById('outside')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }))
  expect(mb.meta.isOpen.value).toBe(false)
  mb.setDisabled(true)
  await mb.updateComplete
  expect(trigger(mb).disabled).toBe(true)
  await mb.open()
  expect(mb.meta.isOpen.value).toBe(false)
})

test('button group: a labelled group of child widgets, each with its own onClick; isDisabled makes them inert', async () => {
  const { app, el } = await open(`
    <smith-button-group name="Toolbar">
      <smith-button name="Save" text="Save" on-click="{{storeValue('g', 'save')}}"></smith-button>
      <smith-menu-button name="More" label="More"><smith-menu-item label="Export" on-click="{{storeValue('g', 'export')}}"></smith-menu-item></smith-menu-button>
    </smith-button-group>`)
  const group = el<SmithButtonGroup>('Toolbar')
  expect(shadow(group).querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Toolbar')
  trigger(el('Save')).click()
  await settle()
  expect(app.evaluate('{{appsmith.store.g}}')).toBe('save')
  await el<SmithMenuButton>('More').open()
  ;(document.querySelector('smith-menu-item') as HTMLElement).click()
  await settle()
  expect(app.evaluate('{{appsmith.store.g}}')).toBe('export')
  await app.run('{{Toolbar.setDisabled(true)}}')
  await group.updateComplete
  expect(el('Save').hasAttribute('inert')).toBe(true)
  await app.run('{{Toolbar.setDisabled(false)}}')
  await group.updateComplete
  expect(el('Save').hasAttribute('inert')).toBe(false)
})
