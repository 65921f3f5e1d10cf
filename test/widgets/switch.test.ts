// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithSwitch } from '../../widgets/switch'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const input = (el: Element): HTMLInputElement => shadow(el).querySelector('input')!

test('a checkbox with role switch; aria-checked follows the state', async () => {
  const el = await mount<'smith-switch'>('<smith-switch label="Dark mode" default-switch-state></smith-switch>')
  expect(input(el).getAttribute('role')).toBe('switch')
  expect(input(el).getAttribute('aria-checked')).toBe('true')
  expect(el.meta.isSwitchedOn.value).toBe(true)
  input(el).click()
  await el.updateComplete
  expect(el.meta.isSwitchedOn.value).toBe(false)
  expect(input(el).getAttribute('aria-checked')).toBe('false')
})

test('through the app: onChange reads isSwitchedOn; reset; setValue', async () => {
  const { app, el } = await open(`<smith-switch name="Switch1" on-change="{{storeValue('on', Switch1.isSwitchedOn)}}"></smith-switch>`)
  const sw = el<SmithSwitch>('Switch1')
  input(sw).click()
  await settle()
  expect(app.evaluate('{{appsmith.store.on}}')).toBe(true)
  await app.run('{{resetWidget("Switch1")}}')
  expect(app.evaluate('{{Switch1.isSwitchedOn}}')).toBe(false)
  sw.setValue(true)
  expect(app.evaluate('{{Switch1.isSwitchedOn}}')).toBe(true)
  expect(app.evaluate('{{appsmith.store.on}}')).toBe(true)
})

test('disabled switch does not toggle; align RIGHT puts the label first', async () => {
  const el = await mount<'smith-switch'>('<smith-switch is-disabled align-widget="RIGHT"></smith-switch>')
  expect(input(el).disabled).toBe(true)
  expect(shadow(el).querySelector('label.right')).not.toBeNull()
})
