// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { SmithTable, TRIGGER_EVENT, widgets, defineWidgets } from '../../widgets/index'
import { cleanup, mount, recordTriggers } from './helpers'

afterEach(cleanup)

test('every widget is defined under its smith- tag, and defining twice is harmless', () => {
  for (const [tag, ctor] of Object.entries(widgets)) expect(customElements.get(tag)).toBe(ctor)
  expect(() => defineWidgets()).not.toThrow()
})

test('attributes the runtime binds are left to it; text that only looks like a binding is the widget’s', async () => {
  const bound = await mount<'smith-text'>('<smith-text text="{{Api.data}}"></smith-text>')
  expect(bound.text).toBe('')
  const shift = await mount<'smith-text'>('<smith-text text="Hi << name >>"></smith-text>')
  expect(shift.text).toBe('')
  const back = await mount<'smith-text'>('<smith-text text="<< Back"></smith-text>')
  expect(back.text).toBe('<< Back')
  const unclosed = await mount<'smith-text'>('<smith-text text="{{ oops"></smith-text>')
  expect(unclosed.text).toBe('') // the runtime shows it as an error
})

describe('meta state', () => {
  test('one signal per metaDefaults key, object defaults copied per instance', async () => {
    const a = await mount<'smith-table'>('<smith-table></smith-table>')
    const b = await mount<'smith-table'>('<smith-table></smith-table>')
    expect(Object.keys(a.meta).sort()).toEqual(Object.keys(SmithTable.metaDefaults).sort())
    expect(a.meta.selectedRow.value).toEqual({})
    expect(a.meta.selectedRow.value).not.toBe(b.meta.selectedRow.value)
    expect(a.meta.sortOrder.value).not.toBe(SmithTable.metaDefaults.sortOrder)
  })

  test('setMeta writes the signal synchronously; an unknown key is an error', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>')
    el.setMeta('searchText', 'x')
    expect(el.meta.searchText.value).toBe('x')
    expect(el.getMeta('searchText')).toBe('x')
    expect(() => el.setMeta('nope', 1)).toThrow(/no meta key "nope"/)
  })

  test('resetMeta restores fresh defaults', async () => {
    const el = await mount<'smith-table'>('<smith-table></smith-table>')
    const sort = el.meta.sortOrder.value as { column: string }
    sort.column = 'mutated'
    el.setMeta('selectedRowIndex', 3)
    el.resetMeta()
    expect(el.meta.selectedRowIndex.value).toBe(-1)
    expect(el.meta.sortOrder.value).toEqual({ column: '', order: '' })
  })
})

test('trigger dispatches smith-trigger that neither bubbles nor leaves the shadow root', async () => {
  const el = await mount<'smith-button'>('<smith-button></smith-button>')
  const log = recordTriggers(el)
  let atParent = 0
  el.parentElement!.addEventListener(TRIGGER_EVENT, () => atParent++)
  el.trigger('onSomething')
  expect(log).toEqual([{ event: 'onSomething', meta: {}, bubbles: false, composed: false }])
  expect(atParent).toBe(0)
})

test('the runtime’s notice renders in plain words, as an alert, without a property name; gone when cleared', async () => {
  const el = await mount<'smith-button'>('<smith-button text="Save"></smith-button>')
  el.notice = 'Wrong e-mail or password.'
  await el.updateComplete
  const notice = el.shadowRoot!.querySelector('.notice')
  expect(notice?.textContent).toBe('Wrong e-mail or password.')
  expect(notice?.getAttribute('role')).toBe('alert')
  el.notice = ''
  await el.updateComplete
  expect(el.shadowRoot!.querySelector('.notice')).toBeNull()
})
