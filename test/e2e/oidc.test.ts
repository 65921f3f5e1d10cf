/**
 * The OpenID Connect sign-in end to end in real Chromium: a page with Auth_Module from
 * `oidcModule` (strict CSP, bindings compiled ahead of time) against oidc-provider on
 * 127.0.0.1, whose own login and consent pages the test fills in. Then the refresh, and
 * the logout: revocation at the server and the end-session redirect back to the page.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOidcIssuer, type OidcIssuer } from '../../demo/backend/oidc'
import { STRICT_CSP } from '../../src/build/page-shell'
import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { launchBrowser, type E2EBrowser } from './browser'
import { waitForText, widgetText } from './demo-page'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PAGES = resolve(ROOT, 'test/e2e/pages')
let server: Server
let pageUrl: string
let issuer: OidcIssuer
let browser: E2EBrowser

beforeAll(async () => {
  const html = resolve(PAGES, 'oidc.html')
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { oidc: resolve(PAGES, 'oidc-entry.ts') },
    outdir: resolve(ROOT, 'dist/e2e-oidc'), // never written
    write: false, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent',
    plugins: [smithletPlugin({ html, queries: ['modules/auth/oidc-queries.ts'], cwd: ROOT })],
  })
  if (result.warnings.length > 0) throw new Error(`oidc page: build warnings: ${result.warnings.map((w) => w.text).join('; ')}`)
  const script = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text
  const template = await readFile(html, 'utf8')
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    res.setHeader('Content-Security-Policy', STRICT_CSP)
    res.setHeader('Cache-Control', 'no-store')
    if (path === '/oidc.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script)
    if (path !== '/oidc.html') return void res.writeHead(404).end()
    const page = template.replace('</head>', `  <meta name="oidc-issuer" content="${issuer.issuer}">\n  <script type="module" src="/oidc.js"></script>\n</head>`)
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc.html`
  ;[issuer, browser] = await Promise.all([
    startOidcIssuer({ redirectUris: [pageUrl], postLogoutRedirectUris: [pageUrl], accessTokenTtlSeconds: 4 }),
    launchBrowser(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await issuer?.close()
  await new Promise<void>((done) => {
    if (!server) return done()
    server.closeAllConnections()
    server.close(() => done())
  })
})

async function click(page: Page, name: string): Promise<void> {
  await page.locator(`smith-button[name="${name}"] button`).click()
}

describe('OpenID Connect in Chromium', () => {
  test('sign in through oidc-provider\'s login and consent pages, refresh, then sign out with revocation and end-session', async () => {
    const page = await browser.newPage(undefined, 'oidc')
    await page.goto(pageUrl)
    await waitForText(page, 'UserText', 'Signed out')
    await waitForText(page, 'LoadText', 'no token at page load (logged_out)')

    await click(page, 'LoginButton')
    await page.waitForURL((url) => url.href.startsWith(issuer.issuer))
    const authorize = issuer.counters['GET /auth']
    expect(authorize).toBe(1)
    // oidc-provider's own login page, then its consent page.
    await page.locator('input[name="login"]').fill('ada')
    await page.locator('input[name="password"]').fill('any password')
    await page.locator('button[type="submit"]').click()
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()

    await page.waitForURL((url) => url.href.startsWith(pageUrl))
    await waitForText(page, 'UserText', 'Signed in as ada')
    // The code was exchanged before the page's own load action asked for a token.
    await waitForText(page, 'LoadText', 'token at page load')
    expect(issuer.counters['grant:authorization_code']).toBe(1)
    // code and state are gone from the address bar.
    expect(page.url()).toBe(pageUrl)

    // 4-second opaque tokens: due after 2 s; the visible page renews by itself.
    await expect.poll(() => issuer.counters['grant:refresh_token'], { timeout: 8_000 }).toBeGreaterThanOrEqual(1)
    expect(issuer.counters['grant-error:refresh_token']).toBe(0)
    await click(page, 'LogoutButton')
    // RP-initiated logout: oidc-provider asks for confirmation on its own page.
    await page.waitForURL((url) => url.href.startsWith(`${issuer.issuer}/session/end`))
    expect(issuer.counters['POST /token/revocation']).toBe(1)
    await page.locator('button[name="logout"]').click()
    await page.waitForURL((url) => url.href.startsWith(pageUrl))
    await waitForText(page, 'UserText', 'Signed out')
    await waitForText(page, 'LoadText', 'no token at page load (logged_out)')
    expect(await widgetText(page, 'UserText')).toBe('Signed out')
    expect(browser.cspViolations()).toEqual([])
    expect(browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  })
})
