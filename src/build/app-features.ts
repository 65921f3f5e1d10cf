/**
 * Which optional parts of the runtime (src/features.ts) an app folder's build installs:
 * those its code and definitions use, read from the folder at build time, as the widgets
 * and the built-in libraries are. A global function group (src/globals.ts) is
 * installed when some source names one of its functions (asked of the group itself, see
 * {@link groupNames}); names are matched as words in
 * the raw text (pages, JS objects, queries, module inputs and the modules' own code), so
 * a mention in a string or a comment installs a part it did not need, never the reverse:
 * a global reaches code only as a free name, which the text then holds.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GLOBAL_GROUPS, type GlobalsHost } from '../globals'
import type { AppFolder } from './app-folder'

/** The parts to install, by the names ./app-entry.ts imports. */
export interface AppFeatures {
  /** Exports of src/feature-install.ts to call (`withQueries`, …). */
  readonly installers: readonly string[]
  /** Global function groups: exports of src/globals.ts (`download`, `modals`, …). */
  readonly globals: readonly string[]
  /** Whether some code may read `appsmith.theme`: the entry then gives the theme, resolved at build time. */
  readonly themeValue: boolean
}

/** Global groups a module's scope provides itself (src/module.ts), which its code therefore never reads from the app. */
const MODULE_OWN_GROUPS: ReadonlySet<string> = new Set(['timeouts'])

/** The files of a module's code, by the config's `use`, in the module's folder (modules/auth). */
const MODULE_SOURCES: Readonly<Record<string, readonly string[]>> = {
  auth: ['Main.js', 'Refresh.js'],
  oidc: ['Main.js', 'Refresh.js', 'Oidc.js'],
}

/** Each optional global group's function names: the keys of what it makes (for no app: nothing is called). */
export function groupNames(): Array<[group: string, names: string[]]> {
  return Object.entries(GLOBAL_GROUPS).map(([group, make]) => [group, Object.keys(make({} as GlobalsHost))])
}

/**
 * A module's JS object file: the source (modules/auth/Main.js), or in the installed package,
 * where only its compiled module ships (`Main.jsobject.js`, scripts/build-package.ts), that;
 * its code names the globals it calls either way.
 */
function moduleSource(dir: string, file: string): string {
  const source = join(dir, file)
  return existsSync(source) ? source : source.replace(/\.js$/, '.jsobject.js')
}

const mentions = (texts: readonly string[], name: string): boolean => {
  const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`)
  return texts.some((text) => word.test(text))
}

/**
 * `appsmith` used other than as `appsmith.<name>` (`appsmith[k]`, `{ ...appsmith }`,
 * `const a = appsmith`): any of its parts may be read.
 */
const WHOLE_APPSMITH = /(?<![\w$])appsmith(?![\w$]|\s*\??\.\s*[\w$])/

/** The texts of code a folder has, read once per loaded folder (a rebuild loads a new one). */
interface AppTexts {
  readonly own: readonly string[]
  readonly all: readonly string[]
}
const textsRead = new WeakMap<AppFolder, { readonly moduleDir: string; readonly texts: AppTexts }>()

/**
 * The texts of `folder`'s code: `own` (pages, JS objects, queries, module inputs) and `all`
 * (those and the modules' own code, from `moduleDir`). Read once for the entry and every
 * module the build replaces (src/build/esbuild-plugin.ts), which all ask.
 */
function appTexts(folder: AppFolder, moduleDir: string): AppTexts {
  const cached = textsRead.get(folder)
  if (cached !== undefined && cached.moduleDir === moduleDir) return cached.texts
  const texts = readAppTexts(folder, moduleDir)
  textsRead.set(folder, { moduleDir, texts })
  return texts
}

function readAppTexts(folder: AppFolder, moduleDir: string): AppTexts {
  const own: string[] = []
  const js = (files: readonly { file: string }[]): void => {
    for (const f of files) own.push(readFileSync(f.file, 'utf8'))
  }
  js(folder.jsObjects)
  for (const page of folder.pages) {
    own.push(page.html)
    js(page.jsObjects)
  }
  for (const q of [...folder.queries, ...folder.pages.flatMap((p) => p.queries)]) own.push(JSON.stringify(q.definition))
  const modules = Object.values(folder.config.modules ?? {})
  if (modules.length > 0) own.push(JSON.stringify(folder.config.modules))
  const moduleFiles = new Set(modules.flatMap((m) => MODULE_SOURCES[m.use] ?? []))
  return { own, all: [...own, ...[...moduleFiles].map((file) => readFileSync(moduleSource(moduleDir, file), 'utf8'))] }
}

/**
 * Whether some code of `folder` (or of its modules) may write the store: it names
 * storeValue, removeValue or clearStore, the only ways to. An app that does not gets the
 * store without its write path (src/store-write-path.ts).
 */
export function writesStore(folder: AppFolder, moduleDir: string): boolean {
  const { all } = appTexts(folder, moduleDir)
  return ['storeValue', 'removeValue', 'clearStore'].some((name) => mentions(all, name))
}

/** An event attribute (`on-click`, any case), or text that may make one (`'on-' + name`). */
const EVENT_ATTRIBUTE = /(?<![\w$-])on-[a-z]/i

/**
 * Whether some action of `folder` may run, and so fail: an event handler (any text that
 * may write an `on-…` attribute), a query, a page-load or page-unload action, a module. An
 * app with none gets the runtime without its failure reporting (src/failures-none.ts).
 */
export function reportsFailures(folder: AppFolder, moduleDir: string): boolean {
  if (Object.keys(folder.config.modules ?? {}).length > 0 || folder.queries.length > 0) return true
  if (folder.pages.some((p) => p.queries.length > 0 || p.pageLoad.length > 0 || p.onPageUnload.length > 0)) return true
  return appTexts(folder, moduleDir).own.some((text) => EVENT_ATTRIBUTE.test(text))
}

/**
 * Whether `folder` has something for app.runPageLoad to run: page-load actions, queries
 * that run on page load, or modules (whose own page-load functions run first). An app
 * with none gets the runtime without that run (src/app-page-load-none.ts).
 */
export function runsPageLoad(folder: AppFolder): boolean {
  const queries = [...folder.queries, ...folder.pages.flatMap((p) => p.queries)]
  return Object.keys(folder.config.modules ?? {}).length > 0 || folder.pages.some((p) => p.pageLoad.length > 0) || queries.some((q) => q.definition.runOnPageLoad === true)
}

/**
 * The parts `folder` uses. `moduleDir` is the folder of the modules' code (modules/auth),
 * whose JS objects run in the app's scope and may call its globals.
 */
export function appFeatures(folder: AppFolder, moduleDir: string): AppFeatures {
  const { own, all } = appTexts(folder, moduleDir)
  const queries = [...folder.queries, ...folder.pages.flatMap((p) => p.queries)]
  const modules = Object.values(folder.config.modules ?? {})

  const installers: string[] = []
  if (queries.length > 0) installers.push('withQueries')
  if (folder.jsObjects.length > 0 || folder.pages.some((p) => p.jsObjects.length > 0)) installers.push('withJSObjects')
  if (modules.length > 0) installers.push('withModules')
  if (folder.pages.some((p) => p.pageLoad.length > 0 || p.onPageUnload.length > 0) || queries.some((q) => q.definition.runOnPageLoad === true)) installers.push('withPageLoad')
  const whole = own.some((text) => WHOLE_APPSMITH.test(text))
  if (whole || mentions(own, 'geolocation')) installers.push('withGeolocation')
  // A page name given to navigateTo is the router's; a module's navigateTo goes to URLs (the browser's).
  const navigation = folder.pages.length > 1 || mentions(own, 'navigateTo')
  // The modules' code too: an OpenID Connect callback reads appsmith.URL. (Navigation brings it anyway.)
  if (!navigation && (whole || mentions(all, 'URL'))) installers.push('withUrl')
  if (navigation) installers.push('withNavigation')
  // A module's code sees its own setTimeout (src/module.ts): only the app's code asks for the app's.
  const globals = groupNames().filter(([group, names]) => names.some((name) => mentions(MODULE_OWN_GROUPS.has(group) ? own : all, name))).map(([group]) => group)
  return { installers, globals, themeValue: whole || mentions(own, 'theme') }
}
