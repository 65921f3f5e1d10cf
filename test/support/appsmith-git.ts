/**
 * Writes a Git-connected Appsmith app folder from an export, as Appsmith's Git sync lays
 * it out: application.json, metadata.json, theme.json, pages/<Page>/<Page>.json (no DSL),
 * pages/<Page>/widgets/** one file per widget with its parentId, jsobjects/<Name>/<Name>.js
 * + metadata.json, queries/<name>/metadata.json + <name>.txt, datasources/*.json (no URL).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Json = Record<string, any>

export function writeGitLayout(exportFile: string, dir: string): void {
  const app = JSON.parse(readFileSync(exportFile, 'utf8')) as Json
  const write = (path: string, value: unknown): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  }
  write('application.json', app.exportedApplication)
  write('metadata.json', { artifactJsonType: 'APPLICATION', fileFormatVersion: 5 })
  write('theme.json', app.publishedTheme ?? {})
  for (const entry of app.pageList) {
    const page = entry.unpublishedPage
    const name = page.name as string
    const { dsl, ...layout } = page.layouts[0]
    write(`pages/${name}/${name}.json`, { ...entry, unpublishedPage: { ...page, layouts: [layout] } })
    const flat = (w: Json, parentId?: string): void => {
      const { children, ...own } = w
      const path = parentId === undefined ? 'widgets/MainContainer.json' : `widgets/${own.widgetName}.json`
      write(`pages/${name}/${path}`, { ...own, ...(parentId === undefined ? {} : { parentId }) })
      for (const c of children ?? []) flat(c, own.widgetId)
    }
    flat(dsl)
    for (const c of app.actionCollectionList.filter((x: Json) => x.unpublishedCollection.pageId === name)) {
      const { body, ...rest } = c.unpublishedCollection
      write(`pages/${name}/jsobjects/${rest.name}/${rest.name}.js`, body)
      write(`pages/${name}/jsobjects/${rest.name}/metadata.json`, { ...c, unpublishedCollection: rest })
    }
    for (const a of app.actionList.filter((x: Json) => x.unpublishedAction.pageId === name && x.pluginType !== 'JS')) {
      const u = a.unpublishedAction
      const { body, ...config } = u.actionConfiguration
      const { datasourceConfiguration: _url, ...datasource } = u.datasource ?? {}
      write(`pages/${name}/queries/${u.name}/metadata.json`, { ...a, unpublishedAction: { ...u, datasource, actionConfiguration: config } })
      if (typeof body === 'string') write(`pages/${name}/queries/${u.name}/${u.name}.txt`, body)
      write(`datasources/${datasource.name}.json`, { name: datasource.name, pluginId: datasource.pluginId })
    }
  }
  mkdirSync(join(dir, 'jslibs'), { recursive: true })
  for (const lib of app.customJSLibList ?? []) write(`jslibs/${lib.name}.json`, lib)
}
