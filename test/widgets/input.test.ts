// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { isEmail, parseInputText, validateInputText } from '../../widgets/input'
import type { SmithInput } from '../../widgets/input'
import { cleanup, key, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)

const field = (el: Element): HTMLInputElement => shadow(el).querySelector('input')!

async function type(el: SmithInput, value: string): Promise<void> {
  field(el).value = value
  field(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }))
  await el.updateComplete
}

test('label, placeholder and type render; the label is associated with the input', async () => {
  const el = await mount<'smith-input'>('<smith-input></smith-input>', { label: 'Email', placeholder: 'you@example.com', inputType: 'email' })
  const label = shadow(el).querySelector('label')!
  expect(label.textContent).toBe('Email')
  expect(label.htmlFor).toBe(field(el).id)
  expect(shadow(el).getElementById(label.htmlFor)).toBe(field(el))
  expect(field(el).placeholder).toBe('you@example.com')
  expect(field(el).type).toBe('email')
})

test('without a label the input still has an accessible name', async () => {
  const el = await mount<'smith-input'>('<smith-input name="Search1"></smith-input>')
  expect(field(el).getAttribute('aria-label')).toBe('Search1')
})

test('static attributes work (input-type, default-text); binding attributes are ignored', async () => {
  const el = await mount<'smith-input'>('<smith-input label="PIN" input-type="password" default-text="1234"></smith-input>')
  expect(field(el).type).toBe('password')
  expect(field(el).value).toBe('1234')
  expect(el.meta.text.value).toBe('1234')
  const b = await mount<'smith-input'>('<smith-input label="{{x}}" default-text="{{appsmith.store.email}}"></smith-input>')
  expect(field(b).value).toBe('')
  expect(shadow(b).textContent).not.toContain('{{')
  expect(b.meta.text.value).toBe('')
})

test('unknown input types fall back to text', async () => {
  const el = await mount<'smith-input'>('<smith-input input-type="html"></smith-input>')
  expect(field(el).type).toBe('text')
})

describe('meta and events', () => {
  test('meta text follows defaultText until the user types', async () => {
    const el = await mount<'smith-input'>('<smith-input></smith-input>', { defaultText: 'a' })
    expect(el.meta.text.value).toBe('a')
    el.defaultText = 'b'
    await el.updateComplete
    expect(el.meta.text.value).toBe('b')
    expect(field(el).value).toBe('b')
    await type(el, 'typed')
    el.defaultText = 'c'
    await el.updateComplete
    expect(el.meta.text.value).toBe('typed')
    expect(field(el).value).toBe('typed')
  })

  test('typing fires onTextChanged after meta is updated', async () => {
    const el = await mount<'smith-input'>('<smith-input></smith-input>')
    const log = recordTriggers(el)
    await type(el, 'hello')
    expect(log).toHaveLength(1)
    expect(log[0].event).toBe('onTextChanged')
    expect(log[0].meta).toMatchObject({ text: 'hello', isValid: true, isDirty: true })
  })

  test('Enter fires onSubmit; not while invalid; not while composing', async () => {
    const el = await mount<'smith-input'>('<smith-input input-type="email"></smith-input>')
    const log = recordTriggers(el)
    await type(el, 'not-an-email')
    key(field(el), 'Enter')
    expect(el.meta.isValid.value).toBe(false)
    expect(log.map((t) => t.event)).toEqual(['onTextChanged'])
    await type(el, 'ok@example.com')
    key(field(el), 'Enter', { isComposing: true })
    key(field(el), 'a')
    key(field(el), 'Enter')
    expect(log.map((t) => t.event)).toEqual(['onTextChanged', 'onTextChanged', 'onSubmit'])
    expect(log[2].meta).toMatchObject({ text: 'ok@example.com', isValid: true })
  })

  test('an invalid, edited field is marked and described', async () => {
    const el = await mount<'smith-input'>('<smith-input input-type="email" label="Email"></smith-input>')
    expect(field(el).getAttribute('aria-invalid')).toBe('false')
    await type(el, 'nope')
    expect(field(el).getAttribute('aria-invalid')).toBe('true')
    const hint = shadow(el).getElementById(field(el).getAttribute('aria-describedby')!)
    expect(hint?.textContent).toMatch(/valid e-mail/)
  })

  test('required: empty is invalid', async () => {
    const el = await mount<'smith-input'>('<smith-input required></smith-input>')
    expect(el.meta.isValid.value).toBe(false)
    await type(el, 'x')
    expect(el.meta.isValid.value).toBe(true)
  })

  test('number inputs give a number (or null) as text', async () => {
    const el = await mount<'smith-input'>('<smith-input input-type="number"></smith-input>', { defaultText: 5 })
    expect(el.meta.text.value).toBe(5)
    await type(el, '12.5')
    expect(el.meta.text.value).toBe(12.5)
    await type(el, '')
    expect(el.meta.text.value).toBeNull()
  })

  test('resetMeta restores defaultText and lets it drive meta again', async () => {
    const el = await mount<'smith-input'>('<smith-input></smith-input>', { defaultText: 'start' })
    await type(el, 'changed')
    el.resetMeta()
    await el.updateComplete
    expect(el.meta.text.value).toBe('start')
    expect(el.meta.isDirty.value).toBe(false)
    expect(field(el).value).toBe('start')
    el.defaultText = 'next'
    await el.updateComplete
    expect(el.meta.text.value).toBe('next')
  })
})

test('binding errors are shown', async () => {
  const el = await mount<'smith-input'>('<smith-input></smith-input>', { errors: { defaultText: 'TypeError: x is undefined' } })
  expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain('TypeError: x is undefined')
})

test('pure helpers', () => {
  expect(isEmail('a@b.co')).toBe(true)
  expect(isEmail('a@')).toBe(false)
  expect(isEmail('a b@c.d')).toBe(false)
  expect(parseInputText('x', 'number')).toBeNull()
  expect(parseInputText(' 3 ', 'number')).toBe(3)
  expect(parseInputText(' 3 ', 'text')).toBe(' 3 ')
  expect(validateInputText('', 'email', false)).toBe(true)
  expect(validateInputText('abc', 'number', false)).toBe(false)
})

describe("Appsmith's validation", () => {
  test('isRequired, regex and errorMessage; an empty optional field is valid', async () => {
    const el = await mount<'smith-input'>('<smith-input regex="^\\d{5}$" error-message="Five digits"></smith-input>')
    expect(el.meta.isValid.value).toBe(true)
    await type(el, '123')
    expect(el.meta.isValid.value).toBe(false)
    expect(shadow(el).querySelector('.hint')?.textContent).toBe('Five digits')
    await type(el, '12345')
    expect(el.meta.isValid.value).toBe(true)
    el.isRequired = true
    await type(el, '')
    expect(el.meta.isValid.value).toBe(false)
  })

  test('validation=false makes a non-empty text invalid; slash-form regex with flags', async () => {
    const el = await mount<'smith-input'>('<smith-input regex="/^abc$/i"></smith-input>')
    await type(el, 'ABC')
    expect(el.meta.isValid.value).toBe(true)
    el.validation = false
    await el.updateComplete
    expect(el.meta.isValid.value).toBe(false)
  })

  test('a broken regex is named, and fails the field', async () => {
    const el = await mount<'smith-input'>('<smith-input regex="(["></smith-input>')
    await type(el, 'x')
    expect(el.meta.isValid.value).toBe(false)
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(/^regex: /)
  })

  test('Appsmith input types, placeholderText, isDisabled and setValue', async () => {
    const el = await mount<'smith-input'>('<smith-input input-type="NUMBER" placeholder-text="Age" is-disabled></smith-input>')
    expect(field(el).type).toBe('number')
    expect(field(el).placeholder).toBe('Age')
    expect(field(el).disabled).toBe(true)
    el.setValue('42')
    await el.updateComplete
    expect(el.meta.text.value).toBe(42)
    expect(field(el).value).toBe('42')
  })
})
