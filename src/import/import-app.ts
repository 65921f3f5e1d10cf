/**
 * `importApp(source, dir, options)`: an Appsmith export or Git-connected folder → a
 * smithlet app folder (see HELPERS/DESIGN: smithlet.config.js, pages/<Page>/index.html,
 * page.json, the page's layout stylesheet, js/ and queries/), and the import report.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertAction, jsObjectFile, pageActions, type DatasourceRef, type QueryFileContent } from './actions'
import { importLibraries, type LibraryReport } from './libraries'
import { convertPage, type PageStats } from './page'
import { readSource, type SourceApp } from './source'

/** Options of {@link importApp}. */
export interface ImportOptions {
  /** Base URLs by datasource (Appsmith's name or the config key): a Git app has none of its own. */
  readonly datasources?: Readonly<Record<string, string>>
  /** Install custom JS libraries from npm into the app folder (default false). */
  readonly installLibraries?: boolean
  /** The npm registry to install them from (default: npm's own setting). */
  readonly registry?: string
  /** The app id (names its IndexedDB store). Default: from the app's name. */
  readonly id?: string
}

/** What the import found on one page. */
export interface PageReport {
  readonly page: string
  readonly widgets: PageStats
  readonly jsObjects: readonly string[]
  readonly queries: readonly string[]
  /** Queries that cannot run in a browser, by plugin. */
  readonly notRunnable: Readonly<Record<string, readonly string[]>>
  readonly pageLoad: readonly string[]
  readonly onPageUnload: readonly string[]
}

/** The import report. */
export interface ImportReport {
  readonly format: SourceApp['format']
  readonly app: string
  readonly dir: string
  readonly pages: readonly PageReport[]
  /** Datasources: config key → base URL, and whether the source gave it. */
  readonly datasources: ReadonlyArray<{ key: string; url: string; fromSource: boolean; appsmithName: string }>
  readonly libraries: readonly LibraryReport[]
  /** Anything else the person should know. */
  readonly notes: readonly string[]
}

const IDENT = /^[A-Za-z_$][\w$]*$/
/** Where a datasource with no URL points until it is configured: a name that never resolves. */
export const MISSING_DATASOURCE_URL = 'https://datasource-url-not-set.invalid'

/** A page folder name: Appsmith allows spaces and more; smithlet's are URL segments. */
export function pageFolderName(name: string): string {
  const cleaned = name.trim().replace(/[^\w.~-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '')
  return cleaned === '' ? 'Page' : cleaned
}

/** Imports `source` into `dir` (created; files there are overwritten). */
export async function importApp(source: string, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const app = await readSource(source)
  return writeApp(app, dir, options)
}

/** Writes an already read app (tests build sources in memory). */
export async function writeApp(app: SourceApp, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  await mkdir(dir, { recursive: true })
  const notes: string[] = []
  const datasources = new Map<string, DatasourceRef>()
  const pageReports: PageReport[] = []
  const folders = new Map<string, string>()
  for (const page of app.pages) {
    let folder = pageFolderName(page.name)
    for (let n = 2; [...folders.values()].includes(folder); n++) folder = `${pageFolderName(page.name)}_${n}`
    folders.set(page.name, folder)
  }

  for (const page of app.pages) {
    const folder = folders.get(page.name)!
    const pageDir = join(dir, 'pages', folder)
    await mkdir(pageDir, { recursive: true })
    const converted = convertPage(folder, page.dsl)
    await writeFile(join(pageDir, 'index.html'), converted.html)
    await writeFile(join(pageDir, 'layout.css'), converted.css)
    for (const note of converted.notes) notes.push(`page ${page.name}: ${note}`)

    const jsObjects: string[] = []
    for (const collection of app.collections.filter((c) => c.page === page.name)) {
      if (!IDENT.test(collection.name)) {
        notes.push(`page ${page.name}: the JS object "${collection.name}" has a name smithlet cannot use; left out`)
        continue
      }
      await mkdir(join(pageDir, 'js'), { recursive: true })
      await writeFile(join(pageDir, 'js', `${collection.name}.js`), jsObjectFile(collection))
      jsObjects.push(collection.name)
    }

    const queries: string[] = []
    const notRunnable: Record<string, string[]> = {}
    for (const action of app.actions.filter((a) => a.page === page.name && a.pluginType !== 'JS')) {
      if (!IDENT.test(action.name)) {
        notes.push(`page ${page.name}: the query "${action.name}" has a name smithlet cannot use; left out`)
        continue
      }
      const query: QueryFileContent = convertAction(action, datasources)
      await mkdir(join(pageDir, 'queries'), { recursive: true })
      await writeFile(join(pageDir, 'queries', `${action.name}.json`), JSON.stringify(query, null, 2) + '\n')
      if (query.plugin !== undefined) (notRunnable[query.plugin] ??= []).push(action.name)
      else queries.push(action.name)
    }

    const { pageLoad, onPageUnload } = pageActions(page, app.actions, new Map())
    const known = new Set([...queries, ...Object.values(notRunnable).flat()])
    const keptLoad = pageLoad.filter((id) => {
      const [entity, fn] = id.split('.')
      const ok = fn === undefined ? known.has(entity!) : jsObjects.includes(entity!)
      if (!ok) notes.push(`page ${page.name}: the page-load action "${id}" was not imported; left out of page load`)
      return ok
    })
    const pageJson: Record<string, unknown> = {}
    if (folder !== page.name) pageJson.title = page.name
    if (keptLoad.length > 0) pageJson.pageLoad = keptLoad
    if (onPageUnload.length > 0) pageJson.onPageUnload = onPageUnload
    if (Object.keys(pageJson).length > 0) await writeFile(join(pageDir, 'page.json'), JSON.stringify(pageJson, null, 2) + '\n')
    for (const names of Object.values(notRunnable)) names.sort()
    pageReports.push({ page: page.name, widgets: converted.stats, jsObjects: jsObjects.sort(), queries: queries.sort(), notRunnable, pageLoad: keptLoad, onPageUnload })
  }

  const dsReport: Array<{ key: string; url: string; fromSource: boolean; appsmithName: string }> = []
  const configDatasources: Record<string, string> = {}
  for (const ds of datasources.values()) {
    const given = options.datasources?.[ds.key] ?? options.datasources?.[ds.appsmithName]
    const url = given ?? ds.url
    if (url === undefined) {
      notes.push(`datasource ${ds.appsmithName}: the source has no URL; set it with --datasource ${ds.appsmithName}=URL, in smithlet.config.js (datasources.${ds.key}) or SMITHLET_DATASOURCE_${ds.key.toUpperCase()}`)
    }
    configDatasources[ds.key] = url ?? MISSING_DATASOURCE_URL
    dsReport.push({ key: ds.key, url: configDatasources[ds.key]!, fromSource: given === undefined && ds.url !== undefined, appsmithName: ds.appsmithName })
  }

  const { libraries, report: libReport } = await importLibraries(app.libraries, dir, { install: options.installLibraries, registry: options.registry })

  const id = options.id ?? (app.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'appsmith-app')
  const config: Record<string, unknown> = { id, title: app.name, pages: app.pages.map((p) => folders.get(p.name)!) }
  if (app.theme !== undefined) config.theme = app.theme
  if (Object.keys(configDatasources).length > 0) config.datasources = configDatasources
  if (Object.keys(libraries).length > 0) config.libraries = libraries
  await writeFile(
    join(dir, 'smithlet.config.js'),
    `// Imported from the Appsmith app ${JSON.stringify(app.name)} by smithlet import.\nexport default ${JSON.stringify(config, null, 2)}\n`,
  )
  return { format: app.format, app: app.name, dir, pages: pageReports, datasources: dsReport, libraries: libReport, notes }
}
