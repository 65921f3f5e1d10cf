// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { formatDate, inputValue, parseDate } from '../../widgets/date-format'
import type { SmithDatePicker } from '../../widgets/date-picker'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const field = (el: Element): HTMLInputElement => shadow(el).querySelector('input')!
async function pick(el: SmithDatePicker, value: string): Promise<void> {
  field(el).value = value
  field(el).dispatchEvent(new Event('change'))
  await el.updateComplete
}

test('a native date input; defaultDate gives selectedDate (ISO) and formattedDate', async () => {
  const el = await mount<'smith-date-picker'>('<smith-date-picker label="From" time-precision="None" date-format="DD/MM/YYYY" default-date="2024-03-05"></smith-date-picker>')
  expect(field(el).type).toBe('date')
  expect(field(el).value).toBe('2024-03-05')
  expect(el.meta.selectedDate.value).toBe(new Date(2024, 2, 5).toISOString())
  expect(el.meta.formattedDate.value).toBe('05/03/2024')
  expect(shadow(el).querySelector('label')!.htmlFor).toBe(field(el).id)
})

test('with time precision the field is datetime-local (Appsmith default: minute)', async () => {
  const el = await mount<'smith-date-picker'>('<smith-date-picker></smith-date-picker>', { defaultDate: new Date(2024, 0, 2, 13, 45).toISOString() })
  expect(field(el).type).toBe('datetime-local')
  expect(field(el).value).toBe('2024-01-02T13:45')
  expect(el.meta.formattedDate.value).toBe('2024-01-02 13:45')
})

test('through the app: picking fires onDateSelected; reset; setValue on the entity', async () => {
  const { app, el } = await open(
    `<smith-date-picker name="D1" time-precision="None" date-format="MMMM Do, YYYY" on-date-selected="{{storeValue('when', D1.formattedDate)}}"></smith-date-picker>`,
  )
  const dp = el<SmithDatePicker>('D1')
  await pick(dp, '2025-12-24')
  await settle()
  expect(app.evaluate('{{appsmith.store.when}}')).toBe('December 24th, 2025')
  expect(app.evaluate('{{D1.isDirty}}')).toBe(true)
  await app.run('{{resetWidget("D1")}}')
  expect(app.evaluate('{{D1.selectedDate}}')).toBe('')
  await app.run('{{D1.setValue("2020-02-29")}}')
  expect(app.evaluate('{{D1.formattedDate}}')).toBe('February 29th, 2020')
})

test('required and min/max make isValid false; the field gets min and max', async () => {
  const el = await mount<'smith-date-picker'>('<smith-date-picker is-required time-precision="None" min-date="2024-01-01" max-date="2024-12-31"></smith-date-picker>')
  expect(el.meta.isValid.value).toBe(false)
  expect(field(el).min).toBe('2024-01-01')
  expect(field(el).max).toBe('2024-12-31')
  await pick(el, '2025-01-01')
  expect(el.meta.isValid.value).toBe(false)
  expect(shadow(el).querySelector('.hint')?.textContent).toMatch(/allowed range/)
  await pick(el, '2024-06-01')
  expect(el.meta.isValid.value).toBe(true)
  await pick(el, '')
  expect(el.meta.selectedDate.value).toBe('')
  expect(el.meta.isValid.value).toBe(false)
})

test('date helpers', () => {
  const d = new Date(2024, 6, 4, 9, 5, 7)
  expect(formatDate(d, 'YYYY-MM-DD HH:mm:ss')).toBe('2024-07-04 09:05:07')
  expect(formatDate(d, 'ddd, MMM D YY h:mm A [at] Do')).toBe('Thu, Jul 4 24 9:05 AM at 4th')
  expect(parseDate('not a date')).toBeUndefined()
  expect(parseDate(0)?.getTime()).toBe(0)
  expect(inputValue(d, false)).toBe('2024-07-04')
})

test('a year being typed (0002) stays year 2, not 1902', () => {
  expect(parseDate('0002-03-15')?.getFullYear()).toBe(2)
  expect(inputValue(parseDate('0002-03-15'), false)).toBe('0002-03-15')
})
