/**
 * The Chromium half of the benchmark (headless, driven by playwright-core), one browser
 * with a fresh temporary profile, each measurement in a fresh page served from
 * 127.0.0.1:
 *
 * - issue 6: `<smith-table>` with 100,000 rows against a plain Lit table that renders
 *   every row — mount time, `<tr>` in the DOM, frame intervals while scrolling top to
 *   bottom, JS heap (CDP Performance.getMetrics after a forced GC);
 * - issue 2 again, on the browser's real IndexedDB: 10,000 `storeValue` in one tick
 *   against 10,000 sequential idb-keyval `set`;
 * - issue 4 again, in the browser's own fetch: `Q.run()` against a raw `fetch` +
 *   `response.json()` to `/ping` on the same 127.0.0.1 server (queries-page.ts).
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
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import type { Row } from '../report'
import { count, duration, ratio } from '../report'
import { median, percentile } from '../stats'
import type { QueriesRun } from './queries-page'

const ROWS = 100_000
/** The baseline tries 100,000 rows first; a mount not done within this is unbearable. */
const BASELINE_PROBE_MS = 10_000
const FALLBACK_ROWS = 5_000
const STEPS = 120
/** Scroll passes per page (down, up): the intervals of all passes are pooled. */
const PASSES = 2
/** Fresh pages per table kind; mount and heap are medians, frame intervals pooled. */
const SMITH_RUNS = 3
const PLAIN_RUNS = 2
/** A frame over this is a dropped frame at 60 fps (with slack for timer jitter). */
const SLOW_FRAME_MS = 20
const STORE_WRITES = 10_000
const STORE_REPS = 3
const QUERY_RUNS = 1_000
const QUERY_WARMUP = 100
/** The issue-4 response body, the same as the Node suite's (test/bench/node/queries.ts). */
const PING_BODY = JSON.stringify({ ok: true, id: 42, name: 'smithlet', tags: ['a', 'b'] })
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Mounted {
  mountMs: number
  firstFrameMs: number
  tr: number
  dataRows: number
}

interface Scrolled {
  intervals: number[]
  maxTr: number
  lastRowText: string
}

interface Measured extends Mounted, Scrolled {
  rows: number
  heapBefore: number
  heapAfter: number
  nodes: number
}

interface StoreRun {
  ours: Array<{ total: number; sync: number; transactions: number }>
  base: Array<{ total: number; transactions: number }>
}

interface BenchWindow {
  bench: {
    queries(runs: number, warmup: number): Promise<QueriesRun>
    prepare(n: number): number
    mount(kind: 'smith' | 'plain'): Promise<Mounted>
    scroll(steps: number, passes: number): Promise<Scrolled>
    store(n: number, reps: number): Promise<StoreRun>
  }
}

async function executablePath(): Promise<string> {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const sparticuz = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath(): Promise<string> } }
  return sparticuz.default.executablePath()
}

async function pageBundle(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'test/bench/browser', entry)],
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

/**
 * Serves the pages and their bundles on 127.0.0.1 only: `/` (tables, store) and
 * `/queries` with `/ping`, the small JSON both sides of issue 4 fetch. The queries page
 * is cross-origin isolated (COOP + COEP), which makes Chromium's `performance.now()`
 * 5 µs coarse instead of 100 µs; the table page is served as before.
 */
async function serve(script: string, queriesScript: string): Promise<{ url: string; queriesUrl: string; close(): Promise<void> }> {
  const html = (src: string): string =>
    '<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head>' +
    `<body style="margin:0"><script type="module" src="${src}"></script></body></html>`
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
  const server: Server = createServer((req, res) => {
    if (req.url === '/ping') {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PING_BODY), 'cache-control': 'no-store' })
        res.end(PING_BODY)
      })
    } else if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      res.end(script)
    } else if (req.url === '/queries.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolated })
      res.end(queriesScript)
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(html('/page.js'))
    } else if (req.url === '/queries') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolated })
      res.end(html('/queries.js'))
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    queriesUrl: `http://127.0.0.1:${port}/queries`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what} was not done after ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => document.title === 'ready')
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return { page, cdp }
}

async function heapUsed(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') }
}

async function measureTable(context: BrowserContext, url: string, kind: 'smith' | 'plain', rows: number, mountLimitMs: number): Promise<Measured> {
  const { page, cdp } = await openPage(context, url)
  let hung = false
  try {
    await page.evaluate((n) => (window as unknown as BenchWindow).bench.prepare(n), rows)
    const before = await heapUsed(cdp)
    const mounted = await withTimeout(
      page.evaluate((k) => (window as unknown as BenchWindow).bench.mount(k), kind),
      mountLimitMs,
      `mounting ${kind} with ${count(rows)} rows`,
    )
      .catch((error: unknown) => {
        hung = error instanceof Timeout
        throw error
      })
    const after = await heapUsed(cdp)
    const scrolled = await withTimeout(
      page.evaluate(([steps, passes]) => (window as unknown as BenchWindow).bench.scroll(steps, passes), [STEPS, PASSES] as const),
      120_000,
      `scrolling ${kind}`,
    )
    return { rows, ...mounted, ...scrolled, heapBefore: before.heap, heapAfter: after.heap, nodes: after.nodes }
  } finally {
    await closePage(page, cdp, hung)
  }
}

/**
 * Closes a page. A renderer still busy with an abandoned mount would not close for a long
 * while and would take CPU from the next measurement, so it is crashed first (CDP
 * Page.crash acts at once but never answers, and its session can no longer detach).
 */
async function closePage(page: Page, cdp: CDPSession, hung: boolean): Promise<void> {
  if (hung) {
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()))
    cdp.send('Page.crash').catch(() => undefined)
    await withTimeout(crashed, 5_000, 'crashing the busy page').catch(() => undefined)
  } else {
    await withTimeout(cdp.detach(), 5_000, 'detaching CDP').catch(() => undefined)
  }
  await withTimeout(page.close(), 10_000, 'closing the page').catch(() => undefined)
}

/** Several pages of one kind as one: medians of mount and heap, frame intervals pooled. */
function combine(runs: readonly Measured[]): Measured & { runs: number } {
  const first = runs[0]!
  const med = (pick: (m: Measured) => number): number => median(runs.map(pick))
  return {
    runs: runs.length,
    rows: first.rows,
    mountMs: med((m) => m.mountMs),
    firstFrameMs: med((m) => m.firstFrameMs),
    tr: first.tr,
    dataRows: first.dataRows,
    maxTr: Math.max(...runs.map((m) => m.maxTr)),
    lastRowText: first.lastRowText,
    intervals: runs.flatMap((m) => m.intervals),
    heapBefore: med((m) => m.heapBefore),
    heapAfter: med((m) => m.heapAfter),
    nodes: med((m) => m.nodes),
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function tableRows(smith: ReturnType<typeof combine>, plain: ReturnType<typeof combine>, probe: string): Row[] {
  const which = plain.rows === ROWS ? `${count(ROWS)} rows both` : `baseline at ${count(plain.rows)} rows (${probe})`
  const sm = median(smith.intervals)
  const pm = median(plain.intervals)
  const s95 = percentile(smith.intervals, 95)
  const p95 = percentile(plain.intervals, 95)
  const sHeap = smith.heapAfter - smith.heapBefore
  const pHeap = plain.heapAfter - plain.heapBefore
  const slow = (m: Measured): string =>
    `${((100 * m.intervals.filter((t) => t > SLOW_FRAME_MS).length) / m.intervals.length).toFixed(0)}%`
  return [
    {
      issue: 6,
      name: `table, ${count(ROWS)} rows: mount (updateComplete + rAF)`,
      ours: duration(smith.mountMs),
      baseline: duration(plain.mountMs),
      ratio: ratio(smith.mountMs, plain.mountMs),
      note: `baseline: plain Lit <table> rendering every row, ${which}; median of ${smith.runs} vs ${plain.runs} fresh pages; to the frame after (layout + paint): ${duration(smith.firstFrameMs)} vs ${duration(plain.firstFrameMs)}`,
      data: {
        smith: { rows: smith.rows, mountMs: smith.mountMs, firstFrameMs: smith.firstFrameMs },
        plain: { rows: plain.rows, mountMs: plain.mountMs, firstFrameMs: plain.firstFrameMs },
        probe,
      },
    },
    {
      issue: 6,
      name: 'table: <tr> in the DOM after mount',
      ours: count(smith.tr),
      baseline: count(plain.tr),
      ratio: ratio(smith.tr, plain.tr),
      note: `data rows ${count(smith.dataRows)} vs ${count(plain.dataRows)}; ours incl. header + 2 spacers, at most ${count(smith.maxTr)} while scrolling; DOM nodes ${count(smith.nodes)} vs ${count(plain.nodes)}`,
      data: {
        smith: { tr: smith.tr, dataRows: smith.dataRows, maxTr: smith.maxTr, nodes: smith.nodes },
        plain: { tr: plain.tr, dataRows: plain.dataRows, nodes: plain.nodes },
      },
    },
    {
      issue: 6,
      name: 'table: frame interval while scrolling through, median',
      ours: duration(sm),
      baseline: duration(pm),
      ratio: ratio(sm, pm),
      note: `${STEPS} scrollTop steps per pass, one per rAF, ${PASSES} passes (down, up) per page, ${count(smith.intervals.length)} vs ${count(plain.intervals.length)} frames; last row at the bottom: ${smith.lastRowText || '?'} of ${count(smith.rows)} vs ${plain.lastRowText || '?'} of ${count(plain.rows)}`,
      data: { smithIntervals: smith.intervals, plainIntervals: plain.intervals },
    },
    {
      issue: 6,
      name: 'table: frame interval while scrolling through, p95',
      ours: duration(s95),
      baseline: duration(p95),
      ratio: ratio(s95, p95),
      note: `frames over ${SLOW_FRAME_MS} ms: ${slow(smith)} vs ${slow(plain)}; worst ${duration(Math.max(...smith.intervals))} vs ${duration(Math.max(...plain.intervals))}; 16.7 ms = 60 fps`,
    },
    {
      issue: 6,
      name: 'table: JS heap added by the mount',
      ours: mb(sHeap),
      baseline: mb(pHeap),
      ratio: ratio(sHeap, pHeap),
      note: `CDP JSHeapUsedSize after GC, mounted minus before (row data already generated); totals ${mb(smith.heapAfter)} vs ${mb(plain.heapAfter)}`,
      data: { smith: { before: smith.heapBefore, after: smith.heapAfter }, plain: { before: plain.heapBefore, after: plain.heapAfter } },
    },
  ]
}

async function storeRows(context: BrowserContext, url: string): Promise<Row[]> {
  const { page, cdp } = await openPage(context, url)
  try {
    const run = await withTimeout(
      page.evaluate(([n, reps]) => (window as unknown as BenchWindow).bench.store(n, reps), [STORE_WRITES, STORE_REPS] as const),
      150_000,
      'the IndexedDB store bench',
    )
    const ours = median(run.ours.map((r) => r.total))
    const base = median(run.base.map((r) => r.total))
    const sync = median(run.ours.map((r) => r.sync / STORE_WRITES))
    const tx = `${count(median(run.ours.map((r) => r.transactions)))} vs ${count(median(run.base.map((r) => r.transactions)))} readwrite transactions`
    return [
      {
        issue: 2,
        name: '10,000 storeValue in one tick, real IndexedDB: time until all resolve',
        ours: duration(ours),
        baseline: duration(base),
        ratio: ratio(ours, base),
        note: `headless Chromium; ${tx}; median of ${STORE_REPS}; storeValue sync part ${duration(sync)}/call`,
        data: run as unknown as Record<string, unknown>,
      },
    ]
  } finally {
    await closePage(page, cdp, false)
  }
}

async function queryRows(context: BrowserContext, url: string): Promise<Row[]> {
  const { page, cdp } = await openPage(context, url)
  try {
    const run = await withTimeout(
      page.evaluate(([runs, warmup]) => (window as unknown as BenchWindow).bench.queries(runs, warmup), [QUERY_RUNS, QUERY_WARMUP] as const),
      180_000,
      'the Q.run vs fetch bench',
    )
    const { ours, raw: base, timeout } = run
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
    const m = median(ours)
    const b = median(base)
    const t = median(timeout)
    const clock = run.crossOriginIsolated ? 'cross-origin isolated page, 5 µs clock' : 'page NOT cross-origin isolated, 100 µs clock'
    return [
      {
        issue: 4,
        name: 'Q.run vs raw fetch, per request, Chromium',
        ours: duration(m),
        baseline: duration(b),
        ratio: ratio(m, b),
        note:
          `target < 1.1×; headless Chromium, same-origin GET /ping (127.0.0.1), performance.now() in the page (${clock}); ` +
          `median of ${count(QUERY_RUNS)} sequential each after ${QUERY_WARMUP} warm-up, interleaved; p95 ${duration(percentile(ours, 95))} vs ${duration(percentile(base, 95))}; ` +
          `total ratio ${ratio(sum(ours), sum(base))}; fetch with an AbortController timeout as Q.run has: ${duration(t)} ` +
          `(÷ raw fetch ${ratio(t, b)}; Q.run ÷ that ${ratio(m, t)})`,
        data: {
          oursMedianMs: m,
          baselineMedianMs: b,
          withTimeoutMedianMs: t,
          oursP95Ms: percentile(ours, 95),
          baselineP95Ms: percentile(base, 95),
          withTimeoutP95Ms: percentile(timeout, 95),
          oursTotalMs: sum(ours),
          baselineTotalMs: sum(base),
          withTimeoutTotalMs: sum(timeout),
          crossOriginIsolated: run.crossOriginIsolated,
          userAgent: run.userAgent,
        },
      },
    ]
  } finally {
    await closePage(page, cdp, false)
  }
}

function skipped(reason: string): Row[] {
  const short = `skipped: ${reason.split('\n')[0]!.slice(0, 120)}`
  const row = (issue: number, name: string): Row => ({ issue, name, ours: short, baseline: '—', ratio: '—', note: 'needs Chromium' })
  return [
    row(2, '10,000 storeValue in one tick, real IndexedDB'),
    row(4, 'Q.run vs raw fetch, per request, Chromium'),
    row(6, 'table: mount'),
    row(6, 'table: <tr> in the DOM'),
    row(6, 'table: frame intervals while scrolling'),
    row(6, 'table: JS heap'),
  ]
}

export async function benchBrowser(root: string, log: (message: string) => void): Promise<Row[]> {
  let server: Awaited<ReturnType<typeof serve>> | undefined
  let context: BrowserContext | undefined
  const profile = await mkdtemp(join(tmpdir(), 'smithlet-bench-chromium-'))
  try {
    log('chromium: bundling the page')
    server = await serve(await pageBundle(root, 'page.ts'), await pageBundle(root, 'queries-page.ts'))
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
    const smithRuns: Measured[] = []
    for (let run = 1; run <= SMITH_RUNS; run++) {
      log(`chromium: smith-table, ${count(ROWS)} rows (page ${run}/${SMITH_RUNS})`)
      smithRuns.push(await measureTable(context, server.url, 'smith', ROWS, 60_000))
    }
    const plainRuns: Measured[] = []
    let plainRows = ROWS
    let probe = ''
    try {
      log(`chromium: plain Lit table, ${count(ROWS)} rows (given ${BASELINE_PROBE_MS / 1000} s to mount)`)
      plainRuns.push(await measureTable(context, server.url, 'plain', ROWS, BASELINE_PROBE_MS))
    } catch (error) {
      if (!(error instanceof Timeout)) throw error
      plainRows = FALLBACK_ROWS
      probe = `100,000 not mounted within ${BASELINE_PROBE_MS / 1000} s`
      log(`chromium: ${error.message}; the baseline runs at ${count(FALLBACK_ROWS)} rows`)
    }
    while (plainRuns.length < PLAIN_RUNS) {
      log(`chromium: plain Lit table, ${count(plainRows)} rows (page ${plainRuns.length + 1}/${PLAIN_RUNS})`)
      plainRuns.push(await measureTable(context, server.url, 'plain', plainRows, 60_000))
    }
    const smith = combine(smithRuns)
    const plain = combine(plainRuns)
    const rows = tableRows(smith, plain, probe)
    log(`chromium: ${count(STORE_WRITES)} storeValue vs ${count(STORE_WRITES)} idb-keyval set on real IndexedDB`)
    rows.push(...(await storeRows(context, server.url)))
    log(`chromium: ${count(QUERY_RUNS)} Q.run and ${count(QUERY_RUNS)} fetch to /ping, interleaved`)
    rows.push(...(await queryRows(context, server.queriesUrl)))
    return rows
  } catch (error) {
    return skipped((error as Error).message)
  } finally {
    await context?.close().catch(() => undefined)
    await server?.close()
    await rm(profile, { recursive: true, force: true })
  }
}
