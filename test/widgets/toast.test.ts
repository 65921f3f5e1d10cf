// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { SmithToast } from '../../widgets/toast'
import { cleanup, mount, shadow } from './helpers'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const toasts = (el: Element): HTMLElement[] => [...shadow(el).querySelectorAll<HTMLElement>('.toast')]

async function toaster(): Promise<SmithToast> {
  return mount<'smith-toast'>('<smith-toast></smith-toast>')
}

test('show() renders a success toast, announced as status', async () => {
  const el = await toaster()
  el.show('Saved')
  await el.updateComplete
  const [t] = toasts(el)
  expect(t.getAttribute('role')).toBe('status')
  expect(t.classList.contains('is-success')).toBe(true)
  expect(t.querySelector('.message')?.textContent).toBe('Saved')
})

test('errors are alerts; other types are status; unknown types show as info', async () => {
  const el = await toaster()
  el.show('Boom', 'error')
  el.show('Careful', 'warning')
  el.show('FYI', 'info')
  el.show('??', 'nonsense' as never)
  await el.updateComplete
  expect(toasts(el).map((t) => t.getAttribute('role'))).toEqual(['alert', 'status', 'status', 'status'])
  expect(el.toasts.map((t) => t.type)).toEqual(['error', 'warning', 'info', 'info'])
})

test('toasts stack and auto-dismiss after about 4 s', async () => {
  const el = await toaster()
  el.show('one')
  vi.advanceTimersByTime(1000)
  el.show('two')
  await el.updateComplete
  expect(toasts(el)).toHaveLength(2)
  vi.advanceTimersByTime(3000)
  await el.updateComplete
  expect(toasts(el).map((t) => t.textContent?.includes('two'))).toEqual([true])
  vi.advanceTimersByTime(1000)
  await el.updateComplete
  expect(toasts(el)).toHaveLength(0)
})

test('the close button dismisses a toast', async () => {
  const el = await toaster()
  el.show('one')
  el.show('two')
  await el.updateComplete
  const close = toasts(el)[0].querySelector('button')!
  expect(close.getAttribute('aria-label')).toBe('Dismiss notification')
  close.click()
  await el.updateComplete
  expect(el.toasts.map((t) => t.message)).toEqual(['two'])
})

test('the stack is capped; the oldest goes first', async () => {
  const el = await toaster()
  for (let i = 0; i < 8; i++) el.show(`m${i}`)
  expect(el.toasts.map((t) => t.message)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7'])
})

test('timers are cleared on disconnect and restarted on reconnect', async () => {
  const el = await toaster()
  el.show('one')
  expect(vi.getTimerCount()).toBe(1)
  const parent = el.parentElement!
  el.remove()
  expect(vi.getTimerCount()).toBe(0)
  parent.appendChild(el)
  expect(vi.getTimerCount()).toBe(1)
  vi.advanceTimersByTime(4000)
  expect(el.toasts).toHaveLength(0)
})

test('messages are text, never HTML', async () => {
  const el = await toaster()
  const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>'
  el.show(payload, 'error')
  await el.updateComplete
  expect(shadow(el).querySelector('img, script')).toBeNull()
  expect(toasts(el)[0].querySelector('.message')?.textContent).toBe(payload)
})

test('a keyed toast replaces the one of the same key, and dismissKey closes it when the situation is over', async () => {
  const el = await toaster()
  el.show("Can't reach the server.", 'error', 'query:getUsers')
  el.show("Can't reach the server.", 'error', 'query:getUsers') // a retry failing again: one toast, not two
  el.show('Saved', 'success')
  await el.updateComplete
  expect(toasts(el).map((t) => t.querySelector('.message')?.textContent)).toEqual(["Can't reach the server.", 'Saved'])
  el.dismissKey('query:getUsers')
  await el.updateComplete
  expect(toasts(el).map((t) => t.querySelector('.message')?.textContent)).toEqual(['Saved'])
})
