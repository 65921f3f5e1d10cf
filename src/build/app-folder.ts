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
 * there is one) and what to do; the loader never guesses past a broken file. This file
 * walks the folder and its pages; the config is checked in ./app-config.ts, the JS object,
 * query and CSS files are found in ./entity-files.ts.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { lineColumn } from '../scan'
import { CONFIG_FILE, IDENTIFIER, importFile, validateConfig, type AppConfig } from './app-config'
import { AppFolderError, parseJsonFile, rel } from './app-folder-error'
import { cssFiles, jsObjectFiles, queryFiles, type EntityFile, type QueryFile } from './entity-files'
import { widgetElements } from './html'
import type { WidgetElement } from './html'

// The folder's parts by the names the tools import them from here: the config
// (./app-config.ts), the entity files (./entity-files.ts) and the errors (./app-folder-error.ts).
export { CONFIG_FILE, type AppConfig, type ModuleConfig } from './app-config'
export { AppFolderError, formatAppFolderError } from './app-folder-error'
export type { EntityFile, QueryFile } from './entity-files'

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

const PAGE_KEYS = new Set(['title', 'pageLoad', 'onPageUnload'])
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

function stringField(value: unknown, key: string, file: string): string {
  if (typeof value !== 'string') throw new AppFolderError(`page.json: "${key}" must be a string`, file)
  return value
}

function stringList(value: unknown, key: string, file: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new AppFolderError(`page.json: "${key}" must be a list of actions ("Query" or "JSObject.fn")`, file)
  return value as string[]
}
