/**
 * The app folder loader: discovery (pages in config order, then the rest; app- and
 * page-level JS objects and queries; styles; public/) and a clear error, naming the file,
 * for each way a folder can be wrong. The CLI reports them as one line and exits 1.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { AppFolderError, loadAppFolder } from '../../src/build/app-folder'
import { createApp } from '../../src/cli/create'
import { runCli } from '../../src/cli/run'

let tmp: string
let n = 0
beforeAll(async () => {
  await mkdir(join(process.cwd(), '.cache'), { recursive: true })
  tmp = await mkdtemp(join(process.cwd(), '.cache', 'app-folder-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** A starter app with `files` written over it. */
async function app(files: Record<string, string> = {}): Promise<string> {
  const dir = await createApp(join(tmp, `app${++n}`))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true })
    await writeFile(join(dir, file), text)
  }
  return dir
}

async function failure(dir: string): Promise<AppFolderError> {
  const error = await loadAppFolder(dir).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(AppFolderError)
  return error as AppFolderError
}

describe('loadAppFolder', () => {
  test('discovers pages, JS objects, queries, styles and public/', async () => {
    const dir = await app({
      'pages/Zeta/index.html': '<smith-text name="Z" text="{{ PageObj.x }}"></smith-text>',
      'pages/Zeta/js/PageObj.js': 'export default { x: 1 }',
      'pages/Zeta/queries/byId.js': "export default { url: '/items/{{ this.params.id }}', datasource: 'Api' }",
      'pages/Zeta/zeta.css': 'p { color: red }',
      'smithlet.config.js': "export default { id: 'x', pages: ['About', 'Home'], datasources: { Api: 'https://api.example.test/v1/' } }",
    })
    const folder = await loadAppFolder(dir)
    expect(folder.config.id).toBe('x')
    expect(folder.pages.map((p) => p.name)).toEqual(['About', 'Home', 'Zeta'])
    expect(folder.jsObjects.map((j) => j.name)).toEqual(['Counter', 'Session'])
    expect(folder.queries.map((q) => q.definition)).toEqual([{ method: 'GET', url: 'data.json', name: 'getItems' }])
    const zeta = folder.pages[2]!
    expect(zeta.jsObjects.map((j) => j.name)).toEqual(['PageObj'])
    expect(zeta.queries.map((q) => q.definition)).toEqual([{ name: 'byId', url: 'https://api.example.test/v1/items/{{ this.params.id }}' }])
    expect(zeta.widgets.map((w) => w.name)).toEqual(['Z'])
    expect(folder.styles.map((s) => s.slice(dir.length + 1))).toEqual(['styles.css', 'pages/Zeta/zeta.css'])
    expect(folder.publicDir).toBe(join(dir, 'public'))
  })

  test('a missing folder, or one without a config', async () => {
    expect((await failure(join(tmp, 'nope'))).message).toMatch(/^no app folder at .*nope: the folder does not exist/)
    await mkdir(join(tmp, 'empty'))
    expect((await failure(join(tmp, 'empty'))).message).toMatch(/is not a smithlet app folder: smithlet\.config\.js is missing/)
  })

  test('a malformed config: syntax error at its line, unknown key, missing id, bad module', async () => {
    const syntax = await failure(await app({ 'smithlet.config.js': "export default {\n  id: 'x'\n  title: 'y',\n}\n" }))
    expect(syntax).toMatchObject({ line: 3, column: 3 })
    expect(syntax.message).toMatch(/^smithlet\.config\.js: Expected "}" but found "title"/)
    expect((await failure(await app({ 'smithlet.config.js': "export default { id: 'x', pagez: [] }" }))).message).toMatch(/unknown key "pagez"/)
    expect((await failure(await app({ 'smithlet.config.js': 'export default { title: 1 }' }))).message).toMatch(/"id" must be a non-empty string/)
    expect((await failure(await app({ 'smithlet.config.js': "export default { id: 'x', modules: { Auth: { use: 'magic' } } }" }))).message).toMatch(/modules\.Auth: give \{ use: 'auth' \| 'oidc'/)
    expect((await failure(await app({ 'smithlet.config.js': "export default { id: 'x', modules: { Auth: { use: 'auth', inputs: { onLoggedOut: () => 1 } } } }" }))).message).toMatch(/is a function: give the action as "JSObject\.fn"/)
    expect((await failure(await app({ 'smithlet.config.js': 'throw new Error("boom")' }))).message).toMatch(/smithlet\.config\.js failed to run: boom/)
  })

  test('duplicate entity names, across files and with widgets', async () => {
    expect((await failure(await app({ 'queries/Counter.json': '{ "url": "/x" }' }))).message).toBe('two entities are named "Counter": js/Counter.js and queries/Counter.json')
    expect((await failure(await app({ 'pages/Home/js/Session.js': 'export default {}' }))).message).toBe('two entities are named "Session": js/Session.js and pages/Home/js/Session.js')
    const widget = await failure(await app({ 'pages/About/index.html': '<p>\n  <smith-text name="Counter"></smith-text></p>' }))
    expect(widget.message).toBe('two entities are named "Counter": js/Counter.js and a <smith-text> of page About')
    expect(widget).toMatchObject({ line: 2, column: 3 })
    expect((await failure(await app({ 'pages/About/index.html': '<smith-text name="A"></smith-text><smith-text name="A"></smith-text>' }))).message).toMatch(/two entities are named "A": a <smith-text> of page About and a <smith-text> of page About/)
    // The same name on two different pages is fine: each page has its own widgets.
    await expect(loadAppFolder(await app({ 'pages/About/index.html': '<smith-text name="ItemsText"></smith-text>' }))).resolves.toBeTruthy()
  })

  test('a listed page that does not exist; broken page.json and query files', async () => {
    expect((await failure(await app({ 'smithlet.config.js': "export default { id: 'x', pages: ['Home', 'Users'] }" }))).message).toBe(
      'smithlet.config.js lists the page "Users", but pages/Users/index.html does not exist',
    )
    expect((await failure(await app({ 'pages/Home/page.json': '{ "pageLoad": "getItems" }' }))).message).toMatch(/"pageLoad" must be a list/)
    const json = await failure(await app({ 'queries/bad.json': '{\n  "url": "/x",\n}' }))
    expect(json.message).toMatch(/^bad\.json is not valid JSON/)
    expect(json.line).toBe(3)
    expect((await failure(await app({ 'queries/noUrl.json': '{}' }))).message).toMatch(/the query needs a "url" string/)
    expect((await failure(await app({ 'queries/ds.json': '{ "url": "/x", "datasource": "Nope" }' }))).message).toMatch(/the datasource "Nope" is not in smithlet\.config\.js/)
  })
})

describe('the CLI on a broken folder', () => {
  test('one line naming the file and what is wrong, exit 1', async () => {
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')))
    try {
      const dir = await app({ 'queries/Counter.json': '{ "url": "/x" }' })
      expect(await runCli(['build', dir])).toBe(1)
      expect(errors).toEqual([expect.stringMatching(/^smithlet: .*queries\/Counter\.json: two entities are named "Counter"/)])
      errors.length = 0
      expect(await runCli(['dev', join(tmp, 'missing')])).toBe(1)
      expect(errors).toEqual([expect.stringMatching(/^smithlet: no app folder at .*missing/)])
      errors.length = 0
      expect(await runCli(['frobnicate'])).toBe(1)
      expect(errors).toEqual([expect.stringMatching(/unknown command "frobnicate"/)])
    } finally {
      spy.mockRestore()
    }
  })
})
