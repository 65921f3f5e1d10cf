/**
 * Which icons (widgets/icon-paths.ts) an app folder's build ships: the names its pages
 * write statically where a widget draws an icon, or every icon when some name is not
 * known at build time. The esbuild plugin (./esbuild-plugin.ts) then gives the bundle an
 * icon table of those names only.
 *
 * Where icon names come from (each widget that imports widgets/icons.ts):
 * - `icon-name` on `<smith-button>`, `<smith-icon-button>`, `<smith-menu-button>` and
 *   `<smith-menu-item>` (a button group's buttons are such child elements); the icon
 *   button draws `plus` by default, the menu button its `chevron-down`;
 * - `iconName` in the entries of a `<smith-table>`'s `columns`: JSON, or (as the importer
 *   writes it) one binding whose code is an array of object literals.
 *
 * Anything that may name an icon the build cannot read — a binding in `icon-name`, a
 * `columns` computed otherwise, or code elsewhere that mentions `iconName` (a JS object,
 * a query, another binding or trigger, which could set or build one) — ships every icon:
 * a name in the table never draws as the dot because the build left it out.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'acorn'
import { isBoundAttribute } from '../widget-contract'
import { parseTemplate } from '../template'
import type { AppFolder } from './app-folder'
import type { WidgetElement } from './html'

/** The icon names an app can show, or `'all'` when the build cannot tell. */
export type AppIcons = ReadonlySet<string> | 'all'

/** Widgets whose `icon-name` attribute names the icon they draw. */
const ICON_NAME_TAGS: ReadonlySet<string> = new Set(['smith-button', 'smith-icon-button', 'smith-menu-button', 'smith-menu-item'])
/** Icons a widget draws whatever its attributes say: the icon button's default, the menu button's arrow. */
const DRAWN_BY_TAG: Readonly<Record<string, string>> = { 'smith-icon-button': 'plus', 'smith-menu-button': 'chevron-down' }
/** Any text that could name the property (`iconName`, `setIconName`, `"iconname"`). */
const MENTIONS_ICON_NAME = /iconname/gi

/** Thrown inside the walk when a name cannot be known; turned into `'all'`. */
class Unknown extends Error {}

/** Per loaded folder (a rebuild loads a new one): the build asks for the icon table and for the icons module. */
const found = new WeakMap<AppFolder, AppIcons>()

/** The icons `folder` can show. */
export function appIcons(folder: AppFolder): AppIcons {
  let icons = found.get(folder)
  if (icons === undefined) found.set(folder, (icons = findIcons(folder)))
  return icons
}

function findIcons(folder: AppFolder): AppIcons {
  const readSource = (file: string): string => readFileSync(file, 'utf8')
  const names = new Set<string>()
  try {
    for (const page of folder.pages) for (const widget of page.widgets) widgetIcons(widget, names)
    const code = [
      ...folder.jsObjects.map((f) => readSource(f.file)),
      ...folder.pages.flatMap((p) => p.jsObjects.map((f) => readSource(f.file))),
      ...[...folder.queries, ...folder.pages.flatMap((p) => p.queries)].map((q) => JSON.stringify(q.definition)),
      JSON.stringify(folder.config.modules ?? {}),
    ]
    if (code.some((text) => mentions(text) > 0)) return 'all'
  } catch (error) {
    if (error instanceof Unknown) return 'all'
    throw error
  }
  return names
}

const mentions = (text: string): number => text.match(MENTIONS_ICON_NAME)?.length ?? 0

/** Adds the icons of one widget element; throws {@link Unknown} when one is not static. */
function widgetIcons(widget: WidgetElement, names: Set<string>): void {
  const drawn = DRAWN_BY_TAG[widget.tag]
  if (drawn !== undefined) names.add(drawn)
  for (const { name, value } of widget.attributes) {
    if (name === 'icon-name' && ICON_NAME_TAGS.has(widget.tag)) {
      if (isBoundAttribute(value)) throw new Unknown()
      names.add(value)
    } else if (name === 'columns' && widget.tag === 'smith-table') {
      columnIcons(value, names)
    } else if (mentions(value) > 0) {
      // A binding or trigger that names iconName may set or build one.
      throw new Unknown()
    }
  }
}

/** The `iconName`s of a table's `columns` attribute. */
function columnIcons(value: string, names: Set<string>): void {
  if (!isBoundAttribute(value)) {
    // Plain text: the table reads it as JSON (Lit's Array converter); a name at any depth is kept.
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      throw new Unknown()
    }
    collectJson(parsed, names)
    return
  }
  const template = parseTemplate(value)
  if (!template.ok || !template.single) throw new Unknown()
  const segment = template.segments.find((s) => s.kind === 'expr')
  if (segment === undefined || segment.kind !== 'expr') throw new Unknown()
  const found = literalColumnIcons(segment.code)
  // Every mention of the name must be one of the keys read: none hides in other code.
  if (mentions(segment.code) !== found.keys) throw new Unknown()
  for (const name of found.names) names.add(name)
}

function collectJson(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectJson(item, names)
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'iconName' && typeof item === 'string') names.add(item)
      else collectJson(item, names)
    }
  }
}

interface Node {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * The `iconName` values of `code` when it is an array of object literals whose `iconName`
 * keys are plain, with string (or other literal) values, and `keys`, how many such keys it has.
 * Other properties' values are not read: they cannot change a sibling key.
 */
function literalColumnIcons(code: string): { names: string[]; keys: number } {
  let program: Node
  try {
    program = parse(`(${code}\n)`, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as Node
  } catch {
    throw new Unknown()
  }
  const body = program.body as readonly Node[]
  const array = body.length === 1 && body[0]!.type === 'ExpressionStatement' ? (body[0]!.expression as Node) : undefined
  if (array?.type !== 'ArrayExpression') throw new Unknown()
  const names: string[] = []
  let keys = 0
  for (const element of array.elements as readonly (Node | null)[]) {
    if (element === null) continue
    if (element.type !== 'ObjectExpression') throw new Unknown()
    for (const property of element.properties as readonly Node[]) {
      if (property.type !== 'Property' || property.computed === true) throw new Unknown()
      const key = property.key as Node
      const keyName = key.type === 'Identifier' ? key.name : key.type === 'Literal' ? String(key.value) : undefined
      // `__proto__: {…}` would give the entry an inherited iconName.
      if (keyName === undefined || keyName === '__proto__') throw new Unknown()
      if (keyName !== 'iconName') continue
      keys++
      const item = property.value as Node
      if (property.kind !== 'init' || property.method === true || property.shorthand === true || item.type !== 'Literal') throw new Unknown()
      if (typeof item.value === 'string') names.push(item.value)
    }
  }
  return { names, keys }
}
