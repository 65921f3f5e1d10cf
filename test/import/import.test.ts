import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadAppFolder } from '../../src/build/app-folder'
import { formatReport, importApp, ImportSourceError } from '../../src/import/index'
import { writeGitLayout } from '../support/appsmith-git'

const APPS = join(import.meta.dirname, '../../../shared/appsmith-apps')
const work = mkdtempSync(join(tmpdir(), 'smithlet-import-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const exports = readdirSync(APPS).filter((f) => f.endsWith('.json')).sort()

describe('importing the shared Appsmith exports', () => {
  it.each(exports)('%s becomes an app folder smithlet loads', async (file) => {
    const dir = join(work, file.replace(/\.json$/, ''))
    const report = await importApp(join(APPS, file), dir)
    const folder = await loadAppFolder(dir)
    expect(folder.pages.map((p) => p.name)).toEqual(report.pages.map((p) => p.page))
    for (const page of folder.pages) {
      expect(page.html).not.toMatch(/style=/)
      expect(page.styles.some((s) => s.endsWith('layout.css'))).toBe(true)
    }
    expect(formatReport(report)).toContain('page ')
  })

  it('reports what maps: DeleteGitRepos (table, button, REST, JS, page load)', async () => {
    const report = await importApp(join(APPS, 'DeleteGitRepos.json'), join(work, 'dgr'))
    const [page] = report.pages
    expect(page).toMatchObject({ page: 'Page1', jsObjects: ['JSObject1'], queries: ['Delete_repos', 'Gitea_getallrepos'], pageLoad: ['Gitea_getallrepos'] })
    expect(page!.widgets.mapped).toEqual({ 'smith-table': 1, 'smith-button': 1 })
    expect(page!.widgets.placeholders).toEqual({})
    expect(report.datasources).toEqual([{ key: 'api_35_154_225_218_3000', url: 'http://35.154.225.218:3000', fromSource: true, appsmithName: 'http://35.154.225.218:3000' }])
    const query = JSON.parse(readFileSync(join(work, 'dgr/pages/Page1/queries/Delete_repos.json'), 'utf8'))
    expect(query).toMatchObject({ method: 'DELETE', datasource: 'api_35_154_225_218_3000', url: '/api/v1/repos/CI-Gitea/{{JSObject1.myFun1.data}}' })
  })

  it('reports placeholders by type, non-REST plugins and custom libraries', async () => {
    const modal = await importApp(join(APPS, 'modalWidgetTestApp.json'), join(work, 'modal'))
    expect(modal.pages[0]!.widgets.placeholders).toEqual({})
    expect(modal.pages[0]!.widgets.mapped).toMatchObject({ "smith-list": 2, "smith-json-form": 2 })
    expect(modal.pages[0]!.widgets.mapped['smith-modal']).toBe(5)
    const partial = await importApp(join(APPS, 'PartialImportExportSampleApp.json'), join(work, 'partial'))
    expect(partial.pages[0]!.notRunnable).toEqual({ 'postgres-plugin': ['DeleteQuery', 'InsertQuery', 'SelectQuery', 'UpdateQuery'] })
    expect(partial.pages[0]!.pageLoad).toEqual(['SelectQuery'])
    expect(partial.libraries).toEqual([expect.objectContaining({ name: 'jsonwebtoken', version: '8.5.1', installed: false })])
    expect(formatReport(partial)).toContain('not runnable in a browser: postgres-plugin 4')
  })

  it('a Git-connected folder (widgets one file per widget) imports the same, datasource URL from --datasource', async () => {
    const git = join(work, 'git-src')
    writeGitLayout(join(APPS, 'DeleteGitRepos.json'), git)
    const fromExport = await importApp(join(APPS, 'DeleteGitRepos.json'), join(work, 'from-export'))
    const withoutUrl = await importApp(git, join(work, 'from-git-nourl'))
    expect(withoutUrl.format).toBe('git')
    expect(withoutUrl.notes.join('\n')).toMatch(/has no URL; set it with --datasource/)
    const report = await importApp(git, join(work, 'from-git'), { datasources: { 'http://35.154.225.218:3000': 'http://127.0.0.1:9/' } })
    expect(report.pages[0]!.widgets).toEqual(fromExport.pages[0]!.widgets)
    expect(report.pages[0]!.queries).toEqual(fromExport.pages[0]!.queries)
    expect(report.pages[0]!.pageLoad).toEqual(['Gitea_getallrepos'])
    expect(report.datasources[0]).toMatchObject({ url: 'http://127.0.0.1:9/', fromSource: false })
    expect(readFileSync(join(work, 'from-git/pages/Page1/index.html'), 'utf8')).toBe(readFileSync(join(work, 'from-export/pages/Page1/index.html'), 'utf8'))
    await loadAppFolder(join(work, 'from-git'))
  })

  it('a source that cannot be read is an ImportSourceError naming it', async () => {
    await expect(importApp(join(work, 'nope.json'), join(work, 'x'))).rejects.toBeInstanceOf(ImportSourceError)
    await expect(importApp(join(APPS, 'README.md'), join(work, 'y'))).rejects.toThrow(/is not an Appsmith export/)
  })
})
