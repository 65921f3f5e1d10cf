/**
 * The gzipped size of a bundle, as the size budgets (test/size) and the benchmark's size
 * rows (test/bench/sizes.ts) both measure it: esbuild bundle + minify for the browser
 * (esm, es2022, the smithlet plugin for `?jsobject` imports, dev-only checks compiled out
 * as `smithlet build` ships them), gzipped with node:zlib at level 9.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { smithletPlugin } from '../../src/build/esbuild-plugin'

/** Gzipped bytes (level 9) of `bytes`. */
export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length

/** Minified and gzipped bytes of `contents` (an entry module, imports resolved from `root`) bundled for the browser. */
export async function gzippedBundle(root: string, contents: string): Promise<{ raw: number; gzip: number }> {
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
  const code = result.outputFiles[0]!.contents
  return { raw: code.length, gzip: gzipSize(code) }
}
