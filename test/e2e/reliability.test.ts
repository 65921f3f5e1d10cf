/**
 * Issue 12 in real Chromium (pages/reliability.ts): IndexedDB never keeps a tab from
 * mounting, whatever the other tabs of the app do, and a binding on an undeclared
 * attribute never reaches `innerHTML`. Pages run with `?csp=off`: their bindings are
 * compiled at run time, and the XSS case must not lean on the CSP to stop its payload.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

type E2E = Record<string, (...args: unknown[]) => unknown>
const STATUS = '<smith-text name="Status" text="{{ appsmith.store.after ?? \'started\' }}"></smith-text>'

async function tab(context: BrowserContext, label: string): Promise<Page> {
  const page = await e2e.browser.newPage(context, label)
  await page.goto(`${e2e.pages.url}reliability.html?csp=off`)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready')
  return page
}

/** Calls `window.e2e[name](...args)` in the page. */
function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([n, a]) => (window as unknown as { e2e: E2E }).e2e[n]!(...a), [name, args] as [string, unknown[]]) as Promise<T>
}

test('three tabs of one app: a pending delete in one does not keep a third from mounting, and the first keeps saving', async () => {
  const context = await e2e.browser.newContext()
  const id = `three-tabs-${Date.now()}`
  const first = await tab(context, 'first')
  expect((await call<{ warnings: string[] }>(first, 'startApp', id, STATUS)).warnings).toEqual([])
  await call(first, 'store', 'before', 1)
  await expect.poll(() => call(first, 'written', 'before')).toBe(true)

  const second = await tab(context, 'second')
  await call(second, 'deleteDb', `smithlet:${id}`)
  await expect.poll(() => call(second, 'deletion'), { timeout: 5_000 }).toEqual({ done: true, blocked: false })

  const third = await tab(context, 'third')
  const started = await call<{ ms: number; warnings: string[] }>(third, 'startApp', id, STATUS)
  expect(started.warnings).toEqual([]) // opened at once, not after the 3 s bound
  expect(await third.evaluate(() => document.querySelector('smith-text')!.textContent)).toContain('started')

  await call(first, 'store', 'after', 'saved by the first tab')
  await expect.poll(() => call(first, 'written', 'after')).toBe(true)
  expect(await call(third, 'readDisk', `smithlet:${id}`, 'after')).toBe('saved by the first tab')
  expect(await call(third, 'readDisk', `smithlet:${id}`, 'before')).toBeUndefined() // the delete happened
  await context.close()
})

test('a tab that never lets go holds the database back: the page starts on memory after the bound, with one warning, and its write persists once the holder leaves', async () => {
  const context = await e2e.browser.newContext()
  const id = `held-${Date.now()}`
  const name = `smithlet:${id}`
  const holder = await tab(context, 'holder')
  await call(holder, 'holdRaw', name)
  const deleter = await tab(context, 'deleter')
  await call(deleter, 'deleteDb', name)
  await expect.poll(() => call(deleter, 'deletion')).toEqual({ done: false, blocked: true })

  const page = await tab(context, 'app')
  const started = await call<{ ms: number; warnings: string[] }>(page, 'startApp', id, STATUS, 500)
  expect(started.warnings).toHaveLength(1)
  expect(started.warnings[0]).toMatch(/IndexedDB did not answer within 500 ms/)
  await call(page, 'store', 'after', 'written while held')
  expect(await call(page, 'evaluate', '{{ appsmith.store.after }}')).toBe('written while held')
  await expect.poll(() => page.evaluate(() => document.querySelector('smith-text')!.textContent)).toContain('written while held')
  expect(await call(page, 'written', 'after')).toBe(false)

  await call(holder, 'releaseRaw')
  await expect.poll(() => call(page, 'written', 'after'), { timeout: 10_000 }).toBe(true)
  expect(await call(deleter, 'deletion')).toEqual({ done: true, blocked: true })
  const reader = await tab(context, 'reader')
  expect(await call(reader, 'readDisk', name, 'after')).toBe('written while held')
  expect(await call<string[]>(page, 'warnings')).toHaveLength(1)
  await context.close()
})

test('a binding on inner-h-t-m-l is a binding error: the payload never becomes HTML, never runs', async () => {
  const context = await e2e.browser.newContext()
  const page = await tab(context, 'xss')
  const payload = '<img src=x onerror="window.__pwned = true"><b>bold</b>'
  await call(page, 'startApp', `xss-${Date.now()}`, `
    <smith-text name="T" inner-h-t-m-l="{{ appsmith.store.html }}" text="{{ appsmith.store.html }}"></smith-text>
    <smith-button name="B" inner-h-t-m-l="{{ appsmith.store.html }}" label="ok"></smith-button>`)
  await call(page, 'store', 'html', payload)
  await expect.poll(() => page.evaluate(() => document.querySelector('smith-text')!.textContent)).toContain('<img src=x')
  await new Promise((r) => setTimeout(r, 300)) // give an injected <img> time to fail and fire onerror
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined()
  expect(await page.evaluate(() => document.querySelectorAll('img, b').length)).toBe(0)
  const errors = await call<Array<{ property: string; message: string }>>(page, 'errors')
  expect(errors.map((e) => e.property)).toEqual(['innerHTML', 'innerHTML'])
  expect(errors[0]!.message).toMatch(/<smith-text> has no bindable property "innerHTML" \(attribute "inner-h-t-m-l"\); its properties: text, hidden, isVisible/)
  await context.close()
})
