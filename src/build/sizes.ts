/**
 * Bundle sizes, minified and gzipped, as `npm run build` prints them and the
 * benchmark reports them. Each part is bundled on its own from its entry point,
 * so "the runtime alone" counts what an app pays for the runtime and nothing else.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from './demo-build-options'
import { smithletPlugin } from './esbuild-plugin'

/** One measured bundle. */
export interface BundleSize {
  readonly name: string
  /** Minified bytes. */
  readonly bytes: number
  /** Gzipped bytes (level 9). */
  readonly gzip: number
}

/** Size of some bytes, minified already. */
export function sizeOf(name: string, contents: Uint8Array): BundleSize {
  return { name, bytes: contents.byteLength, gzip: gzipSync(contents, { level: 9 }).byteLength }
}

/** Entry points measured apart, as ES module source relative to the repository root. */
const PARTS: ReadonlyArray<readonly [string, string]> = [
  ['runtime (src/index.ts)', "export * from './src/index.ts'"],
  ['widgets + Lit (widgets/index.ts)', "export * from './widgets/index.ts'"],
  ['runtime + widgets + Lit', "export * from './src/index.ts'; export * from './widgets/index.ts'"],
  ['Auth_Module (modules/auth, with jose)', "export * from './modules/auth/index.ts'"],
]

/** Bundles each part minified and measures it. */
export async function measureParts(): Promise<BundleSize[]> {
  const out: BundleSize[] = []
  for (const [name, source] of PARTS) {
    const result = await build({
      absWorkingDir: ROOT,
      stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'measure.ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
      plugins: [smithletPlugin()],
    })
    out.push(sizeOf(name, result.outputFiles[0].contents))
  }
  return out
}

/** A plain-text table of sizes, in KiB. */
export function formatSizes(sizes: readonly BundleSize[]): string {
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`
  const width = Math.max(...sizes.map((s) => s.name.length))
  const lines = [`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzipped'.padStart(10)}`]
  for (const s of sizes) lines.push(`${s.name.padEnd(width)}  ${kib(s.bytes).padStart(10)}  ${kib(s.gzip).padStart(10)}`)
  return lines.join('\n')
}
