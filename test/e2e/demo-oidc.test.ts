/**
 * `npm start -- --oidc` in real Chromium: the demo app folder built with
 * `use: 'oidc'`, its backend accepting the embedded issuer's opaque tokens (by
 * introspection), and oidc-provider on a second loopback port. Sign in by redirect
 * (the issuer's own login and consent pages), rows load, the token renews itself,
 * logout revokes at the issuer and ends the session there; no token in the console.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server'
import { launchBrowser, type E2EBrowser } from './browser'
import { clickButton, openDemo, recordTokens, textsHoldingPieces, tokenPieces, waitForRows, waitForText, widgetText } from './demo-page'

let server: DemoServer
let browser: E2EBrowser
const tokens = new Set<string>()

beforeAll(async () => {
  ;[server, browser] = await Promise.all([
    startDemoServer({ oidc: true, ttlSeconds: 4, watch: false, report: () => undefined }),
    launchBrowser(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the demo with --oidc', () => {
  test('sign in by redirect, rows through introspection, background renewal, logout with revocation and end-session', async () => {
    const issuer = server.issuer!
    const context = await browser.newContext()
    // Record what the issuer's token endpoint hands out, to look for it in the console later.
    await context.route((url) => url.href.startsWith(`${issuer.issuer}/token`), async (route) => {
      const response = await route.fetch()
      const body = await response.text()
      try {
        for (const [key, value] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
          if (/token$/.test(key) && typeof value === 'string') tokens.add(value)
        }
      } catch {
        // not JSON
      }
      await route.fulfill({ response, body })
    })
    await recordTokens(context, tokens)
    const page = await browser.newPage(context, 'demo-oidc')
    await openDemo(page, server.url)
    await waitForText(page, 'SessionText', 'Signed out')
    await waitForText(page, 'LoginHint', /OpenID Connect issuer/)
    expect(await page.locator('smith-input[name="EmailInput"] input').isVisible()).toBe(false)

    await clickButton(page, 'LoginButton')
    await page.waitForURL((url) => url.href.startsWith(issuer.issuer))
    await page.locator('input[name="login"]').fill('grace')
    await page.locator('input[name="password"]').fill('any password')
    await page.locator('button[type="submit"]').click()
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()

    await page.waitForURL((url) => url.href.startsWith(server.url))
    await waitForText(page, 'SessionText', 'Signed in')
    await waitForText(page, 'UserText', 'grace (José 😀)')
    expect(page.url()).toBe(server.url) // code and state are gone
    await waitForRows(page, 10)
    expect(issuer.counters['grant:authorization_code']).toBe(1)
    expect(issuer.counters['POST /token/introspection']).toBeGreaterThanOrEqual(1)

    // 4-second tokens: the visible page renews before the margin, and rows still load.
    await expect.poll(() => issuer.counters['grant:refresh_token'], { timeout: 8_000 }).toBeGreaterThanOrEqual(1)
    await clickButton(page, 'ReloadButton')
    await waitForRows(page, 10)
    expect(issuer.counters['grant-error:refresh_token']).toBe(0)

    await clickButton(page, 'LogoutButton')
    await page.waitForURL((url) => url.href.startsWith(`${issuer.issuer}/session/end`))
    expect(issuer.counters['POST /token/revocation']).toBe(1)
    await page.locator('button[name="logout"]').click()
    await page.waitForURL((url) => url.href.startsWith(server.url))
    await waitForText(page, 'SessionText', 'Signed out')
    expect(await widgetText(page, 'CountText')).toBe('')

    expect(tokens.size).toBeGreaterThanOrEqual(3)
    expect(textsHoldingPieces(browser.consoleText(), tokenPieces(tokens))).toEqual([])
    expect(browser.cspViolations()).toEqual([])
    expect(browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  })
})
