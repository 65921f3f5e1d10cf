/**
 * `smithlet check`: compiles every binding, trigger, query template and JS object of
 * an app folder, and reports each parse error and each name that is neither an entity
 * (widget, query, JS object, module, library), a smithlet global nor a JavaScript or
 * browser global — at its file, line and column, as Appsmith's linter does.
 *
 * Scopes follow the runtime: a page's bindings see the app's entities and the page's
 * own (its widgets, JS objects and queries); app-level JS objects and queries run on
 * every page, so they may name the entities of any page.
 */
import { readFile } from 'node:fs/promises'
import { jsObjectSource } from '../compile'
import { isUrlTarget } from '../navigate'
import { lineColumn } from '../scan'
import { hasBinding, parseTemplate } from '../template'
import { AppFolderError, loadAppFolder } from './app-folder'
import type { AppFolder, EntityFile, PageSource, QueryFile } from './app-folder'
import { freeNames } from './free-names'
import type { CodeKind } from './free-names'

/** One problem, where it is. */
export interface CheckProblem {
  /** Absolute path. */
  readonly file: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** The globals every binding sees (src/globals.ts), `appsmith`, and Appsmith's built-in libraries. */
const SMITHLET_GLOBALS = [
  'appsmith', 'storeValue', 'removeValue', 'clearStore', 'reloadStore', 'showAlert', 'navigateTo', 'setInterval',
  'clearInterval', 'download', 'copyToClipboard', 'resetWidget', 'showModal', 'closeModal', 'postWindowMessage',
  'moment', '_', 'forge',
]

/** Browser globals code commonly uses (the JavaScript built-ins come from the running engine). */
const BROWSER_GLOBALS = [
  'window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB',
  'alert', 'confirm', 'prompt', 'open', 'close', 'print', 'requestAnimationFrame', 'cancelAnimationFrame',
  'fetch', 'Headers', 'Request', 'Response', 'FormData', 'Blob', 'File', 'FileReader', 'URL', 'URLSearchParams',
  'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event', 'CustomEvent', 'EventTarget',
  'setTimeout', 'clearTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'crypto', 'performance',
  'console', 'Element', 'HTMLElement', 'Node', 'screen', 'devicePixelRatio', 'innerWidth', 'innerHeight',
  'BroadcastChannel', 'WebSocket', 'EventSource', 'Worker', 'Image', 'Notification', 'getComputedStyle',
  'matchMedia', 'scrollTo', 'arguments',
]

/** Names that resolve without being entities: smithlet's and the platform's. */
function builtinNames(): Set<string> {
  const names = new Set<string>([...SMITHLET_GLOBALS, ...BROWSER_GLOBALS])
  for (const name of Object.getOwnPropertyNames(globalThis)) names.add(name)
  return names
}

/** Checks the app folder at `dir`; a folder that does not load is one problem at its file. */
export async function checkAppFolder(dir: string): Promise<CheckProblem[]> {
  let folder: AppFolder
  try {
    folder = await loadAppFolder(dir)
  } catch (error) {
    if (!(error instanceof AppFolderError)) throw error
    return [{ file: error.file ?? dir, line: error.line ?? 1, column: error.column ?? 1, message: error.message }]
  }
  const problems: CheckProblem[] = []
  const builtins = builtinNames()
  const appNames = new Set<string>([
    ...Object.keys(folder.config.modules ?? {}),
    ...Object.keys(folder.config.libraries ?? {}),
    ...folder.jsObjects.map((j) => j.name),
    ...folder.queries.map((q) => q.name),
  ])
  const pageNames = (page: PageSource): string[] => [
    ...page.jsObjects.map((j) => j.name),
    ...page.queries.map((q) => q.name),
    ...page.widgets.flatMap((w) => (w.name === undefined ? [] : [w.name])),
  ]
  const everywhere = new Set([...appNames, ...folder.pages.flatMap(pageNames)])
  const pages = folder.pages.map((p) => p.name)
  const known = (names: ReadonlySet<string>): Names => ({ known: (name) => names.has(name) || builtins.has(name), pages })

  for (const js of folder.jsObjects) await checkJsObject(js, known(everywhere), problems)
  for (const q of folder.queries) await checkQuery(q, known(everywhere), problems)
  for (const page of folder.pages) {
    const scope = new Set([...appNames, ...pageNames(page)])
    const names = known(scope)
    checkPage(page, names, problems)
    for (const js of page.jsObjects) await checkJsObject(js, known(new Set([...everywhere, ...scope])), problems)
    for (const q of page.queries) await checkQuery(q, names, problems)
    for (const action of [...page.pageLoad, ...page.onPageUnload]) {
      const entity = action.split('.')[0]!
      if (!scope.has(entity)) {
        problems.push({ file: page.dir + '/page.json', line: 1, column: 1, message: `page action "${action}": no query or JS object is named "${entity}" on page ${page.name}` })
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
}

/** What code may name: entities and globals, and the pages navigateTo may target. */
interface Names {
  known(name: string): boolean
  readonly pages: readonly string[]
}

/** Attributes mount never evaluates (src/mount.ts). */
const PLAIN_ATTRIBUTE = /^(name|id|class|style|slot|role|tabindex|title|lang|dir|aria-.*|data-.*)$/

function checkPage(page: PageSource, names: Names, problems: CheckProblem[]): void {
  for (const widget of page.widgets) {
    for (const attr of widget.attributes) {
      if (PLAIN_ATTRIBUTE.test(attr.name)) continue
      // Offsets inside the value map onto the file only when nothing was decoded.
      const at = (offset: number): number => (attr.verbatim ? attr.offset + offset : attr.offset)
      const report = (offset: number, message: string): void => {
        const { line, column } = lineColumn(page.html, at(offset))
        problems.push({ file: page.file, line, column, message: `<${widget.tag}${widget.name ? ` name="${widget.name}"` : ''}> ${attr.name}: ${message}` })
      }
      const trigger = attr.name.startsWith('on-')
      if (trigger && !hasBinding(attr.value)) {
        if (attr.value.trim() !== '') checkCode(attr.value, 'trigger', 0, names, report)
        continue
      }
      checkTemplate(attr.value, trigger ? 'trigger' : 'expression', names, report)
    }
  }
}

/** Checks a template's bindings; `report` takes offsets in the template. */
function checkTemplate(
  template: string,
  kind: CodeKind,
  names: Names,
  report: (offset: number, message: string) => void,
): void {
  if (!hasBinding(template)) return
  const parsed = parseTemplate(template)
  if (!parsed.ok) {
    report(parsed.error.position, parsed.error.message.replace(/\s*at \d+:\d+$/, ''))
    return
  }
  if (kind === 'trigger' && !parsed.single) {
    report(0, 'a trigger must be one {{ … }} binding, not text around bindings')
    return
  }
  for (const segment of parsed.segments) {
    if (segment.kind === 'expr') checkCode(segment.code, kind, segment.start + 2, names, report)
  }
}

function checkCode(code: string, kind: CodeKind, base: number, names: Names, report: (offset: number, message: string) => void): void {
  const analysis = freeNames(code, kind)
  if (!analysis.ok) {
    report(base + analysis.offset, `syntax error: ${analysis.message}`)
    return
  }
  for (const use of analysis.uses) if (!names.known(use.name)) report(base + use.offset, `"${use.name}" is not defined: no widget, query, JS object, module, library or global has that name`)
  checkNavigations(analysis.navigations, names.pages, (offset, message) => report(base + offset, message))
}

/** A literal navigateTo target that is neither a page nor a URL names a page that does not exist. */
function checkNavigations(navigations: readonly { target: string; offset: number }[], pages: readonly string[], report: (offset: number, message: string) => void): void {
  for (const { target, offset } of navigations) {
    if (!isUrlTarget(target) && !pages.includes(target)) report(offset, `navigateTo: this app has no page "${target}" (pages: ${pages.join(', ')})`)
  }
}

async function checkJsObject(js: EntityFile, names: Names, problems: CheckProblem[]): Promise<void> {
  const source = await readFile(js.file, 'utf8')
  const report = (offset: number, message: string): void => {
    const { line, column } = lineColumn(source, offset)
    problems.push({ file: js.file, line, column, message: `JS object ${js.name}: ${message}` })
  }
  const analysis = freeNames(source, 'module')
  if (!analysis.ok) return report(analysis.offset, `syntax error: ${analysis.message}`)
  try {
    jsObjectSource(source, js.name)
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1
    problems.push({ file: js.file, line, column: 1, message: error instanceof Error ? error.message : String(error) })
    return
  }
  for (const use of analysis.uses) if (!names.known(use.name)) report(use.offset, `"${use.name}" is not defined: no widget, query, JS object, module, library or global has that name`)
  checkNavigations(analysis.navigations, names.pages, report)
}

async function checkQuery(q: QueryFile, names: Names, problems: CheckProblem[]): Promise<void> {
  const text = await readFile(q.file, 'utf8')
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      // Where the string sits in the file: as written in JSON, else as is.
      const raw = q.file.endsWith('.json') ? JSON.stringify(value).slice(1, -1) : value
      const found = text.indexOf(raw)
      const verbatim = found >= 0 && raw === value
      checkTemplate(value, 'expression', names, (offset, message) => {
        const { line, column } = lineColumn(text, found < 0 ? 0 : verbatim ? found + offset : found)
        problems.push({ file: q.file, line, column, message: `query ${q.name}: ${message}` })
      })
    } else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(q.definition)
}
