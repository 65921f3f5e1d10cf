/**
 * The esbuild configuration of the demo, shared by `npm run build` (written to
 * dist/demo) and the dev server (kept in memory, rebuilt on change).
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BuildOptions } from 'esbuild'
import { smithletPlugin } from './esbuild-plugin'

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Source files of the demo. */
export const DEMO = {
  page: resolve(ROOT, 'demo/index.html'),
  entry: resolve(ROOT, 'demo/main.ts'),
  stylesheet: resolve(ROOT, 'demo/styles.css'),
  /** Files whose string literals hold query templates: the app's and Auth_Module's. */
  queries: [resolve(ROOT, 'demo/queries.js'), resolve(ROOT, 'modules/auth/queries.ts')],
} as const

/** Output names, relative to the page. */
export const DEMO_ASSETS = { script: 'main.js', stylesheet: 'styles.css' } as const

/** Options of {@link demoBuildOptions}. */
export interface DemoBuildConfig {
  /** Where outputs go (or would go, with `write: false`). */
  readonly outdir: string
  readonly minify: boolean
  /** Write files; false keeps them in `result.outputFiles`. */
  readonly write: boolean
  /** `linked` source maps in development. */
  readonly sourcemap?: boolean
}

/** The esbuild options that build the demo's `main.js` and `styles.css`. */
export function demoBuildOptions(config: DemoBuildConfig): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { main: DEMO.entry, styles: DEMO.stylesheet },
    outdir: config.outdir,
    bundle: true,
    format: 'esm', // main.ts awaits at top level
    platform: 'browser',
    target: 'es2022',
    minify: config.minify,
    sourcemap: config.sourcemap ? 'linked' : false,
    write: config.write,
    metafile: true,
    logLevel: 'silent', // callers report errors and warnings themselves
    plugins: [smithletPlugin({ html: DEMO.page, queries: DEMO.queries, cwd: ROOT })],
  }
}
