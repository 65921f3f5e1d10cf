// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { displayText } from '../../widgets/text'
import { cleanup, mount } from './helpers'

afterEach(cleanup)

/** What the text shows: it renders into light DOM, as plain text in the page. */
const shown = (el: Element): string => el.textContent ?? ''

test('renders the text property into light DOM, with no shadow root', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'Hello' })
  expect(el.shadowRoot).toBeNull()
  expect(shown(el)).toBe('Hello')
  expect(el.childNodes.length).toBe(1)
  expect(el.firstChild?.nodeType).toBe(Node.TEXT_NODE)
  const node = el.firstChild
  el.text = 42
  // Rendered at once: no update cycle, and `updateComplete` is resolved for callers that await it.
  expect(shown(el)).toBe('42')
  expect(el.firstChild).toBe(node)
  expect(await el.updateComplete).toBe(true)
})

test('objects as JSON, null and undefined as nothing', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: { a: [1, 2] } })
  expect(JSON.parse(shown(el))).toEqual({ a: [1, 2] })
  el.text = null
  expect(shown(el)).toBe('')
  expect(displayText(undefined)).toBe('')
  expect(displayText(false)).toBe('false')
})

test('an object changed in place shows its change when the runtime asks for a render', async () => {
  const list: number[] = []
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: list })
  list.push(1)
  el.requestUpdate()
  expect(JSON.parse(shown(el))).toEqual([1])
})

test('a static attribute works, and so does changing it', async () => {
  const el = await mount<'smith-text'>('<smith-text text="Static"></smith-text>')
  expect(shown(el)).toBe('Static')
  el.setAttribute('text', 'Changed')
  expect(shown(el)).toBe('Changed')
  el.removeAttribute('text')
  expect(shown(el)).toBe('')
})

test('a binding attribute is ignored until the runtime sets the property', async () => {
  const el = await mount<'smith-text'>('<smith-text text="Valid for {{Auth.secondsLeft}} s"></smith-text>')
  expect(el.textContent).not.toContain('{{')
  expect(el.text).toBe('')
  el.setAttribute('text', '<< x >>')
  expect(el.textContent).not.toContain('<<')
  el.text = 'Valid for 60 s'
  expect(shown(el)).toBe('Valid for 60 s')
})

test('what the element held before its first text is replaced by it', async () => {
  const el = await mount<'smith-text'>('<smith-text text="{{ Api.data }}">Loading…</smith-text>')
  expect(shown(el)).toBe('Loading…')
  el.text = ''
  expect(shown(el)).toBe('')
  el.text = 'Loaded'
  expect(shown(el)).toBe('Loaded')
  expect(el.childNodes.length).toBe(1)
})

test('HTML in the value is text', async () => {
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: payload })
  expect(el.querySelector('img, script')).toBeNull()
  expect(el.children.length).toBe(0)
  expect(shown(el)).toBe(payload)
})

test('a binding error is shown in place of the text, as an alert', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'old', errors: { text: 'ReferenceError: Api is not defined' } })
  const alert = el.querySelector('[role="alert"]')
  expect(alert?.textContent).toBe('ReferenceError: Api is not defined')
  expect(alert?.className).toBe('smith-text-error')
  expect(shown(el)).toBe('ReferenceError: Api is not defined')
  // Another property's error is not the text's to show.
  el.errors = { innerHTML: 'not bindable' }
  expect(shown(el)).toBe('old')
  expect(el.querySelector('[role="alert"]')).toBeNull()
  el.errors = { text: 'TypeError: x' }
  el.errors = {}
  expect(shown(el)).toBe('old')
  expect(el.childNodes.length).toBe(1)
})

test('loading marks the text busy; one node throughout, whatever it shows', async () => {
  const el = await mount<'smith-text'>('<smith-text></smith-text>', { text: 'Hi' })
  expect(el.hasAttribute('aria-busy')).toBe(false)
  el.loading = true
  expect(el.getAttribute('aria-busy')).toBe('true')
  el.errors = { text: 'boom' }
  expect(el.querySelector('[role="alert"]')?.textContent).toBe('boom')
  expect(el.hasAttribute('aria-busy')).toBe(false)
  el.errors = {}
  el.loading = false
  el.text = 'Back'
  expect(el.childNodes.length).toBe(1)
  expect(shown(el)).toBe('Back')
  expect(el.hasAttribute('aria-busy')).toBe(false)
  expect(el.querySelector('[role="alert"]')).toBeNull()
})

test('the widget contract: text is its one declared property; name and loading from attributes; no meta', async () => {
  const el = await mount<'smith-text'>('<smith-text name="Text1" loading></smith-text>')
  expect(el.name).toBe('Text1')
  expect(el.loading).toBe(true)
  expect(el.errors).toEqual({})
  expect(el.meta).toBeUndefined()
  const ctor = customElements.get('smith-text') as unknown as { properties: Record<string, unknown> }
  expect(Object.keys(ctor.properties)).toEqual(['text'])
})

test('its styles are one sheet, adopted once by the document however many texts there are', async () => {
  await mount<'smith-text'>('<smith-text text="a"></smith-text><smith-text text="b"></smith-text>')
  const after = document.adoptedStyleSheets.length
  expect(after).toBeGreaterThan(0)
  await mount<'smith-text'>('<smith-text text="c"></smith-text>')
  expect(document.adoptedStyleSheets.length).toBe(after)
  // (The rules themselves are checked in Chromium: test/e2e/text.test.ts.)
})
