/**
 * `smithlet dev`: builds an app folder in memory and serves it on 127.0.0.1, with
 * live reload and an optional proxy to the user's backend. It knows app folders,
 * nothing else (the demo composes it with its backend in demo/server.ts).
 *
 * - Every page of the app is served at `/<Page>` (also `/<Page>/` and
 *   `/<Page>/index.html`; the start page at `/`), as `smithlet build` lays them out.
 * - `public/` files are served as they are on disk.
 * - `proxy: { '/api': 'http://127.0.0.1:9000' }` forwards `/api/…` there (path and
 *   query kept), so the page calls the backend on its own origin: no CORS.
 * - With `watch`, esbuild rebuilds on every change to the folder, and the page reloads
 *   itself through a server-sent event stream read by a small client script served as a
 *   file (an inline script would break the CSP). A build's id is the hash of what it
 *   produced, so a rebuild that changes nothing reloads nothing — in particular not a page
 *   opened right after the server started.
 * - {@link startDevServer} resolves once the first build has settled, so a URL printed
 *   then is ready. A first build that fails is an error without watch; with watch the
 *   errors are shown on the page, which reloads once the folder builds.
 *
 * The page is served with `Content-Security-Policy: script-src 'self'; style-src
 * 'self'` by default: what runs here runs under the strict CSP of a built app. Nothing
 * is logged per request: the server sees passwords and tokens.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, relative, resolve, sep } from 'node:path'
import { context, formatMessages } from 'esbuild'
import type { BuildResult, Message, Plugin } from 'esbuild'
import { loadAppFolder } from './app-folder'
import { appBuildOptions } from './build-app'
import { contentTypeOf } from './content-type'
import { FRAME_HEADER_CSP, HEADER_CSP, pageShell } from './page-shell'
import { CUSTOM_WIDGET_FRAME_FILE, customWidgetFrameHtml } from '../../widgets/custom-widget/frame-document'
import { createProxy } from './proxy'

/** Dev-only endpoints, under a prefix no app route uses. */
const RELOAD_CLIENT_PATH = '/__smithlet/reload.js'
const EVENTS_PATH = '/__smithlet/events'

/**
 * The reload client. It remembers the first build id the server announces and
 * reloads when another arrives: after a rebuild, or after the server restarted.
 */
const RELOAD_CLIENT = `// smithlet dev server: reloads the page when the app was rebuilt (dev mode only).
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
let seen;
events.addEventListener('build', (event) => {
  if (seen !== undefined && event.data !== seen) location.reload();
  seen = event.data;
});
`

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** The app folder. */
  readonly dir: string
  /** Port on 127.0.0.1; default 0, a free one (the CLI defaults to 8787). */
  readonly port?: number
  /** Rebuild on change and reload the page; default false (the CLI defaults to true). */
  readonly watch?: boolean
  /** `true` (default): the strict CSP; a string: that policy; `false`: no CSP header. */
  readonly csp?: boolean | string
  /** Minify the bundle; default true without watch, false with it. */
  readonly minify?: boolean
  /** Docks the devtools panel and turns dev-only diagnostics on; default: as `watch` (`smithlet dev`). */
  readonly devtools?: boolean
  /** Path prefix → backend base URL, e.g. `{ '/api': 'http://127.0.0.1:9000' }`. */
  readonly proxy?: Readonly<Record<string, string>>
  /** Where build errors and warnings go; default stderr, esbuild's format. */
  readonly report?: (messages: Message[], kind: 'error' | 'warning') => void | Promise<void>
}

/** A running dev server. */
export interface DevServer {
  /** The start page, e.g. `http://127.0.0.1:8787/`. */
  readonly url: string
  /** Resolves after the next build that settles (for tests and tools). */
  nextBuild(): Promise<void>
  /** Stops watching, ends the reload streams and closes the server; idempotent. */
  close(): Promise<void>
}

/** A built file, as served. */
interface Asset {
  readonly body: Uint8Array
  readonly type: string
  /** A policy of its own instead of the app's (the custom widget frame). */
  readonly csp?: string
}

/** Prints esbuild messages the way esbuild's own CLI does. */
export async function printMessages(messages: Message[], kind: 'error' | 'warning'): Promise<void> {
  if (messages.length === 0) return
  for (const line of await formatMessages(messages, { kind, color: process.stderr.isTTY })) process.stderr.write(line)
}

/** Builds the app folder and serves it; see the file comment. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const dir = resolve(options.dir)
  const watch = options.watch ?? false
  const csp = options.csp === false ? null : typeof options.csp === 'string' ? options.csp : HEADER_CSP
  const report = options.report ?? printMessages
  const proxy = createProxy(options.proxy ?? {})
  // Never written (write: false); esbuild names outputs under it.
  const outdir = join(dir, '.smithlet-dev')
  let assets = new Map<string, Asset>()
  let pages = new Set<string>()
  let failure: string | null = null
  let publicDir: string | undefined
  let buildId = ''
  const clients = new Set<ServerResponse>()
  const waiters: Array<() => void> = []
  const announce = (res: ServerResponse): void => void res.write(`event: build\ndata: ${buildId}\n\n`)
  const extraScripts = watch ? [RELOAD_CLIENT_PATH] : []

  const settle = (id: string): void => {
    if (id !== buildId) {
      buildId = id
      for (const client of clients) announce(client)
    }
    for (const done of waiters.splice(0)) done()
  }

  const capture: Plugin = {
    name: 'smithlet-dev-capture',
    setup(build) {
      build.onEnd(async (result: BuildResult) => {
        if (result.errors.length > 0) {
          await report(result.errors, 'error')
          // The last good build stays up; without one, the page shows the errors.
          if (assets.size === 0) {
            failure = (await formatMessages(result.errors, { kind: 'error', color: false })).join('\n')
            settle(`failed-${hash([Buffer.from(failure)])}`)
          } else settle(buildId)
          return
        }
        if (result.warnings.length > 0) await report(result.warnings, 'warning')
        let folder
        try {
          folder = await loadAppFolder(dir)
        } catch {
          settle(buildId) // the folder changed under the build; the next rebuild reports it
          return
        }
        const next = new Map<string, Asset>()
        for (const file of result.outputFiles ?? []) {
          const path = '/' + relative(outdir, file.path).split(sep).join('/')
          next.set(path, { body: file.contents, type: contentTypeOf(path) })
        }
        const titleOf = (page: (typeof folder.pages)[number]): string =>
          page.title ?? (folder.config.title ? `${folder.config.title} · ${page.name}` : page.name)
        for (const page of folder.pages) {
          const html = Buffer.from(pageShell({ title: titleOf(page), assets: '/', extraScripts }))
          next.set(`/${page.name}/index.html`, { body: html, type: contentTypeOf('page.html') })
        }
        next.set('/index.html', next.get(`/${folder.pages[0]!.name}/index.html`)!)
        // Custom widgets' frame document, next to the bundle, with its own policy (widgets/custom-widget/frame-document.ts).
        next.set(`/${CUSTOM_WIDGET_FRAME_FILE}`, { body: Buffer.from(customWidgetFrameHtml()), type: contentTypeOf('page.html'), csp: FRAME_HEADER_CSP })
        if (watch) next.set(RELOAD_CLIENT_PATH, { body: Buffer.from(RELOAD_CLIENT), type: contentTypeOf('reload.js') })
        assets = next
        pages = new Set(folder.pages.map((p) => p.name))
        publicDir = folder.publicDir
        failure = null
        settle(hash([...next.entries()].flatMap(([k, v]) => [Buffer.from(k), v.body])))
      })
    },
  }

  const ctx = await context(appBuildOptions({ dir, outdir, minify: options.minify ?? !watch, write: false, sourcemap: watch, dev: options.devtools ?? watch, plugins: [capture] }))
  try {
    await ctx.rebuild()
  } catch (error) {
    if (!watch) {
      await ctx.dispose()
      throw error
    }
  }
  if (watch) await ctx.watch()

  const send = (req: IncomingMessage, res: ServerResponse, status: number, asset: Asset): void => {
    res.statusCode = status
    res.setHeader('Content-Type', asset.type)
    res.setHeader('Content-Length', asset.body.byteLength)
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    const policy = asset.csp ?? csp
    if (policy !== null) res.setHeader('Content-Security-Policy', policy)
    res.end(req.method === 'HEAD' ? undefined : asset.body)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (proxy.handle(req, res)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' }).end('method not allowed')
      return
    }
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad path')
      return
    }
    if (watch && path === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      announce(res)
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (failure !== null && path !== RELOAD_CLIENT_PATH) {
      const page = pageShell({ title: 'Build failed', assets: '/', extraScripts }).replace('<body></body>', `<body><pre>${escapeText(failure)}</pre></body>`)
      send(req, res, 500, { body: Buffer.from(page), type: contentTypeOf('page.html') })
      return
    }
    const asset = assets.get(path) ?? assets.get(pagePath(path, pages))
    if (asset !== undefined) return send(req, res, 200, asset)
    if (publicDir && (await servePublic(req, res, publicDir, path, csp))) return
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('internal error')
    })
  })
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, '127.0.0.1', () => done())
    })
  } catch (error) {
    await ctx.dispose()
    throw error
  }
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/`,
    nextBuild: () => new Promise<void>((done) => void waiters.push(done)),
    close() {
      closing ??= (async () => {
        await ctx.dispose()
        for (const client of clients) client.end()
        clients.clear()
        await new Promise<void>((done) => {
          server.closeAllConnections()
          server.close(() => done())
        })
      })()
      return closing
    },
  }
}

/** `/Users`, `/Users/`, `/Users/index.html` → `/Users/index.html` when Users is a page; `/` → `/index.html`. */
function pagePath(path: string, pages: ReadonlySet<string>): string {
  if (path === '/') return '/index.html'
  const name = path.slice(1).replace(/\/(index\.html)?$/, '')
  return pages.has(name) ? `/${name}/index.html` : ''
}

async function servePublic(req: IncomingMessage, res: ServerResponse, dir: string, path: string, csp: string | null): Promise<boolean> {
  const file = resolve(dir, '.' + path)
  if (file !== dir && !file.startsWith(dir + sep)) return false
  const info = await stat(file).catch(() => null)
  if (info === null || !info.isFile()) return false
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(csp === null ? {} : { 'Content-Security-Policy': csp }),
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}

function hash(parts: readonly Uint8Array[]): string {
  const h = createHash('sha256')
  for (const part of parts) h.update(part)
  return h.digest('base64url').slice(0, 16)
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
