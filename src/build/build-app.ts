/**
 * `smithlet build`: an app folder as a static site that runs from any static host
 * under `Content-Security-Policy: script-src 'self'; style-src 'self'`:
 *
 * ```
 * dist/
 *   index.html           the start page
 *   <Page>/index.html    every page, so a deep link is served by any host, fallback or not
 *   app.js, app.css      runtime, widgets, the app; every binding and JS object compiled ahead of time
 *                        (minified by esbuild, then terser: ./minify.ts)
 *   app.js.LEGAL.txt     the licence notices of the libraries bundled into app.js (each chunk has its own)
 *   _headers             the CSP as a header rule (Netlify, Cloudflare Pages and others read it)
 *   …public/             copied as is
 * ```
 *
 * Each page also carries the policy as a `<meta http-equiv>` hint, for hosts that send
 * no headers. Asset URLs are relative, so the folder may be served under any path.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import type { BuildOptions, Message, Plugin } from 'esbuild'
import { loadAppFolder } from './app-folder'
import type { AppFolder } from './app-folder'
import { APP_ENTRY, APP_STYLESHEET, smithletPlugin } from './esbuild-plugin'
import { FRAME_HEADER_CSP, HEADER_CSP, STRICT_CSP, pageShell } from './page-shell'
import { minifyModule } from './minify'
import { sizeOf } from './sizes'
import type { BundleSize } from './sizes'
import { CUSTOM_WIDGET_FRAME_FILE, customWidgetFrameHtml } from '../../widgets/custom-widget/frame-document'

/** Options of {@link appBuildOptions}. */
export interface AppBuildConfig {
  /** The app folder. */
  readonly dir: string
  /** Where outputs go (or would go, with `write: false`). */
  readonly outdir: string
  readonly minify: boolean
  /** Write files; false keeps them in `result.outputFiles`. */
  readonly write: boolean
  /** `linked` source maps (development). */
  readonly sourcemap?: boolean
  /**
   * A development build: `__SMITHLET_DEV__` is true (dev-only diagnostics), pages carry
   * source locations and the devtools panel is docked. Default false: a production build
   * compiles all of that out.
   */
  readonly dev?: boolean
  /** More esbuild plugins (the dev server's capture). */
  readonly plugins?: readonly Plugin[]
}

/** The esbuild options that build an app folder's `app.js` and `app.css`. */
export function appBuildOptions(config: AppBuildConfig): BuildOptions {
  const dir = resolve(config.dir)
  return {
    absWorkingDir: dir,
    entryPoints: [
      { in: APP_ENTRY, out: 'app' },
      { in: APP_STYLESHEET, out: 'app' },
    ],
    outdir: config.outdir,
    bundle: true,
    format: 'esm', // the entry awaits at top level
    // A chart's library (behind import()) becomes a chunk fetched only when a chart of
    // that kind renders; an app without dynamic imports gets app.js alone, as before.
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    minify: config.minify,
    sourcemap: config.sourcemap ? 'linked' : false,
    write: config.write,
    metafile: true,
    // A production build's entry is its app's only host and calls none of the host API beyond startApp.
    define: { __SMITHLET_DEV__: config.dev ? 'true' : 'false', __SMITHLET_HOST_API__: config.dev ? 'true' : 'false' },
    logLevel: 'silent', // callers report errors and warnings themselves
    plugins: [smithletPlugin({ app: dir, dev: config.dev === true }), ...(config.plugins ?? [])],
  }
}

/** The HTML files of a build: `index.html` and `<Page>/index.html` for each page. */
export function pageDocuments(folder: AppFolder, options: { cspMeta?: string } = {}): Map<string, string> {
  const out = new Map<string, string>()
  const titleOf = (page: AppFolder['pages'][number]): string =>
    page.title ?? (folder.config.title ? `${folder.config.title} · ${page.name}` : page.name)
  const first = folder.pages[0]!
  out.set('index.html', pageShell({ title: titleOf(first), assets: './', cspMeta: options.cspMeta }))
  for (const page of folder.pages) out.set(`${page.name}/index.html`, pageShell({ title: titleOf(page), assets: '../', cspMeta: options.cspMeta }))
  return out
}

/**
 * The `_headers` file: the strict CSP with `frame-ancestors 'none'` (no site may frame a
 * page) on every page document, the custom-widget frame's own policy with
 * `frame-ancestors 'self'` (the app's pages frame it) on the frame document. Per path
 * rather than one `/*` rule: hosts that read the file (Netlify, Cloudflare Pages) add up
 * every rule that matches, and two CSP headers are both enforced, so a `/*` policy would
 * also lock the frame's sandboxed code out, and the pages' frame-ancestors the frame itself.
 */
export function headersFile(folder: AppFolder): string {
  const rule = (path: string, policy: string): string => `${path}\n  Content-Security-Policy: ${policy}\n`
  let out = '/*\n  X-Content-Type-Options: nosniff\n'
  out += rule('/', HEADER_CSP) + rule('/index.html', HEADER_CSP)
  for (const page of folder.pages) out += rule(`/${page.name}`, HEADER_CSP) + rule(`/${page.name}/*`, HEADER_CSP)
  return out + rule(`/${CUSTOM_WIDGET_FRAME_FILE}`, FRAME_HEADER_CSP)
}

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  readonly dir: string
  /** Default `<dir>/dist`. Emptied first. */
  readonly outdir?: string
  /** Default true. */
  readonly minify?: boolean
}

/** What {@link buildApp} wrote. */
export interface BuildAppResult {
  readonly outdir: string
  /** The files written (public/ aside), with sizes. */
  readonly files: BundleSize[]
  /** esbuild's warnings (a binding that could not be compiled ahead of time, …). */
  readonly warnings: Message[]
}

/**
 * Builds the app folder into `outdir`. Rejects with an AppFolderError for a broken
 * folder, or with esbuild's errors (`error.errors`) when the bundle fails.
 */
export async function buildApp(options: BuildAppOptions): Promise<BuildAppResult> {
  const dir = resolve(options.dir)
  const folder = await loadAppFolder(dir)
  const outdir = resolve(options.outdir ?? join(dir, 'dist'))
  const within = relative(outdir, dir)
  if (within === '' || (!within.startsWith('..') && !isAbsolute(within))) {
    throw new Error(`the output folder ${outdir} would contain the app folder; choose another --outdir`)
  }
  const minify = options.minify ?? true
  // Licence comments go beside each bundle (`app.js.LEGAL.txt`), not into it: see ./minify.ts.
  const result = await build({ ...appBuildOptions({ dir, outdir, minify, write: false }), ...(minify ? { legalComments: 'external' as const } : {}) })
  const warnings = [...result.warnings]
  await rm(outdir, { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  if (folder.publicDir) await cp(folder.publicDir, outdir, { recursive: true })
  const files: BundleSize[] = []
  const write = async (name: string, contents: Uint8Array): Promise<void> => {
    const path = join(outdir, name)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, contents)
    files.push(sizeOf(name, contents))
  }
  for (const file of result.outputFiles ?? []) {
    const name = relative(outdir, file.path).split('\\').join('/')
    if (!minify || !name.endsWith('.js')) {
      await write(name, file.contents)
      continue
    }
    const minified = await minifyModule(file.text)
    if (minified.error !== undefined) warnings.push(minifyWarning(name, minified.error))
    await write(name, Buffer.from(minified.code))
  }
  for (const [name, html] of pageDocuments(folder, { cspMeta: STRICT_CSP })) await write(name, Buffer.from(html))
  // Custom widgets' frame document, next to the bundle; it must not get the app's policy
  // (widgets/custom-widget/frame-document.ts), so it carries no CSP meta of its own.
  await write(CUSTOM_WIDGET_FRAME_FILE, Buffer.from(customWidgetFrameHtml()))
  await write('_headers', Buffer.from(headersFile(folder)))
  return { outdir, files, warnings }
}

/** The warning for a file terser could not compress: it ships as esbuild minified it. */
function minifyWarning(file: string, reason: string): Message {
  return { id: 'terser', pluginName: 'terser', text: `${file} ships as esbuild minified it: terser could not compress it further (${reason})`, location: null, notes: [], detail: undefined }
}
