/** Opens pages/composite.ts's page and mounts widgets on it (see that file). */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { pagesAndBrowser } from './pages-server'

/** What pages/composite.ts puts on `window`. */
export interface CompositeWindow {
  e2e: { mountHtml(html: string, withApp?: boolean): Promise<void>; settle(): Promise<void>; evaluate(t: string): unknown }
}

/**
 * A new page with `html` mounted. `withApp` mounts it with a real app, whose bindings are
 * compiled at run time, so that page is served without the CSP (`?csp=off`).
 */
export async function compositePage(e2e: ReturnType<typeof pagesAndBrowser>, label: string, html: string, withApp = false): Promise<Page> {
  const page = await e2e.browser.newPage(undefined, label)
  await page.goto(`${e2e.pages.url}composite.html${withApp ? '?csp=off' : ''}`)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ready')
  await page.evaluate(([h, a]) => (window as unknown as CompositeWindow).e2e.mountHtml(h, a), [html, withApp] as const)
  return page
}

/** Evaluates a binding in the page's app. */
export function evaluateIn(page: Page, template: string): Promise<unknown> {
  return page.evaluate((t) => (window as unknown as CompositeWindow).e2e.evaluate(t), template)
}
