// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithCheckbox } from '../../widgets/checkbox'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const box = (el: Element): HTMLInputElement => shadow(el).querySelector('input')!
function click(el: SmithCheckbox): Promise<boolean> {
  box(el).click()
  return el.updateComplete
}

test('a native checkbox named by its label; default state followed until clicked', async () => {
  const el = await mount<'smith-checkbox'>('<smith-checkbox label="I agree" default-checked-state></smith-checkbox>')
  expect(box(el).type).toBe('checkbox')
  expect(box(el).closest('label')?.textContent?.trim()).toBe('I agree')
  expect(el.meta.isChecked.value).toBe(true)
  expect(box(el).checked).toBe(true)
  el.defaultCheckedState = false
  await el.updateComplete
  expect(el.meta.isChecked.value).toBe(false)
  await click(el)
  el.defaultCheckedState = false
  await el.updateComplete
  expect(el.meta.isChecked.value).toBe(true)
})

test('"false" in an attribute is false', async () => {
  const el = await mount<'smith-checkbox'>('<smith-checkbox default-checked-state="false" is-disabled="false"></smith-checkbox>')
  expect(el.meta.isChecked.value).toBe(false)
  expect(box(el).disabled).toBe(false)
})

test('through the app: onCheckChange sees isChecked; resetWidget restores the default', async () => {
  const { app, el } = await open(`<smith-checkbox name="Agree" label="Agree" on-check-change="{{storeValue('agreed', Agree.isChecked)}}"></smith-checkbox>`)
  await click(el('Agree'))
  await settle()
  expect(app.evaluate('{{appsmith.store.agreed}}')).toBe(true)
  expect(app.evaluate('{{Agree.isDirty}}')).toBe(true)
  await app.run('{{resetWidget("Agree")}}')
  expect(app.evaluate('{{Agree.isChecked}}')).toBe(false)
  await el<SmithCheckbox>('Agree').updateComplete
  expect(box(el('Agree')).checked).toBe(false)
})

test('required: must be checked; setValue and setDisabled', async () => {
  const el = await mount<'smith-checkbox'>('<smith-checkbox is-required label="Terms"></smith-checkbox>')
  expect(el.meta.isValid.value).toBe(false)
  expect(shadow(el).querySelector('.required')).not.toBeNull()
  el.setValue(true)
  expect(el.meta.isValid.value).toBe(true)
  el.setDisabled(true)
  await el.updateComplete
  expect(box(el).disabled).toBe(true)
})
