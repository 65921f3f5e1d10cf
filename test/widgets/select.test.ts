// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import type { SmithSelect } from '../../widgets/select'
import { filterOptions, normaliseOptions, sameValue, sourceOptions } from '../../widgets/options'
import { appMounter, settle } from './app'
import { cleanup, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()

const OPTIONS = [
  { label: 'Open', value: 'open' },
  { label: 'Closed', value: 'closed' },
  { label: 'On hold', value: 'hold' },
]
const select = (el: Element): HTMLSelectElement => shadow(el).querySelector('select')!
async function choose(el: SmithSelect, label: string): Promise<void> {
  const s = select(el)
  const option = [...s.options].find((o) => o.textContent === label)!
  s.value = option.value
  s.dispatchEvent(new Event('change', { bubbles: true }))
  await el.updateComplete
}

test('renders a native select with a placeholder and the options as text', async () => {
  const el = await mount<'smith-select'>('<smith-select label-text="Status"></smith-select>', {
    options: [...OPTIONS, { label: '<b>x</b>', value: 'x' }],
  })
  const s = select(el)
  expect([...s.options].map((o) => o.textContent)).toEqual(['Select option', 'Open', 'Closed', 'On hold', '<b>x</b>'])
  expect(shadow(el).querySelector('b')).toBeNull()
  expect(shadow(el).querySelector('label')!.htmlFor).toBe(s.id)
})

test('defaultOptionValue selects, gives value and label; follows the default until the user picks', async () => {
  const el = await mount<'smith-select'>('<smith-select default-option-value="closed"></smith-select>', { options: OPTIONS })
  expect(el.meta.selectedOptionValue.value).toBe('closed')
  expect(el.meta.selectedOptionLabel.value).toBe('Closed')
  expect(select(el).selectedOptions[0].textContent).toBe('Closed')
  el.defaultOptionValue = { label: 'On hold', value: 'hold' }
  await el.updateComplete
  expect(el.meta.selectedOptionValue.value).toBe('hold')
  await choose(el, 'Open')
  el.defaultOptionValue = 'closed'
  await el.updateComplete
  expect(el.meta.selectedOptionValue.value).toBe('open')
  el.resetMeta()
  await el.updateComplete
  expect(el.meta.selectedOptionValue.value).toBe('closed')
  expect(el.meta.isDirty.value).toBe(false)
  expect(select(el).selectedOptions[0].textContent).toBe('Closed')
})

test('through the app: a choice fires onOptionChange with the meta already set', async () => {
  const { app, el } = await open(
    `<smith-select name="Select1" options='${JSON.stringify(OPTIONS)}' on-option-change="{{storeValue('picked', Select1.selectedOptionValue + '/' + Select1.selectedOptionLabel)}}"></smith-select>`,
  )
  const s = el<SmithSelect>('Select1')
  expect(app.evaluate('{{Select1.selectedOptionValue}}')).toBe('')
  await choose(s, 'On hold')
  await settle()
  expect(app.evaluate('{{appsmith.store.picked}}')).toBe('hold/On hold')
  expect(app.evaluate('{{Select1.isDirty}}')).toBe(true)
  await app.run('{{resetWidget("Select1")}}')
  await settle()
  expect(app.evaluate('{{Select1.selectedOptionValue}}')).toBe('')
  // The setters are on the entity (exposedMethods).
  await app.run('{{Select1.setSelectedOption("closed"); Select1.setDisabled(true)}}')
  await s.updateComplete
  expect(app.evaluate('{{Select1.selectedOptionLabel}}')).toBe('Closed')
  expect(select(s).disabled).toBe(true)
})

test('required: nothing chosen is invalid, a choice is valid', async () => {
  const el = await mount<'smith-select'>('<smith-select is-required></smith-select>', { options: OPTIONS })
  expect(el.meta.isValid.value).toBe(false)
  await choose(el, 'Open')
  expect(el.meta.isValid.value).toBe(true)
  el.setRequired(false)
  el.setSelectedOption('')
  await el.updateComplete
  expect(el.meta.isValid.value).toBe(true)
})

test('filterable: a filter field narrows the options and fires onFilterUpdate', async () => {
  const el = await mount<'smith-select'>('<smith-select is-filterable></smith-select>', { options: OPTIONS })
  const log = recordTriggers(el)
  const filter = shadow(el).querySelector('input[type="search"]') as HTMLInputElement
  filter.value = 'o'
  filter.dispatchEvent(new Event('input'))
  await el.updateComplete
  filter.value = 'clo'
  filter.dispatchEvent(new Event('input'))
  await el.updateComplete
  expect([...select(el).options].map((o) => o.textContent)).toEqual(['Select option', 'Closed'])
  expect(el.meta.filterText.value).toBe('clo')
  await choose(el, 'Closed')
  expect(el.meta.selectedOptionValue.value).toBe('closed')
  expect(log.map((t) => t.event)).toEqual(['onFilterUpdate', 'onFilterUpdate', 'onOptionChange'])
})

test('setters: setSelectedOption, setOptions, setDisabled', async () => {
  const el = await mount<'smith-select'>('<smith-select></smith-select>', { options: OPTIONS })
  el.setSelectedOption('hold')
  el.setDisabled(true)
  await el.updateComplete
  expect(el.meta.selectedOptionLabel.value).toBe('On hold')
  expect(select(el).disabled).toBe(true)
  el.setOptions(['a', 'b'])
  await el.updateComplete
  expect([...select(el).options].map((o) => o.textContent)).toEqual(['Select option', 'a', 'b'])
  expect((el.constructor as typeof SmithSelect).exposedMethods).toEqual(['setSelectedOption', 'setOptions', 'setDisabled', 'setRequired'])
})

test('options of the wrong shape give an error naming what was expected', async () => {
  const el = await mount<'smith-select'>('<smith-select></smith-select>', { options: 42 })
  expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(/options: expected a list/)
})

test('option helpers', () => {
  expect(normaliseOptions('["a", 2]').options).toEqual([{ label: 'a', value: 'a' }, { label: '2', value: 2 }])
  expect(normaliseOptions([{ label: 'L' }]).options).toEqual([{ label: 'L', value: 'L' }])
  expect(normaliseOptions('{oops').error).toMatch(/not JSON/)
  expect(sameValue(1, '1')).toBe(true)
  expect(sameValue({}, {})).toBe(false)
  expect(filterOptions(normaliseOptions(['Apple', 'Pear']).options, 'AP').map((o) => o.label)).toEqual(['Apple'])
})

test("Appsmith's newer form: sourceData with optionLabel / optionValue keys (as in a real export)", async () => {
  const { app, el } = await open(
    `<smith-select name="Colour" source-data='[{"name":"Blue","code":"BLUE"},{"name":"Green","code":"GREEN"},{"name":"Red","code":"RED"}]'
      option-label="name" option-value="code" default-option-value="GREEN"></smith-select>`,
  )
  const s = el<SmithSelect>('Colour')
  expect([...select(s).options].map((o) => o.textContent)).toEqual(['Select option', 'Blue', 'Green', 'Red'])
  expect(app.evaluate('{{Colour.selectedOptionValue + "/" + Colour.selectedOptionLabel}}')).toBe('GREEN/Green')
  await choose(s, 'Red')
  expect(app.evaluate('{{Colour.selectedOptionValue}}')).toBe('RED')
})

test('serverSideFiltering: the filter text goes to the app, the options stay as given', async () => {
  const el = await mount<'smith-select'>('<smith-select is-filterable server-side-filtering></smith-select>', { options: OPTIONS })
  const filter = shadow(el).querySelector('input[type="search"]') as HTMLInputElement
  filter.value = 'zzz'
  filter.dispatchEvent(new Event('input'))
  await el.updateComplete
  expect(el.meta.filterText.value).toBe('zzz')
  expect(select(el).options).toHaveLength(4)
})

test('sourceOptions', () => {
  expect(sourceOptions([{ n: 'A', v: 1 }], 'n', 'v').options).toEqual([{ label: 'A', value: 1 }])
  expect(sourceOptions('[{"n":"A"}]', 'n', '').options).toEqual([{ label: 'A', value: 'A' }])
  expect(sourceOptions(7, 'n', 'v').error).toMatch(/^sourceData: expected a list/)
})
