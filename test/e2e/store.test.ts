/**
 * The store's batch records in real Chromium (pages/reliability.ts): a large batch is one
 * IndexedDB record, other tabs re-read it, later small writes and removals win over it in
 * every tab and after a reload, and a clear removes everything.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

type E2E = Record<string, (...args: unknown[]) => unknown>
const SHOW = '<smith-text name="Last" text="{{ appsmith.store.k499?.label ?? \'none\' }}"></smith-text>'

async function tab(context: BrowserContext, label: string, id: string): Promise<Page> {
  const page = await e2e.browser.newPage(context, label)
  await page.goto(`${e2e.pages.url}reliability.html?csp=off`)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready')
  const started = await call<{ warnings: string[] }>(page, 'startApp', id, SHOW)
  expect(started.warnings).toEqual([])
  return page
}

function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([n, a]) => (window as unknown as { e2e: E2E }).e2e[n]!(...a), [name, args] as [string, unknown[]]) as Promise<T>
}

/** What the text widget shows (in its shadow root or its light DOM, whichever it renders to). */
const shown = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const text = document.querySelector('smith-text')
    return text?.shadowRoot?.textContent ?? text?.textContent ?? ''
  })

test('500 writes in one tick: one record on disk, seen by another tab; small writes after it win everywhere; a clear empties the disk', async () => {
  const context = await e2e.browser.newContext()
  const id = `batch-record-${Date.now()}`
  const name = `smithlet:${id}`
  const first = await tab(context, 'first', id)
  const second = await tab(context, 'second', id)

  await call(first, 'storeMany', 'k', 500)
  expect(await call(first, 'diskKeys', name)).toEqual([1])
  await expect.poll(() => shown(second)).toContain('value 499')
  expect(await call(second, 'evaluate', '{{ Object.keys(appsmith.store).length }}')).toBe(500)

  // A small write and a removal in the second tab, after the batch record.
  await call(second, 'store', 'k499', { label: 'small write' })
  await expect.poll(() => call(second, 'written', 'k499')).toBe(true)
  await call(second, 'evaluate', '{{ removeValue("k0") }}')
  await expect.poll(() => shown(first)).toContain('small write')
  await expect.poll(() => call(first, 'evaluate', '{{ "k0" in appsmith.store }}')).toBe(false)

  const third = await tab(context, 'third', id)
  expect(await shown(third)).toContain('small write')
  expect(await call(third, 'evaluate', '{{ [appsmith.store.k1.label, "k0" in appsmith.store, Object.keys(appsmith.store).length] }}')).toEqual(['value 1', false, 499])

  // A second large batch merges into one record; the markers go.
  await call(third, 'storeMany', 'm', 200)
  const keys = await call<unknown[]>(third, 'diskKeys', name)
  expect(keys.filter((key) => typeof key !== 'string')).toEqual([2])
  await expect.poll(() => call(first, 'evaluate', '{{ appsmith.store.m199.label }}')).toBe('value 199')
  expect(await call(first, 'evaluate', '{{ appsmith.store.k499.label }}')).toBe('small write')

  await call(first, 'evaluate', '{{ clearStore() }}')
  await expect.poll(() => call(first, 'diskKeys', name)).toEqual([])
  await expect.poll(() => shown(third)).toContain('none')
  expect(e2e.browser.events.filter((event) => event.kind === 'pageerror')).toEqual([])
  await context.close()
})
