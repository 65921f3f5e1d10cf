/**
 * An app without a chart ships no chart code, and an app with one fetches each charting
 * library only when a chart of that kind renders:
 *
 * - the runtime and widgets/index.ts bundle no chart element and no chart library;
 * - widgets/chart, built with code splitting as the app build does, loads up front the
 *   element alone; Chart.js and ECharts are chunks of their own, reached only through
 *   `import()`, and a built-in chart's chunk holds no ECharts.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { BuildResult, Metafile } from 'esbuild'
import { describe, expect, test } from 'vitest'
import { appEntrySource } from '../../src/build/app-entry'
import type { AppFolder } from '../../src/build/app-folder'
import { smithletPlugin } from '../../src/build/esbuild-plugin'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// Strings found only in each library's code, and only in the chart element.
const CHARTJS = 'Canvas is already in use'
const ECHARTS = 'data-zr-dom-id'
const ELEMENT = 'Fusion charts are not supported'

type Split = BuildResult & { metafile: Metafile; outputFiles: NonNullable<BuildResult['outputFiles']> }

function bundle(contents: string, splitting: boolean): Promise<Split> {
  return build({
    absWorkingDir: ROOT,
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    splitting,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: 'dist/chart-split', // never written
    entryNames: 'entry',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [smithletPlugin()],
  }) as Promise<Split>
}

/** The entry chunk and what it imports statically: what a page loads up front. */
function initialLoad(result: Split): string {
  const seen = new Set<string>()
  const visit = (path: string): void => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imp of result.metafile.outputs[path]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path)
  }
  visit('dist/chart-split/entry.js')
  return result.outputFiles.filter((f) => seen.has(f.path.slice(ROOT.length + 1))).map((f) => f.text).join('\n')
}

describe('chart code splitting', () => {
  test('an app without a chart bundles no chart code at all', { timeout: 60_000 }, async () => {
    const result = await bundle("export * from './src/index'\nexport * from './widgets/define'\n", false)
    const code = result.outputFiles.map((f) => f.text).join('\n')
    expect(code).toContain('smith-tabs')
    for (const marker of [ELEMENT, CHARTJS, ECHARTS]) expect(code).not.toContain(marker)
  })

  test('an app with a chart loads the element up front and each library on demand', { timeout: 60_000 }, async () => {
    const result = await bundle("import './src/index'\nimport './widgets/define'\nimport './widgets/chart/define'\n", true)
    const initial = initialLoad(result)
    expect(initial).toContain(ELEMENT)
    expect(initial).not.toContain(CHARTJS)
    expect(initial).not.toContain(ECHARTS)
    const chunksWith = (marker: string): string[] => result.outputFiles.filter((f) => f.text.includes(marker)).map((f) => f.path)
    expect(chunksWith(CHARTJS)).toHaveLength(1)
    expect(chunksWith(ECHARTS)).toHaveLength(1)
    expect(chunksWith(CHARTJS)[0]).not.toBe(chunksWith(ECHARTS)[0])
  })
})

describe('the app build imports the chart only for pages that have one', () => {
  const folder = (html: string): AppFolder =>
    ({
      dir: '/app', configFile: '/app/smithlet.config.js', config: { id: 'x' }, jsObjects: [], queries: [], styles: [], publicDir: undefined, watchFiles: [], watchDirs: [],
      pages: [{ name: 'Home', html, jsObjects: [], queries: [] }],
    }) as unknown as AppFolder
  const modules = { runtime: 'rt', widgets: 'widgets-define', chart: 'chart-define', auth: 'auth', compiled: 'smithlet:compiled' }

  test('a page with <smith-chart> imports widgets/chart/define; one without does not', () => {
    expect(appEntrySource(folder('<smith-chart name="C" chart-type="PIE_CHART"></smith-chart>'), modules)).toContain('import "chart-define";')
    expect(appEntrySource(folder('<smith-text text="a smith-chart-like word"></smith-text>'), modules)).not.toContain('chart-define')
  })
})
