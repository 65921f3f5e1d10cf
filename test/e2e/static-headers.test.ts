/**
 * A built app served with the `_headers` file `smithlet build` writes, applied as Netlify
 * or Cloudflare Pages apply it (every matching rule adds its headers), in Chromium: the
 * page documents carry the strict policy with `frame-ancestors 'none'`, the custom
 * widgets' frame document its own policy with `frame-ancestors 'self'`. So the app's page
 * frames the widget and runs it, and a page of another origin can frame neither.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { FRAME_HEADER_CSP, HEADER_CSP } from '../../src/build/page-shell'
import { createApp } from '../../src/cli/create'
import { CUSTOM_WIDGET_FRAME_FILE } from '../../widgets/custom-widget/frame-document'
import { headersFileMatcher } from '../support/headers-file'
import { startStaticServer, type StaticServer } from '../support/static-server'
import { launchBrowser, type E2EBrowser } from './browser'
import { waitForText } from './demo-page'

let tmp: string
let app: StaticServer
let other: StaticServer
let browser: E2EBrowser
let headersOf: (path: string) => Record<string, string[]>

beforeAll(async () => {
  tmp = await mkdtemp(join(process.cwd(), '.cache', 'headers-'))
  const dir = await createApp(join(tmp, 'app'))
  // A custom widget on the start page, its code from a JS object.
  await writeFile(join(dir, 'js/Gadget.js'), `export default {
  src: {
    html: '<output id="out">not ready</output>',
    css: '',
    js: "appsmith.onReady(() => { document.getElementById('out').textContent = 'ready ' + appsmith.model.n })",
  },
}
`)
  const home = join(dir, 'pages/Home/index.html')
  await writeFile(home, (await readFile(home, 'utf8')).replace('</main>',
    '<smith-custom-widget name="Gadget1" src-doc="{{ Gadget.src }}" default-model="{{ { n: 7 } }}"></smith-custom-widget>\n</main>'))
  const built = await buildApp({ dir, outdir: join(tmp, 'dist') })
  headersOf = headersFileMatcher(await readFile(join(built.outdir, '_headers'), 'utf8'))
  // Another origin (another loopback port) that tries to frame the app's documents.
  const elsewhere = join(tmp, 'elsewhere')
  await rm(elsewhere, { recursive: true, force: true })
  ;[app, browser] = await Promise.all([
    startStaticServer(built.outdir, { 'Cache-Control': 'no-store' }, (path) => headersOf(path)),
    launchBrowser(),
  ])
  await writeFile(join(tmp, 'framer.html'), `<!doctype html><title>framer</title>
<iframe id="page" src="${app.url}"></iframe>
<iframe id="widget" src="${app.url}${CUSTOM_WIDGET_FRAME_FILE}"></iframe>`)
  other = await startStaticServer(tmp, { 'Cache-Control': 'no-store' })
})
afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), other?.close()])
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('the static build’s _headers in Chromium', () => {
  test('one policy per document: pages get the strict CSP with frame-ancestors none, the frame document its own with frame-ancestors self', () => {
    for (const path of ['/', '/index.html', '/Home', '/Home/', '/Home/index.html', '/About/index.html']) {
      expect(headersOf(path)['content-security-policy'], path).toEqual([HEADER_CSP])
    }
    expect(headersOf(`/${CUSTOM_WIDGET_FRAME_FILE}`)['content-security-policy']).toEqual([FRAME_HEADER_CSP])
    expect(FRAME_HEADER_CSP).toMatch(/; frame-ancestors 'self'$/)
    expect(headersOf('/app.js')['x-content-type-options']).toEqual(['nosniff'])
  })

  test('the app’s page loads under its policy and frames its custom widget, which runs', async () => {
    const page = await browser.newPage(undefined, 'headers-app')
    const frameResponse = page.waitForResponse((r) => r.url().endsWith(CUSTOM_WIDGET_FRAME_FILE))
    const response = await page.goto(app.url)
    expect(response?.headers()['content-security-policy']).toBe(HEADER_CSP)
    await waitForText(page, 'ItemsText', '3 items')
    expect((await frameResponse).headers()['content-security-policy']).toBe(FRAME_HEADER_CSP)
    const out = page.frameLocator('smith-custom-widget iframe').locator('#out')
    await expect.poll(() => out.textContent(), { timeout: 10_000 }).toBe('ready 7')
    expect(browser.cspViolations().filter((v) => v.page === 'headers-app')).toEqual([])
  })

  test('a page of another origin can frame neither a page of the app nor its widget frame', async () => {
    const page = await browser.newPage(undefined, 'headers-framer')
    await page.goto(`${other.url}framer.html`)
    // A document refused by frame-ancestors never loads: the frame shows Chromium's error page.
    const loaded = async (id: string): Promise<string> => {
      const frame = await (await page.$(`#${id}`))!.contentFrame()
      return frame!.evaluate(() => document.title + '|' + document.body?.innerHTML.length).catch(() => 'unreachable')
    }
    await expect.poll(() => browser.cspViolations().filter((v) => v.page === 'headers-framer').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    for (const id of ['page', 'widget']) expect(await loaded(id), id).not.toMatch(/^(?:Home|.*·)/)
    const refused = browser.cspViolations().filter((v) => v.page === 'headers-framer').map((v) => v.text).join('\n')
    expect(refused).toMatch(/frame-ancestors/)
  })
})
