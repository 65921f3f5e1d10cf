// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const button = (el: Element): HTMLButtonElement => shadow(el).querySelector('button')!

test('a native button named by its tooltip, with a decorative icon', async () => {
  const el = await mount<'smith-icon-button'>('<smith-icon-button icon-name="trash" tooltip="Delete row"></smith-icon-button>')
  expect(button(el).getAttribute('aria-label')).toBe('Delete row')
  expect(button(el).querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
  expect(button(el).querySelector('path')?.getAttribute('d')).toContain('M4 7h16')
})

test('unknown icons still render; the name falls back to the widget name', async () => {
  const el = await mount<'smith-icon-button'>('<smith-icon-button name="More1" icon-name="no-such-icon"></smith-icon-button>')
  expect(button(el).getAttribute('aria-label')).toBe('More1')
  expect(button(el).querySelector('svg')).not.toBeNull()
})

test('through the app: a click runs onClick; not when disabled', async () => {
  const { app, el } = await open(`<smith-icon-button name="Add" icon-name="plus" on-click="{{storeValue('n', (appsmith.store.n || 0) + 1)}}"></smith-icon-button>`)
  button(el('Add')).click()
  await settle()
  expect(app.evaluate('{{appsmith.store.n}}')).toBe(1)
  const b = el<HTMLElement & { setDisabled(v: boolean): void; updateComplete: Promise<boolean> }>('Add')
  b.setDisabled(true)
  await b.updateComplete
  expect(button(b).disabled).toBe(true)
  button(b).dispatchEvent(new MouseEvent('click'))
  await settle()
  expect(app.evaluate('{{appsmith.store.n}}')).toBe(1)
})
