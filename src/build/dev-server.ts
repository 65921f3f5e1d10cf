/**
 * `npm start`: builds the demo, starts the demo backend and serves the page on
 * the backend's own port, so page and API share one origin on 127.0.0.1.
 *
 * ```sh
 * npm start                          # http://127.0.0.1:8787/, rebuilds and reloads on change
 * npm start -- --ttl 10              # 10-second access tokens: watch a refresh happen
 * npm start -- --port 9000 --no-watch --no-csp
 * ```
 *
 * The page is served with `Content-Security-Policy: script-src 'self'; style-src
 * 'self'` (no `'unsafe-eval'`, no `'unsafe-inline'`): what runs here runs under
 * a strict CSP. In watch mode esbuild rebuilds on every change to the sources, the
 * page, its stylesheet or its queries, and the page reloads itself through a
 * server-sent event stream read by a small client script served as a file (an
 * inline script would break the CSP). The build lives in memory, so several
 * servers (e2e tests) can run side by side. Nothing is logged per request: the
 * server sees passwords and tokens.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { context } from 'esbuild'
import type { BuildResult, Message, Plugin } from 'esbuild'
import { contentTypeOf, startBackend } from '../../demo/backend/index'
import type { Backend, BackendOptions } from '../../demo/backend/index'
import { printMessages } from './build-demo'
import { DEMO, DEMO_ASSETS, ROOT, demoBuildOptions } from './demo-build-options'
import { renderPage } from './demo-page'

/** The policy the page is served with unless `csp` says otherwise. */
export const DEMO_CSP = "script-src 'self'; style-src 'self'"

/** Dev-only endpoints, under a prefix no app route uses. */
const RELOAD_CLIENT_PATH = '/__smithlet/reload.js'
const EVENTS_PATH = '/__smithlet/events'

/**
 * The reload client. It remembers the first build id the server announces and
 * reloads when another arrives: after a rebuild, or after the server restarted.
 */
const RELOAD_CLIENT = `// smithlet dev server: reloads the page when the demo was rebuilt (dev mode only).
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
let seen;
events.addEventListener('build', (event) => {
  if (seen !== undefined && event.data !== seen) location.reload();
  seen = event.data;
});
`

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port on 127.0.0.1; default 0, a free one (the CLI defaults to 8787). */
  readonly port?: number
  /** Access-token lifetime in seconds; default 60, as in the seed. */
  readonly ttlSeconds?: number
  /** Rebuild on change and reload the page; default false (the CLI defaults to true). */
  readonly watch?: boolean
  /** `true` (default): {@link DEMO_CSP}; a string: that policy; `false`: no CSP header. */
  readonly csp?: boolean | string
  /** Minify the bundle; default true without watch (as `npm run build`), false with it. */
  readonly minify?: boolean
  /** More demo-backend options (latency, rows, token shape…), for tests. */
  readonly backend?: Omit<BackendOptions, 'port' | 'accessTokenTtlSeconds' | 'onRequest' | 'staticDir'>
  /** Where build errors and warnings go; default stderr, esbuild's format. */
  readonly report?: (messages: Message[], kind: 'error' | 'warning') => void | Promise<void>
}

/** A running demo server. */
export interface DemoServer {
  /** The page, e.g. `http://127.0.0.1:8787/`. */
  readonly url: string
  /** The demo backend on the same port: counters, request log, revocation, TTL. */
  readonly backend: Backend
  /** Stops watching, ends the reload streams and closes the server; idempotent. */
  close(): Promise<void>
}

/** A built file, as served. */
interface Asset {
  readonly body: Uint8Array
  readonly type: string
}

/**
 * Builds the demo (in memory), starts the demo backend on 127.0.0.1 and serves the
 * page from it. Rejects when the first build fails. See the file comment.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const watch = options.watch ?? false
  const csp = options.csp === false ? null : typeof options.csp === 'string' ? options.csp : DEMO_CSP
  const report = options.report ?? printMessages
  // Never written (write: false); esbuild names outputs under it.
  const outdir = resolve(ROOT, 'dist/demo-dev')
  let assets = new Map<string, Asset>()
  let buildId = ''
  let builds = 0
  const clients = new Set<ServerResponse>()

  const announce = (res: ServerResponse): void => void res.write(`event: build\ndata: ${buildId}\n\n`)

  // Captures each successful build; the page is rendered again too, since editing
  // demo/index.html is what triggered many rebuilds.
  const capture: Plugin = {
    name: 'smithlet-dev-capture',
    setup(build) {
      build.onEnd(async (result: BuildResult) => {
        if (result.errors.length > 0) {
          // The last good build stays up; the page reloads once the sources build again.
          if (builds > 0) await report(result.errors, 'error')
          return
        }
        if (result.warnings.length > 0) await report(result.warnings, 'warning')
        const next = new Map<string, Asset>()
        for (const file of result.outputFiles ?? []) {
          const path = '/' + relative(outdir, file.path).split(sep).join('/')
          next.set(path, { body: file.contents, type: contentTypeOf(path) })
        }
        const extraScripts = watch ? [RELOAD_CLIENT_PATH] : []
        const page = renderPage(await readFile(DEMO.page, 'utf8'), { ...DEMO_ASSETS, extraScripts })
        next.set('/index.html', { body: Buffer.from(page), type: contentTypeOf('/index.html') })
        if (watch) next.set(RELOAD_CLIENT_PATH, { body: Buffer.from(RELOAD_CLIENT), type: contentTypeOf(RELOAD_CLIENT_PATH) })
        assets = next
        buildId = `${Date.now().toString(36)}-${++builds}`
        for (const client of clients) announce(client)
      })
    },
  }

  const base = demoBuildOptions({ outdir, minify: options.minify ?? !watch, write: false, sourcemap: watch })
  const ctx = await context({ ...base, plugins: [...(base.plugins ?? []), capture] })
  try {
    await ctx.rebuild()
  } catch (error) {
    await ctx.dispose()
    throw error
  }
  if (watch) await ctx.watch()

  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (watch && path === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      announce(res)
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return true
    }
    const asset = assets.get(path === '/' ? '/index.html' : path)
    if (asset === undefined) return false
    res.statusCode = 200
    res.setHeader('Content-Type', asset.type)
    res.setHeader('Content-Length', asset.body.byteLength)
    res.setHeader('Cache-Control', watch ? 'no-store' : 'no-cache')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (csp !== null) res.setHeader('Content-Security-Policy', csp)
    res.end(req.method === 'HEAD' ? undefined : asset.body)
    return true
  }

  let backend: Backend
  try {
    backend = await startBackend({
      ...options.backend,
      port: options.port ?? 0,
      accessTokenTtlSeconds: options.ttlSeconds ?? 60,
      onRequest: serve,
    })
  } catch (error) {
    await ctx.dispose()
    throw error
  }

  let closing: Promise<void> | undefined
  return {
    url: `${backend.url}/`,
    backend,
    close() {
      closing ??= (async () => {
        await ctx.dispose()
        for (const client of clients) client.end()
        clients.clear()
        await backend.close()
      })()
      return closing
    },
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      ttl: { type: 'string', default: '60' },
      watch: { type: 'boolean' }, // the default; accepted for explicit scripts
      'no-watch': { type: 'boolean' },
      'no-csp': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log('npm start -- [--port 8787] [--ttl <seconds of access, default 60>] [--no-watch] [--no-csp]')
    return
  }
  const port = Number(values.port)
  const ttlSeconds = Number(values.ttl)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number')
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error('--ttl must be a whole number of seconds, at least 1')
  const watch = !values['no-watch']
  const csp = !values['no-csp']
  let server: DemoServer
  try {
    server = await startDemoServer({ port, ttlSeconds, watch, csp })
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (errors) await printMessages(errors, 'error')
    else console.error(`smithlet: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
    return
  }
  console.log(`smithlet demo: ${server.url}`)
  console.log(`  sign in as demo@smithlet.dev / demo-password; each access grant lasts ${ttlSeconds} s`)
  console.log(`  ${watch ? 'watching for changes (the page reloads itself)' : 'not watching'}; ${csp ? `CSP: ${DEMO_CSP}` : 'no CSP header'}`)
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
