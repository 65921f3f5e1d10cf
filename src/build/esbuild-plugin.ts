/**
 * `smithletPlugin`: the esbuild side of "one compiler, two places it runs".
 *
 * - `import Hooks from './js/Hooks.js?jsobject'` loads a JS object compiled
 *   ahead of time (see ./js-object-module.ts).
 * - `import 'smithlet:compiled'` loads a module that seeds the runtime's
 *   compile caches with every binding of the given pages and query files, as
 *   real functions (see ./compiled-module.ts). Import it first in the entry
 *   point, before the app is created.
 *
 * Together they leave nothing for `new Function` in a built app, so it runs
 * under `Content-Security-Policy: script-src 'self'` without `'unsafe-eval'`.
 * A binding the plugin could not see (a query template built at run time) is
 * still compiled at run time, where a strict CSP turns it into an error on its
 * widget that says to compile ahead of time.
 */
import { readFile } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PartialMessage, Plugin } from 'esbuild'
import { COMPILED_MODULE_ID, compiledModuleSource } from './compiled-module'
import { bindingsFromHtml, bindingsFromSource } from './extract-bindings'
import type { FoundBindings } from './extract-bindings'
import { JS_OBJECT_SUFFIX, jsObjectModuleFromFile } from './js-object-module'

/** Options of {@link smithletPlugin}. Paths are relative to `cwd`. */
export interface SmithletPluginOptions {
  /** Pages whose `smith-*` attributes hold bindings and `on-…` triggers. */
  readonly html?: string | readonly string[]
  /**
   * JS or TS files whose string literals hold query templates: the app's
   * queries (demo/queries.js) and each module's (modules/auth/queries.ts).
   */
  readonly queries?: readonly string[]
  /** Base for relative paths; default `process.cwd()`. */
  readonly cwd?: string
}

/** src/compile.ts: the one compiler whose caches the generated module seeds. */
// Path arithmetic rather than `new URL(…, import.meta.url)`: a DOM test environment may
// replace the global URL.
const COMPILE_MODULE = resolve(dirname(fileURLToPath(import.meta.url)), '../compile.ts')
const NAMESPACE_COMPILED = 'smithlet-compiled'
const NAMESPACE_JS_OBJECT = 'smithlet-jsobject'

/**
 * The smithlet esbuild plugin: `*.js?jsobject` imports and the
 * `smithlet:compiled` module. Files it reads are watched in esbuild's watch mode.
 */
export function smithletPlugin(options: SmithletPluginOptions = {}): Plugin {
  const cwd = options.cwd ?? process.cwd()
  const pages = (typeof options.html === 'string' ? [options.html] : options.html ?? []).map((p) => resolve(cwd, p))
  const queryFiles = (options.queries ?? []).map((p) => resolve(cwd, p))

  return {
    name: 'smithlet',
    setup(build) {
      build.onResolve({ filter: /\?jsobject$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path.slice(0, -JS_OBJECT_SUFFIX.length)),
        namespace: NAMESPACE_JS_OBJECT,
      }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE_JS_OBJECT }, async (args) => {
        try {
          return { contents: await jsObjectModuleFromFile(args.path), loader: 'js', resolveDir: dirname(args.path), watchFiles: [args.path] }
        } catch (error) {
          // A JS object that does not compile fails the build: there is no widget to show it on.
          return { errors: [{ text: error instanceof Error ? error.message : String(error), location: { file: args.path } }], watchFiles: [args.path] }
        }
      })

      build.onResolve({ filter: /^smithlet:compiled$/ }, () => ({ path: COMPILED_MODULE_ID, namespace: NAMESPACE_COMPILED }))
      build.onLoad({ filter: /.*/, namespace: NAMESPACE_COMPILED }, async () => {
        const warnings: PartialMessage[] = []
        const expressions: string[] = []
        const triggers: string[] = []
        const add = (file: string, found: FoundBindings): void => {
          expressions.push(...found.expressions)
          triggers.push(...found.triggers)
          for (const problem of found.problems) {
            warnings.push({
              text: `binding not compiled ahead of time: ${problem.message}`,
              location: { file, line: problem.line ?? 0, column: 0 },
            })
          }
        }
        for (const page of pages) add(page, await bindingsFromHtml(await readFile(page, 'utf8')))
        for (const file of queryFiles) {
          const loader = ['.ts', '.mts', '.cts', '.tsx'].includes(extname(file)) ? 'ts' : 'js'
          add(file, await bindingsFromSource(await readFile(file, 'utf8'), loader))
        }
        return {
          contents: compiledModuleSource({ expressions, triggers }, COMPILE_MODULE),
          loader: 'js',
          resolveDir: dirname(COMPILE_MODULE),
          warnings,
          watchFiles: [...pages, ...queryFiles],
        }
      })
    },
  }
}
