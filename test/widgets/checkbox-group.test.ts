// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { asList } from '../../widgets/checkbox-group'
import type { SmithCheckboxGroup } from '../../widgets/checkbox-group'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const OPTIONS = [
  { label: 'Mon', value: 'mon' },
  { label: 'Tue', value: 'tue' },
  { label: 'Wed', value: 'wed' },
]
const boxes = (el: Element): HTMLInputElement[] => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]

test('defaults are checked, in option order; values not among the options are dropped', async () => {
  const el = await mount<'smith-checkbox-group'>(`<smith-checkbox-group label="Days" default-selected-values='["wed","mon","sun"]'></smith-checkbox-group>`, { options: OPTIONS })
  expect(el.meta.selectedValues.value).toEqual(['mon', 'wed'])
  expect(boxes(el).map((b) => b.checked)).toEqual([true, false, true])
})

test('through the app: toggling fires onSelectionChange; select all; reset', async () => {
  const { app, el } = await open(
    `<smith-checkbox-group name="Days" is-select-all options='${JSON.stringify(OPTIONS)}' on-selection-change="{{storeValue('days', Days.selectedValues.join(','))}}"></smith-checkbox-group>`,
  )
  const g = el<SmithCheckboxGroup>('Days')
  boxes(g)[2].click()
  await settle()
  expect(app.evaluate('{{appsmith.store.days}}')).toBe('tue')
  boxes(g)[0].click() // select all
  await settle()
  expect(app.evaluate('{{appsmith.store.days}}')).toBe('mon,tue,wed')
  boxes(g)[0].click()
  await settle()
  expect(app.evaluate('{{Days.selectedValues}}')).toEqual([])
  g.setSelectedOptions(['tue'])
  await app.run('{{resetWidget("Days")}}')
  expect(app.evaluate('{{Days.selectedValues}}')).toEqual([])
})

test('required: at least one', async () => {
  const el = await mount<'smith-checkbox-group'>('<smith-checkbox-group is-required></smith-checkbox-group>', { options: OPTIONS })
  expect(el.meta.isValid.value).toBe(false)
  boxes(el)[0].click()
  expect(el.meta.isValid.value).toBe(true)
  expect(el.meta.isDirty.value).toBe(true)
})

test('asList', () => {
  expect(asList('["a"]')).toEqual(['a'])
  expect(asList('a')).toEqual(['a'])
  expect(asList([{ label: 'A', value: 1 }])).toEqual([1])
  expect(asList(undefined)).toEqual([])
})
