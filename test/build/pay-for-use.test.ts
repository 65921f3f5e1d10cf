/**
 * A built app ships only the parts of the runtime its code uses (src/features.ts): built
 * as `smithlet build` builds it, with esbuild's metafile, a one-page app whose one text
 * reads the store holds no queries, JS objects, page-load ordering, navigation,
 * geolocation, theme code, store writes (it only reads), Lit (its text is a light element)
 * nor the global functions it never calls; an app that uses each holds each. (That they work in the built app is test/e2e/pay-for-use.test.ts.)
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Metafile, OutputFile } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appBuildOptions } from '../../src/build/build-app'
import { appFeatures, groupNames, reportsFailures, runsPageLoad, writesStore } from '../../src/build/app-features'
import { OPTIONAL_GLOBALS } from '../../src/globals'
import { loadAppFolder } from '../../src/build/app-folder'
import { BUTTON_APP, FULL_APP, LIST_APP, MINIMAL_APP, appFolder } from '../support/feature-apps'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Each optional part's modules, as the bundle's inputs name them. */
const PARTS: Readonly<Record<string, readonly string[]>> = {
  queries: ['src/query.ts', 'src/query-request.ts', 'src/network-error.ts', 'src/smart-json.ts', 'src/query-notice.ts', 'src/template-parts.ts'],
  'JS objects': ['src/js-object.ts'],
  modules: ['src/module.ts'],
  'page load': ['src/page-load.ts'],
  navigation: ['src/page-navigation.ts', 'src/navigate.ts'],
  geolocation: ['src/geolocation.ts'],
  'appsmith.URL': ['src/app-url.ts'],
  theme: ['src/theme.ts'],
  // The write path (src/store-write-path.ts); an app that never writes has src/store-write-none.ts.
  'store writes': ['src/store-batch.ts'],
  'list items': ['src/list-scope.ts'],
}

/** The globals a host's options inject (`now`, `random`, `fetch`, `locks`): hand-written hosts' and tests', never a built app's. */
const INJECTED: readonly string[] = ['src/injected-globals.ts', 'src/clock.ts']

/** A string only each global function group's code holds. */
const GLOBAL_MARKERS: Readonly<Record<string, string>> = {
  showAlert: "'success', 'info', 'warning' or 'error'",
  navigateTo: 'a page name or a URL',
  intervals: 'a number of milliseconds',
  timeouts: 'setTimeout: the first argument must be a function',
  download: 'createObjectURL',
  copyToClipboard: 'the clipboard is not available here',
  resetWidget: 'no widget is named',
  modals: 'no modal is named',
  postWindowMessage: 'give the target origin',
}

/** Every source file that put bytes into some JS output, relative to the repository. */
function bundledInputs(metafile: Metafile, workingDir: string): string[] {
  const out = new Set<string>()
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0 && !input.includes(':')) out.add(resolve(workingDir, input).slice(ROOT.length + 1))
    }
  }
  return [...out]
}

const jsText = (files: readonly OutputFile[]): string => files.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'smithlet-pay-for-use-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** What src/build/app-features.ts decides for an app folder written from `files`. */
async function featuresOf(name: string, files: Readonly<Record<string, string>>): Promise<ReturnType<typeof appFeatures>> {
  return appFeatures(await loadAppFolder(await appFolder(join(tmp, name), files)), join(ROOT, 'modules/auth'))
}

async function built(name: string, files: Readonly<Record<string, string>>): Promise<{ inputs: string[]; text: string; dir: string }> {
  const dir = await appFolder(join(tmp, name), files)
  const result = await build(appBuildOptions({ dir, outdir: join(dir, 'dist'), minify: true, write: false }))
  expect(result.errors).toEqual([])
  expect(result.warnings).toEqual([])
  return { inputs: bundledInputs(result.metafile!, dir), text: jsText(result.outputFiles!), dir }
}

describe('a built app pays only for the parts of the runtime it uses', () => {
  test('one page, a text bound to the store: no queries, router, globals, theme or geolocation code', async () => {
    const { inputs, text } = await built('minimal', MINIMAL_APP)
    // The check looks at real inputs: the runtime and the store are there.
    expect(inputs).toEqual(expect.arrayContaining(['src/pages.ts', 'src/mount.ts', 'src/store.ts', 'widgets/text.ts']))
    for (const [part, modules] of Object.entries(PARTS)) expect(inputs.filter((m) => modules.includes(m)), part).toEqual([])
    for (const [group, marker] of Object.entries(GLOBAL_MARKERS)) expect(text.includes(marker), group).toBe(false)
    // Nor the plain words for query and sign-in failures.
    expect(text).not.toContain('The server took too long to answer')
    expect(text).not.toContain('Wrong e-mail or password')
    // Nor the words a widget shows when a query it reads failed.
    expect(text).not.toContain('You are not allowed to do this')
    // Nor the run-time compiler.
    expect(inputs).not.toContain('src/runtime-compiler.ts')
    // Nor the globals a host's options inject (a built app's entry passes none).
    expect(inputs.filter((m) => INJECTED.includes(m))).toEqual([])
    // Nor the devtools' reports (bindings, their source locations, who started an action): a production entry passes no inspector.
    expect(inputs).not.toContain('src/inspect.ts')
    expect(text).not.toContain('data-smith-loc')
    // Nor the store's write path: it only reads the store (hydration and other tabs' changes are there).
    expect(inputs).toEqual(expect.arrayContaining(['src/store-write-none.ts', 'src/store-hydrate.ts', 'src/store-tabs.ts']))
    expect(text).not.toContain('cannot be structured-cloned')
    // Nor failure reporting: no action of it can run (no event handler, query, page-load action or module).
    expect(inputs).toContain('src/failures-none.ts')
    expect(inputs.filter((m) => ['src/failures.ts', 'src/friendly-error.ts', 'src/redact.ts'].includes(m))).toEqual([])
    expect(text).not.toContain('ActionError')
    // Nor the host API its entry never calls (app.watch, app.evaluate, app.errors, dispose, RunningApp.navigate).
    expect(text).not.toContain('a watch callback for')
    expect(text).toContain('host API (app.watch')
    // Nor app.runPageLoad's run: nothing runs on page load.
    expect(inputs).toContain('src/app-page-load-none.ts')
    expect(inputs).not.toContain('src/app-page-load.ts')
    // Nor Lit: the text widget is a light element, and no Lit widget is on the page.
    expect(inputs.filter((m) => m.startsWith('node_modules/lit') || m.startsWith('node_modules/@lit/') || m === 'widgets/smith-element.ts')).toEqual([])
  })

  test('an app that uses every part holds each of them', async () => {
    const { inputs, text } = await built('full', FULL_APP)
    // The theme is resolved at build time: the bundle holds no theme code, the stylesheet the theme.
    for (const [part, modules] of Object.entries(PARTS)) {
      if (part === 'theme' || part === 'modules' || part === 'list items') continue
      expect(inputs.filter((m) => modules.includes(m)).sort(), part).toEqual([...modules].sort())
    }
    expect(inputs).not.toContain('src/theme.ts')
    expect(text).toContain('#112233')
    // The entry passes no clock, randomness, fetch or locks, whatever the app's code does.
    expect(inputs.filter((m) => INJECTED.includes(m))).toEqual([])
    // Nor an inspector: triggers and page-load actions keep no cause for the devtools' query log.
    expect(inputs).not.toContain('src/inspect.ts')
    for (const [group, marker] of Object.entries(GLOBAL_MARKERS)) expect(text.includes(marker), group).toBe(true)
    expect(text).toContain('The server took too long to answer')
    expect(text).toContain('You are not allowed to do this')
    expect(inputs).not.toContain('src/store-write-none.ts')
    expect(text).toContain('cannot be structured-cloned')
    expect(inputs).toContain('src/failures.ts')
    expect(inputs).not.toContain('src/failures-none.ts')
    expect(text).toContain('ActionError')
    expect(inputs).toContain('src/app-page-load.ts')
    expect(inputs).not.toContain('src/app-page-load-none.ts')
  })

  test("a development build keeps the host API (its devtools read the app); a production build's entry calls none of it", async () => {
    const dir = await appFolder(join(tmp, 'host-api'), MINIMAL_APP)
    const [dev, production] = await Promise.all([true, false].map((flag) => build(appBuildOptions({ dir, outdir: join(dir, 'dist'), minify: true, write: false, dev: flag }))))
    expect(jsText(dev!.outputFiles!)).toContain('a watch callback for')
    expect(jsText(dev!.outputFiles!)).not.toContain('host API (app.watch')
    expect(jsText(production!.outputFiles!)).not.toContain('a watch callback for')
    // Nor the error list behind app.errors, which only a host reads: errors still reach the console and the widgets.
    const errorMapBytes = (result: typeof dev): number =>
      Object.values(result!.metafile!.outputs).reduce((n, o) => n + (Object.entries(o.inputs).find(([k]) => k.endsWith('src/error-map.ts'))?.[1].bytesInOutput ?? 0), 0)
    expect(errorMapBytes(dev)).toBeGreaterThan(150)
    expect(errorMapBytes(production)).toBeLessThan(80)
    // Nor the checks of mistakes only a hand-written host can make.
    for (const check of ['the definition needs an id', 'this app is already mounted', 'two pages are named', 'needs at least one page', 'app.run: the code must be a string']) {
      expect(jsText(dev!.outputFiles!), check).toContain(check)
      expect(jsText(production!.outputFiles!), check).not.toContain(check)
    }
  })

  test('an app with an event handler reports failed actions', async () => {
    const { inputs, text } = await built('button', BUTTON_APP)
    expect(inputs).toEqual(expect.arrayContaining(['src/failures.ts', 'src/friendly-error.ts']))
    expect(inputs).not.toContain('src/failures-none.ts')
    expect(text).toContain('ActionError')
    // It runs nothing on page load.
    expect(inputs).toContain('src/app-page-load-none.ts')
  })

  test('what the build decides about the page-load run: page-load actions, queries run on page load, modules', async () => {
    const decide = async (name: string, files: Record<string, string> = {}) =>
      runsPageLoad(await loadAppFolder(await appFolder(join(tmp, name), { 'smithlet.config.js': `export default { id: '${name}' }\n`, 'pages/Home/index.html': '<smith-text name="T" text="x"></smith-text>\n', ...files })))
    expect(await decide('pl-none', { 'queries/q.json': '{ "url": "/x" }\n', 'js/Util.js': 'export default { f: () => 1 }\n' })).toBe(false)
    expect(await decide('pl-action', { 'js/Util.js': 'export default { f: () => 1 }\n', 'pages/Home/page.json': '{ "pageLoad": ["Util.f"] }\n' })).toBe(true)
    expect(await decide('pl-query', { 'queries/q.json': '{ "url": "/x", "runOnPageLoad": true }\n' })).toBe(true)
    expect(await decide('pl-page-query', { 'pages/Home/queries/q.json': '{ "url": "/x", "runOnPageLoad": true }\n' })).toBe(true)
    expect(await decide('pl-module', { 'smithlet.config.js': "export default { id: 'pl-module', modules: { Auth_Module: { use: 'auth', inputs: { loginUrl: '/login', refreshUrl: '/token' } } } }\n" })).toBe(true)
  })

  test('what the build decides about failure reporting: only an app some action of which may run gets it', async () => {
    const decide = async (name: string, html: string, files: Record<string, string> = {}) =>
      reportsFailures(await loadAppFolder(await appFolder(join(tmp, name), { 'smithlet.config.js': `export default { id: '${name}' }\n`, 'pages/Home/index.html': html, ...files })), join(ROOT, 'modules/auth'))
    const text = '<smith-text name="T" text="{{ appsmith.store.k }}"></smith-text>\n'
    expect(await decide('no-actions', text)).toBe(false)
    expect(await decide('event', '<smith-button name="B" ON-CLICK="{{ 1 }}"></smith-button>\n')).toBe(true)
    // Code that may write an event attribute the build cannot see.
    expect(await decide('writes-event', text, { 'js/Util.js': "export default { arm: (el) => el.setAttribute('on-click', '{{ 1 }}') }\n" })).toBe(true)
    expect(await decide('query', text, { 'queries/q.json': '{ "url": "/x" }\n' })).toBe(true)
    expect(await decide('page-load', text, { 'js/Util.js': 'export default { f: () => 1 }\n', 'pages/Home/page.json': '{ "pageLoad": ["Util.f"] }\n' })).toBe(true)
    expect(await decide('unload', text, { 'js/Util.js': 'export default { f: () => 1 }\n', 'pages/Home/page.json': '{ "onPageUnload": ["Util.f"] }\n' })).toBe(true)
    expect(await decide('module', text, { 'smithlet.config.js': "export default { id: 'module', modules: { Auth_Module: { use: 'auth', inputs: { loginUrl: '/login', refreshUrl: '/token' } } } }\n" })).toBe(true)
    // A JS object alone runs only from bindings, whose failures are binding errors.
    expect(await decide('js-only', text, { 'js/Util.js': 'export default { f: () => 1 }\n' })).toBe(false)
  })

  test('an app with a list carries the list item scopes, which its list widget installs', async () => {
    const { inputs } = await built('list', LIST_APP)
    expect(inputs).toEqual(expect.arrayContaining(['widgets/list/list.ts', ...PARTS['list items']!]))
    // Nothing in the app's own code asks for it: the widget brings it.
    expect(await featuresOf('list-decided', LIST_APP)).toEqual({ installers: [], globals: [], themeValue: false })
  })

  test('what the build decides from the app folder', async () => {
    const minimal = appFeatures(await loadAppFolder(join(tmp, 'minimal')), join(ROOT, 'modules/auth'))
    expect(minimal).toEqual({ installers: [], globals: [], themeValue: false })
    const full = appFeatures(await loadAppFolder(join(tmp, 'full')), join(ROOT, 'modules/auth'))
    // (Navigation brings appsmith.URL.)
    expect(full.installers).toEqual(['withQueries', 'withJSObjects', 'withPageLoad', 'withGeolocation', 'withNavigation'])
    expect(full.globals).toEqual(Object.keys(GLOBAL_MARKERS))
    expect(full.themeValue).toBe(true)
  })

  test('what the build decides about writing the store: only code that names a write gets the write path', async () => {
    expect(writesStore(await loadAppFolder(join(tmp, 'minimal')), join(ROOT, 'modules/auth'))).toBe(false)
    expect(writesStore(await loadAppFolder(join(tmp, 'full')), join(ROOT, 'modules/auth'))).toBe(true)
    const folder = async (name: string, html: string, files: Record<string, string> = {}) =>
      loadAppFolder(await appFolder(join(tmp, name), { 'smithlet.config.js': `export default { id: '${name}' }\n`, 'pages/Home/index.html': html, ...files }))
    expect(writesStore(await folder('remove', '<smith-button name="B" on-click="{{ removeValue(\'k\') }}"></smith-button>\n'), join(ROOT, 'modules/auth'))).toBe(true)
    expect(writesStore(await folder('clear', '<smith-text name="T" text="x"></smith-text>\n', { 'js/Util.js': 'export default { reset: () => clearStore() }\n' }), join(ROOT, 'modules/auth'))).toBe(true)
    // Auth_Module keeps its tokens in the store: its own code writes.
    const auth = await folder('auth-writes', '<smith-text name="T" text="{{ Auth_Module.secondsLeft }}"></smith-text>\n', {
      'smithlet.config.js': "export default { id: 'auth-writes', modules: { Auth_Module: { use: 'auth', inputs: { loginUrl: '/login', refreshUrl: '/token' } } } }\n",
    })
    expect(writesStore(auth, join(ROOT, 'modules/auth'))).toBe(true)
  })

  test("the runtime's list of optional globals is the groups' names", () => {
    expect(OPTIONAL_GLOBALS.split(' ').sort()).toEqual(groupNames().flatMap(([, names]) => names).sort())
  })

  test('Auth_Module brings modules, queries, JS objects and the globals its code calls', async () => {
    const used = await featuresOf('auth', {
      'smithlet.config.js': "export default { id: 'auth', modules: { Auth_Module: { use: 'auth', inputs: { loginUrl: '/login', refreshUrl: '/token' } } } }\n",
      'pages/Home/index.html': '<smith-text name="T" text="{{ Auth_Module.secondsLeft }}"></smith-text>\n',
    })
    // (Its code names the URL: an OpenID Connect callback reads appsmith.URL.)
    expect(used.installers).toEqual(['withModules', 'withUrl'])
    // Main.js keeps the token fresh with setInterval.
    expect(used.globals).toEqual(['intervals'])
  })

  test('a page that reads appsmith.URL gets it; a multi-page app gets it with navigation', async () => {
    const single = await featuresOf('url', {
      'smithlet.config.js': "export default { id: 'url' }\n",
      'pages/Home/index.html': '<smith-text name="Q" text="{{ appsmith.URL.queryParams.q }}"></smith-text>\n',
    })
    expect(single.installers).toEqual(['withUrl'])
    const { inputs } = await built('url', {})
    expect(inputs).toContain('src/app-url.ts')
  })

  test('code that may read any part of appsmith (appsmith[key], a copy of it) gets the theme, geolocation and the URL', async () => {
    const used = await featuresOf('whole', {
      'smithlet.config.js': "export default { id: 'whole' }\n",
      'pages/Home/index.html': '<smith-text name="T" text="{{ Object.keys(appsmith).join() }}"></smith-text>\n',
    })
    expect(used.installers).toEqual(['withGeolocation', 'withUrl'])
    expect(used.themeValue).toBe(true)
  })
})
