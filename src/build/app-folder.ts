/**
 * The app folder: what a person writes by hand, and what the CLI, the esbuild plugin
 * and `smithlet check` read. The tools discover every file; nothing is listed twice.
 *
 * ```
 * my-app/
 *   smithlet.config.js        export default { id, title?, pages?, modules?, libraries?, theme?, datasources?, user? }
 *   js/<Name>.js              app-level JS objects (file name = entity name), shared by all pages
 *   queries/<name>.json|.js   app-level queries (one definition each; name defaults to the file name)
 *   public/                   copied as is into the build (public/data.json is served at /data.json)
 *   pages/<Page>/index.html   the page's widgets and bindings (an HTML fragment: the page body)
 *   pages/<Page>/page.json    optional: { "title"?, "pageLoad"?: [...], "onPageUnload"?: [...] }
 *   pages/<Page>/js/<Name>.js, pages/<Page>/queries/…   page-level JS objects and queries
 *   *.css, pages/<Page>/*.css bundled into the app's stylesheet
 * ```
 *
 * Every problem is an {@link AppFolderError} naming the file (and line:column where
 * there is one) and what to do; the loader never guesses past a broken file.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import type { QueryDefinition } from '../query'
import { lineColumn } from '../scan'
import { widgetElements } from './html'
import type { WidgetElement } from './html'

/** The config file's name. */
export const CONFIG_FILE = 'smithlet.config.js'

/** A module the config wires in, by the implementation it uses. */
export interface ModuleConfig {
  /** `auth`: smithlet's Auth_Module (modules/auth); `oidc`: its OpenID Connect path. */
  readonly use: 'auth' | 'oidc'
  readonly inputs?: Readonly<Record<string, unknown>>
}

/** smithlet.config.js, validated. */
export interface AppConfig {
  readonly id: string
  readonly title?: string
  /** Page order; the first is the start page. Default: the pages/ folders, sorted. */
  readonly pages?: readonly string[]
  readonly modules?: Readonly<Record<string, ModuleConfig>>
  /** Scope name → npm package, like Appsmith's installed JS libraries. */
  readonly libraries?: Readonly<Record<string, string>>
  readonly theme?: Readonly<Record<string, unknown>>
  /** Datasource name → base URL; `SMITHLET_DATASOURCE_<NAME>` in the environment overrides one at build time. */
  readonly datasources?: Readonly<Record<string, string>>
  readonly user?: Readonly<Record<string, unknown>>
}

/** A file that defines one entity. */
export interface EntityFile {
  readonly name: string
  /** Absolute path. */
  readonly file: string
}

/** A query file, read. */
export interface QueryFile extends EntityFile {
  /** The definition, named, with its datasource's base URL applied. */
  readonly definition: QueryDefinition
}

/** One page of the app. */
export interface PageSource {
  readonly name: string
  readonly dir: string
  /** pages/<Page>/index.html */
  readonly file: string
  readonly html: string
  /** Its `smith-*` elements, parsed once. */
  readonly widgets: readonly WidgetElement[]
  readonly title: string | undefined
  readonly pageLoad: readonly string[]
  readonly onPageUnload: readonly string[]
  readonly jsObjects: readonly EntityFile[]
  readonly queries: readonly QueryFile[]
  readonly styles: readonly string[]
}

/** A loaded app folder. */
export interface AppFolder {
  readonly dir: string
  readonly configFile: string
  readonly config: AppConfig
  readonly jsObjects: readonly EntityFile[]
  readonly queries: readonly QueryFile[]
  readonly pages: readonly PageSource[]
  /** CSS files at the root and in the pages, in that order. */
  readonly styles: readonly string[]
  /** public/, when there is one. */
  readonly publicDir: string | undefined
  /** Every file and folder read: what a watcher must watch. */
  readonly watchFiles: readonly string[]
  readonly watchDirs: readonly string[]
}

/** A problem with an app folder: the file, where in it, and what is wrong. */
export class AppFolderError extends Error {
  override readonly name = 'AppFolderError'
  constructor(
    message: string,
    /** Absolute path of the file at fault, when there is one. */
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
  }
}

const CONFIG_KEYS = new Set(['id', 'title', 'pages', 'modules', 'libraries', 'theme', 'datasources', 'user'])
const PAGE_KEYS = new Set(['title', 'pageLoad', 'onPageUnload'])
const MODULE_USES = new Set(['auth', 'oidc'])
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/
/** Page names become URL segments and folder names. */
const PAGE_NAME = /^[A-Za-z0-9][\w.~-]*$/

/** Reads and validates the app folder at `dir`. Rejects with an {@link AppFolderError}. */
export async function loadAppFolder(dir: string): Promise<AppFolder> {
  const root = resolve(dir)
  if (!existsSync(root) || !(await stat(root)).isDirectory()) {
    throw new AppFolderError(`no app folder at ${dir}: the folder does not exist (smithlet create ${dir} starts one)`)
  }
  const configFile = join(root, CONFIG_FILE)
  if (!existsSync(configFile)) {
    throw new AppFolderError(`${dir} is not a smithlet app folder: ${CONFIG_FILE} is missing (smithlet create <dir> starts one)`, configFile)
  }
  const config = validateConfig(await importFile(configFile), configFile)
  const watchFiles = [configFile]
  const watchDirs = [root]

  const entities = new Map<string, string>() // app-level name → where it is defined
  const claim = (names: Map<string, string>, name: string, where: string, file: string): void => {
    const other = names.get(name)
    if (other !== undefined) throw new AppFolderError(`two entities are named "${name}": ${other} and ${where}`, file)
    names.set(name, where)
  }
  for (const name of Object.keys(config.modules ?? {})) claim(entities, name, `module ${name} in ${CONFIG_FILE}`, configFile)
  for (const name of Object.keys(config.libraries ?? {})) claim(entities, name, `library ${name} in ${CONFIG_FILE}`, configFile)

  const jsObjects = await jsObjectFiles(join(root, 'js'), root, watchDirs)
  for (const js of jsObjects) claim(entities, js.name, rel(root, js.file), js.file)
  const queries = await queryFiles(join(root, 'queries'), root, config, watchDirs)
  for (const q of queries) claim(entities, q.name, rel(root, q.file), q.file)

  const pagesDir = join(root, 'pages')
  const folders = existsSync(pagesDir) ? (await readdir(pagesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []
  watchDirs.push(pagesDir)
  const order = config.pages ?? folders
  for (const name of config.pages ?? []) {
    if (!existsSync(join(pagesDir, name, 'index.html'))) {
      throw new AppFolderError(`${CONFIG_FILE} lists the page "${name}", but pages/${name}/index.html does not exist`, configFile)
    }
  }
  // Folders the config does not list still are pages, after the listed ones.
  const names = [...order, ...folders.filter((f) => !order.includes(f) && existsSync(join(pagesDir, f, 'index.html')))]
  if (names.length === 0) throw new AppFolderError(`${dir} has no page: write pages/<Page>/index.html (e.g. pages/Home/index.html)`, pagesDir)

  const pages: PageSource[] = []
  for (const name of names) {
    if (!PAGE_NAME.test(name)) {
      throw new AppFolderError(`"${name}" cannot be a page name: use letters, digits, "-", "_" or "." (it becomes a URL segment)`, join(pagesDir, name))
    }
    pages.push(await loadPage(root, name, config, new Map(entities), claim, watchFiles, watchDirs))
  }

  const styles = [...(await cssFiles(root)), ...pages.flatMap((p) => p.styles)]
  const publicDir = existsSync(join(root, 'public')) ? join(root, 'public') : undefined
  return { dir: root, configFile, config, jsObjects, queries, pages, styles, publicDir, watchFiles, watchDirs }
}

async function loadPage(
  root: string,
  name: string,
  config: AppConfig,
  entities: Map<string, string>,
  claim: (names: Map<string, string>, name: string, where: string, file: string) => void,
  watchFiles: string[],
  watchDirs: string[],
): Promise<PageSource> {
  const dir = join(root, 'pages', name)
  const file = join(dir, 'index.html')
  const html = await readFile(file, 'utf8')
  watchFiles.push(file)
  watchDirs.push(dir)
  let meta: Record<string, unknown> = {}
  const metaFile = join(dir, 'page.json')
  if (existsSync(metaFile)) {
    watchFiles.push(metaFile)
    meta = parseJsonFile(await readFile(metaFile, 'utf8'), metaFile)
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw new AppFolderError('page.json must hold an object', metaFile)
    for (const key of Object.keys(meta)) {
      if (!PAGE_KEYS.has(key)) throw new AppFolderError(`page.json: unknown key "${key}" (known: ${[...PAGE_KEYS].join(', ')})`, metaFile)
    }
  }
  const title = meta.title === undefined ? undefined : stringField(meta.title, 'title', metaFile)
  const pageLoad = stringList(meta.pageLoad, 'pageLoad', metaFile)
  const onPageUnload = stringList(meta.onPageUnload, 'onPageUnload', metaFile)
  const jsObjects = await jsObjectFiles(join(dir, 'js'), root, watchDirs)
  for (const js of jsObjects) claim(entities, js.name, rel(root, js.file), js.file)
  const queries = await queryFiles(join(dir, 'queries'), root, config, watchDirs)
  for (const q of queries) claim(entities, q.name, rel(root, q.file), q.file)
  let widgets: WidgetElement[]
  try {
    widgets = widgetElements(html)
  } catch (error) {
    throw new AppFolderError(`cannot read the page's HTML: ${error instanceof Error ? error.message : String(error)}`, file)
  }
  for (const widget of widgets) {
    if (widget.name === undefined) continue
    if (!IDENTIFIER.test(widget.name)) {
      const at = lineColumn(html, widget.offset)
      throw new AppFolderError(`the widget name "${widget.name}" is not a valid entity name (letters, digits, _ and $)`, file, at.line, at.column)
    }
    const other = entities.get(widget.name)
    if (other !== undefined) {
      const at = lineColumn(html, widget.offset)
      throw new AppFolderError(`two entities are named "${widget.name}": ${other} and a <${widget.tag}> of page ${name}`, file, at.line, at.column)
    }
    entities.set(widget.name, `a <${widget.tag}> of page ${name}`)
  }
  return { name, dir, file, html, widgets, title, pageLoad, onPageUnload, jsObjects, queries, styles: await cssFiles(dir) }
}

async function jsObjectFiles(dir: string, root: string, watchDirs: string[]): Promise<EntityFile[]> {
  watchDirs.push(dir)
  if (!existsSync(dir)) return []
  const out: EntityFile[] = []
  for (const entry of (await readdir(dir)).sort()) {
    if (extname(entry) !== '.js') continue
    const name = basename(entry, '.js')
    const file = join(dir, entry)
    if (!IDENTIFIER.test(name)) throw new AppFolderError(`${rel(root, file)}: "${name}" is not a valid entity name (the file name is the JS object's name)`, file)
    out.push({ name, file })
  }
  return out
}

async function queryFiles(dir: string, root: string, config: AppConfig, watchDirs: string[]): Promise<QueryFile[]> {
  watchDirs.push(dir)
  if (!existsSync(dir)) return []
  const out: QueryFile[] = []
  for (const entry of (await readdir(dir)).sort()) {
    const ext = extname(entry)
    if (ext !== '.json' && ext !== '.js') continue
    const file = join(dir, entry)
    const raw = ext === '.json' ? parseJsonFile(await readFile(file, 'utf8'), file) : await importFile(file)
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new AppFolderError(`${rel(root, file)}: a query file must hold one query definition (an object)`, file)
    const { datasource, ...query } = raw as Record<string, unknown>
    const name = query.name === undefined ? basename(entry, ext) : query.name
    if (typeof name !== 'string' || !IDENTIFIER.test(name)) throw new AppFolderError(`${rel(root, file)}: "${String(name)}" is not a valid query name`, file)
    if (typeof query.url !== 'string') throw new AppFolderError(`${rel(root, file)}: the query needs a "url" string`, file)
    let url = query.url
    if (datasource !== undefined) {
      const base = typeof datasource === 'string' ? config.datasources?.[datasource] : undefined
      if (base === undefined) throw new AppFolderError(`${rel(root, file)}: the datasource "${String(datasource)}" is not in ${CONFIG_FILE}'s datasources`, file)
      url = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`
    }
    out.push({ name, file, definition: { ...query, name, url } as QueryDefinition })
  }
  return out
}

async function cssFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => extname(f) === '.css').sort().map((f) => join(dir, f))
}

function validateConfig(value: unknown, file: string): AppConfig {
  const fail = (message: string): never => {
    throw new AppFolderError(`${CONFIG_FILE}: ${message}`, file)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('export default an object: export default { id: "my-app" }')
  const config = value as Record<string, unknown>
  for (const key of Object.keys(config)) if (!CONFIG_KEYS.has(key)) fail(`unknown key "${key}" (known: ${[...CONFIG_KEYS].join(', ')})`)
  if (typeof config.id !== 'string' || config.id === '') fail('"id" must be a non-empty string (it names the app\'s IndexedDB store)')
  if (config.title !== undefined && typeof config.title !== 'string') fail('"title" must be a string')
  if (config.pages !== undefined) {
    if (!Array.isArray(config.pages) || config.pages.length === 0 || !config.pages.every((p) => typeof p === 'string')) fail('"pages" must be a non-empty list of page names')
    const pages = config.pages as string[]
    const twice = pages.find((p, i) => pages.indexOf(p) !== i)
    if (twice !== undefined) fail(`"pages" lists "${twice}" twice`)
  }
  for (const key of ['modules', 'libraries', 'theme', 'datasources', 'user'] as const) {
    const v = config[key]
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) fail(`"${key}" must be an object`)
  }
  for (const [name, module] of Object.entries((config.modules ?? {}) as Record<string, unknown>)) {
    if (!IDENTIFIER.test(name)) fail(`modules: "${name}" is not a valid entity name`)
    const m = module as Record<string, unknown> | null
    if (m === null || typeof m !== 'object' || typeof m.use !== 'string' || !MODULE_USES.has(m.use)) fail(`modules.${name}: give { use: 'auth' | 'oidc', inputs: { … } }`)
    if (m!.inputs !== undefined && (m!.inputs === null || typeof m!.inputs !== 'object')) fail(`modules.${name}.inputs must be an object`)
    for (const [key, input] of Object.entries((m!.inputs ?? {}) as Record<string, unknown>)) {
      // The config is data written into the page; a function cannot be.
      if (typeof input === 'function') fail(`modules.${name}.inputs.${key} is a function: give the action as "JSObject.fn" instead`)
    }
  }
  for (const [name, pkg] of Object.entries((config.libraries ?? {}) as Record<string, unknown>)) {
    if (!IDENTIFIER.test(name)) fail(`libraries: "${name}" is not a valid entity name`)
    if (typeof pkg !== 'string' || pkg === '') fail(`libraries.${name} must name an npm package`)
  }
  const datasources: Record<string, string> = {}
  for (const [name, url] of Object.entries((config.datasources ?? {}) as Record<string, unknown>)) {
    const override = process.env[`SMITHLET_DATASOURCE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`]
    const value = override ?? url
    if (typeof value !== 'string') fail(`datasources.${name} must be a base URL string`)
    datasources[name] = value as string
  }
  return { ...(config as unknown as AppConfig), ...(config.datasources === undefined ? {} : { datasources }) }
}

/**
 * Evaluates a JS file of the app folder (the config, a query file) in Node and returns
 * its default export. esbuild bundles it first, so it may use ESM syntax whatever the
 * surrounding package.json says, and a syntax error is reported with its position.
 */
async function importFile(file: string): Promise<unknown> {
  let code: string
  try {
    const result = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' })
    code = result.outputFiles[0]!.text
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors?.[0]
    if (first) throw new AppFolderError(`${basename(file)}: ${first.text}`, file, first.location?.line, first.location ? first.location.column + 1 : undefined)
    throw error
  }
  try {
    const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown }
    if (!('default' in module)) throw new AppFolderError(`${basename(file)}: it has no default export (write export default { … })`, file)
    return module.default
  } catch (error) {
    if (error instanceof AppFolderError) throw error
    throw new AppFolderError(`${basename(file)} failed to run: ${error instanceof Error ? error.message : String(error)}`, file)
  }
}

function parseJsonFile(text: string, file: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /position (\d+)/.exec(message)
    const pos = at ? lineColumn(text, Number(at[1])) : undefined
    throw new AppFolderError(`${basename(file)} is not valid JSON: ${message}`, file, pos?.line, pos?.column)
  }
}

function stringField(value: unknown, key: string, file: string): string {
  if (typeof value !== 'string') throw new AppFolderError(`page.json: "${key}" must be a string`, file)
  return value
}

function stringList(value: unknown, key: string, file: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new AppFolderError(`page.json: "${key}" must be a list of actions ("Query" or "JSObject.fn")`, file)
  return value as string[]
}

function rel(root: string, file: string): string {
  return relative(root, file).split('\\').join('/')
}

/** `file:line:col: message` (or `file: message`), the form `smithlet check` and the CLI print. */
export function formatAppFolderError(error: AppFolderError, cwd = process.cwd()): string {
  if (error.file === undefined) return error.message
  const where = relative(cwd, error.file) || error.file
  const pos = error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`
  return `${where}${pos}: ${error.message}`
}
