// @vitest-environment happy-dom
/**
 * List item scopes are an optional part (src/features.ts) that the list widget installs
 * when its class is defined (widgets/list/list.ts). A runtime without it, as a built app
 * without a list runs, shows a widget that repeats a template an error naming the part
 * instead of binding its items in the page's scope; installed, the widget gets its binder.
 * This file imports src/app, never src/index (which installs every part).
 */
import { describe, expect, test } from 'vitest'
import { createApp } from '../../src/app'
import { withListItems } from '../../src/feature-install'
import { memoryStorage } from '../../src/storage'

/** A widget that repeats a template, as the list-scope contract has it: an `itemBinder` property. */
class Repeater extends HTMLElement {
  static properties = {}
  itemBinder: unknown = null
  errors: Record<string, string> = {}
}
customElements.define('smith-repeater', Repeater)

const options = { storage: memoryStorage(), channel: null, warn: () => {} }

describe('list item scopes, an optional part', () => {
  test('without it, a repeating widget shows an error naming the part; with it, the widget gets its binder', async () => {
    const root = document.createElement('div')
    root.innerHTML = '<smith-repeater name="R"></smith-repeater>'
    const app = await createApp({ id: 'items-none' }, options)
    await app.mount(root)
    const el = root.querySelector('smith-repeater') as Repeater
    expect(el.itemBinder).toBeNull()
    expect(app.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^this build has no list item scopes:/)])
    expect(el.errors.itemBinder).toMatch(/^this build has no list item scopes:/)
    app.dispose()

    withListItems()
    const again = await createApp({ id: 'items-installed' }, options)
    const next = document.createElement('div')
    next.innerHTML = '<smith-repeater name="R"></smith-repeater>'
    await again.mount(next)
    expect(typeof (next.querySelector('smith-repeater') as Repeater).itemBinder).toBe('function')
    expect(again.errors).toEqual([])
    again.dispose()
  })
})
