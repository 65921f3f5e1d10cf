// @vitest-environment happy-dom
/**
 * A runtime without the run-time compiler, as a `smithlet build` app runs: this file never
 * imports src/index (which installs the compiler), only src/app and the seeds. A page
 * whose texts were compiled ahead of time (by the plugin's own module generator) mounts,
 * evaluates, runs a trigger and orders its page load with `Function` forbidden; text it
 * was not built with is an error that says so, on the widget that holds it. It installs the
 * optional parts its app uses, as the generated entry does (src/build/app-features.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp, type App } from '../../src/app'
import type { CompiledJSObject } from '../../src/js-object'
import { compiledModuleSource } from '../../src/build/compiled-module'
import { bindingsFromData, bindingsFromHtml } from '../../src/build/extract-bindings'
import { jsObjectModule } from '../../src/build/js-object-module'
import { memoryStorage } from '../../src/storage'
import { withInjectedGlobals, withJSObjects, withPageLoad, withQueries } from '../../src/feature-install'
import { templateCode, triggerFunction } from '../../src/precompiled'
import '../../widgets/define'

withQueries()
withJSObjects()
withPageLoad()
// The test injects fetch and locks, as a hand-written host may.
withInjectedGlobals()

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SEED_MODULE = join(ROOT, 'src/precompiled.ts')

const PAGE = `
  <smith-text name="Answer" text="{{ Calc.answer() }}"></smith-text>
  <smith-text name="Mixed" text="Answer: << Calc.base + 21 >>!"></smith-text>
  <smith-text name="Loaded" text="{{ second.data?.n ?? 'none' }}"></smith-text>
  <smith-button name="Back" label="<< Back" on-click="{{ storeValue('clicked', Calc.base) }}"></smith-button>
  <smith-text name="Broken" text="{{ Calc.answer( }}"></smith-text>`
const CALC = 'export default { base: 21, answer() { return this.base * 2 }, load() { return first.data.n + 1 } }'
const QUERIES = [
  { name: 'first', url: '/first' },
  { name: 'second', url: '/second?n={{ Calc.load.data }}' },
]

let tmp: string
let app: App | undefined
let restore: (() => void) | undefined

/** Replaces `Function` so that any run-time compilation throws, as a strict CSP does. */
function forbidFunction(): () => void {
  const original = globalThis.Function
  const blocked = (): never => {
    throw new EvalError('Function is forbidden in this test')
  }
  globalThis.Function = new Proxy(original, { construct: blocked, apply: blocked })
  return () => {
    globalThis.Function = original
  }
}

async function importText(name: string, text: string): Promise<Record<string, unknown>> {
  const path = join(tmp, name)
  await writeFile(path, text)
  return import(/* @vite-ignore */ path) as Promise<Record<string, unknown>>
}

beforeAll(async () => {
  await mkdir(join(ROOT, '.cache'), { recursive: true })
  tmp = await mkdtemp(join(ROOT, '.cache', 'precompiled-test-'))
  const page = await bindingsFromHtml(PAGE)
  const queries = bindingsFromData(QUERIES, 'queries')
  await importText('compiled.mjs', compiledModuleSource({
    expressions: [...page.expressions, ...queries.expressions],
    triggers: page.triggers,
    templates: [...page.templates, ...queries.templates],
    brokenTriggers: page.brokenTriggers,
  }, SEED_MODULE))
})

afterAll(async () => {
  app?.dispose()
  restore?.()
  document.body.innerHTML = ''
  await rm(tmp, { recursive: true, force: true })
})

describe('a runtime with no run-time compiler', () => {
  test('a page compiled ahead of time mounts, evaluates, triggers and orders page load with Function forbidden', async () => {
    const Calc = (await importText('Calc.mjs', jsObjectModule(CALC, 'Calc'))).default as CompiledJSObject
    const requests: string[] = []
    const warnings: string[] = []
    document.body.innerHTML = PAGE
    restore = forbidFunction()
    app = await createApp(
      { id: 'precompiled-test', jsObjects: { Calc }, queries: QUERIES, pageLoad: ['first', 'Calc.load', 'second'] },
      {
        storage: memoryStorage(), channel: null, locks: null, baseUrl: 'http://127.0.0.1/', warn: (m) => warnings.push(m),
        fetch: async (input) => {
          requests.push(String(input))
          return Response.json({ n: requests.length === 1 ? 41 : 7 })
        },
      },
    )
    await app.mount(document.body)
    const text = (name: string): unknown => (document.querySelector(`[name="${name}"]`) as unknown as { text: unknown }).text
    expect(text('Answer')).toBe(42)
    expect(text('Mixed')).toBe('Answer: 42!')
    // `<< Back` only looks like a binding: the widget keeps it as written.
    expect((document.querySelector('[name="Back"]') as unknown as { label: unknown }).label).toBe('<< Back')
    // Page load in levels from the build's X.data reads: first, then Calc.load, then second.
    expect(warnings).toEqual([])
    expect(requests).toEqual(['http://127.0.0.1/first', 'http://127.0.0.1/second?n=42'])
    expect(text('Loaded')).toBe(7)
    // The broken binding's error was found at build time, and shows on its widget.
    expect(app.errors.map((e) => `${e.entity}.${e.property}: ${e.message}`)).toEqual([expect.stringMatching(/^Broken\.text: Cannot parse binding: /)])
    document.querySelector<HTMLElement>('[name="Back"]')!.click()
    await new Promise((r) => setTimeout(r, 10))
    expect((app.scope.appsmith as { store: Record<string, unknown> }).store.clicked).toBe(21)
    // app.evaluate of a text the build never saw: an error value that says why.
    expect(String(app.evaluate('{{ appsmith.store.clicked }}'))).toMatch(/was not compiled ahead of time and this build has no run-time compiler/)
    expect(app.evaluate('Answer: << Calc.base + 21 >>!')).toBe('Answer: 42!')
  })

  test('text the build did not see is an error that says so, never a silent value', () => {
    const code = templateCode('{{ 1 + 1 }}')
    expect(code).toEqual(expect.objectContaining({ error: expect.stringContaining('was not compiled ahead of time') }))
    expect(() => triggerFunction('{{ showAlert("x") }}')).toThrow(/was not compiled ahead of time and this build has no run-time compiler/)
  })
})
