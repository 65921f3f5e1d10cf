/** Bundle sizes, minified and gzipped, as `smithlet build` prints them. */
import { gzipSync } from 'node:zlib'

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

/** A plain-text table of sizes, in KiB. */
export function formatSizes(sizes: readonly BundleSize[]): string {
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`
  const width = Math.max(...sizes.map((s) => s.name.length))
  const lines = [`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzipped'.padStart(10)}`]
  for (const s of sizes) lines.push(`${s.name.padEnd(width)}  ${kib(s.bytes).padStart(10)}  ${kib(s.gzip).padStart(10)}`)
  return lines.join('\n')
}
