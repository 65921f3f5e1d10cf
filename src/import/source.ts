/**
 * Reads an Appsmith app in either of its two formats into one shape:
 *
 * - an **export** (`exportedApplication`, `pageList[].unpublishedPage.layouts[].dsl`,
 *   `actionList`, `actionCollectionList`, `publishedTheme`/`editModeTheme`,
 *   `customJSLibList`, `datasourceList`);
 * - a **Git-connected folder** (`application.json`, `metadata.json`, `theme.json`,
 *   `pages/<Page>/<Page>.json` with the DSL in it or in `canvas.json`, or newer
 *   `pages/<Page>/widgets/**` one file per widget rebuilt by `parentId`,
 *   `pages/<Page>/jsobjects/<Name>/<Name>.js` + `metadata.json`,
 *   `pages/<Page>/queries/<name>/metadata.json` + a `.txt` body, `datasources/*.json`,
 *   `jslibs/*.json`). Git folders carry no datasource URLs.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'

/** An Appsmith widget as its DSL holds it (only what the importer reads is typed). */
export interface DslWidget {
  readonly type: string
  readonly widgetName: string
  readonly widgetId?: string
  readonly parentId?: string
  readonly leftColumn?: number
  readonly rightColumn?: number
  readonly topRow?: number
  readonly bottomRow?: number
  readonly parentRowSpace?: number
  readonly children?: readonly DslWidget[]
  readonly dynamicTriggerPathList?: ReadonlyArray<{ key: string }>
  readonly dynamicBindingPathList?: ReadonlyArray<{ key: string }>
  readonly [key: string]: unknown
}

/** One entry of `layoutOnLoadActions`. */
export interface OnLoadAction {
  readonly name: string
  readonly pluginType?: string
  readonly collectionId?: string
  readonly fullyQualifiedName?: string
}

/** A page: its name, DSL and Appsmith's page-load order (levels). */
export interface SourcePage {
  readonly name: string
  readonly dsl: DslWidget
  readonly onLoad: readonly (readonly OnLoadAction[])[]
}

/** An action (a query or a JS function) as `unpublishedAction` holds it. */
export interface SourceAction {
  readonly pluginType: string
  readonly pluginId: string
  readonly page: string
  readonly name: string
  readonly fullyQualifiedName?: string
  readonly collectionId?: string
  readonly datasource?: { readonly name?: string; readonly pluginId?: string; readonly datasourceConfiguration?: { readonly url?: string } }
  readonly actionConfiguration: Readonly<Record<string, unknown>>
  readonly runBehaviour?: string
  readonly executeOnLoad?: boolean
}

/** A JS collection (JS object). */
export interface SourceCollection {
  readonly page: string
  readonly name: string
  readonly body: string
}

/** A custom JS library (`customJSLibList` / `jslibs`). */
export interface SourceLibrary {
  readonly name: string
  readonly version?: string
  readonly accessor: readonly string[]
  readonly url?: string
}

/** An Appsmith app, whichever format it came in. */
export interface SourceApp {
  readonly format: 'export' | 'git'
  readonly name: string
  readonly pages: readonly SourcePage[]
  readonly actions: readonly SourceAction[]
  readonly collections: readonly SourceCollection[]
  /** The theme's `properties` (colors, borderRadius, boxShadow, fontFamily), when the source has them. */
  readonly theme: Readonly<Record<string, unknown>> | undefined
  readonly themeName: string | undefined
  readonly libraries: readonly SourceLibrary[]
}

/** A source that cannot be read: the message names the file and what is wrong. */
export class ImportSourceError extends Error {
  override readonly name = 'ImportSourceError'
}

type Json = Record<string, unknown>

/** Reads an export JSON file or a Git-connected app folder. Rejects with an {@link ImportSourceError}. */
export async function readSource(path: string): Promise<SourceApp> {
  if (!existsSync(path)) throw new ImportSourceError(`${path} does not exist: give an Appsmith export (.json) or a Git-connected app folder`)
  if ((await stat(path)).isDirectory()) return readGitFolder(path)
  return readExport(await readJson(path))
}

async function readJson(file: string): Promise<Json> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new ImportSourceError(`cannot read ${file}: ${(error as Error).message}`)
  }
  try {
    const value = JSON.parse(text) as unknown
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('it does not hold an object')
    return value as Json
  } catch (error) {
    throw new ImportSourceError(`${file} is not an Appsmith export: ${(error as Error).message}`)
  }
}

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The export format. */
export function readExport(json: Json): SourceApp {
  if (!Array.isArray(json.pageList)) throw new ImportSourceError('not an Appsmith export: it has no pageList')
  const app = obj(json.exportedApplication)
  const pages: SourcePage[] = []
  const pageNames = new Map<string, string>() // page id / name → name
  for (const entry of json.pageList as unknown[]) {
    const page = obj(obj(entry).unpublishedPage)
    const name = str(page.name)
    const layout = obj(list(page.layouts)[0])
    if (name === undefined || layout.dsl === undefined) continue
    pageNames.set(name, name)
    const id = str(obj(entry).id) ?? str(obj(entry).gitSyncId)
    if (id !== undefined) pageNames.set(id, name)
    pages.push({ name, dsl: layout.dsl as DslWidget, onLoad: onLoadLevels(layout.layoutOnLoadActions) })
  }
  const pageOf = (id: unknown): string => pageNames.get(String(id)) ?? String(id)
  const actions = list(json.actionList).map((a) => action(obj(a), pageOf)).filter((a): a is SourceAction => a !== null)
  const collections = list(json.actionCollectionList).flatMap((c): SourceCollection[] => {
    const u = obj(obj(c).unpublishedCollection)
    const name = str(u.name)
    const body = str(u.body)
    return name && body !== undefined ? [{ page: pageOf(u.pageId), name, body }] : []
  })
  const theme = obj(json.publishedTheme ?? json.editModeTheme)
  return {
    format: 'export',
    name: str(app.name) ?? 'Appsmith app',
    pages,
    actions,
    collections,
    theme: theme.properties === undefined ? undefined : obj(theme.properties),
    themeName: str(theme.name),
    libraries: list(json.customJSLibList).map((l) => library(obj(l))),
  }
}

function onLoadLevels(value: unknown): OnLoadAction[][] {
  return list(value).map((level) => list(level).map((a) => obj(a) as unknown as OnLoadAction).filter((a) => typeof a.name === 'string'))
}

function action(a: Json, pageOf: (id: unknown) => string): SourceAction | null {
  const u = obj(a.unpublishedAction)
  const name = str(u.name)
  if (name === undefined) return null
  return {
    pluginType: str(a.pluginType) ?? str(u.pluginType) ?? '',
    pluginId: str(a.pluginId) ?? str(obj(u.datasource).pluginId) ?? '',
    page: pageOf(u.pageId),
    name,
    fullyQualifiedName: str(u.fullyQualifiedName),
    collectionId: str(u.collectionId),
    datasource: obj(u.datasource) as SourceAction['datasource'],
    actionConfiguration: obj(u.actionConfiguration),
    runBehaviour: str(u.runBehaviour),
    executeOnLoad: typeof u.executeOnLoad === 'boolean' ? u.executeOnLoad : undefined,
  }
}

function library(l: Json): SourceLibrary {
  return { name: str(l.name) ?? 'library', version: str(l.version), accessor: list(l.accessor).filter((x): x is string => typeof x === 'string'), url: str(l.url) }
}

/** The Git format. */
async function readGitFolder(dir: string): Promise<SourceApp> {
  if (!existsSync(join(dir, 'application.json')) && !existsSync(join(dir, 'pages'))) {
    throw new ImportSourceError(`${dir} is not a Git-connected Appsmith app: it has neither application.json nor pages/`)
  }
  const app = existsSync(join(dir, 'application.json')) ? await readJson(join(dir, 'application.json')) : {}
  const themeFile = join(dir, 'theme.json')
  const theme = existsSync(themeFile) ? await readJson(themeFile) : {}
  const pagesDir = join(dir, 'pages')
  const pages: SourcePage[] = []
  const actions: SourceAction[] = []
  const collections: SourceCollection[] = []
  for (const folder of existsSync(pagesDir) ? (await readdir(pagesDir)).sort() : []) {
    const pageDir = join(pagesDir, folder)
    if (!(await stat(pageDir)).isDirectory()) continue
    const pageFile = join(pageDir, `${folder}.json`)
    const meta = existsSync(pageFile) ? await readJson(pageFile) : {}
    const unpublished = obj(meta.unpublishedPage)
    const name = str(unpublished.name) ?? folder
    const layout = obj(list(unpublished.layouts)[0])
    let dsl = layout.dsl as DslWidget | undefined
    if (dsl === undefined && existsSync(join(pageDir, 'canvas.json'))) dsl = (await readJson(join(pageDir, 'canvas.json'))) as unknown as DslWidget
    if (dsl === undefined && existsSync(join(pageDir, 'widgets'))) dsl = rebuildTree(await jsonFilesUnder(join(pageDir, 'widgets')))
    if (dsl === undefined) throw new ImportSourceError(`${pageFile}: the page has no layout (no dsl, canvas.json or widgets/)`)
    pages.push({ name, dsl, onLoad: onLoadLevels(layout.layoutOnLoadActions) })

    const queriesDir = join(pageDir, 'queries')
    for (const q of existsSync(queriesDir) ? (await readdir(queriesDir)).sort() : []) {
      const metaFile = join(queriesDir, q, 'metadata.json')
      if (!existsSync(metaFile)) continue
      const a = await readJson(metaFile)
      const u = obj(a.unpublishedAction)
      const config = { ...obj(u.actionConfiguration) }
      const bodyFile = (await readdir(join(queriesDir, q))).find((f) => extname(f) === '.txt')
      if (bodyFile !== undefined) config.body = await readFile(join(queriesDir, q, bodyFile), 'utf8')
      const read = action({ ...a, unpublishedAction: { ...u, actionConfiguration: config } }, () => name)
      if (read) actions.push({ ...read, page: name })
    }
    const jsDir = join(pageDir, 'jsobjects')
    for (const js of existsSync(jsDir) ? (await readdir(jsDir)).sort() : []) {
      const source = join(jsDir, js, `${js}.js`)
      if (!existsSync(source)) continue
      const metaFile = join(jsDir, js, 'metadata.json')
      const m = existsSync(metaFile) ? obj((await readJson(metaFile)).unpublishedCollection) : {}
      collections.push({ page: name, name: str(m.name) ?? js, body: await readFile(source, 'utf8') })
    }
  }
  const libs: SourceLibrary[] = []
  const libsDir = join(dir, 'jslibs')
  for (const f of existsSync(libsDir) ? (await readdir(libsDir)).sort() : []) {
    if (extname(f) === '.json') libs.push(library(await readJson(join(libsDir, f))))
  }
  return {
    format: 'git',
    name: str(obj(app).name) ?? basename(dir),
    pages,
    actions,
    collections,
    theme: theme.properties === undefined ? undefined : obj(theme.properties),
    themeName: str(theme.name),
    libraries: libs,
  }
}

async function jsonFilesUnder(dir: string): Promise<Json[]> {
  const out: Json[] = []
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await jsonFilesUnder(path)))
    else if (extname(entry.name) === '.json') out.push(await readJson(path))
  }
  return out
}

/** One widget per file → the DSL tree, by `parentId` (the root is the one without a known parent). */
export function rebuildTree(widgets: readonly Json[]): DslWidget {
  const byId = new Map<string, Json & { children: Json[] }>()
  for (const w of widgets) byId.set(String(w.widgetId), { ...w, children: [] })
  let root: (Json & { children: Json[] }) | undefined
  for (const w of byId.values()) {
    const parent = w.parentId === undefined ? undefined : byId.get(String(w.parentId))
    if (parent !== undefined && parent !== w) parent.children.push(w)
    else if (root === undefined || w.widgetId === '0') root = w
  }
  if (root === undefined) throw new ImportSourceError('the page has no widgets')
  return root as unknown as DslWidget
}
