/**
 * The Chromium half of the benchmark (headless, driven by playwright-core): one browser
 * with a fresh temporary profile, pages served from 127.0.0.1, every figure against the
 * real peer measured in the same browser, interleaved (A, B, A, B…, order rotating) over
 * {@link ROUNDS} rounds; ratios are the median and min–max of the per-round ratios.
 *
 * - issue 3: 10,000 bound text widgets, mount and one change, against petite-vue,
 *   alpinejs and raw @preact/signals-core (bindings-page.ts), all in one page;
 * - issue 6: `<smith-table>` with 100,000 rows against @tanstack/virtual-core on a plain
 *   `<table>` (tanstack-table.ts): mount, main-thread time per scroll frame (CDP
 *   TaskDuration), JS heap (CDP Performance.getMetrics after a forced GC);
 * - issue 2: 10,000 `storeValue` in one tick until durable on the browser's real
 *   IndexedDB, against idb-keyval `setMany`, and its synchronous part against bare
 *   `structuredClone`;
 * - issue 5: `getAccessToken()` with a valid token against auth0-spa-js and
 *   oidc-client-ts cache hits (auth-page.ts);
 * - issue 4: `Q.run()` against a raw `fetch` + `response.json()` (queries-page.ts).
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
import { smithletPlugin } from '../../../src/build/esbuild-plugin'
import type { Row } from '../report'
import { count, duration, ratio, ratioRange } from '../report'
import { storeTableRows, type StoreRun } from '../store-rows'
import { median, pairedRatios, percentile } from '../stats'
import type { QueriesRun } from './queries-page'

const ROWS = 100_000
/** Interleaved rounds per measurement (A, B, A, B…, the order rotating each round). */
const ROUNDS = 5
const STEPS = 60
/** Scroll passes per page (down, up). */
const PASSES = 2
const STORE_WRITES = 10_000
const BINDING_CHANGES = 200
const AUTH_CALLS = 20_000
const QUERY_RUNS = 1_000
const QUERY_WARMUP = 100
/** The issue-4 response body, the same as the Node suite's (test/bench/node/queries.ts). */
const PING_BODY = JSON.stringify({ ok: true, id: 42, name: 'smithlet', tags: ['a', 'b'] })
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

type TableKind = 'smith' | 'tanstack'
type BindingSide = 'smith' | 'petite-vue' | 'alpine' | 'signals'
type StoreSide = 'smith' | 'setMany' | 'clone'
type AuthSide = 'smith' | 'auth0' | 'oidc'

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
  heap: number
  /** Main-thread CPU time of the mount, until rendered + rAF (CDP ThreadTime), ms. */
  mountCpuMs: number
  /** The same in a page that had formatted a number before (ICU's data loaded), ms. */
  warmMountCpuMs: number
  /** Main-thread CPU time per scroll frame (CDP ThreadTime ÷ frames), ms. */
  frameMs: number
  /** Script per frame as CDP counts it (task script only: microtasks, where Lit renders, are not in it), ms. */
  frameScriptMs: number
  frameLayoutMs: number
  nodes: number
}

interface BenchWindow {
  bench: {
    queries(runs: number, warmup: number): Promise<QueriesRun>
    prepare(n: number): number
    mount(kind: TableKind): Promise<Mounted>
    scroll(steps: number, passes: number): Promise<Scrolled>
    storeRound(side: StoreSide, n: number): Promise<{ total: number; sync: number; transactions: number }>
    bindingsRound(side: BindingSide, changes: number): Promise<{ mountMs: number; changeMs: number }>
    authBlock(side: AuthSide, calls: number): Promise<number>
  }
}

/** `sides` rotated by `round`, so that no side always runs first. */
function rotated<T>(sides: readonly T[], round: number): T[] {
  const k = round % sides.length
  return [...sides.slice(k), ...sides.slice(0, k)]
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
    // What ships: `smithlet build` compiles the development diagnostics out the same way.
    define: { __SMITHLET_DEV__: 'false' },
    plugins: [smithletPlugin()], // Auth_Module's Main.js?jsobject
  })
  return result.outputFiles[0]!.text
}

/**
 * Serves the pages and their bundles on 127.0.0.1 only: `/` (tables, store) and
 * `/queries` with `/ping`, the small JSON both sides of issue 4 fetch. Both pages are
 * cross-origin isolated (COOP + COEP), which makes Chromium's `performance.now()` 5 µs
 * coarse instead of 100 µs.
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
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolated })
      res.end(script)
    } else if (req.url === '/queries.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolated })
      res.end(queriesScript)
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolated })
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

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

/**
 * One table in a fresh page: mount, heap added by it, main-thread time per scroll frame.
 * Times are the renderer main thread's CPU time (CDP metrics in the `threadTicks` time
 * domain): all of its work — tasks, microtasks, style, layout, paint — and none of the
 * waiting, so other processes on a shared machine do not stretch them.
 */
async function measureTable(context: BrowserContext, url: string, kind: TableKind): Promise<Measured> {
  const { page, cdp } = await openPage(context, url)
  try {
    await cdp.send('Performance.disable')
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    // A first mount in a page that has formatted a number before (ICU's data loaded, as
    // any date or number shown earlier does), then the measured one in a fresh page.
    const warm = await measureWarmMount(context, url, kind)
    await page.evaluate((n) => (window as unknown as BenchWindow).bench.prepare(n), ROWS)
    const before = await heapUsed(cdp)
    const t0 = await metrics(cdp)
    const mounted = await withTimeout(page.evaluate((k) => (window as unknown as BenchWindow).bench.mount(k), kind), 60_000, `mounting ${kind}`)
    const t1 = await metrics(cdp)
    const after = await heapUsed(cdp)
    const m0 = await metrics(cdp)
    const scrolled = await withTimeout(
      page.evaluate(([steps, passes]) => (window as unknown as BenchWindow).bench.scroll(steps, passes), [STEPS, PASSES] as const),
      120_000,
      `scrolling ${kind}`,
    )
    const m1 = await metrics(cdp)
    const frames = scrolled.intervals.length
    const per = (name: string): number => ((m1[name]! - m0[name]!) * 1000) / frames
    return {
      ...mounted,
      ...scrolled,
      heap: after.heap - before.heap,
      mountCpuMs: (t1.ThreadTime! - t0.ThreadTime!) * 1000,
      warmMountCpuMs: warm,
      frameMs: per('ThreadTime'),
      frameScriptMs: per('ScriptDuration'),
      frameLayoutMs: per('RecalcStyleDuration') + per('LayoutDuration'),
      nodes: after.nodes,
    }
  } finally {
    await closePage(page, cdp)
  }
}

/** Main-thread CPU time of a mount in a fresh page where a number was formatted before, ms. */
async function measureWarmMount(context: BrowserContext, url: string, kind: TableKind): Promise<number> {
  const { page, cdp } = await openPage(context, url)
  try {
    await cdp.send('Performance.disable')
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    await page.evaluate(() => (0).toLocaleString())
    await page.evaluate((n) => (window as unknown as BenchWindow).bench.prepare(n), ROWS)
    const t0 = await metrics(cdp)
    await withTimeout(page.evaluate((k) => (window as unknown as BenchWindow).bench.mount(k), kind), 60_000, `mounting ${kind}`)
    const t1 = await metrics(cdp)
    return (t1.ThreadTime! - t0.ThreadTime!) * 1000
  } finally {
    await closePage(page, cdp)
  }
}

/**
 * The first number formatting in a fresh page (`(100000).toLocaleString()`), in ms: ICU
 * loads its formatting data then, once per page. `<smith-table>`'s row count is plain
 * digits (as Appsmith's) so that its mount does not pay it; the note says what it would cost.
 */
async function firstNumberFormatMs(context: BrowserContext, url: string): Promise<number> {
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const { page, cdp } = await openPage(context, url)
    try {
      runs.push(await page.evaluate(() => {
        const start = performance.now()
        ;(100000).toLocaleString()
        return performance.now() - start
      }))
    } finally {
      await closePage(page, cdp)
    }
  }
  return median(runs)
}

async function closePage(page: Page, cdp: CDPSession): Promise<void> {
  await withTimeout(cdp.detach(), 5_000, 'detaching CDP').catch(() => undefined)
  await withTimeout(page.close(), 10_000, 'closing the page').catch(() => undefined)
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`

async function tableRows(context: BrowserContext, url: string, log: (message: string) => void): Promise<Row[]> {
  const runs: Record<TableKind, Measured[]> = { smith: [], tanstack: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of rotated<TableKind>(['smith', 'tanstack'], round)) {
      log(`chromium: table ${kind}, ${count(ROWS)} rows (round ${round + 1}/${ROUNDS})`)
      runs[kind].push(await measureTable(context, url, kind))
    }
  }
  const { smith, tanstack } = runs
  const pick = (ms: Measured[], f: (m: Measured) => number): number[] => ms.map(f)
  const row = (name: string, f: (m: Measured) => number, format: (n: number) => string, note: string): Row => {
    const ours = pick(smith, f)
    const base = pick(tanstack, f)
    return {
      issue: 6,
      name,
      ours: format(median(ours)),
      baseline: format(median(base)),
      ratio: ratioRange(pairedRatios(ours, base)),
      note,
      data: { smith: ours, tanstack: base },
    }
  }
  const last = (m: Measured[]): string => m[0]!.lastRowText || '?'
  const icu = await firstNumberFormatMs(context, url)
  return [
    row(
      `table, ${count(ROWS)} rows: mount, main-thread CPU (until rendered + rAF)`,
      (m) => m.mountCpuMs,
      duration,
      `peer: @tanstack/virtual-core windowing a plain <table> (test/bench/browser/tanstack-table.ts), same rows, row height, overscan, viewport; ${ROUNDS} interleaved rounds, fresh page each; CDP ThreadTime (threadTicks); ours shows the row count in plain digits, as Appsmith does (a fresh page's first toLocaleString, ICU's data load, would add ${duration(icu)}), the peer shows no count; wall clock ${duration(median(pick(smith, (m) => m.mountMs)))} vs ${duration(median(pick(tanstack, (m) => m.mountMs)))}; <tr> after mount ${smith[0]!.tr} vs ${tanstack[0]!.tr}`,
    ),
    row(
      'table: mount in a page that has formatted a number before',
      (m) => m.warmMountCpuMs,
      duration,
      'as the mount row, in a fresh page where `(0).toLocaleString()` ran first (ICU loaded, as any number or date shown before the table does): the mount without that once-per-page cost',
    ),
    row(
      'table: main-thread CPU per scroll frame',
      (m) => m.frameMs,
      duration,
      `CDP ThreadTime (threadTicks) over ${STEPS} scrollTop steps × ${PASSES} passes (down, up), one per rAF, ÷ frames; each step jumps ~${count(Math.round(ROWS / STEPS))} rows, so every frame replaces the whole window; style + layout ${duration(median(pick(smith, (m) => m.frameLayoutMs)))} vs ${duration(median(pick(tanstack, (m) => m.frameLayoutMs)))}; task script ${duration(median(pick(smith, (m) => m.frameScriptMs)))} vs ${duration(median(pick(tanstack, (m) => m.frameScriptMs)))} (CDP leaves microtasks out, where Lit renders: the reason this row counts thread time); frame interval median ${duration(median(smith.flatMap((m) => m.intervals)))} vs ${duration(median(tanstack.flatMap((m) => m.intervals)))}; last row at the bottom ${last(smith)} vs ${last(tanstack)}`,
    ),
    row('table: JS heap added by the mount', (m) => m.heap, mb, 'CDP JSHeapUsedSize after a forced GC, mounted minus before (row data generated before)'),
  ]
}

async function storeRows(context: BrowserContext, url: string, log: (message: string) => void): Promise<Row[]> {
  const { page, cdp } = await openPage(context, url)
  try {
    const bench = (side: StoreSide, n: number): Promise<{ total: number; sync: number; transactions: number }> =>
      withTimeout(page.evaluate(([s, k]) => (window as unknown as BenchWindow).bench.storeRound(s, k), [side, n] as const), 60_000, `store ${side}`)
    for (const side of ['smith', 'setMany', 'clone'] as const) await bench(side, 500) // warm-up
    const runs: Record<StoreSide, Array<{ total: number; sync: number; transactions: number }>> = { smith: [], setMany: [], clone: [] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of rotated<StoreSide>(['smith', 'setMany', 'clone'], round)) {
        await cdp.send('HeapProfiler.collectGarbage')
        runs[side].push(await bench(side, STORE_WRITES))
      }
      log(`chromium: store round ${round + 1}/${ROUNDS}: ours ${duration(runs.smith.at(-1)!.total)}, setMany ${duration(runs.setMany.at(-1)!.total)}`)
    }
    return storeTableRows('real IndexedDB, headless Chromium', runs, ROUNDS)
  } finally {
    await closePage(page, cdp)
  }
}

async function bindingRows(context: BrowserContext, url: string, log: (message: string) => void): Promise<Row[]> {
  const { page, cdp } = await openPage(context, url)
  try {
    const sides: BindingSide[] = ['smith', 'petite-vue', 'alpine', 'signals']
    const round = (side: BindingSide, changes: number): Promise<{ mountMs: number; changeMs: number }> =>
      withTimeout(page.evaluate(([s, c]) => (window as unknown as BenchWindow).bench.bindingsRound(s, c), [side, changes] as const), 60_000, `bindings ${side}`)
    for (const side of sides) await round(side, 20) // warm-up: JIT and first-use costs
    const runs: Record<BindingSide, Array<{ mountMs: number; changeMs: number }>> = { smith: [], 'petite-vue': [], alpine: [], signals: [] }
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of rotated(sides, r)) {
        await cdp.send('HeapProfiler.collectGarbage')
        runs[side].push(await round(side, BINDING_CHANGES))
      }
      log(`chromium: bindings round ${r + 1}/${ROUNDS}: mount ${sides.map((s) => `${s} ${duration(runs[s].at(-1)!.mountMs)}`).join(', ')}`)
    }
    const peers = sides.slice(1)
    const row = (name: string, f: (x: { mountMs: number; changeMs: number }) => number, note: string): Row => {
      const ours = runs.smith.map(f)
      return {
        issue: 3,
        name,
        ours: duration(median(ours)),
        baseline: peers.map((p) => `${p} ${duration(median(runs[p].map(f)))}`).join(' · '),
        ratio: peers.map((p) => ratioRange(pairedRatios(ours, runs[p].map(f)))).join(' · '),
        note,
        data: Object.fromEntries(sides.map((s) => [s, runs[s].map(f)])),
      }
    }
    return [
      row(
        'mount 10,000 bound text widgets (1,000 store keys)',
        (x) => x.mountMs,
        `from the HTML string (innerHTML) until every value is in the DOM: <smith-text text="{{ appsmith.store.kN }}"> (light DOM, each updateComplete awaited) vs <span v-text> (petite-vue) vs <span x-text> (alpinejs) vs an effect per <span> setting textContent (raw @preact/signals-core, the floor); ${ROUNDS} interleaved rounds, one page; ratios smithlet ÷ each peer in that order`,
      ),
      row(
        'one change shown in 10 of 10,000',
        (x) => x.changeMs,
        `one key written (storeValue, in-memory storage / reactive store / signal), awaited until its 10 elements show it (the texts' updateComplete, petite-vue nextTick, Alpine's flush); mean of ${BINDING_CHANGES} changes per round, ${ROUNDS} rounds`,
      ),
    ]
  } finally {
    await closePage(page, cdp)
  }
}

async function authRows(context: BrowserContext, url: string, log: (message: string) => void): Promise<Row[]> {
  const { page, cdp } = await openPage(context, url)
  try {
    const sides: AuthSide[] = ['smith', 'auth0', 'oidc']
    const block = (side: AuthSide, calls: number): Promise<number> =>
      withTimeout(page.evaluate(([s, c]) => (window as unknown as BenchWindow).bench.authBlock(s, c), [side, calls] as const), 60_000, `auth ${side}`)
    for (const side of sides) await block(side, 2_000)
    const runs: Record<AuthSide, number[]> = { smith: [], auth0: [], oidc: [] }
    for (let r = 0; r < ROUNDS; r++) for (const side of rotated(sides, r)) runs[side].push(await block(side, AUTH_CALLS))
    log(`chromium: getAccessToken ${duration(median(runs.smith))}, auth0 ${duration(median(runs.auth0))}, oidc ${duration(median(runs.oidc))}`)
    return [
      {
        issue: 5,
        name: 'getAccessToken() with a valid token, per awaited call, Chromium',
        ours: duration(median(runs.smith)),
        baseline: `auth0-spa-js getTokenSilently ${duration(median(runs.auth0))} · oidc-client-ts getUser ${duration(median(runs.oidc))}`,
        ratio: `${ratioRange(pairedRatios(runs.smith, runs.auth0))} · ${ratioRange(pairedRatios(runs.smith, runs.oidc))}`,
        note: `cache hits only (each answer checked to be the stored token): auth0 in-memory cache, oidc-client-ts its default sessionStorage user store; ${count(AUTH_CALLS)} calls per block, ${ROUNDS} interleaved rounds`,
        data: runs,
      },
    ]
  } finally {
    await closePage(page, cdp)
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
    await closePage(page, cdp)
  }
}

function skipped(reason: string): Row[] {
  const short = `skipped: ${reason.split('\n')[0]!.slice(0, 120)}`
  const row = (issue: number, name: string): Row => ({ issue, name, ours: short, baseline: '—', ratio: '—', note: 'needs Chromium' })
  return [row(2, 'store, real IndexedDB'), row(3, 'bindings'), row(4, 'Q.run vs raw fetch, Chromium'), row(5, 'getAccessToken, Chromium'), row(6, 'table')]
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
    const rows: Row[] = []
    log('chromium: 10,000 bound text widgets: smithlet, petite-vue, alpinejs, raw signals')
    rows.push(...(await bindingRows(context, server.url, log)))
    rows.push(...(await tableRows(context, server.url, log)))
    log(`chromium: ${count(STORE_WRITES)} storeValue vs setMany vs structuredClone on real IndexedDB`)
    rows.push(...(await storeRows(context, server.url, log)))
    log('chromium: getAccessToken vs auth0-spa-js vs oidc-client-ts, cache hits')
    rows.push(...(await authRows(context, server.url, log)))
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
