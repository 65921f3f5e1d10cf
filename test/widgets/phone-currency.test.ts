// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { currencySymbol, parseAmount } from '../../widgets/currency-input'
import type { SmithCurrencyInput } from '../../widgets/currency-input'
import { countryOfDialCode, normaliseDialCode } from '../../widgets/phone-input'
import type { SmithPhoneInput } from '../../widgets/phone-input'
import { appMounter, settle } from './app'
import { cleanup, key, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const field = (el: Element): HTMLInputElement => shadow(el).querySelector('input')!
async function type(el: SmithPhoneInput | SmithCurrencyInput, value: string): Promise<void> {
  field(el).value = value
  field(el).dispatchEvent(new Event('input'))
  await el.updateComplete
}

test('phone: text, digits as value, dial and country code; tel keyboard', async () => {
  const el = await mount<'smith-phone-input'>('<smith-phone-input label="Phone" default-dial-code="+44"></smith-phone-input>')
  expect(field(el).getAttribute('inputmode')).toBe('tel')
  expect(shadow(el).querySelector('.symbol')?.textContent).toBe('+44')
  await type(el, '(020) 7946-0958')
  expect(el.meta.text.value).toBe('(020) 7946-0958')
  expect(el.meta.value.value).toBe('02079460958')
  expect(el.meta.dialCode.value).toBe('+44')
  expect(el.meta.countryCode.value).toBe('GB')
  expect(el.meta.isValid.value).toBe(true)
  await type(el, 'call me')
  expect(el.meta.isValid.value).toBe(false)
})

test('phone through the app: a country picked in the native select; onTextChanged; reset', async () => {
  const { app, el } = await open(
    `<smith-phone-input name="Phone" allow-dial-code-change on-text-changed="{{storeValue('p', Phone.dialCode + ' ' + Phone.value)}}"></smith-phone-input>`,
  )
  const ph = el<SmithPhoneInput>('Phone')
  const select = shadow(ph).querySelector('select')!
  select.value = '+91'
  select.dispatchEvent(new Event('change'))
  await type(ph, '98765 43210')
  await settle()
  expect(app.evaluate('{{appsmith.store.p}}')).toBe('+91 9876543210')
  expect(app.evaluate('{{Phone.countryCode}}')).toBe('IN')
  await app.run('{{resetWidget("Phone")}}')
  expect(app.evaluate('{{Phone.dialCode}}')).toBe('+1')
  expect(app.evaluate('{{Phone.text}}')).toBe('')
})

test('phone: required, regex and errorMessage; Enter submits only when valid', async () => {
  const el = await mount<'smith-phone-input'>('<smith-phone-input is-required regex="^\\d{3} \\d{4}$" error-message="Use 123 4567"></smith-phone-input>')
  const log = recordTriggers(el)
  expect(el.meta.isValid.value).toBe(false)
  await type(el, '1234567')
  key(field(el), 'Enter')
  expect(shadow(el).querySelector('.hint')?.textContent).toBe('Use 123 4567')
  await type(el, '123 4567')
  key(field(el), 'Enter')
  expect(log.map((t) => t.event)).toEqual(['onTextChanged', 'onTextChanged', 'onSubmit'])
})

test('currency: symbol, value as number, decimals, formatting on blur', async () => {
  const el = await mount<'smith-currency-input'>('<smith-currency-input default-currency-code="EUR" decimals="2" default-text="1234.5"></smith-currency-input>')
  expect(shadow(el).querySelector('.symbol')?.textContent).toBe('€')
  expect(el.meta.value.value).toBe(1234.5)
  expect(el.meta.currencyCode.value).toBe('EUR')
  field(el).dispatchEvent(new Event('blur'))
  await el.updateComplete
  expect(el.meta.text.value).toBe('1,234.50')
  expect(field(el).value).toBe('1,234.50')
  expect(el.meta.value.value).toBe(1234.5)
  await type(el, '1.234')
  expect(el.meta.isValid.value).toBe(false)
  await type(el, 'abc')
  expect(el.meta.value.value).toBeUndefined()
  expect(el.meta.isValid.value).toBe(false)
})

test('currency through the app: currency picker, onTextChanged, setValue on the entity', async () => {
  const { app, el } = await open(
    `<smith-currency-input name="Amount" allow-currency-change on-text-changed="{{storeValue('a', Amount.value)}}"></smith-currency-input>`,
  )
  const c = el<SmithCurrencyInput>('Amount')
  const select = shadow(c).querySelector('select')!
  select.value = 'GBP'
  select.dispatchEvent(new Event('change'))
  await type(c, '42')
  await settle()
  expect(app.evaluate('{{appsmith.store.a}}')).toBe(42)
  expect(app.evaluate('{{Amount.currencyCode}}')).toBe('GBP')
  await app.run('{{Amount.setValue("7")}}')
  expect(app.evaluate('{{Amount.value}}')).toBe(7)
  await app.run('{{resetWidget("Amount")}}')
  expect(app.evaluate('{{Amount.currencyCode}}')).toBe('USD')
})

test('helpers', () => {
  expect(normaliseDialCode('0044')).toBe('+44')
  expect(normaliseDialCode('+1')).toBe('+1')
  expect(countryOfDialCode('+49')).toBe('DE')
  expect(parseAmount('1,000.25')).toBe(1000.25)
  expect(parseAmount('1e3')).toBeUndefined()
  expect(currencySymbol('XYZ-not')).toBe('XYZ-not')
})
