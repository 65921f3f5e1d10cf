/**
 * `npm run build`: the demo as a production page in dist/demo — index.html,
 * main.js (runtime, widgets, Lit, Auth_Module, the app and its bindings compiled
 * ahead of time; minified) and styles.css — then the gzipped sizes of the bundle
 * and of its parts.
 *
 * ```sh
 * npm run build                 # writes dist/demo, prints sizes
 * npm run build -- --outdir x   # somewhere else
 * ```
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build, formatMessages } from 'esbuild'
import type { Message } from 'esbuild'
import { DEMO, DEMO_ASSETS, ROOT, demoBuildOptions } from './demo-build-options'
import { renderPage } from './demo-page'
import { formatSizes, measureParts, sizeOf } from './sizes'
import type { BundleSize } from './sizes'

/** Options of {@link buildDemo}. */
export interface BuildDemoOptions {
  /** Default dist/demo. Emptied first. */
  readonly outdir?: string
  /** Default true. */
  readonly minify?: boolean
}

/** What {@link buildDemo} wrote. */
export interface BuildDemoResult {
  readonly outdir: string
  /** The files written, with sizes. */
  readonly files: BundleSize[]
  /** esbuild's warnings (a binding that could not be compiled ahead of time, …). */
  readonly warnings: Message[]
}

/** Builds the demo into `outdir`. Rejects with esbuild's errors when the build fails. */
export async function buildDemo(options: BuildDemoOptions = {}): Promise<BuildDemoResult> {
  const outdir = resolve(ROOT, options.outdir ?? 'dist/demo')
  await rm(outdir, { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  const result = await build(demoBuildOptions({ outdir, minify: options.minify ?? true, write: false }))
  const files: BundleSize[] = []
  for (const file of result.outputFiles ?? []) {
    await writeFile(file.path, file.contents)
    files.push(sizeOf(basename(file.path), file.contents))
  }
  const page = Buffer.from(renderPage(await readFile(DEMO.page, 'utf8'), DEMO_ASSETS))
  await writeFile(join(outdir, 'index.html'), page)
  files.push(sizeOf('index.html', page))
  return { outdir, files, warnings: result.warnings }
}

/** Prints esbuild messages the way esbuild's own CLI does. */
export async function printMessages(messages: Message[], kind: 'error' | 'warning'): Promise<void> {
  if (messages.length === 0) return
  for (const line of await formatMessages(messages, { kind, color: process.stderr.isTTY })) process.stderr.write(line)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } })
  let result: BuildDemoResult
  try {
    result = await buildDemo({ outdir: values.outdir })
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (errors) await printMessages(errors, 'error')
    else console.error(error)
    process.exitCode = 1
    return
  }
  await printMessages(result.warnings, 'warning')
  console.log(`Built the demo into ${result.outdir}\n`)
  console.log(formatSizes(result.files))
  console.log('')
  console.log(formatSizes(await measureParts()))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
