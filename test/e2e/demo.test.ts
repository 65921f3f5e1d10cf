/**
 * The demo app in real Chromium, against the built demo and the demo backend on
 * 127.0.0.1 (one server for the file, 4-second access tokens, the strict CSP header):
 * log in, the table, the countdown, refresh, reload, two tabs, revocation, XSS payload
 * rows, and — over every page of the file — no CSP violation and no piece of any token
 * in the console.
 *
 * Auth_Module refreshes a token once less than min(60 s, lifetime / 2) remains: with
 * 4-second tokens a token is "due" 2 s after it was issued, and the next load refreshes.
 * Each test takes fresh browser contexts (fresh IndexedDB); two pages of one context are
 * two tabs. Every page's console, errors, dialogs and CSP violations are collected
 * (browser.ts); the last tests check them for the whole file.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { generateRows } from '../../demo/backend/index'
import type { Row } from '../../demo/backend/index'
import { HEADER_CSP, STRICT_CSP } from '../../src/build/page-shell'
import { startDemoServer } from '../../demo/server'
import type { DemoServer } from '../../demo/server'
import { launchBrowser } from './browser'
import type { E2EBrowser } from './browser'
import {
  bearer,
  clickButton,
  countdownSeconds,
  gridRows,
  logInThroughForm,
  loginFormShown,
  openDemo,
  recordTokens,
  sleep,
  textsHoldingPieces,
  tokenPieces,
  traffic,
  waitForLoggedOut,
  waitForRows,
  waitForText,
  widgetText,
} from './demo-page'

const TTL_SECONDS = 4
/** Auth_Module's margin for a 4 s token: half its lifetime. */
const DUE_AFTER_MS = (TTL_SECONDS * 1000) / 2
/** The demo table's page size (demo/index.html). */
const PAGE_SIZE = 10
/** Big enough that no test's requests wrap the backend's request log. */
const REQUEST_LOG = 20_000

/** Rows whose values are XSS and template-injection payloads; ids sort them first. */
const PAYLOAD_ROWS: Row[] = [
  { id: -3, name: '<img src=x onerror=alert(1)>', email: '<script>alert(2)</script>', city: 'javascript:alert(3)', age: 30, createdAt: '2024-01-01T00:00:00.000Z' },
  { id: -2, name: '"><svg onload=alert(4)>', email: 'javascript:alert(document.domain)', city: '<a href="javascript:alert(5)">x</a>', age: 31, createdAt: '2024-01-02T00:00:00.000Z' },
  { id: -1, name: '{{ showAlert("injected 6") }}', email: '<< alert(7) >>', city: '<iframe srcdoc="<script>alert(8)</script>">', age: 32, createdAt: '2024-01-03T00:00:00.000Z' },
]
const PAYLOAD_ELEMENTS = 'img, script, svg, iframe, a, object, embed'

let server: DemoServer
let xssServer: DemoServer
let browser: E2EBrowser
/** Every token the auth endpoints handed to any page of this file. */
const tokens = new Set<string>()
const contexts: BrowserContext[] = []

beforeAll(async () => {
  const report = (): void => undefined
  ;[server, xssServer, browser] = await Promise.all([
    startDemoServer({ ttlSeconds: TTL_SECONDS, watch: false, report, backend: { requestLogSize: REQUEST_LOG } }),
    // No CSP here: the XSS test must show the table itself renders payloads as text,
    // not that the CSP stopped them.
    startDemoServer({ ttlSeconds: 60, watch: false, csp: false, report, backend: { extraRows: PAYLOAD_ROWS, requestLogSize: REQUEST_LOG } }),
    launchBrowser(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([server?.close(), xssServer?.close()])
})

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close()
  server.backend.setLatency('/auth/token', 0)
  server.backend.setAccessTokenTtl(TTL_SECONDS)
})

/** A fresh browser profile whose auth responses are recorded. */
/**
 * A fresh context (fresh IndexedDB). Its pages report themselves hidden unless `visible`:
 * Auth_Module renews tokens in the background only on a visible page, and the tests that
 * count refreshes want the ones their loads cause, nothing else.
 */
async function freshContext(options: { visible?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext()
  contexts.push(context)
  await recordTokens(context, tokens)
  if (options.visible !== true) {
    await context.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' })
    })
  }
  return context
}

async function openLoggedIn(label: string, context?: BrowserContext): Promise<Page> {
  const page = await browser.newPage(context ?? (await freshContext()), label)
  await openDemo(page, server.url)
  expect(await loginFormShown(page)).toBe(true)
  await logInThroughForm(page)
  await waitForRows(page, PAGE_SIZE)
  return page
}

/** The token the last row load carried. */
function lastBearer(): string | undefined {
  const loads = server.backend.requests.filter((r) => r.path === '/api/rows')
  return loads.length ? bearer(loads[loads.length - 1]!) : undefined
}

/** Sleeps until the last login's access token is past `ms` of its life (backend clock). */
async function untilTokenAge(ms: number): Promise<void> {
  const logins = server.backend.requests.filter((r) => r.path === '/auth/login' || r.path === '/auth/token')
  const issuedAt = logins[logins.length - 1]!.at
  await sleep(Math.max(0, issuedAt + ms - Date.now()))
}

describe('the demo in Chromium', () => {
  test('logs in through the form; the table fills from the backend; the session text counts down', async () => {
    // 8-second tokens here: the countdown starts at 4 s (half the lifetime), room to read it twice.
    server.backend.setAccessTokenTtl(8)
    const net = traffic(server.backend)
    const page = await browser.newPage(await freshContext(), 'login')
    await openDemo(page, server.url)
    expect(await widgetText(page, 'SessionText')).toBe('Signed out')
    expect(await loginFormShown(page)).toBe(true)
    expect(await gridRows(page)).toEqual([])

    await logInThroughForm(page)
    const rows = await waitForRows(page, PAGE_SIZE)
    // The first page of the backend's rows, in id order, as text in the grid.
    const expected = generateRows(PAGE_SIZE, 1)
    expect(rows.map((cells) => cells.slice(0, 4))).toEqual(expected.map((r) => [String(r.id), r.name, r.email, r.city]))
    expect(await widgetText(page, 'CountText')).toBe('10,000 rows')
    expect(await loginFormShown(page)).toBe(false)
    expect(net.count('POST /auth/login')).toBe(1)
    expect(net.of('GET /api/rows').map((r) => r.status)).toEqual([200])

    const first = countdownSeconds(await waitForText(page, 'RefreshText', /^Token refresh in \d+ s$/))
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(4)
    // The ticker updates once a second, not on the second: 2.1 s later the value on
    // screen was computed more than a second after the first one.
    await sleep(2_100)
    const second = countdownSeconds(await widgetText(page, 'RefreshText'))
    expect(second).toBeLessThan(first)
  })

  test('a refused sign-in is said under the password field, which is aria-invalid, until the user types again', async () => {
    const page = await browser.newPage(await freshContext(), 'wrong-password')
    await openDemo(page, server.url)
    const password = page.locator('smith-input[name="PasswordInput"] input')
    await page.locator('smith-input[name="EmailInput"] input').fill('demo@smithlet.dev')
    await password.fill('not-the-password')
    await page.locator('smith-button[name="LoginButton"] button').click()
    const hint = page.locator('smith-input[name="PasswordInput"] .hint')
    await expect.poll(() => hint.textContent()).toBe('Wrong e-mail address or password')
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await widgetText(page, 'SessionText')).toBe('Signed out')
    await password.fill('demo-passwor')
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('false')
    expect(await hint.count()).toBe(0)
  })

  test('a visible, idle page renews its token in the background before the margin, with no caller', async () => {
    const page = await openLoggedIn('renew', await freshContext({ visible: true }))
    const net = traffic(server.backend)
    // Due 2 s after issue (half of 4 s); renewal starts up to 1 s before that.
    await expect.poll(() => net.of('POST /auth/token').filter((r) => r.status === 200).length, { timeout: 6_000 }).toBeGreaterThanOrEqual(1)
    expect(net.count('GET /api/rows')).toBe(0) // nobody asked for a token
    expect(net.count('POST /auth/login')).toBe(0)
    expect(countdownSeconds(await widgetText(page, 'RefreshText'))).toBeGreaterThanOrEqual(0)
    await waitForText(page, 'SessionText', 'Signed in')
  })

  test('past the lifetime, the next load refreshes exactly once, even with several loads at once', async () => {
    const page = await openLoggedIn('refresh')
    const oldToken = lastBearer()
    expect(oldToken).toBeTruthy()
    // Past the token's whole lifetime: the backend would refuse it now.
    await untilTokenAge(TTL_SECONDS * 1000 + 200)
    await waitForText(page, 'RefreshText', /^Token due/)

    server.backend.setLatency('/auth/token', 300) // the refresh is still in flight when the other loads ask
    const net = traffic(server.backend)
    await clickButton(page, 'ReloadButton', 5)
    await expect.poll(() => net.of('GET /api/rows').filter((r) => r.status !== undefined).length, { timeout: 10_000 }).toBe(5)
    await sleep(500) // nothing else follows
    expect(net.count('POST /auth/token')).toBe(1)
    expect(net.count('POST /auth/login')).toBe(0)
    const loads = net.of('GET /api/rows')
    expect(loads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    // Every load waited for the one refresh and carried its new token.
    const sent = new Set(loads.map(bearer))
    expect(sent.size).toBe(1)
    const [newToken] = sent
    expect(newToken).not.toBe(oldToken)
    expect(tokens.has(newToken!)).toBe(true)
    expect(await gridRows(page)).toHaveLength(PAGE_SIZE)
    expect(countdownSeconds(await widgetText(page, 'RefreshText'))).toBeGreaterThan(0)
  })

  test('reload: no login request — the tokens come back from IndexedDB', async () => {
    server.backend.setAccessTokenTtl(60) // the token stays fresh across the reload: no refresh either
    const page = await openLoggedIn('reload')
    const stored = lastBearer()
    expect(stored).toBeTruthy()
    const net = traffic(server.backend)
    // The page is served by the dev server in front of the backend: count its loads here.
    let documents = 0
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents++
    })
    await page.reload()
    await waitForText(page, 'SessionText', 'Signed in')
    await waitForRows(page, PAGE_SIZE)
    expect(await loginFormShown(page)).toBe(false)
    expect(documents).toBe(1) // it did reload
    expect(net.count('POST /auth/login')).toBe(0)
    expect(net.count('POST /auth/token')).toBe(0)
    const loads = net.of('GET /api/rows')
    expect(loads.length).toBeGreaterThan(0)
    expect(loads.map(bearer)).toEqual(loads.map(() => stored))

    // And a new tab of the same profile starts signed in as well.
    const tab = await browser.newPage(page.context(), 'reload-tab')
    await openDemo(tab, server.url)
    await waitForText(tab, 'SessionText', 'Signed in')
    await waitForRows(tab, PAGE_SIZE)
    expect(net.count('POST /auth/login')).toBe(0)
  })

  test('two tabs of the app: one refresh in total when both load after expiry; logout in one logs the other out', async () => {
    const a = await openLoggedIn('tab-a')
    const b = await browser.newPage(a.context(), 'tab-b')
    await openDemo(b, server.url)
    await waitForText(b, 'SessionText', 'Signed in')
    await waitForRows(b, PAGE_SIZE)
    expect(await loginFormShown(b)).toBe(false)

    await untilTokenAge(DUE_AFTER_MS + 200)
    await waitForText(a, 'RefreshText', /^Token due/)
    await waitForText(b, 'RefreshText', /^Token due/)
    server.backend.setLatency('/auth/token', 300)
    const net = traffic(server.backend)
    await Promise.all([clickButton(a, 'ReloadButton', 3), clickButton(b, 'ReloadButton', 3)])
    await expect.poll(() => net.of('GET /api/rows').filter((r) => r.status !== undefined).length, { timeout: 10_000 }).toBe(6)
    await sleep(500)
    expect(net.count('POST /auth/token')).toBe(1)
    expect(net.count('POST /auth/login')).toBe(0)
    const loads = net.of('GET /api/rows')
    expect(loads.every((r) => r.status === 200)).toBe(true)
    expect(new Set(loads.map(bearer)).size).toBe(1) // both tabs use the one new token

    const quiet = traffic(server.backend)
    await clickButton(a, 'LogoutButton')
    await waitForLoggedOut(a)
    await waitForLoggedOut(b)
    await waitForText(b, 'Toast', /Signed out in another tab/)
    // Rows fetched with the ended session are gone from the other tab too.
    await expect.poll(() => widgetText(b, 'CountText'), { timeout: 5_000 }).toBe('')
    // The other tab's next load knows it is signed out: no request at all.
    await clickButton(b, 'ReloadButton')
    await sleep(300)
    expect(quiet.all().filter((r) => r.path !== '/auth/logout').map((r) => `${r.method} ${r.path}`)).toEqual([])
    await waitForLoggedOut(b)
  })

  test('the backend revokes the refresh token: the page shows logged out, after a bounded number of requests', async () => {
    const page = await openLoggedIn('revoke-refresh')
    expect(server.backend.revokeRefreshTokens()).toBeGreaterThan(0)
    await untilTokenAge(DUE_AFTER_MS + 200)
    await waitForText(page, 'RefreshText', /^Token due/)
    const net = traffic(server.backend)
    await clickButton(page, 'ReloadButton')
    await waitForLoggedOut(page)
    await sleep(3_000) // no loop: nothing more happens
    expect(net.of('POST /auth/token').map((r) => r.status)).toEqual([400])
    expect(net.count('POST /auth/login')).toBe(0)
    expect(net.count('GET /api/rows')).toBe(0)
    expect(net.all().length).toBe(1)
    await waitForText(page, 'Toast', /session has ended/)
  })

  test('the backend ends the session (access and refresh tokens): logged out after one 401 and one refresh, no loop', async () => {
    const page = await openLoggedIn('revoke-all')
    const net = traffic(server.backend)
    expect(server.backend.revokeAll()).toBeGreaterThan(0)
    await clickButton(page, 'ReloadButton')
    await waitForLoggedOut(page)
    await sleep(3_000)
    expect(net.of('GET /api/rows').map((r) => r.status)).toEqual([401])
    expect(net.of('POST /auth/token').map((r) => r.status)).toEqual([400])
    expect(net.all().length).toBe(2)
  })

  test('rows whose values are XSS payloads render as text; no script runs, no dialog opens', async () => {
    const context = await freshContext()
    const page = await browser.newPage(context, 'xss')
    const response = await page.goto(xssServer.url)
    expect(response?.headers()['content-security-policy']).toBeUndefined()
    await waitForText(page, 'SessionText', 'Signed out')
    await logInThroughForm(page)
    const rows = await waitForRows(page, PAGE_SIZE)
    // The payloads, exactly as the backend sent them, as the cells' text.
    expect(rows.slice(0, PAYLOAD_ROWS.length).map((cells) => cells.slice(0, 4))).toEqual(
      PAYLOAD_ROWS.map((r) => [String(r.id), r.name, r.email, r.city]),
    )
    // Select a payload row: the selection text shows its name, as text.
    await page.locator('smith-table[name="Table1"] tbody tr[data-pos="0"] td[data-col="1"]').click()
    await waitForText(page, 'SelectionText', `Selected: ${PAYLOAD_ROWS[0]!.name}`)
    await sleep(300) // an onerror or onload would have fired by now
    // No element a payload would create, in the body or in any widget's shadow root
    // (the page's own module script sits in <head>).
    const injected = await page.evaluate((selector) => {
      const found: string[] = []
      const roots: Array<Element | ShadowRoot> = [document.body]
      for (let root = roots.pop(); root !== undefined; root = roots.pop()) {
        for (const el of root.querySelectorAll(selector)) found.push(el.localName)
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot)
      }
      return found
    }, PAYLOAD_ELEMENTS)
    expect(injected).toEqual([])
    expect(browser.dialogs().filter((d) => d.page === 'xss')).toEqual([])
    expect(await widgetText(page, 'Toast')).not.toContain('injected')

    // The control: the same payloads parsed as HTML do run on this page, and the test sees it.
    const control = await browser.newPage(context, 'xss-control')
    await control.goto(xssServer.url)
    await control.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOAD_ROWS[0]!.name)
    await expect.poll(() => browser.dialogs().filter((d) => d.page === 'xss-control').length, { timeout: 5_000 }).toBe(1)
  })

  test('strict CSP: the built demo works under script-src/style-src \'self\' and no page logged a CSP violation', async () => {
    const page = await browser.newPage(await freshContext(), 'csp')
    const response = await page.goto(server.url)
    expect(response?.headers()['content-security-policy']).toBe(HEADER_CSP) // the strict policy, plus frame-ancestors 'none'
    expect(STRICT_CSP).not.toMatch(/unsafe/)
    await waitForText(page, 'SessionText', 'Signed out')
    await logInThroughForm(page)
    await waitForRows(page, PAGE_SIZE)
    // Bindings of both syntaxes evaluate: {{ }} (session, countdown) and << >> (count, selection).
    expect(await widgetText(page, 'CountText')).toBe('10,000 rows')
    expect(await widgetText(page, 'SelectionText')).toBe('Selected: none (click a row)')
    await page.locator('smith-table[name="Table1"] tbody tr[data-pos="2"] td[data-col="1"]').click()
    const third = generateRows(3, 1)[2]!
    await waitForText(page, 'SelectionText', `Selected: ${third.name}`)
    expect(await widgetText(page, 'RefreshText')).toMatch(/^Token refresh in \d+ s$/)
    // No widget shows a binding error (a blocked run-time compile would show one).
    const errors = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('smith-'))
        // A text shows its error in light DOM; the other widgets in their shadow root.
        .flatMap((el) => [...(el.shadowRoot?.querySelectorAll('.error') ?? el.querySelectorAll(':scope > .smith-text-error'))].map((e) => e.textContent)),
    )
    expect(errors).toEqual([])

    // Over every page of this file, all served with the strict CSP but the XSS server's.
    expect(browser.cspViolations()).toEqual([])
    const texts = browser.events.map((e) => e.text)
    expect(texts.filter((t) => /EvalError|unsafe-eval|compile ahead of time/i.test(t))).toEqual([])
    expect(browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
    // The only console errors are the browser's own notes of the 4xx answers the
    // revocation tests and the XSS control provoked; the app itself warned of nothing.
    const noise = browser.events.filter(
      (e) => e.kind === 'console' && (e.type === 'error' || e.type === 'warning') && !/^Failed to load resource: the server responded with a status of 4\d\d /.test(e.text),
    )
    expect(noise).toEqual([])
  })

  test('no console message of any page holds a piece (6+ characters) of any token the backend issued', async () => {
    // Many tokens were issued (a login per test, the refreshes) and every one was recorded.
    expect(tokens.size).toBeGreaterThanOrEqual(12)
    for (const s of [server, xssServer]) {
      for (const r of s.backend.requests) {
        const sent = bearer(r)
        if (sent !== undefined) expect(tokens.has(sent), 'a bearer token the recorder missed').toBe(true)
      }
    }
    const pieces = tokenPieces(tokens)
    // The check finds a piece when there is one.
    const [sample] = tokens
    expect(textsHoldingPieces(['ok', `x${sample!.slice(20, 26)}y`], pieces)).toEqual([1])

    const texts = browser.events.flatMap((e) => [e.text, e.url])
    expect(browser.events.length).toBeGreaterThan(0)
    const leaks = textsHoldingPieces(texts, pieces)
    expect(leaks.map((i) => browser.events[Math.floor(i / 2)]!.page)).toEqual([])
    // Nor in any URL a page requested.
    const urls = [server, xssServer].flatMap((s) => s.backend.requests.map((r) => r.url))
    expect(textsHoldingPieces(urls, pieces)).toEqual([])
    // Dialogs opened only on the XSS control page.
    expect(browser.dialogs().filter((d) => d.page !== 'xss-control')).toEqual([])
  })
})
