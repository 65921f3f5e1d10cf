// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { displayText } from '../../widgets/text'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)

const shown = (el: Element): string => shadow(el).querySelector('.text')?.textContent ?? ''

test('renders the text property', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'Hello' })
  expect(shown(el)).toBe('Hello')
  el.text = 42
  await el.updateComplete
  expect(shown(el)).toBe('42')
})

test('objects as JSON, null and undefined as nothing', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: { a: [1, 2] } })
  expect(JSON.parse(shown(el))).toEqual({ a: [1, 2] })
  el.text = null
  await el.updateComplete
  expect(shown(el)).toBe('')
  expect(displayText(undefined)).toBe('')
  expect(displayText(false)).toBe('false')
})

test('a static attribute works', async () => {
  const el = await mount<'smith-text'>('<smith-text text="Static"></smith-text>')
  expect(shown(el)).toBe('Static')
})

test('a binding attribute is ignored until the runtime sets the property', async () => {
  const el = await mount<'smith-text'>('<smith-text text="Valid for {{Auth.secondsLeft}} s"></smith-text>')
  expect(shadow(el).textContent).not.toContain('{{')
  expect(el.text).toBe('')
  el.setAttribute('text', '<< x >>')
  await el.updateComplete
  expect(shadow(el).textContent).not.toContain('<<')
  el.text = 'Valid for 60 s'
  await el.updateComplete
  expect(shown(el)).toBe('Valid for 60 s')
})

test('HTML in the value is text', async () => {
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: payload })
  expect(shadow(el).querySelector('img, script')).toBeNull()
  expect(shown(el)).toBe(payload)
})

test('a binding error is shown in place of the text', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'old', errors: { text: 'ReferenceError: Api is not defined' } })
  const alert = shadow(el).querySelector('[role="alert"]')
  expect(alert?.textContent).toBe('ReferenceError: Api is not defined')
  expect(shadow(el).querySelector('.text')).toBeNull()
  el.errors = {}
  await el.updateComplete
  expect(shown(el)).toBe('old')
})

test('loading marks the paragraph busy; one paragraph throughout, whatever it shows', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'Hi' })
  const p = shadow(el).querySelector('.text')!
  expect(p.getAttribute('aria-busy')).toBe('false')
  el.loading = true
  await el.updateComplete
  expect(p.getAttribute('aria-busy')).toBe('true')
  el.errors = { text: 'boom' }
  await el.updateComplete
  expect(shadow(el).querySelector('[role="alert"]')?.getAttribute('part')).toBe('error')
  el.errors = {}
  el.text = 'Back'
  await el.updateComplete
  expect(shadow(el).querySelectorAll('p').length).toBe(1)
  expect(shown(el)).toBe('Back')
  expect(shadow(el).querySelector('.text')?.getAttribute('part')).toBe('text')
  expect(shadow(el).querySelector('[role="alert"]')).toBeNull()
})
