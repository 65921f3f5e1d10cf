// @vitest-environment happy-dom
/**
 * The esbuild plugin: one compiler in two places, and a built demo that compiles
 * nothing at run time. The last group builds the `smithlet:compiled` module of
 * the demo, loads it into this test's runtime, forbids `Function`, and mounts
 * the real demo page: every binding and trigger must come from the seed.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { COMPILED_MODULE_ID, compiledModuleSource, functionText } from '../../src/build/compiled-module'
import { loadAppFolder } from '../../src/build/app-folder'
import { appBuildOptions } from '../../src/build/build-app'
import { STRICT_CSP, pageShell } from '../../src/build/page-shell'
import { DEMO_DIR } from '../../demo/server'
import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { bindingsFromHtml, bindingsFromSource } from '../../src/build/extract-bindings'
import { compileExpression, compileTrigger, expressionSource, MISSING, PRELUDE, triggerSource } from '../../src/compile'
import type { CompiledFn, TriggerFn } from '../../src/compile'
import { createApp, memoryStorage } from '../../src/index'
import type { App, QueryDefinition } from '../../src/index'
import { parseTemplate } from '../../src/template'
import { authModule } from '../../modules/auth/index'
import { resolveAuthInputs } from '../../modules/auth/inputs'
import { authQueries } from '../../modules/auth/queries'
import PageHooks from '../../demo/js/PageHooks.js?jsobject'
import '../../widgets/define'

const ROOT = resolve(DEMO_DIR, '..')
const DEMO_PAGE = join(DEMO_DIR, 'pages/Home/index.html')
// Under the repository root: the test runner loads modules from there (not from /tmp).
let tmp: string
beforeAll(async () => {
  await mkdir(join(ROOT, '.cache'), { recursive: true })
  tmp = await mkdtemp(join(ROOT, '.cache', 'build-test-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** Writes a file into the test's directory and returns its path. */
async function tmpFile(name: string, contents: string): Promise<string> {
  const path = join(tmp, name)
  await writeFile(path, contents)
  return path
}

/** Keeps src/compile.ts and src/precompiled.ts (the seeds) out of a bundle, so the bundle seeds this test's own runtime. */
const compileExternal: Plugin = {
  name: 'compile-external',
  setup(b) {
    b.onResolve({ filter: /[\\/](compile|precompiled)\.ts$/ }, (args) => ({ path: args.path, external: true }))
  },
}

/** Every string field of query definitions, as the runtime compiles them. */
function queryTemplates(queries: readonly QueryDefinition[]): string[] {
  const out: string[] = []
  for (const q of queries) {
    out.push(q.url, ...Object.values(q.headers ?? {}), ...Object.values(q.params ?? {}))
    if (typeof q.body === 'string') out.push(q.body)
    else if (q.body) out.push(...Object.values(q.body))
  }
  return out
}

/** The expression codes of templates. */
function codesOf(templates: readonly string[]): string[] {
  const out: string[] = []
  for (const t of templates) {
    const parsed = parseTemplate(t)
    if (!parsed.ok) throw new Error(parsed.error.message)
    for (const s of parsed.segments) if (s.kind === 'expr') out.push(s.code)
  }
  return out
}

/**
 * The page's bindings, read independently of the plugin: from the DOM as the
 * runtime's mount reads it (this test runs in happy-dom).
 */
function pageBindings(html: string): { expressions: string[]; triggers: string[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const templates: string[] = []
  const triggers: string[] = []
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (!el.localName.startsWith('smith-')) continue
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on-')) triggers.push(attr.value)
      else if (attr.value.includes('{{') || attr.value.includes('<<')) templates.push(attr.value)
    }
  }
  return { expressions: codesOf(templates), triggers }
}

/** Replaces `Function` so that any run-time compilation throws, as a strict CSP does. */
function forbidFunction(): () => void {
  const original = globalThis.Function
  const blocked = (): never => {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed (test)")
  }
  globalThis.Function = new Proxy(original, { construct: blocked, apply: blocked })
  return () => {
    globalThis.Function = original
  }
}

describe('compiledModuleSource', () => {
  test('emits the runtime compiler’s own function bodies, keyed by the exact code', () => {
    const expressions = ['Table1.pageNo', ' a ? "x" : `y` // note', '__proto__']
    const triggers = ['{{ storeValue("k", 1); showAlert("saved") }}', 'Api.run()']
    const text = compiledModuleSource({ expressions, triggers }, '/abs/compile.ts')
    expect(text.startsWith('import { seedCompiled } from "/abs/compile.ts";\n')).toBe(true)
    for (const code of expressions) expect(text).toContain(`[${JSON.stringify(code)}]: ${functionText(expressionSource(code))},`)
    for (const snippet of triggers) expect(text).toContain(`[${JSON.stringify(snippet)}]: ${functionText(triggerSource(snippet))},`)
    expect(text.trimEnd().endsWith('seedCompiled({ expressions, triggers });')).toBe(true)
  })

  test('a function text behaves as new Function with the same body', () => {
    const code = 'Math.max(Table1.pageNo, 1) // trailing comment'
    const viaText = new Function(`${PRELUDE} return (${functionText(expressionSource(code))})`)() as CompiledFn
    const viaRuntime = compileExpression(code)
    const scope: Record<string, unknown> = { Table1: { pageNo: 7 }, Math }
    const $r = (name: string): unknown => scope[name]
    expect(viaText.call(undefined, $r)).toBe(7)
    expect(viaText.call(undefined, $r)).toBe(viaRuntime.call(undefined, $r))
  })

  test('the module’s functions and the run-time compiler’s agree on missing names (the sentinel made once, outside the body)', async () => {
    // `Symbol` as an entity shadows the global inside the body: the sentinel comes from outside it.
    const expressions = ['Missing.x', 'typeof Missing', 'Symbol.x + a', '{ a, Missing }', 'a']
    const triggers = ['{{ a\nMissing }}', '{{ a\nb }}']
    const text = compiledModuleSource({ expressions, triggers }, '/abs/compile.ts').replace(/^import .*\n/, '').replace(/^seedCompiled.*$/m, '').replace(/^export /gm, '')
    const aot = new Function(`${text} return { expressions, triggers };`)() as { expressions: Record<string, CompiledFn>; triggers: Record<string, TriggerFn> }
    const scope: Record<string, unknown> = { a: 1, b: 2, Symbol: { x: 2 } }
    const $r = (name: string): unknown => (name in scope ? scope[name] : MISSING)
    const outcome = async (run: () => unknown): Promise<string> => {
      try {
        return JSON.stringify(await run())
      } catch (e) {
        return String(e)
      }
    }
    const seen: string[] = []
    for (const code of expressions) {
      const a = await outcome(() => aot.expressions[code]!.call(undefined, $r))
      expect(a).toBe(await outcome(() => compileExpression(code).call(undefined, $r)))
      seen.push(a)
    }
    for (const snippet of triggers) {
      const a = await outcome(() => aot.triggers[snippet]!.call(undefined, $r))
      expect(a).toBe(await outcome(() => compileTrigger(snippet).call(undefined, $r)))
      seen.push(a)
    }
    expect(seen).toEqual([
      'ReferenceError: Missing is not defined',
      '"undefined"',
      '3',
      'ReferenceError: Missing is not defined',
      '1',
      'ReferenceError: Missing is not defined',
      '1',
    ])
  })
})

describe('bindingsFromSource', () => {
  test('reads templates from string literals of TS and JS, decoding escapes', async () => {
    const ts = `
      import type { QueryDefinition } from '../../src/query'
      export function queries(x: number): QueryDefinition[] {
        return [{ name: 'q', url: '{{inputs.url}}', headers: { A: "Bearer {{ tok.data }}" },
          body: \`{ "n": {{this.params.n}} }\`, params: { e: '\\u007b{ esc }}' } }] as QueryDefinition[]
      }`
    const found = await bindingsFromSource(ts, 'ts')
    expect(found.expressions).toEqual(['inputs.url', ' tok.data ', 'this.params.n', ' esc '])
    expect(found.problems).toEqual([])
  })

  test('skips templates built at run time, and reports bindings that do not compile', async () => {
    const found = await bindingsFromSource("const a = `{{ ${x} }}`; const b = '{{ ok }}'; const c = '{{ a( }}'; const d = '{{ 1 + }}'")
    expect(found.expressions).toEqual([' ok '])
    expect(found.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('{{ a( }}'),
      expect.stringContaining('{{ 1 + }}'),
    ])
  })
})

describe('bindingsFromHtml', () => {
  test('reads binding attributes and on-… triggers of smith-* elements, as the browser decodes them', async () => {
    const found = await bindingsFromHtml(`<!doctype html><body>
      <smith-text name="T" text="Hi {{ user.name }} &amp; << count + 1 >>" class="plain"></smith-text>
      <smith-button name="B" label="Go" on-click="{{ showAlert(&quot;hi&quot;) }}" on-focus="  "></smith-button>
      <div title="{{ not.a.widget }}"></div>
      <smith-table name="Tbl" table-data="{{ Q.data }}" on-sort="{{ Q.run() }}"></smith-table>
    </body>`)
    expect(found.expressions).toEqual([' user.name ', ' count + 1 ', ' Q.data '])
    expect(found.triggers).toEqual(['{{ showAlert("hi") }}', '{{ Q.run() }}'])
    expect(found.problems).toEqual([])
  })

  test('reports a binding that does not compile instead of emitting it', async () => {
    const found = await bindingsFromHtml('<smith-text name="T" text="{{ a( }}" on-x="{{ ) }}"></smith-text>')
    expect(found.expressions).toEqual([])
    expect(found.triggers).toEqual([])
    expect(found.problems).toHaveLength(2)
    expect(found.problems[0].message).toContain('<smith-text name="T"> text')
  })
})

describe('smithletPlugin', () => {
  test('compiles ?jsobject imports ahead of time', async () => {
    await tmpFile('Hooks.js', 'export default { hello() { return greeting + "!" } }')
    const entry = await tmpFile('entry-hooks.js', `export { default } from './Hooks.js?jsobject'`)
    const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', logLevel: 'silent', plugins: [smithletPlugin()] })
    const text = result.outputFiles[0].text
    expect(text).toContain('name: "Hooks"')
    expect(text).not.toContain('new Function')
    const module = await import(/* @vite-ignore */ await tmpFile('hooks-out.mjs', text))
    const object = module.default.factory.call(undefined, (n: string) => (n === 'greeting' ? 'hi' : undefined))
    expect(object.hello()).toBe('hi!')
  })

  test('a JS object that does not compile fails the build, naming it', async () => {
    await tmpFile('Broken.js', 'export const x = 1')
    const entry = await tmpFile('entry-broken.js', `import B from './Broken.js?jsobject'; console.log(B)`)
    await expect(build({ entryPoints: [entry], bundle: true, write: false, logLevel: 'silent', plugins: [smithletPlugin()] }))
      .rejects.toThrow(/JS object "Broken"/)
  })

  test('a broken binding is a warning, and the page still builds', async () => {
    const page = await tmpFile('broken.html', '<html><head></head><body><smith-text name="T" text="{{ a( }}"></smith-text><smith-text text="{{ ok }}"></smith-text></body></html>')
    const result = await build({
      stdin: { contents: `export * from '${COMPILED_MODULE_ID}'`, resolveDir: tmp },
      bundle: true, write: false, format: 'esm', logLevel: 'silent',
      plugins: [smithletPlugin({ html: page }), compileExternal],
    })
    expect(result.warnings.map((w) => w.text)).toEqual([expect.stringContaining('binding not compiled ahead of time: <smith-text name="T"> text')])
    expect(page.endsWith(result.warnings[0].location!.file)).toBe(true)
    expect(result.outputFiles[0].text).toContain('[" ok "]')
  })

  test('the demo builds with it: no warnings, every JS object and the compiled module in the bundle', async () => {
    const result = await build(appBuildOptions({ dir: DEMO_DIR, outdir: join(tmp, 'demo'), minify: true, write: false }))
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    const inputs = Object.keys(result.metafile!.inputs)
    expect(inputs).toContain(`smithlet-compiled:${COMPILED_MODULE_ID}`)
    expect(inputs.some((i) => i.startsWith('smithlet-jsobject:') && i.endsWith('PageHooks.js'))).toBe(true)
    expect(inputs.some((i) => i.startsWith('smithlet-jsobject:') && i.endsWith('Main.js'))).toBe(true)
    expect(result.outputFiles!.map((f) => f.path.split(/[\\/]/).pop()).sort()).toEqual(['app.css', 'app.js'])
  })
})

describe('the built demo compiles nothing at run time', () => {
  let seeded: { expressions: Record<string, CompiledFn>; triggers: Record<string, TriggerFn> }
  let html: string
  let app: App | undefined
  let demoQueries: QueryDefinition[]

  beforeAll(async () => {
    html = await readFile(DEMO_PAGE, 'utf8')
    demoQueries = (await loadAppFolder(DEMO_DIR)).queries.map((q) => q.definition)
    // The same module the demo bundle imports, built by the same plugin options, but
    // importing this test's src/compile.ts: loading it seeds the caches used below.
    const result = await build({
      stdin: { contents: `export * from '${COMPILED_MODULE_ID}'`, resolveDir: ROOT },
      bundle: true, write: false, format: 'esm', logLevel: 'silent',
      plugins: [smithletPlugin({ app: DEMO_DIR }), compileExternal],
    })
    seeded = await import(/* @vite-ignore */ await tmpFile('compiled.mjs', result.outputFiles[0].text))
  })

  afterAll(() => {
    app?.dispose()
    document.body.innerHTML = ''
  })

  test('every binding of the demo page and of the queries (the app’s and Auth_Module’s) is seeded', () => {
    const page = pageBindings(html)
    const authTemplates = queryTemplates(authQueries(resolveAuthInputs({ loginUrl: '/l', refreshUrl: '/r' })))
    const expressions = [...page.expressions, ...codesOf(queryTemplates(demoQueries)), ...codesOf(authTemplates)]
    expect(page.triggers.length).toBeGreaterThan(5)
    expect(expressions.length).toBeGreaterThan(15)
    const restore = forbidFunction()
    try {
      // The patch works: code that is not on the page cannot compile.
      expect(() => compileExpression('1 + 1 // not on the page')).toThrow(/unsafe-eval/)
      for (const code of expressions) {
        expect(seeded.expressions[code], code).toBeTypeOf('function')
        expect(compileExpression(code)).toBe(seeded.expressions[code])
      }
      for (const snippet of page.triggers) {
        if (snippet.trim() === '') continue
        expect(seeded.triggers[snippet], snippet).toBeTypeOf('function')
        expect(compileTrigger(snippet)).toBe(seeded.triggers[snippet])
      }
    } finally {
      restore()
    }
  })

  test('the real demo mounts, loads and handles a click with Function forbidden', async () => {
    document.body.innerHTML = html
    const warnings: string[] = []
    const requests: string[] = []
    const restore = forbidFunction()
    try {
      app = await createApp(
        {
          id: 'users-demo-build-test',
          queries: demoQueries,
          jsObjects: { PageHooks },
          modules: { Auth_Module: authModule({ loginUrl: '/auth/login', refreshUrl: '/auth/token' }) },
          pageLoad: ['PageHooks.onPageLoad'],
        },
        {
          storage: memoryStorage(),
          channel: null,
          locks: null,
          url: 'http://127.0.0.1/',
          baseUrl: 'http://127.0.0.1/',
          warn: (m) => warnings.push(m),
          fetch: async (input) => {
            requests.push(String(input))
            return new Response('{}', { status: 500 })
          },
        },
      )
      await app.mount(document.body)
      // Logged out on load: the login form shows, nothing failed, nothing was fetched.
      expect(app.errors.map((e) => e.message)).toEqual([])
      expect(app.evaluate('{{ Auth_Module.isLoggedOut }}')).toBe(true)
      expect(document.querySelector<HTMLElement>('smith-button[name="LoginButton"]')!.hidden).toBe(false)
      expect(document.querySelector<HTMLElement>('smith-table[name="Table1"]')!.hidden).toBe(true)
      expect(requests).toEqual([])
      // A trigger from the page runs its seeded function: Sign in with empty fields asks for them.
      const toast = document.querySelector('smith-toast')!
      document.querySelector<HTMLElement>('smith-button[name="LoginButton"]')!.click()
      await new Promise((r) => setTimeout(r, 20))
      expect(toast.toasts.map((t) => t.message)).toEqual(['Enter your e-mail address and password'])
      expect(warnings).toEqual([])
    } finally {
      restore()
    }
  })
})

describe('pageShell', () => {
  test('links the stylesheet and module scripts, with the CSP hint when asked', () => {
    const page = pageShell({ title: 'A & B', assets: '../', extraScripts: ['/__dev/reload.js'], cspMeta: STRICT_CSP })
    expect(page).toContain('<title>A &amp; B</title>')
    expect(page).toContain('<link rel="stylesheet" href="../app.css">')
    expect(page).toContain('<script type="module" src="../app.js"></script>\n  <script type="module" src="/__dev/reload.js"></script>')
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'; style-src 'self'">`)
    expect(page).toContain('<body></body>')
  })

  test('the demo page has no inline script or style (it runs under a strict CSP)', () => {
    return readFile(DEMO_PAGE, 'utf8').then((page) => {
      expect(page).not.toMatch(/<script\b/i)
      expect(page).not.toMatch(/<style\b/i)
      expect(page).not.toMatch(/\sstyle=/i)
      expect(page).not.toMatch(/\son[a-z]+=/i) // inline event handlers (on-click is not one)
    })
  })
})
