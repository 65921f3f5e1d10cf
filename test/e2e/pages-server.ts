/**
 * The e2e test pages (test/e2e/pages), built with esbuild in memory and served on
 * 127.0.0.1:
 *
 * - `/table.html`: the widgets, and `window.e2e.mountTable(…)` (pages/table.ts);
 * - `/composite.html`: the widgets, and `window.e2e.mountHtml(…)` (pages/composite.ts);
 * - `/smith-custom-widget.html`: the custom widget's frame document, served with its own policy;
 * - `/aot.html`: pages/aot.html with its bindings compiled ahead of time by the
 *   smithlet esbuild plugin, as the demo is built;
 * - `/runtime.html`: the same page and app without the ahead-of-time bindings;
 * - `/reliability.html`: one app on real IndexedDB, and the other tabs' parts (pages/reliability.ts).
 *
 * Every page is served with the demo's strict policy (`script-src 'self'; style-src
 * 'self'`) unless the URL asks for `?csp=off`: an XSS test must not lean on the CSP to
 * stop a payload, or it would pass for the wrong reason.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll } from 'vitest'
import { STRICT_CSP } from '../../src/build/page-shell'

import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { CUSTOM_WIDGET_FRAME_CSP, CUSTOM_WIDGET_FRAME_FILE, customWidgetFrameHtml } from '../../widgets/custom-widget/frame-document'
import { launchBrowser } from './browser'
import type { E2EBrowser } from './browser'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PAGES = resolve(ROOT, 'test/e2e/pages')

/** A running page server. */
export interface PagesServer {
  /** e.g. `http://127.0.0.1:12345/` */
  readonly url: string
  close(): Promise<void>
}

function shell(title: string, script: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="icon" href="data:,"><script type="module" src="${script}"></script></head><body></body></html>`
  )
}

/** Builds the pages and serves them; see the file comment. */
export async function startPagesServer(): Promise<PagesServer> {
  const aotHtml = resolve(PAGES, 'aot.html')
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      table: resolve(PAGES, 'table.ts'),
      aot: resolve(PAGES, 'aot-entry.ts'),
      runtime: resolve(PAGES, 'runtime-entry.ts'),
      reliability: resolve(PAGES, 'reliability.ts'),
    },
    outdir: resolve(ROOT, 'dist/e2e-pages'), // never written
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [smithletPlugin({ html: aotHtml, cwd: ROOT })],
  })
  // The composite page apart, code-split as an app with a chart is built: the chart
  // libraries are chunks fetched on demand. (The pages above must not be split: aot.js
  // seeds the compiled bindings before the app code that it shares with runtime.js runs.)
  const composite = await build({
    absWorkingDir: ROOT,
    entryPoints: { composite: resolve(PAGES, 'composite.ts') },
    outdir: resolve(ROOT, 'dist/e2e-pages'), // never written
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const warnings = [...result.warnings, ...composite.warnings]
  if (warnings.length > 0) throw new Error(`e2e pages: build warnings: ${warnings.map((w) => w.text).join('; ')}`)
  const scripts = new Map<string, string>()
  for (const file of [...result.outputFiles, ...composite.outputFiles]) scripts.set('/' + file.path.slice(file.path.lastIndexOf('/') + 1), file.text)
  const aot = await readFile(aotHtml, 'utf8')
  const withScript = (src: string): string => aot.replace('</head>', `  <script type="module" src="${src}"></script>\n</head>`)
  const pages = new Map<string, string>([
    ['/table.html', shell('smithlet e2e · table', '/table.js')],
    ['/composite.html', shell('smithlet e2e · composite widgets', '/composite.js')],
    ['/aot.html', withScript('/aot.js')],
    ['/runtime.html', withScript('/runtime.js')],
    ['/reliability.html', shell('smithlet e2e · reliability', '/reliability.js')],
  ])

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // The custom widget's frame document, with its own policy (widgets/custom-widget/frame-document.ts).
    if (url.pathname === `/${CUSTOM_WIDGET_FRAME_FILE}`) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CUSTOM_WIDGET_FRAME_CSP, 'Cache-Control': 'no-store' })
      res.end(customWidgetFrameHtml())
      return
    }
    const page = pages.get(url.pathname)
    const script = scripts.get(url.pathname)
    if (page === undefined && script === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    res.setHeader('Cache-Control', 'no-store')
    if (url.searchParams.get('csp') !== 'off') res.setHeader('Content-Security-Policy', STRICT_CSP)
    if (page !== undefined) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
    else res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/**
 * The page server and a Chromium for one test file: both start before its first test
 * and close after its last. Read them as `e2e.pages` / `e2e.browser` inside tests.
 */
export function pagesAndBrowser(): { readonly pages: PagesServer; readonly browser: E2EBrowser } {
  let pages: PagesServer | undefined
  let browser: E2EBrowser | undefined
  beforeAll(async () => {
    ;[pages, browser] = await Promise.all([startPagesServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await pages?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('pagesAndBrowser: read e2e.pages and e2e.browser inside a test')
    return value
  }
  return {
    get pages() {
      return started(pages)
    },
    get browser() {
      return started(browser)
    },
  }
}
