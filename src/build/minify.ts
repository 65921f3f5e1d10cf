/**
 * The second minification pass of a production build: esbuild bundles and minifies, then
 * terser compresses each JS file again. Measured on `smithlet build` output (npm run
 * bench, sizes): 4–7 % fewer gzipped bytes than esbuild's minifier alone (a text + button
 * app 21.8 → 20.8 KB, the four-widget app 32.4 → 31.0 KB, a real imported Appsmith app
 * with lodash and moment 101 → 96 KB), for about a second of build time per 100 KB of
 * output (files over {@link TERSER_MAX_BYTES} are left as they are). Vite offers the same
 * choice (`build.minify: 'terser'`).
 *
 * Licence comments do not reach terser: esbuild writes them to `<file>.LEGAL.txt` beside
 * each bundle (`legalComments: 'external'`), which the build ships.
 */
import { minify } from 'terser'

/**
 * Files bigger than this ship as esbuild minified them. terser takes about a second per
 * 50 KB; the only output this big is a library chunk fetched when a chart of its kind
 * renders (echarts, 1.1 MB: some 20 s of terser for 4 %). Chart.js's chunk (195 KB, 12 %
 * smaller) and an app.js with lodash and moment (420 KB) are under it.
 */
export const TERSER_MAX_BYTES = 512 * 1024

/** terser's options: safe transforms only (no `unsafe*`), two compress passes (a third gains nothing). */
const TERSER_OPTIONS = {
  module: true, // ES modules: top-level names are local, and the entry awaits at top level
  ecma: 2022,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
} as const

/** The outcome of {@link minifyModule}: the smaller code, or esbuild's with the reason terser failed. */
export type MinifyResult = { readonly code: string; readonly error?: undefined } | { readonly code: string; readonly error: string }

/**
 * `code` (an ES module esbuild has minified) compressed further by terser; over
 * {@link TERSER_MAX_BYTES}, as it is. Should terser fail on it, the build still ships:
 * `code` comes back as it was, with the reason, for the build to report as a warning.
 */
export async function minifyModule(code: string): Promise<MinifyResult> {
  if (Buffer.byteLength(code) > TERSER_MAX_BYTES) return { code }
  try {
    const result = await minify(code, TERSER_OPTIONS)
    if (typeof result.code !== 'string') return { code, error: 'terser returned no code' }
    // Never ship a pass that made it bigger (it does not happen on today's bundles, but it costs one comparison).
    return result.code.length < code.length ? { code: result.code } : { code }
  } catch (error) {
    return { code, error: error instanceof Error ? error.message : String(error) }
  }
}
