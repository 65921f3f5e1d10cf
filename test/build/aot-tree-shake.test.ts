/**
 * A build in which everything was compiled ahead of time ships neither the scanner, the
 * compiler nor `new Function`: the starter app (`smithlet create`) and the demo, built as
 * `smithlet build` builds them, with esbuild's metafile. The same check on a bundle of the
 * plain `smithlet` entry (which keeps the run-time compiler for hand-written hosts) finds
 * them, so the test can see what it looks for.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Metafile, OutputFile } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appBuildOptions } from '../../src/build/build-app'
import { compiledModuleSource } from '../../src/build/compiled-module'
import { bindingsFromSource } from '../../src/build/extract-bindings'
import { createApp } from '../../src/cli/create'
import { DEMO_DIR } from '../../demo/server'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The modules that hold the template scanner and the run-time compiler. */
const COMPILER_MODULES = [
  'src/scan.ts', 'src/js-lexemes.ts', 'src/js-words.ts', 'src/template.ts', 'src/template-parse.ts',
  'src/compile.ts', 'src/compile-expression.ts', 'src/compile-js-object.ts', 'src/code-analysis.ts',
  'src/checked-code.ts', 'src/code-names.ts', 'src/runtime-compiler.ts',
]

/** Every source file that put bytes into (or was listed in) some JS output, as absolute paths. */
function bundledInputs(metafile: Metafile, workingDir: string): string[] {
  const out = new Set<string>()
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue
    for (const input of Object.keys(output.inputs)) out.add(input.includes(':') ? input : resolve(workingDir, input))
  }
  return [...out]
}

function compilerModulesIn(inputs: readonly string[]): string[] {
  return COMPILER_MODULES.filter((m) => inputs.includes(join(ROOT, m)))
}

/** What a page loads, joined: every JS file of the build. */
function jsText(files: readonly OutputFile[]): string {
  return files.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')
}

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'smithlet-aot-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('a fully ahead-of-time build', () => {
  for (const [label, folder] of [['the starter app', async () => createApp(join(tmp, 'starter'))], ['the demo', async () => DEMO_DIR]] as const) {
    test(`${label}: no scanner, no compiler, no new Function in the bundle`, async () => {
      const dir = await folder()
      const result = await build(appBuildOptions({ dir, outdir: join(tmp, 'out'), minify: true, write: false }))
      expect(result.errors).toEqual([])
      const inputs = bundledInputs(result.metafile!, dir)
      // The build did bundle the runtime and the seeded bindings (the check looks at real inputs).
      expect(inputs).toContain(join(ROOT, 'src/precompiled.ts'))
      expect(inputs).toContain(join(ROOT, 'src/mount.ts'))
      expect(inputs).toContain('smithlet-compiled:smithlet:compiled')
      expect(compilerModulesIn(inputs)).toEqual([])
      const text = jsText(result.outputFiles!)
      expect(text).not.toContain('new Function')
      expect(text).not.toMatch(/\bFunction\(/)
    })
  }

  test('a development build keeps the run-time compiler: the devtools evaluate text the build never saw', async () => {
    const dir = join(tmp, 'starter')
    const result = await build(appBuildOptions({ dir, outdir: join(tmp, 'out-dev'), minify: false, write: false, dev: true }))
    expect(result.errors).toEqual([])
    expect(compilerModulesIn(bundledInputs(result.metafile!, dir))).toEqual(expect.arrayContaining(['src/runtime-compiler.ts', 'src/scan.ts']))
  })

  test('the plain smithlet entry keeps the run-time compiler (the check sees it)', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      stdin: { contents: "export * from './src/index'\n", resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true,
      outdir: 'dist/aot-check', write: false, metafile: true, logLevel: 'silent',
    })
    const inputs = bundledInputs(result.metafile, ROOT)
    expect(compilerModulesIn(inputs)).toEqual(expect.arrayContaining(['src/scan.ts', 'src/compile-expression.ts', 'src/runtime-compiler.ts']))
    expect(jsText(result.outputFiles)).toContain('new Function')
  })

  test('when some text may have gone unseen, the compiled module brings the run-time compiler', async () => {
    expect((await bindingsFromSource("const url = '{{ a }}'")).complete).toBe(true)
    const input = { expressions: [' a '], triggers: [], templates: ['{{ a }}'] }
    expect(compiledModuleSource({ ...input, runtimeCompiler: '/abs/runtime-compiler.ts' }, '/abs/precompiled.ts')).toContain('import "/abs/runtime-compiler.ts";\n')
    expect(compiledModuleSource(input, '/abs/precompiled.ts')).not.toContain('runtime-compiler')
  })
})
