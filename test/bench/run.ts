/**
 * `npm run bench`: every figure from issues 2–7 in one table, each against a baseline
 * measured in the same process. Prints the table, writes test/bench/results.json, and
 * ends with the same table as markdown for the README. Progress goes to stderr.
 *
 * The Node suite imports `*.js?jsobject` files (Auth_Module's Main.js, the seed), which
 * need the ahead-of-time compile: it is bundled with esbuild into a temporary directory
 * under node_modules/.cache (so its external imports resolve) and imported from there.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { benchBrowser } from './browser/run'
import { markdownTable, textTable, type Row } from './report'
import { benchSizes } from './sizes'
import { now } from './stats'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const t0 = Date.now()
const log = (message: string): void => void process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}\n`)

async function nodeSuite(): Promise<Row[]> {
  const cache = join(ROOT, 'node_modules/.cache')
  await mkdir(cache, { recursive: true })
  const dir = await mkdtemp(join(cache, 'smithlet-bench-'))
  try {
    const outfile = join(dir, 'suite.mjs')
    await build({
      entryPoints: [join(ROOT, 'test/bench/node/suite.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
      plugins: [smithletPlugin()],
    })
    const suite = (await import(pathToFileURL(outfile).href)) as { runNodeSuite(log: (m: string) => void): Promise<Row[]> }
    return await suite.runNodeSuite(log)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const started = now()
  const only = new Set(process.argv.slice(2)) // e.g. `npm run bench -- node browser sizes`
  const want = (part: string): boolean => only.size === 0 || only.has(part)
  const rows: Row[] = []
  if (want('node')) rows.push(...(await nodeSuite()))
  if (want('browser')) rows.push(...(await benchBrowser(ROOT, log)))
  if (want('sizes')) rows.push(...(await benchSizes(ROOT, log)))
  rows.sort((a, b) => a.issue - b.issue)

  const seconds = (now() - started) / 1000
  const results = {
    generatedAt: new Date().toISOString(),
    command: 'npm run bench',
    environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model },
    seconds: Number(seconds.toFixed(1)),
    rows,
  }
  await writeFile(join(ROOT, 'test/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  const out = process.stdout
  out.write(`\nsmithlet benchmark — ${results.environment.node}, ${results.environment.cpus} CPU(s), ${seconds.toFixed(0)} s\n\n`)
  out.write(`${textTable(rows)}\n\n`)
  out.write('Ratios are smithlet ÷ baseline, both measured in this run; lower is better. JSON: test/bench/results.json\n\n')
  out.write(`${markdownTable(rows)}\n`)
}

main().then(
  // Servers and browsers are closed; exit anyway in case a library keeps a handle open.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
