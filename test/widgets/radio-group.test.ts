// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithRadioGroup } from '../../widgets/radio-group'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const OPTIONS = [
  { label: 'Small', value: 'S' },
  { label: 'Medium', value: 'M' },
]
const radios = (el: Element): HTMLInputElement[] => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')]

test('native radios in a fieldset with a legend; the default is checked', async () => {
  const el = await mount<'smith-radio-group'>('<smith-radio-group label="Size" default-option-value="M"></smith-radio-group>', { options: OPTIONS })
  expect(shadow(el).querySelector('fieldset legend')?.textContent).toBe('Size')
  expect(radios(el).map((r) => r.checked)).toEqual([false, true])
  expect(new Set(radios(el).map((r) => r.name)).size).toBe(1)
  expect(el.meta.selectedOptionLabel.value).toBe('Medium')
})

test('through the app: picking fires onSelectionChange with the value set; reset', async () => {
  const { app, el } = await open(
    `<smith-radio-group name="Size" options='${JSON.stringify(OPTIONS)}' default-option-value="M" on-selection-change="{{storeValue('size', Size.selectedOptionValue)}}"></smith-radio-group>`,
  )
  const g = el<SmithRadioGroup>('Size')
  radios(g)[0].click()
  await settle()
  expect(app.evaluate('{{appsmith.store.size}}')).toBe('S')
  await app.run('{{resetWidget("Size")}}')
  await g.updateComplete
  expect(app.evaluate('{{Size.selectedOptionValue}}')).toBe('M')
  expect(radios(g).map((r) => r.checked)).toEqual([false, true])
})

test('required and setters', async () => {
  const el = await mount<'smith-radio-group'>('<smith-radio-group is-required></smith-radio-group>', { options: OPTIONS })
  expect(el.meta.isValid.value).toBe(false)
  el.setSelectedOption('S')
  expect(el.meta.isValid.value).toBe(true)
  el.setDisabled(true)
  await el.updateComplete
  expect(shadow(el).querySelector('fieldset')!.disabled).toBe(true)
})
