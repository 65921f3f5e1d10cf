// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { cleanup, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)

const inner = (el: Element): HTMLButtonElement => shadow(el).querySelector('button')!

test('renders the label in a native button', async () => {
  const el = await mount<'smith-button'>('<smith-button></smith-button>', { label: 'Reload' })
  expect(inner(el).textContent?.trim()).toBe('Reload')
  expect(inner(el).type).toBe('button')
})

test('static attributes work; binding attributes are ignored', async () => {
  const a = await mount<'smith-button'>('<smith-button label="Save" disabled></smith-button>')
  expect(inner(a).textContent?.trim()).toBe('Save')
  expect(inner(a).disabled).toBe(true)
  const b = await mount<'smith-button'>('<smith-button label="{{Api.isLoading ? 1 : 2}}"></smith-button>')
  expect(shadow(b).textContent).not.toContain('{{')
})

test('a click fires onClick', async () => {
  const el = await mount<'smith-button'>('<smith-button label="Go"></smith-button>')
  const log = recordTriggers(el)
  inner(el).click()
  el.click() // the host's click() clicks the inner button, as a user would
  expect(log.map((t) => t.event)).toEqual(['onClick', 'onClick'])
})

test('Enter and Space go through the native button, so keyboard users reach onClick', async () => {
  // happy-dom has no activation behaviour; a browser turns Enter/Space on a focused
  // <button> into exactly this click (covered in e2e). What matters here: the inner
  // control is a real <button> that is focusable, not a div with a keydown handler.
  const el = await mount<'smith-button'>('<smith-button label="Go"></smith-button>')
  inner(el).focus()
  expect(shadow(el).activeElement).toBe(inner(el))
  expect(inner(el).tabIndex).toBe(0)
})

test('no onClick while disabled or loading; loading shows busy', async () => {
  const el = await mount<'smith-button'>('<smith-button label="Go"></smith-button>', { disabled: true })
  const log = recordTriggers(el)
  inner(el).click()
  el.disabled = false
  el.loading = true
  await el.updateComplete
  expect(inner(el).getAttribute('aria-busy')).toBe('true')
  expect(inner(el).getAttribute('aria-disabled')).toBe('true')
  inner(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
  expect(log).toEqual([])
  el.loading = false
  await el.updateComplete
  inner(el).click()
  expect(log.map((t) => t.event)).toEqual(['onClick'])
})

test('binding errors are shown', async () => {
  const el = await mount<'smith-button'>('<smith-button></smith-button>', { errors: { label: 'SyntaxError: Unexpected token' } })
  expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain('SyntaxError: Unexpected token')
})

test("Appsmith's text and isDisabled; label and disabled still work; setters", async () => {
  const el = await mount<'smith-button'>('<smith-button text="Submit" is-disabled></smith-button>')
  expect(inner(el).textContent?.trim()).toBe('Submit')
  expect(inner(el).disabled).toBe(true)
  el.setDisabled(false)
  el.setLabel('Send')
  await el.updateComplete
  expect(inner(el).disabled).toBe(false)
  expect(inner(el).textContent?.trim()).toBe('Send')
  const old = await mount<'smith-button'>('<smith-button label="Old" disabled></smith-button>')
  expect(inner(old).textContent?.trim()).toBe('Old')
  expect(inner(old).disabled).toBe(true)
})
