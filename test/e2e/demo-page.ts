/**
 * Driving the demo page (demo/index.html) the way a user does — through its widgets,
 * whose inner controls sit in shadow roots — and watching what reaches the backend.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_USER } from '../../demo/backend/index'
import type { Backend, RequestLogEntry } from '../../demo/backend/index'

/** How long a UI change may take to show. */
export const UI_TIMEOUT = 10_000

/** The text a widget shows (a text's own, another widget's shadow root's), '' when it shows nothing. */
export function widgetText(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => {
    // A text renders into light DOM; the other widgets into their shadow root.
    const el = document.querySelector(`[name="${n}"]`)
    return (el?.shadowRoot ?? el)?.textContent?.trim() ?? ''
  }, name)
}

/** Waits until a widget shows `expected` (a string, or a pattern). */
export async function waitForText(page: Page, name: string, expected: string | RegExp, timeout = UI_TIMEOUT): Promise<string> {
  await expect
    .poll(() => widgetText(page, name), { timeout, interval: 50 })
    .toSatisfy((text: string) => (typeof expected === 'string' ? text === expected : expected.test(text)))
  return widgetText(page, name)
}

/** The data rows the grid renders, each as its cells' text. */
export function gridRows(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const root = document.querySelector('smith-table[name="Table1"]')?.shadowRoot
    if (!root) return []
    return [...root.querySelectorAll('tbody tr[data-pos]')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))
  })
}

/** Opens the demo and waits until the app has mounted (the session text shows). */
export async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitForText(page, 'SessionText', /^Signed (in|out)$/)
}

/** Whether the login form is on screen (it shows exactly while logged out). */
export async function loginFormShown(page: Page): Promise<boolean> {
  return (
    (await page.locator('smith-button[name="LoginButton"] button').isVisible()) &&
    (await page.locator('smith-input[name="EmailInput"] input').isVisible())
  )
}

/** Waits until the page shows the logged-out state: the form, "Signed out", no grid. */
export async function waitForLoggedOut(page: Page, timeout = UI_TIMEOUT): Promise<void> {
  await waitForText(page, 'SessionText', 'Signed out', timeout)
  await expect.poll(() => loginFormShown(page), { timeout, interval: 50 }).toBe(true)
  expect(await page.locator('smith-table[name="Table1"]').isVisible()).toBe(false)
}

/** Waits until the grid shows `count` rows (at least one by default). */
export async function waitForRows(page: Page, count?: number, timeout = UI_TIMEOUT): Promise<string[][]> {
  await expect
    .poll(async () => (await gridRows(page)).length, { timeout, interval: 50 })
    .toSatisfy((n: number) => (count === undefined ? n > 0 : n === count))
  return gridRows(page)
}

/** Logs in through the form: types into the inputs' inner `<input>`s and clicks Sign in. */
export async function logInThroughForm(page: Page, user = DEMO_USER): Promise<void> {
  await page.locator('smith-input[name="EmailInput"] input').fill(user.email)
  await page.locator('smith-input[name="PasswordInput"] input').fill(user.password)
  await page.locator('smith-button[name="LoginButton"] button').click()
  await waitForText(page, 'SessionText', 'Signed in')
}

/**
 * Clicks a button widget's inner `<button>` `times` times in one task, as fast as a
 * user never could: every click starts its action before any of them has awaited.
 */
export function clickButton(page: Page, name: string, times = 1): Promise<void> {
  return page.evaluate(
    ({ n, k }) => {
      const button = document.querySelector(`smith-button[name="${n}"]`)?.shadowRoot?.querySelector('button')
      if (!button) throw new Error(`no button ${n}`)
      for (let i = 0; i < k; i++) button.click()
    },
    { n: name, k: times },
  )
}

/** Seconds the session text counts down to; 0 once it says the token is due. */
export function countdownSeconds(text: string): number {
  if (/^Token due/.test(text)) return 0
  const match = /^Token refresh in (\d+) s$/.exec(text)
  if (!match) throw new Error(`not a countdown: ${JSON.stringify(text)}`)
  return Number(match[1])
}

/** Requests the backend received from now on. */
export interface Traffic {
  /** Every request since the mark, oldest first. */
  all(): RequestLogEntry[]
  /** Requests of one route (`"POST /auth/token"`). */
  of(route: string): RequestLogEntry[]
  /** Number of requests of one route. */
  count(route: string): number
}

/** Marks the backend's request log now; the log must be big enough not to wrap. */
export function traffic(backend: Backend): Traffic {
  const mark = backend.requests.length
  const all = (): RequestLogEntry[] => backend.requests.slice(mark)
  const of = (route: string): RequestLogEntry[] => all().filter((r) => `${r.method} ${r.path}` === route)
  return { all, of, count: (route) => of(route).length }
}

/** The bearer token a request carried, if any. */
export function bearer(entry: RequestLogEntry): string | undefined {
  const header = entry.headers.authorization
  const value = Array.isArray(header) ? header[0] : header
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined
}

/** Token response fields of every shape the backend speaks. */
const TOKEN_KEYS = new Set(['access_token', 'refresh_token', 'authToken', 'accessToken', 'refreshToken'])

/**
 * Records every token the auth endpoints hand out to pages of `context`: the login,
 * signup and refresh responses pass through a route that fetches them from the backend
 * as sent, keeps the tokens, and fulfils the page's request with the very same response.
 */
export async function recordTokens(context: BrowserContext, tokens: Set<string>): Promise<void> {
  await context.route(/\/auth\/(login|signup|token)(\?|$)/, async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    try {
      const json = JSON.parse(body) as Record<string, unknown>
      for (const [key, value] of Object.entries(json)) if (TOKEN_KEYS.has(key) && typeof value === 'string') tokens.add(value)
    } catch {
      // Not JSON: no token in it.
    }
    await route.fulfill({ response, body })
  })
}

/** Every piece of `size` characters of the tokens. */
export function tokenPieces(tokens: Iterable<string>, size = 6): Set<string> {
  const pieces = new Set<string>()
  for (const token of tokens) for (let i = 0; i + size <= token.length; i++) pieces.add(token.slice(i, i + size))
  return pieces
}

/** Indices of the texts that hold a piece; the pieces themselves are not reported. */
export function textsHoldingPieces(texts: readonly string[], pieces: ReadonlySet<string>, size = 6): number[] {
  const hits: number[] = []
  texts.forEach((text, index) => {
    for (let i = 0; i + size <= text.length; i++) {
      if (pieces.has(text.slice(i, i + size))) {
        hits.push(index)
        return
      }
    }
  })
  return hits
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
