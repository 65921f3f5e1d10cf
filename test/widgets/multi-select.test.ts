// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithMultiSelect } from '../../widgets/multi-select'
import { appMounter, settle } from './app'
import { cleanup, key, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const OPTIONS = [
  { label: 'Red', value: 'r' },
  { label: 'Green', value: 'g' },
  { label: 'Blue', value: 'b' },
]
const listbox = (el: Element): HTMLElement => shadow(el).querySelector('[role="listbox"]')!
const options = (el: Element): HTMLElement[] => [...shadow(el).querySelectorAll<HTMLElement>('[role="option"]')]

test('an ARIA listbox, multiselectable, one tab stop, labelled', async () => {
  const el = await mount<'smith-multi-select'>('<smith-multi-select label-text="Colours"></smith-multi-select>', { options: OPTIONS })
  const lb = listbox(el)
  expect(lb.getAttribute('aria-multiselectable')).toBe('true')
  expect(lb.tabIndex).toBe(0)
  expect(shadow(el).getElementById(lb.getAttribute('aria-labelledby')!)?.textContent).toBe('Colours')
  expect(options(el).map((o) => o.textContent)).toEqual(['Red', 'Green', 'Blue'])
  expect(lb.getAttribute('aria-activedescendant')).toBe(options(el)[0].id)
})

test('keyboard: arrows move the active option, Space toggles, Ctrl+A selects all', async () => {
  const el = await mount<'smith-multi-select'>('<smith-multi-select></smith-multi-select>', { options: OPTIONS })
  const log = recordTriggers(el)
  key(listbox(el), 'ArrowDown')
  key(listbox(el), 'ArrowDown')
  await el.updateComplete
  expect(listbox(el).getAttribute('aria-activedescendant')).toBe(options(el)[2].id)
  key(listbox(el), ' ')
  await el.updateComplete
  expect(el.meta.selectedOptionValues.value).toEqual(['b'])
  expect(options(el)[2].getAttribute('aria-selected')).toBe('true')
  key(listbox(el), 'Home')
  key(listbox(el), 'Enter')
  expect(el.meta.selectedOptionValues.value).toEqual(['r', 'b'])
  expect(el.meta.selectedOptionLabels.value).toEqual(['Red', 'Blue'])
  key(listbox(el), 'a', { ctrlKey: true })
  expect(el.meta.selectedOptionValues.value).toEqual(['r', 'g', 'b'])
  expect(log.map((t) => t.event)).toEqual(['onOptionChange', 'onOptionChange', 'onOptionChange'])
  expect(log[1].meta.selectedOptionValues).toEqual(['r', 'b'])
})

test('through the app: defaults, clicks, chips remove, reset, and setters on the entity', async () => {
  const { app, el } = await open(
    `<smith-multi-select name="Colours" options='${JSON.stringify(OPTIONS)}' default-option-value='["g"]'
      on-option-change="{{storeValue('picked', Colours.selectedOptionLabels.join('+'))}}"></smith-multi-select>`,
  )
  const ms = el<SmithMultiSelect>('Colours')
  expect(app.evaluate('{{Colours.selectedOptionValues}}')).toEqual(['g'])
  options(ms)[0].click()
  await settle()
  expect(app.evaluate('{{appsmith.store.picked}}')).toBe('Red+Green')
  await ms.updateComplete
  ;(shadow(ms).querySelector('.chip button') as HTMLButtonElement).click()
  await settle()
  expect(app.evaluate('{{appsmith.store.picked}}')).toBe('Green')
  await app.run('{{resetWidget("Colours")}}')
  expect(app.evaluate('{{Colours.selectedOptionValues}}')).toEqual(['g'])
  expect(app.evaluate('{{Colours.isDirty}}')).toBe(false)
  await app.run('{{Colours.setSelectedOptions(["b", "zzz"])}}')
  expect(app.evaluate('{{Colours.selectedOptionLabels}}')).toEqual(['Blue'])
})

test('required, filter and disabled', async () => {
  const el = await mount<'smith-multi-select'>('<smith-multi-select is-required is-filterable></smith-multi-select>', { options: OPTIONS })
  expect(el.meta.isValid.value).toBe(false)
  const filter = shadow(el).querySelector('input[type="search"]') as HTMLInputElement
  filter.value = 'bl'
  filter.dispatchEvent(new Event('input'))
  await el.updateComplete
  expect(options(el).map((o) => o.textContent)).toEqual(['Blue'])
  key(listbox(el), ' ')
  expect(el.meta.selectedOptionValues.value).toEqual(['b'])
  expect(el.meta.isValid.value).toBe(true)
  el.setDisabled(true)
  await el.updateComplete
  key(listbox(el), 'Enter')
  expect(el.meta.selectedOptionValues.value).toEqual(['b'])
  expect(listbox(el).getAttribute('aria-disabled')).toBe('true')
})

test('sourceData with optionLabel / optionValue', async () => {
  const el = await mount<'smith-multi-select'>('<smith-multi-select option-label="name" option-value="id"></smith-multi-select>', {
    sourceData: [{ name: 'Ada', id: 1 }, { name: 'Grace', id: 2 }],
    defaultOptionValue: [2],
  })
  expect(options(el).map((o) => o.textContent)).toEqual(['Ada', 'Grace'])
  expect(el.meta.selectedOptionLabels.value).toEqual(['Grace'])
})
