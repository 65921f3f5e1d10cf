/**
 * `smithletPlugin`: the esbuild side of "one compiler, two places it runs".
 *
 * - `smithletPlugin({ app: 'my-app' })` builds an app folder (./app-folder.ts): the
 *   entry point `smithlet:app` is generated from the folder (./app-entry.ts), and
 *   `smithlet:app.css` bundles its stylesheets. Pages, JS objects and queries are
 *   discovered, read again on every (watch) rebuild, each page's HTML parsed once.
 * - `import Hooks from './js/Hooks.js?jsobject'` loads a JS object compiled
 *   ahead of time (see ./js-object-module.ts), for hand-written hosts too.
 * - `import 'smithlet:compiled'` loads a module that seeds the runtime with every
 *   binding text of the app folder, or of the given pages and query files: its parse
 *   and its bindings as real functions (see ./compiled-module.ts). A hand-written host
 *   imports it first in its entry point, before the app is created.
 *
 * Together they leave nothing for `new Function` in a built app, so it runs
 * under `Content-Security-Policy: script-src 'self'` without `'unsafe-eval'`.
 * An app folder's build ships no run-time compiler at all (the entry imports the
 * runtime without it, src/precompiled.ts), unless some text may have gone unseen (a
 * query file whose literals could not be read) or it is a development build (the
 * devtools evaluate any text). A
 * hand-written host imports the runtime from `smithlet`, which compiles at run time
 * what the plugin could not see (a query template built at run time), where a strict
 * CSP turns it into an error on its widget that says to compile ahead of time.
 *
 * An app folder's production build also replaces the runtime modules its app has no use
 * for (REPLACED: the store's write path, failure reporting, the page-load run, the icons
 * its pages do not name); other builds load them as they are.
 *
 * The runtime the generated code imports is this package's own (paths relative to
 * this file, which sits at the same place in the source tree and in the installed
 * package's dist/), so the seeded compile caches are the runtime's.
 */
import { existsSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PartialMessage, Plugin } from 'esbuild'
import { AppFolderError, loadAppFolder } from './app-folder'
import type { AppFolder } from './app-folder'
import { appEntrySource, appStylesheetSource } from './app-entry'
import { COMPILED_MODULE_ID, compiledModuleSource } from './compiled-module'
import { bindingsFromData, bindingsFromHtml, bindingsFromSource } from './extract-bindings'
import type { FoundBindings } from './extract-bindings'
import { JS_OBJECT_SUFFIX, jsObjectModuleFromFile } from './js-object-module'
import { appIcons } from './app-icons'
import { reportsFailures, runsPageLoad, writesStore } from './app-features'
import { ICON_PATHS } from '../../widgets/icon-paths'

/** Options of {@link smithletPlugin}. Paths are relative to `cwd`. */
export interface SmithletPluginOptions {
  /** An app folder: provides the `smithlet:app` entry point and `smithlet:app.css`. */
  readonly app?: string
  /** Pages whose `smith-*` attributes hold bindings and `on-…` triggers (hand-written hosts). */
  readonly html?: string | readonly string[]
  /**
   * JS or TS files whose string literals hold query templates: the app's
   * queries and each module's (modules/auth/queries.ts) (hand-written hosts).
   */
  readonly queries?: readonly string[]
  /** Base for relative paths; default `process.cwd()`. */
  readonly cwd?: string
  /** A development build of the app folder: source locations and the devtools panel. */
  readonly dev?: boolean
}

/** The entry point an app folder build starts from. */
export const APP_ENTRY = 'smithlet:app'
/** The stylesheet entry point of an app folder build. */
export const APP_STYLESHEET = 'smithlet:app.css'

const HERE = dirname(fileURLToPath(import.meta.url))
/** `.ts` in the source tree, `.js` in the package. */
const EXT = extname(fileURLToPath(import.meta.url)) === '.ts' ? '.ts' : '.js'
/** src/precompiled: where the runtime finds compiled code, which the generated module seeds. */
// Path arithmetic rather than `new URL(…, import.meta.url)`: a DOM test environment may
// replace the global URL.
const SEED_MODULE = resolve(HERE, `../precompiled${EXT}`)
/** src/runtime-compiler: importing it installs the run-time compiler. */
const RUNTIME_COMPILER = resolve(HERE, `../runtime-compiler${EXT}`)
/** What the generated entry imports, this package's own files. */
const RUNTIME = {
  // startApp without the run-time compiler (src/index would install it).
  runtime: resolve(HERE, `../pages${EXT}`),
  widgets: resolve(HERE, `../../widgets/define${EXT}`),
  chart: resolve(HERE, `../../widgets/chart/define${EXT}`),
  auth: resolve(HERE, `../../modules/auth/index${EXT}`),
  oidc: resolve(HERE, `../../modules/auth/oidc${EXT}`),
  compiled: COMPILED_MODULE_ID,
  devtools: resolve(HERE, `../../devtools/index${EXT}`),
  // The optional parts of the runtime, installed per app (src/features.ts).
  features: { install: resolve(HERE, `../feature-install${EXT}`), globals: resolve(HERE, `../globals${EXT}`) },
}
/** What an app folder's production build gives in place of a runtime module: its contents, or undefined to keep it. */
type Replacement = (app: AppFolder) => string | undefined

/** A module that, unless `needed(app)`, becomes a re-export of `names` from `none` (the same names, without the code). */
const without = (needed: (app: AppFolder, moduleDir: string) => boolean, none: string, names: string): Replacement =>
  (app) => (needed(app, dirname(RUNTIME.auth)) ? undefined : `export { ${names} } from ${JSON.stringify(resolve(HERE, `../${none}${EXT}`))};\n`)

/**
 * Runtime modules an app folder's production build replaces, by file: the store's write
 * path when no code writes the store, failure reporting when no action can run,
 * app.runPageLoad's run when there is nothing to run on page load, and the icon table
 * (widgets/icon-paths) cut to the icons the pages can show (./app-icons.ts; the whole
 * table when some name is not known at build time), and widgets/icons itself when they
 * can show none.
 */
const REPLACED: ReadonlyArray<{ readonly file: RegExp; readonly path: string; readonly contents: Replacement }> = [
  { file: /[\\/]store-write-path\.[jt]s$/, path: resolve(HERE, `../store-write-path${EXT}`), contents: without(writesStore, 'store-write-none', 'cloneForStore, createWriteQueue, writeOps') },
  { file: /[\\/]app-page-load\.[jt]s$/, path: resolve(HERE, `../app-page-load${EXT}`), contents: without(runsPageLoad, 'app-page-load-none', 'runAppPageLoad') },
  { file: /[\\/]failures\.[jt]s$/, path: resolve(HERE, `../failures${EXT}`), contents: without(reportsFailures, 'failures-none', 'createFailures, pageLoadAction, triggerAction') },
  {
    file: /[\\/]icon-paths\.[jt]s$/,
    path: resolve(HERE, `../../widgets/icon-paths${EXT}`),
    contents(app) {
      const icons = appIcons(app)
      if (icons === 'all') return undefined
      return `export const ICON_PATHS = ${JSON.stringify(Object.fromEntries(Object.entries(ICON_PATHS).filter(([name]) => icons.has(name))))};\n`
    },
  },
  {
    // No icon at all: no SVG template either.
    file: /[\\/]icons\.[jt]s$/,
    path: resolve(HERE, `../../widgets/icons${EXT}`),
    contents(app) {
      const icons = appIcons(app)
      return icons !== 'all' && icons.size === 0 ? `export { icon, iconPath } from ${JSON.stringify(resolve(HERE, `../../widgets/icons-none${EXT}`))};\n` : undefined
    },
  },
]
/** widgets/index, whose classes the entry imports one by one. */
const WIDGET_CLASSES = resolve(HERE, `../../widgets/index${EXT}`)
let widgetExports: Promise<ReadonlySet<string>> | undefined

/** The names widgets/index exports, read from its `export { … }` lists (the same in the .ts source and the built .js). */
function widgetClassNames(): Promise<ReadonlySet<string>> {
  widgetExports ??= readFile(WIDGET_CLASSES, 'utf8').then((text) => {
    const names = new Set<string>()
    for (const list of text.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const item of list[1]!.split(',')) {
        const name = item.trim().split(/\s+as\s+/).pop()!.trim()
        if (/^Smith\w+$/.test(name)) names.add(name)
      }
    }
    return names
  })
  return widgetExports
}

/** Auth_Module's query templates, compiled ahead of time in every app that uses it. */
const AUTH_QUERIES = resolve(HERE, `../../modules/auth/queries${EXT}`)
/** Those of its OpenID Connect path, in apps with a module that uses 'oidc'. */
const OIDC_QUERIES = resolve(HERE, `../../modules/auth/oidc-queries${EXT}`)
const NAMESPACE_COMPILED = 'smithlet-compiled'
const NAMESPACE_JS_OBJECT = 'smithlet-jsobject'
const NAMESPACE_APP = 'smithlet-app'

/**
 * The smithlet esbuild plugin: app folders, `*.js?jsobject` imports and the
 * `smithlet:compiled` module. Files it reads are watched in esbuild's watch mode.
 */
export function smithletPlugin(options: SmithletPluginOptions = {}): Plugin {
  const cwd = options.cwd ?? process.cwd()
  const appDir = options.app === undefined ? undefined : resolve(cwd, options.app)
  const pages = (typeof options.html === 'string' ? [options.html] : options.html ?? []).map((p) => resolve(cwd, p))
  const queryFiles = (options.queries ?? []).map((p) => resolve(cwd, p))

  return {
    name: 'smithlet',
    setup(build) {
      // One read of the folder per build, shared by the entry, the stylesheet and the compiled module.
      let folder: Promise<AppFolder> | undefined
      build.onStart(() => {
        folder = undefined
      })
      const loadFolder = (): Promise<AppFolder> => (folder ??= loadAppFolder(appDir!))
      const folderError = (error: unknown) => {
        if (!(error instanceof AppFolderError)) throw error
        const location = error.file === undefined ? null : { file: error.file, line: error.line ?? 0, column: Math.max(0, (error.column ?? 1) - 1) }
        return { errors: [{ text: error.message, location }], watchDirs: [appDir!], watchFiles: error.file && existsSync(error.file) ? [error.file] : [] }
      }

      build.onResolve({ filter: /^smithlet:app(\.css)?$/ }, (args) => {
        if (appDir === undefined) return { errors: [{ text: `${args.path} needs the app option: smithletPlugin({ app: 'my-app' })` }] }
        return { path: args.path, namespace: NAMESPACE_APP }
      })
      build.onLoad({ filter: /.*/, namespace: NAMESPACE_APP }, async (args) => {
        try {
          const app = await loadFolder()
          const watch = { watchFiles: [...app.watchFiles, ...app.styles], watchDirs: [...app.watchDirs] }
          if (args.path === APP_STYLESHEET) return { contents: appStylesheetSource(app), loader: 'css', resolveDir: app.dir, ...watch }
          const modules = { ...RUNTIME, widgetClasses: { module: WIDGET_CLASSES, exports: await widgetClassNames() } }
          return { contents: appEntrySource(app, modules, { dev: options.dev }), loader: 'js', resolveDir: app.dir, ...watch }
        } catch (error) {
          return folderError(error)
        }
      })

      // Modules the app has no use for (REPLACED). Not in a development build: its devtools
      // evaluate text the build never saw, so it keeps them all, as it keeps the run-time
      // compiler. (esbuild reruns plugins on every rebuild: an edit that needs one gets it.)
      for (const replaced of appDir !== undefined && options.dev !== true ? REPLACED : []) {
        const real = realpathSync(replaced.path)
        build.onLoad({ filter: replaced.file }, async (args) => {
          if (args.path !== replaced.path && args.path !== real) return undefined
          let app: AppFolder
          try {
            app = await loadFolder()
          } catch (error) {
            return folderError(error)
          }
          const contents = replaced.contents(app)
          return contents === undefined ? undefined : { contents, loader: 'js', watchFiles: [...app.watchFiles], watchDirs: [...app.watchDirs] }
        })
      }

      build.onResolve({ filter: /\?jsobject$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path.slice(0, -JS_OBJECT_SUFFIX.length)),
        namespace: NAMESPACE_JS_OBJECT,
      }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE_JS_OBJECT }, async (args) => {
        try {
          return { contents: await jsObjectModuleFromFile(args.path), loader: 'js', resolveDir: dirname(args.path), watchFiles: [args.path] }
        } catch (error) {
          // A JS object that does not compile fails the build: there is no widget to show it on.
          const line = (error as { line?: number }).line
          return { errors: [{ text: error instanceof Error ? error.message : String(error), location: { file: args.path, line: line ?? 0 } }], watchFiles: [args.path] }
        }
      })

      build.onResolve({ filter: /^smithlet:compiled$/ }, () => ({ path: COMPILED_MODULE_ID, namespace: NAMESPACE_COMPILED }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE_COMPILED }, async () => {
        const warnings: PartialMessage[] = []
        const expressions: string[] = []
        const triggers: string[] = []
        const templates: string[] = []
        const brokenTriggers: string[] = []
        let complete = true
        const add = (file: string, found: FoundBindings): void => {
          expressions.push(...found.expressions)
          triggers.push(...found.triggers)
          templates.push(...found.templates)
          brokenTriggers.push(...found.brokenTriggers)
          if (!found.complete) complete = false
          for (const problem of found.problems) {
            warnings.push({
              text: `binding not compiled ahead of time: ${problem.message}`,
              location: { file, line: problem.line ?? 0, column: 0 },
            })
          }
        }
        const watchFiles = [...pages, ...queryFiles]
        const readSource = async (file: string): Promise<void> => {
          const loader = ['.ts', '.mts', '.cts', '.tsx'].includes(extname(file)) ? 'ts' : 'js'
          add(file, await bindingsFromSource(await readFile(file, 'utf8'), loader))
        }
        if (appDir !== undefined) {
          let app: AppFolder
          try {
            app = await loadFolder()
          } catch (error) {
            return folderError(error)
          }
          watchFiles.push(...app.watchFiles)
          for (const page of app.pages) {
            add(page.file, await bindingsFromHtml(page.html))
            for (const q of page.queries) add(q.file, bindingsFromData(q.definition, q.name))
          }
          for (const q of app.queries) add(q.file, bindingsFromData(q.definition, q.name))
          // Module inputs reach the module's queries (a header may hold a binding).
          if (app.config.modules !== undefined) add(app.configFile, bindingsFromData(app.config.modules, 'modules'))
          if (Object.keys(app.config.modules ?? {}).length > 0) await readSource(AUTH_QUERIES)
          if (Object.values(app.config.modules ?? {}).some((m) => m.use === 'oidc')) await readSource(OIDC_QUERIES)
        }
        for (const page of pages) add(page, await bindingsFromHtml(await readFile(page, 'utf8')))
        for (const file of queryFiles) await readSource(file)
        // An app folder's entry has no run-time compiler: keep one if some text went unseen, and
        // in a development build, whose devtools evaluate text the build never saw (app.evaluate).
        const runtimeCompiler = appDir !== undefined && (!complete || options.dev === true) ? RUNTIME_COMPILER : undefined
        return {
          contents: compiledModuleSource({ expressions, triggers, templates, brokenTriggers, runtimeCompiler }, SEED_MODULE),
          loader: 'js',
          resolveDir: dirname(SEED_MODULE),
          warnings,
          watchFiles,
          watchDirs: appDir === undefined ? [] : [appDir],
        }
      })
    },
  }
}
