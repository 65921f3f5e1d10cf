/**
 * A built app ships only the icons it can show (src/build/app-icons.ts decides, the esbuild
 * plugin cuts widgets/icon-paths.ts): built as `smithlet build` builds it, an app whose
 * button names `add` carries the add path and not the others, an app with a name the
 * build cannot know carries every icon, an app without icons none. That the icons draw is
 * test/e2e/icons.test.ts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appBuildOptions } from '../../src/build/build-app'
import { loadAppFolder } from '../../src/build/app-folder'
import { appIcons } from '../../src/build/app-icons'
import { convertPage, type DslWidget } from '../../src/import/index'
import { ICON_PATHS } from '../../widgets/icon-paths'
import { BUTTON_APP, MINIMAL_APP, WIDGETS_APP, appFolder } from '../support/feature-apps'
import { icon as noIcon, iconPath as noIconPath } from '../../widgets/icons-none'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CONFIG = { 'smithlet.config.js': "export default { id: 'icons' }\n" }
/** Path data only one icon name (and its aliases) has. */
const ADD = ICON_PATHS.add!
const COG = ICON_PATHS.cog!
const HEART = ICON_PATHS.heart!

let tmp: string
let next = 0
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'smithlet-icons-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

const page = (html: string, more: Readonly<Record<string, string>> = {}): Record<string, string> => ({ ...CONFIG, 'pages/Home/index.html': html, ...more })

/** The app's JS, built as `smithlet build` builds it (minified). */
async function builtJs(files: Readonly<Record<string, string>>, dev = false): Promise<string> {
  const dir = await appFolder(join(tmp, `app${next++}`), files)
  const result = await build(appBuildOptions({ dir, outdir: join(dir, 'dist'), minify: true, write: false, dev }))
  expect(result.errors).toEqual([])
  return result.outputFiles!.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')
}

/** What the build decides for an app folder written from `files`. */
async function iconsOf(files: Readonly<Record<string, string>>): Promise<ReadonlySet<string> | 'all'> {
  const icons = appIcons(await loadAppFolder(await appFolder(join(tmp, `app${next++}`), files)))
  return icons === 'all' ? icons : new Set([...icons].sort())
}

const names = (...list: string[]): ReadonlySet<string> => new Set(list.sort())

describe('a built app ships only the icons it can show', () => {
  test('a button with icon-name="add" carries the add path, not the others', async () => {
    const text = await builtJs(page('<smith-button name="Add" text="Add" icon-name="add" on-click="{{ storeValue(\'n\', 1) }}"></smith-button>\n'))
    expect(text).toContain(ADD)
    expect(text).not.toContain(COG)
    expect(text).not.toContain(HEART)
    // The unknown-name dot is still there.
    expect(text).toContain('M12 11a1 1 0 1 0 0 2 1 1 0 0 0 0-2z')
  })

  test('a bound icon name carries every icon', async () => {
    const text = await builtJs(page('<smith-button name="B" text="B" icon-name="{{ appsmith.store.icon ?? \'add\' }}"></smith-button>\n'))
    for (const path of Object.values(ICON_PATHS)) expect(text).toContain(path)
  })

  test('an app without icon-bearing widgets, or with buttons without icons, carries none', async () => {
    for (const app of [MINIMAL_APP, BUTTON_APP, WIDGETS_APP]) {
      const text = await builtJs(app)
      for (const [name, path] of Object.entries(ICON_PATHS)) expect(text.includes(path), name).toBe(false)
      // Nor the SVG an icon draws, nor the unknown-name dot: widgets/icons-none.ts stands in.
      expect(text).not.toContain('viewBox="0 0 24 24"')
      expect(text).not.toContain('M12 11a1 1 0 1 0 0 2 1 1 0 0 0 0-2z')
    }
    expect(await builtJs(BUTTON_APP)).toContain('this build has no icons')
  })

  test('where the build found no icon, asking for one is an error naming it', () => {
    expect(() => noIcon('add')).toThrow('this build has no icons (smithlet build found no icon name on the app\'s pages), yet a widget asked for "add"')
    expect(() => noIconPath('cog')).toThrow(/asked for "cog"/)
  })

  test('a development build keeps every icon (its devtools evaluate text the build never saw)', async () => {
    const text = await builtJs(page('<smith-button name="Add" text="Add" icon-name="add"></smith-button>\n'), true)
    expect(text).toContain(COG)
  })

  test('the plain entries import the whole table', async () => {
    const result = await build({ stdin: { contents: "export * from './widgets/index'\n", resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'esm', logLevel: 'silent' })
    for (const path of [ADD, COG, HEART]) expect(result.outputFiles![0]!.text).toContain(path)
  })
})

describe('which icon names the build reads', () => {
  test('icon-name on buttons, icon buttons, menu buttons and items; the icon button default and the menu arrow', async () => {
    expect(await iconsOf(page(`<smith-icon-button name="I1"></smith-icon-button>
<smith-icon-button name="I2" icon-name="refresh"></smith-icon-button>
<smith-menu-button name="M" label="M" icon-name="menu">
  <smith-menu-item label="Edit" icon-name="edit"></smith-menu-item>
  <smith-menu-item label="Plain"></smith-menu-item>
</smith-menu-button>
<smith-list name="L" list-data="{{ [1] }}"><template><smith-button text="x" icon-name="star"></smith-button></template></smith-list>
<smith-text name="T" text="an icon-name elsewhere is not an icon" icon-name="heart"></smith-text>
`))).toEqual(names('plus', 'refresh', 'menu', 'chevron-down', 'edit', 'star'))
  })

  test("a table's columns: JSON, and one binding of object literals (as the importer writes it)", async () => {
    const json = JSON.stringify([{ key: 'a', type: 'button', iconName: 'trash' }, { key: 'b', label: 'iconName is a word here' }])
    expect(await iconsOf(page(`<smith-table name="T1" columns='[{"key":"a","type":"button","iconName":"trash"}]'></smith-table>`))).toEqual(names('trash'))
    expect(await iconsOf(page(`<smith-table name="T1" columns='{{[{"key":"a","type":"button","iconName":"trash"}, {"key":"b", values: (T1.processedTableData.map((r) => r.b))}]}}'></smith-table>`))).toEqual(names('trash'))
    // A label that mentions the name is text the build will not trust in code; in JSON it is data.
    expect(await iconsOf(page(`<smith-table name="T1" columns='${json}'></smith-table>`))).toEqual(names('trash'))
  })

  test('names the build cannot know: every icon', async () => {
    const all = [
      '<smith-menu-item label="x" icon-name="<< appsmith.store.icon >>"></smith-menu-item>',
      '<smith-icon-button name="I" icon-name="{{ Pick.icon }}"></smith-icon-button>',
      '<smith-table name="T1" columns="{{ Cols.list() }}"></smith-table>',
      '<smith-table name="T1" columns="{{ [{ key: \'a\', iconName: Pick.icon }] }}"></smith-table>',
      '<smith-table name="T1" columns="{{ [{ key: \'a\', ...Pick.column }] }}"></smith-table>',
      '<smith-table name="T1" columns="{{ [{ key: \'a\', [\'icon\' + \'Name\']: \'cog\' }] }}"></smith-table>',
      '<smith-table name="T1" columns="{{ [{ key: \'a\', __proto__: Pick.column }] }}"></smith-table>',
      '<smith-table name="T1" columns="{{ [{ key: \'a\', label: (T1.columns[0].iconName = \'cog\') }] }}"></smith-table>',
      '<smith-table name="T1" columns="[not json"></smith-table>',
      '<smith-button name="B" text="B" on-click="{{ B.setIconName(\'cog\') }}"></smith-button>',
    ]
    for (const html of all) expect(await iconsOf(page(html)), html).toBe('all')
    // A JS object or a query that names iconName may build or set one.
    const js = { 'js/Pick.js': "export default { column: () => ({ key: 'a', iconName: 'cog' }) }\n" }
    expect(await iconsOf(page('<smith-button name="B" text="B" icon-name="add"></smith-button>', js))).toBe('all')
    const query = { 'queries/cols.json': '{ "url": "cols.json", "body": "{{ { iconName: 1 } }}" }\n' }
    expect(await iconsOf(page('<smith-button name="B" text="B" icon-name="add"></smith-button>', query))).toBe('all')
  })

  test('an imported Appsmith page goes through the same folder format: group buttons, menu items, icon columns', async () => {
    const widgets = [
      {
        type: 'BUTTON_GROUP_WIDGET', widgetName: 'Group1', orientation: 'horizontal', leftColumn: 0, rightColumn: 24, topRow: 0, bottomRow: 4,
        groupButtons: {
          b1: { label: 'Favorite', iconName: 'heart', id: 'b1', buttonType: 'SIMPLE', index: 0, menuItems: {} },
          b2: { label: 'More', iconName: 'more', id: 'b2', buttonType: 'MENU', index: 1, menuItems: { m1: { label: 'Export', iconName: 'export', id: 'm1', index: 0 } } },
        },
      },
      {
        type: 'TABLE_WIDGET_V2', widgetName: 'Table1', leftColumn: 0, rightColumn: 64, topRow: 5, bottomRow: 40, tableData: '{{[{"id": 1}]}}',
        primaryColumns: {
          id: { index: 0, label: 'id', columnType: 'number', computedValue: '{{Table1.processedTableData.map((currentRow, currentIndex) => ( currentRow["id"]))}}' },
          trash: { index: 1, label: 'Trash', columnType: 'iconButton', iconName: 'trash', onClick: "{{storeValue('t', 1)}}" },
        },
      },
    ]
    const { html } = convertPage('Home', { type: 'CANVAS_WIDGET', widgetName: 'MainContainer', children: widgets } as unknown as DslWidget)
    expect(html).toContain('&quot;iconName&quot;:&quot;trash&quot;')
    expect(await iconsOf(page(html))).toEqual(names('heart', 'more', 'chevron-down', 'export', 'trash'))
  })

  test('every widget module that draws icons is one the build reads (a new one must be added to src/build/app-icons.ts)', async () => {
    const users: string[] = []
    for (const file of await readdir(join(ROOT, 'widgets'), { recursive: true })) {
      if (!file.endsWith('.ts') || file === 'icons.ts') continue
      if (/from '\.\/icons'|from '\.\.\/icons'|icon-paths'/.test(await readFile(join(ROOT, 'widgets', file), 'utf8'))) users.push(file)
    }
    expect(users.sort()).toEqual(['button.ts', 'icon-button.ts', 'menu-button.ts', 'table-columns.ts'])
  })
})
