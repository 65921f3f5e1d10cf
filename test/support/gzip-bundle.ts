/**
 * The gzipped size of a bundle, as the size budgets (test/size) and the benchmark's size
 * rows (test/bench/sizes.ts) both measure it: esbuild bundle + minify for the browser
 * (esm, es2022, the smithlet plugin for `?jsobject` imports, dev-only checks compiled out
 * as `smithlet build` ships them), then, with `terser`, the second pass `smithlet build`
 * gives its files (src/build/minify.ts), gzipped with node:zlib at level 9.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { minifyModule } from '../../src/build/minify'

/** Gzipped bytes (level 9) of `bytes`. */
export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length

/** Minified and gzipped bytes of `contents` (an entry module, imports resolved from `root`) bundled for the browser. */
export async function gzippedBundle(root: string, contents: string, options: { terser?: boolean } = {}): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'size-entry.ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [smithletPlugin()],
    define: { __SMITHLET_DEV__: 'false' },
  })
  let code = result.outputFiles[0]!.contents
  if (options.terser === true) {
    const minified = await minifyModule(result.outputFiles[0]!.text)
    if (minified.error !== undefined) throw new Error(`terser could not minify the bundle of ${JSON.stringify(contents)}: ${minified.error}`)
    code = Buffer.from(minified.code)
  }
  return { raw: code.length, gzip: gzipSize(code) }
}
