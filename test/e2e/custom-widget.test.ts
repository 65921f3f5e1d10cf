/**
 * `<smith-custom-widget>` in real Chromium, under the page's strict CSP: the widget's own
 * HTML/CSS/JS run in a sandboxed frame; the model goes in, `updateModel` and
 * `triggerEvent` come out through the validated channel; and the code can reach neither
 * the parent's DOM nor the app's storage.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { compositePage, evaluateIn } from './composite-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

const COUNTER = {
  html: '<button id="inc">+1</button><output id="out"></output>',
  css: '#out { color: rgb(1, 2, 3) }',
  js: `
    const out = document.getElementById('out')
    const show = (m) => { out.textContent = 'count ' + m.count }
    appsmith.onModelChange(show)
    appsmith.onReady(() => show(appsmith.model))
    document.getElementById('inc').addEventListener('click', () => {
      appsmith.updateModel({ count: appsmith.model.count + 1 })
      appsmith.triggerEvent('onIncrement')
    })`,
}

const frameOf = (page: Page) => page.frameLocator('smith-custom-widget iframe')

describe('<smith-custom-widget> in Chromium', () => {
  test('round trip under the strict CSP: model in, updateModel and an event out', async () => {
    const page = await compositePage(e2e, 'custom-csp', '<p>custom</p>')
    await page.evaluate((src) => {
      const el = document.createElement('smith-custom-widget') as unknown as HTMLElement & Record<string, unknown>
      el.setAttribute('name', 'Counter1')
      el.srcDoc = src
      el.defaultModel = { count: 41 }
      const events: unknown[] = []
      ;(window as unknown as { events: unknown[] }).events = events
      el.addEventListener('smith-trigger', (e) => events.push([(e as CustomEvent).detail.event, (el.meta as Record<string, { value: unknown }>).model.value]))
      document.body.append(el)
    }, COUNTER)
    const frame = frameOf(page)
    await expect.poll(() => frame.locator('#out').textContent(), { timeout: 10_000 }).toBe('count 41')
    expect(await frame.locator('#out').evaluate((o) => getComputedStyle(o).color)).toBe('rgb(1, 2, 3)')
    await frame.locator('#inc').click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { events: unknown[] }).events)).toEqual([['onIncrement', { count: 42 }]])
    await expect.poll(() => frame.locator('#out').textContent()).toBe('count 42')
    // The page changes the model: the frame's onModelChange sees it.
    await page.evaluate(() => {
      const el = document.querySelector('smith-custom-widget') as unknown as { defaultModel: unknown }
      el.defaultModel = { count: 100 }
    })
    await expect.poll(() => frame.locator('#out').textContent()).toBe('count 100')
    expect(e2e.browser.cspViolations().filter((v) => v.page === 'custom-csp')).toEqual([])
  })

  test('in an app: Counter1.model is bindable and the event runs its on-… attribute', async () => {
    const page = await compositePage(e2e, 'custom-app', `
      <smith-custom-widget name="Counter1" default-model="{{ { count: 1 } }}"
        on-increment="{{ storeValue('seen', Counter1.model.count) }}"></smith-custom-widget>
      <smith-text name="T" text="{{ 'model ' + Counter1.model.count }}"></smith-text>`, true)
    await page.evaluate((src) => {
      ;(document.querySelector('smith-custom-widget') as unknown as { srcDoc: unknown }).srcDoc = src
    }, COUNTER)
    const frame = frameOf(page)
    await expect.poll(() => frame.locator('#out').textContent(), { timeout: 10_000 }).toBe('count 1')
    await frame.locator('#inc').click()
    await expect.poll(() => evaluateIn(page, '{{ appsmith.store.seen }}')).toBe(2)
    expect(await evaluateIn(page, '{{ T.text }}')).toBe('model 2')
  })

  test('the code cannot reach parent.document, the app\'s storage or cookies, and forged messages are refused', async () => {
    const page = await compositePage(e2e, 'custom-escape', '<p id="secret">parent secret</p>')
    await page.evaluate(async () => {
      // Something the app keeps in its origin's IndexedDB and localStorage.
      localStorage.setItem('authAccessToken', 'tok-123456')
      await new Promise<void>((done) => {
        const open = indexedDB.open('smithlet-e2e-store')
        open.onupgradeneeded = () => open.result.createObjectStore('kv')
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite')
          tx.objectStore('kv').put('tok-123456', 'authAccessToken')
          tx.oncomplete = () => done()
        }
      })
      document.cookie = 'session=tok-123456'
    })
    await page.evaluate(() => {
      const el = document.createElement('smith-custom-widget') as unknown as HTMLElement & Record<string, unknown>
      el.srcDoc = {
        html: '<p>probe</p>',
        js: `
          const probe = {}
          const attempt = (key, fn) => { try { probe[key] = fn() } catch (e) { probe[key] = e.name } }
          attempt('parentDocument', () => parent.document.getElementById('secret').textContent)
          attempt('topDocument', () => top.document.title)
          attempt('parentStorage', () => parent.localStorage.getItem('authAccessToken'))
          attempt('parentAppsmith', () => typeof parent.appsmith)
          attempt('localStorage', () => localStorage.getItem('authAccessToken'))
          attempt('cookie', () => document.cookie)
          attempt('frameElement', () => String(window.frameElement))
          const idb = await new Promise((done) => {
            try {
              const r = indexedDB.open('smithlet-e2e-store')
              r.onsuccess = () => done('opened')
              r.onerror = () => done(r.error ? r.error.name : 'error')
            } catch (e) { done(e.name) }
          })
          probe.indexedDB = idb
          // Messages that are not the channel's own, straight to the parent window, and a forged one on the channel.
          parent.postMessage({ type: 'update-model', model: { hacked: true } }, '*')
          appsmith.triggerEvent('x; alert(1)')
          appsmith.updateModel({ probe })`,
      }
      document.body.append(el)
    })
    const model = (): Promise<unknown> =>
      page.evaluate(() => ((document.querySelector('smith-custom-widget') as unknown as { meta: Record<string, { value: unknown }> }).meta.model.value))
    await expect.poll(async () => ((await model()) as { probe?: unknown }).probe, { timeout: 10_000 }).toBeDefined()
    const { probe, hacked } = (await model()) as { probe: Record<string, unknown>; hacked?: boolean }
    expect(probe.parentDocument).toBe('SecurityError')
    expect(probe.topDocument).toBe('SecurityError')
    expect(probe.parentStorage).toBe('SecurityError')
    expect(probe.parentAppsmith).toBe('SecurityError')
    expect(probe.localStorage).toBe('SecurityError')
    expect(probe.cookie).toBe('SecurityError')
    expect(probe.frameElement).toBe('null')
    expect(probe.indexedDB).toBe('SecurityError')
    expect(hacked).toBeUndefined()
    // The refused event is reported on the widget, in words.
    await expect.poll(() => page.locator('smith-custom-widget .error').first().textContent()).toMatch(/refused: triggerEvent needs an event name/)
    expect(await page.locator('#secret').textContent()).toBe('parent secret')
  })
})
