/**
 * What makes the demo run under `Content-Security-Policy: script-src 'self'; style-src
 * 'self'`: the ahead-of-time compile. One page (pages/aot.html), one app, two builds,
 * both served with that policy — with the page's bindings compiled ahead of time by the
 * esbuild plugin (as the demo is built), and without, so they compile at run time with
 * `new Function`, which the policy blocks. The second build also proves the test can see a
 * blocked compile: the demo test's "no CSP violation" is not true for want of looking.
 */
import { describe, expect, test } from 'vitest'
import { STRICT_CSP } from '../../src/build/page-shell'
import { widgetText } from './demo-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

async function open(path: string, label: string): Promise<{ answer: string; mixed: string; csp: string | undefined }> {
  const page = await e2e.browser.newPage(undefined, label)
  const response = await page.goto(e2e.pages.url + path)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('mounted')
  return {
    answer: await widgetText(page, 'Answer'),
    mixed: await widgetText(page, 'Mixed'),
    csp: response?.headers()['content-security-policy'],
  }
}

describe('strict CSP and the ahead-of-time compile', () => {
  test('bindings compiled ahead of time work under the policy, with no violation', async () => {
    const { answer, mixed, csp } = await open('aot.html', 'aot')
    expect(csp).toBe(STRICT_CSP)
    expect(answer).toBe('42')
    expect(mixed).toBe('Answer: 42')
    expect(e2e.browser.cspViolations().filter((e) => e.page === 'aot')).toEqual([])
    expect(e2e.browser.events.filter((e) => e.page === 'aot' && (e.kind === 'pageerror' || e.type === 'error'))).toEqual([])
  })

  test('the same bindings compiled at run time are blocked by the policy, and the violation is seen', async () => {
    const { answer, mixed, csp } = await open('runtime.html', 'runtime')
    expect(csp).toBe(STRICT_CSP)
    // Each binding shows its error on its widget, and the page keeps going.
    for (const text of [answer, mixed]) {
      expect(text).toMatch(/^EvalError: run-time compilation is blocked/)
      expect(text).toContain('compile ahead of time')
    }
    const violations = e2e.browser.cspViolations().filter((e) => e.page === 'runtime')
    expect(violations.length).toBeGreaterThan(0)
    expect(violations.every((v) => v.type === 'script-src')).toBe(true)
  })
})
