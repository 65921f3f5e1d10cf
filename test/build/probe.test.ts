// @vitest-environment happy-dom
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { build } from 'esbuild'
import { expect, test } from 'vitest'
import { compileExpression } from '../../src/compile'
import { smithletPlugin } from '../../src/build/esbuild-plugin'

test('probe', async () => {
  const r = await build({ stdin: { contents: "export * from 'smithlet:compiled'", resolveDir: process.cwd() }, bundle: true, write: false, format: 'esm',
    plugins: [smithletPlugin({ html: 'demo/index.html', queries: ['demo/queries.js'] }), { name: 'ext', setup(b) { b.onResolve({ filter: /compile\.ts$/ }, (a) => ({ path: a.path, external: true })) } }] })
  const dir = await mkdtemp(join(tmpdir(), 'smithlet-'))
  const file = join(dir, 'compiled.mjs')
  await writeFile(file, r.outputFiles[0].text)
  const mod = await import(/* @vite-ignore */ pathToFileURL(file).href)
  const orig = globalThis.Function
  globalThis.Function = new Proxy(orig, { construct() { throw new EvalError('blocked') } })
  try {
    expect(compileExpression('Table1.pageNo')).toBe(mod.expressions['Table1.pageNo'])
    expect(() => compileExpression('1+1')).toThrow(/blocked/)
  } finally { globalThis.Function = orig }
})
