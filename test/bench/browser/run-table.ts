/**
 * Issue 6: `<smith-table>` with 100,000 rows against a plain Lit table that renders every
 * row, in headless Chromium (playwright-core). Each variant runs in a fresh page of one
 * browser: mount time, `<tr>` in the DOM, frame intervals while scrolling top to bottom,
 * and JS heap (CDP Performance.getMetrics after a forced GC).
 *
 * If Chromium cannot launch, the rows say "skipped: <reason>" and the bench goes on.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Row } from '../report'
import { count, duration, ratio } from '../report'
import { median, percentile } from '../stats'

const ROWS = 100_000
/** The baseline tries every row too; if its mount takes longer than this, it is rerun at FALLBACK_ROWS. */
const BASELINE_BEARABLE_MS = 20_000
const FALLBACK_ROWS = 5_000
const STEPS = 120
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Measured {
  rows: number
  mountMs: number
  firstFrameMs: number
  tr: number
  dataRows: number
  intervals: number[]
  maxTr: number
  lastRowText: string
  heapBefore: number
  heapAfter: number
  nodes: number
}

async function executablePath(): Promise<string> {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const sparticuz = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath(): Promise<string> } }
  return sparticuz.default.executablePath()
}

async function pageBundle(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'test/bench/browser/page.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  })
  return result.outputFiles[0]!.text
}

/** Serves the page and its bundle on 127.0.0.1 only. */
async function serve(script: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body style="margin:0"><script type="module" src="/page.js"></script></body></html>'
  const server: Server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      res.end(script)
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(html)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

async function heapUsed(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN
  void page
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') }
}

async function measure(context: BrowserContext, url: string, kind: 'smith' | 'plain', rows: number): Promise<Measured> {
  const page = await context.newPage()
  try {
    await page.goto(url)
    await page.waitForFunction(() => document.title === 'ready')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const before = await heapUsed(page, cdp)
    const mounted = await withTimeout(
      page.evaluate(([k, n]) => (window as any).bench.mount(k, n), [kind, rows] as const),
      120_000,
      `mounting ${kind} with ${rows} rows`,
    )
    const after = await heapUsed(page, cdp)
    const scrolled = await withTimeout(
      page.evaluate((steps) => (window as any).bench.scroll(steps), STEPS),
      120_000,
      `scrolling ${kind}`,
    )
    await cdp.detach()
    return { rows, ...mounted, ...scrolled, heapBefore: before.heap, heapAfter: after.heap, nodes: after.nodes }
  } finally {
    await page.close()
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function rowsFor(smith: Measured, plain: Measured): Row[] {
  const which = plain.rows === ROWS ? `${count(ROWS)} rows both` : `baseline at ${count(plain.rows)} rows (100,000 unbearable)`
  const sm = median(smith.intervals)
  const pm = median(plain.intervals)
  const s95 = percentile(smith.intervals, 95)
  const p95 = percentile(plain.intervals, 95)
  const sHeap = smith.heapAfter - smith.heapBefore
  const pHeap = plain.heapAfter - plain.heapBefore
  return [
    {
      issue: 6,
      name: 'table: mount (updateComplete + rAF)',
      ours: duration(smith.mountMs),
      baseline: duration(plain.mountMs),
      ratio: ratio(smith.mountMs, plain.mountMs),
      note: `${which}; headless Chromium; to first painted frame (+1 rAF): ${duration(smith.firstFrameMs)} vs ${duration(plain.firstFrameMs)}`,
      data: { smith: { rows: smith.rows, mountMs: smith.mountMs, firstFrameMs: smith.firstFrameMs }, plain: { rows: plain.rows, mountMs: plain.mountMs, firstFrameMs: plain.firstFrameMs } },
    },
    {
      issue: 6,
      name: 'table: <tr> in the DOM after mount',
      ours: count(smith.tr),
      baseline: count(plain.tr),
      ratio: ratio(smith.tr, plain.tr),
      note: `data rows ${count(smith.dataRows)} vs ${count(plain.dataRows)}; ours incl. header + 2 spacers, max while scrolling ${count(smith.maxTr)}; DOM nodes ${count(smith.nodes)} vs ${count(plain.nodes)}`,
      data: { smith: { tr: smith.tr, dataRows: smith.dataRows, maxTr: smith.maxTr, nodes: smith.nodes }, plain: { tr: plain.tr, dataRows: plain.dataRows, nodes: plain.nodes } },
    },
    {
      issue: 6,
      name: `table: frame interval scrolling top→bottom, median (${STEPS} steps)`,
      ours: duration(sm),
      baseline: duration(pm),
      ratio: ratio(sm, pm),
      note: `one scrollTop step per rAF; last row rendered: ${smith.lastRowText || '?'} of ${count(smith.rows)} vs ${plain.lastRowText || '?'} of ${count(plain.rows)}`,
      data: { smithIntervals: smith.intervals, plainIntervals: plain.intervals },
    },
    {
      issue: 6,
      name: 'table: frame interval scrolling, p95',
      ours: duration(s95),
      baseline: duration(p95),
      ratio: ratio(s95, p95),
      note: `max ${duration(Math.max(...smith.intervals))} vs ${duration(Math.max(...plain.intervals))}`,
    },
    {
      issue: 6,
      name: 'table: JS heap added by the mount',
      ours: mb(sHeap),
      baseline: mb(pHeap),
      ratio: ratio(sHeap, pHeap),
      note: `CDP JSHeapUsedSize after GC, mounted minus before (row data generated in-page after "before"); totals ${mb(smith.heapAfter)} vs ${mb(plain.heapAfter)}`,
      data: { smith: { before: smith.heapBefore, after: smith.heapAfter }, plain: { before: plain.heapBefore, after: plain.heapAfter } },
    },
  ]
}

function skipped(reason: string): Row[] {
  const short = reason.split('\n')[0]!.slice(0, 160)
  return ['mount', '<tr> in the DOM', 'frame interval scrolling', 'JS heap'].map((what) => ({
    issue: 6,
    name: `table: ${what}`,
    ours: `skipped: ${short}`,
    baseline: '—',
    ratio: '—',
    note: 'Chromium did not run',
  }))
}

export async function benchTable(root: string, log: (message: string) => void): Promise<Row[]> {
  let server: Awaited<ReturnType<typeof serve>> | undefined
  let context: BrowserContext | undefined
  const profile = await mkdtemp(join(tmpdir(), 'smithlet-bench-chromium-'))
  try {
    log('table: bundling the page')
    server = await serve(await pageBundle(root))
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: await executablePath(),
        headless: true,
        args: ARGS,
        viewport: { width: 1280, height: 800 },
        timeout: 60_000,
      })
    } catch (error) {
      return skipped(`Chromium did not launch: ${(error as Error).message}`)
    }
    log(`table: smith-table, ${count(ROWS)} rows`)
    const smith = await measure(context, server.url, 'smith', ROWS)
    log(`table: plain Lit table, ${count(ROWS)} rows`)
    let plain: Measured
    try {
      plain = await measure(context, server.url, 'plain', ROWS)
      if (plain.mountMs > BASELINE_BEARABLE_MS) throw new Error(`mount took ${duration(plain.mountMs)}`)
    } catch (error) {
      log(`table: the plain table at ${count(ROWS)} rows is unbearable (${(error as Error).message}); using ${count(FALLBACK_ROWS)}`)
      plain = await measure(context, server.url, 'plain', FALLBACK_ROWS)
    }
    return rowsFor(smith, plain)
  } catch (error) {
    return skipped((error as Error).message)
  } finally {
    await context?.close().catch(() => undefined)
    await server?.close()
    await rm(profile, { recursive: true, force: true })
  }
}
