/**
 * The production build's second minification pass (src/build/minify.ts): `smithlet build`
 * ships terser's output of esbuild's, smaller than esbuild's alone, with the licence
 * notices of the bundled libraries beside the bundle instead of in it; a module terser
 * cannot read comes back unchanged, with the reason. That the terser output still runs is
 * shown by every built app the e2e suite runs in Chromium (test/e2e/pay-for-use.test.ts,
 * icons.test.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { appBuildOptions, buildApp } from '../../src/build/build-app'
import { TERSER_MAX_BYTES, minifyModule } from '../../src/build/minify'
import { BUTTON_APP, appFolder } from '../support/feature-apps'
import { gzipSize } from '../support/gzip-bundle'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('the production build minifies twice', () => {
  it('ships terser output smaller than esbuild minified alone, licences in app.js.LEGAL.txt', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'smithlet-minify-'))
    dirs.push(tmp)
    const dir = await appFolder(join(tmp, 'app'), BUTTON_APP)
    const outdir = join(tmp, 'dist')
    const { files, warnings } = await buildApp({ dir, outdir })
    expect(warnings).toEqual([])
    const esbuildOnly = await build({ ...appBuildOptions({ dir, outdir, minify: true, write: false }), legalComments: 'none' })
    const esbuildJs = esbuildOnly.outputFiles!.find((f) => f.path.endsWith('app.js'))!
    const shipped = files.find((f) => f.name === 'app.js')!
    expect(shipped.bytes).toBeLessThan(esbuildJs.contents.byteLength)
    expect(shipped.gzip).toBeLessThan(gzipSize(esbuildJs.contents))

    const js = await readFile(join(outdir, 'app.js'), 'utf8')
    expect(js).not.toMatch(/@license|SPDX-License-Identifier/)
    const legal = await readFile(join(outdir, 'app.js.LEGAL.txt'), 'utf8')
    // Lit is bundled into every app with a button; its BSD-3-Clause notices travel with it.
    expect(legal).toContain('lit-html/lit-html.js')
    expect(legal).toContain('SPDX-License-Identifier: BSD-3-Clause')
  })

  it('--no-minify ships esbuild output as it is: no terser pass, licence comments inline', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'smithlet-minify-'))
    dirs.push(tmp)
    const dir = await appFolder(join(tmp, 'app'), BUTTON_APP)
    const { files } = await buildApp({ dir, outdir: join(tmp, 'dist'), minify: false })
    expect(files.map((f) => f.name)).not.toContain('app.js.LEGAL.txt')
    const js = await readFile(join(tmp, 'dist', 'app.js'), 'utf8')
    expect(js).toContain('SmithButton = class extends SmithBaseElement')
    expect(js).toContain('SPDX-License-Identifier: BSD-3-Clause')
  })

  it('a module terser cannot read comes back unchanged, with the reason', async () => {
    const broken = 'export const a = ;'
    const result = await minifyModule(broken)
    expect(result.code).toBe(broken)
    expect(result.error).toMatch(/Unexpected token/i)
  })

  it('compresses a module esbuild has minified, and never returns a bigger one', async () => {
    const code = 'export function f(a){if(a){return 1}else{return 2}}'
    const result = await minifyModule(code)
    expect(result.error).toBeUndefined()
    expect(result.code.length).toBeLessThan(code.length)
    expect(result.code).toMatch(/^export function f\(\w\)\{return \w\?1:2\}$/)
    const tiny = 'export{}'
    expect((await minifyModule(tiny)).code).toBe(tiny)
  })

  it('leaves a chunk over TERSER_MAX_BYTES (echarts) as esbuild wrote it, and compresses the rest (Chart.js)', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'smithlet-minify-'))
    dirs.push(tmp)
    const dir = await appFolder(join(tmp, 'app'), {
      'smithlet.config.js': "export default { id: 'chart' }\n",
      'pages/Home/index.html': '<smith-chart name="Sales" chart-type="LINE_CHART"></smith-chart>\n',
    })
    const outdir = join(tmp, 'dist')
    const { files } = await buildApp({ dir, outdir })
    const esbuildOnly = await build({ ...appBuildOptions({ dir, outdir, minify: true, write: false }), legalComments: 'external' })
    const bytesOf = (prefix: string): { shipped: number; esbuild: number } => {
      const shipped = files.find((f) => f.name.startsWith(prefix) && f.name.endsWith('.js'))
      const ours = esbuildOnly.outputFiles!.find((f) => f.path.split('/').pop()!.startsWith(prefix) && f.path.endsWith('.js'))
      if (shipped === undefined || ours === undefined) throw new Error(`no ${prefix} chunk in the build`)
      return { shipped: shipped.bytes, esbuild: ours.contents.byteLength }
    }
    const echarts = bytesOf('echarts-renderer-')
    expect(echarts.esbuild).toBeGreaterThan(TERSER_MAX_BYTES)
    expect(echarts.shipped).toBe(echarts.esbuild)
    const chartjs = bytesOf('chartjs-renderer-')
    expect(chartjs.esbuild).toBeLessThan(TERSER_MAX_BYTES)
    expect(chartjs.shipped).toBeLessThan(chartjs.esbuild)
  })
})
