/**
 * `smithlet check` on the starter app (clean) and on copies with planted errors: a
 * typo'd entity name, an unclosed `{{`, a JS object syntax error, each at its
 * file:line:col; the CLI prints them in that form and exits 1.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { checkAppFolder } from '../../src/build/check'
import { createApp } from '../../src/cli/create'
import { runCli } from '../../src/cli/run'
import { DEMO_DIR } from '../../demo/server'

let tmp: string
beforeAll(async () => {
  await mkdir(join(process.cwd(), '.cache'), { recursive: true })
  tmp = await mkdtemp(join(process.cwd(), '.cache', 'check-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** A fresh starter app; `edit` changes files (path → new text from the old). */
async function starter(name: string, edit: Record<string, (text: string) => string> = {}): Promise<string> {
  const dir = await createApp(join(tmp, name))
  for (const [file, change] of Object.entries(edit)) {
    const path = join(dir, file)
    const old = await readFile(path, 'utf8').catch(() => '')
    await writeFile(path, change(old))
  }
  return dir
}

/** The 1-based line and column of `needle` in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`no ${needle}`)
  const before = text.slice(0, at).split('\n')
  return { line: before.length, column: before[before.length - 1]!.length + 1 }
}

describe('checkAppFolder', () => {
  test('the starter and the demo have no problem', async () => {
    expect(await checkAppFolder(await starter('clean'))).toEqual([])
    expect(await checkAppFolder(DEMO_DIR)).toEqual([])
  })

  test('finds a typo’d entity name, an unclosed {{ and a JS object syntax error, at line:col', async () => {
    const dir = await starter('planted', {
      'pages/Home/index.html': (t) =>
        t.replace('{{ Counter.count }}', '{{ Countr.count }}').replace("{{ ItemsTable.selectedRow.name ?? 'none' }}", '{{ ItemsTable.selectedRow.name'),
      'js/Broken.js': () => 'export default {\n  total() {\n    return 1 +;\n  },\n};\n',
      'queries/getItems.json': (t) => t.replace('"data.json"', '"data.json?n={{ Pager.page }}"'),
    })
    const page = await readFile(join(dir, 'pages/Home/index.html'), 'utf8')
    const query = await readFile(join(dir, 'queries/getItems.json'), 'utf8')
    const problems = await checkAppFolder(dir)
    const typo = where(page, 'Countr.count')
    const unclosed = where(page, '{{ ItemsTable.selectedRow.name"')
    const pager = where(query, 'Pager.page')
    expect(problems.map((p) => ({ ...p, file: p.file.slice(dir.length + 1) }))).toEqual([
      { file: 'js/Broken.js', line: 3, column: 15, message: 'JS object Broken: syntax error: Unexpected token' },
      { file: 'pages/Home/index.html', ...unclosed, message: expect.stringMatching(/^<smith-text name="SelectedText"> text: Unterminated binding/) },
      { file: 'pages/Home/index.html', ...typo, message: expect.stringMatching(/^<smith-text name="CountText"> text: "Countr" is not defined/) },
      { file: 'queries/getItems.json', ...pager, message: expect.stringMatching(/^query getItems: "Pager" is not defined/) },
    ])
  })

  test('names a binding may use: arrow parameters, properties, locals, typeof, other pages’ widgets only from app-level code', async () => {
    const dir = await starter('scopes', {
      'pages/Home/index.html': (t) =>
        t.replace('</main>', `<smith-text name="Extra" text="{{ getItems.data?.items.map((item) => ({ n: item.name })).length + Math.max(1, 2) + (typeof Later) }}"></smith-text>
<smith-text name="Cross" text="{{ HomeButton.text }}"></smith-text></main>`),
      'js/Uses.js': () => 'export default {\n  f(x) {\n    const { a, b: [c] } = x;\n    return a + c + HomeButton.text + FromText.text;\n  },\n};\n',
    })
    const problems = await checkAppFolder(dir)
    // HomeButton is a widget of About: unknown on Home; app-level Uses.js may name it.
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/<smith-text name="Cross"> text: "HomeButton" is not defined/)])
  })

  test('navigateTo a page that does not exist, at the target; URLs and real pages pass', async () => {
    const dir = await starter('navigate', {
      'pages/About/index.html': (t) => t.replace("navigateTo('Home')", "navigateTo('Hom')"),
      'js/Links.js': () => "export default {\n  go() {\n    navigateTo('About');\n    navigateTo('https://example.com');\n    navigateTo('/x');\n    return navigateTo('Users', { q: 1 });\n  },\n};\n",
    })
    const about = await readFile(join(dir, 'pages/About/index.html'), 'utf8')
    const problems = await checkAppFolder(dir)
    expect(problems.map((p) => ({ ...p, file: p.file.slice(dir.length + 1) }))).toEqual([
      { file: 'js/Links.js', line: 6, column: 23, message: 'JS object Links: navigateTo: this app has no page "Users" (pages: Home, About)' },
      { file: 'pages/About/index.html', ...where(about, "'Hom'"), message: expect.stringMatching(/navigateTo: this app has no page "Hom" \(pages: Home, About\)$/) },
    ])
  })

  test('a page-load action naming nothing is reported; a broken folder is one problem at its file', async () => {
    const dir = await starter('actions', { 'pages/Home/page.json': () => '{ "pageLoad": ["getItem"] }' })
    expect((await checkAppFolder(dir)).map((p) => p.message)).toEqual(['page action "getItem": no query or JS object is named "getItem" on page Home'])
    const broken = await starter('broken', { 'smithlet.config.js': () => 'export default {\n  id: "x",\n  pages: [\n}\n' })
    const [problem, ...rest] = await checkAppFolder(broken)
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ file: join(broken, 'smithlet.config.js'), line: 4, column: 1 })
  })
})

describe('a JS object with a syntax error, in an app folder', () => {
  // The runtime isolates such an object (test/src/js-object.test.ts); the tools must still say where it is.
  test('check reports it at line:col, and the build refuses it naming the object, its file, the property and the line', async () => {
    const dir = await starter('syntax', { 'js/Broken.js': () => 'export default {\n  rows: [],\n  total() {\n    return 1 +;\n  },\n};\n' })
    const problems = await checkAppFolder(dir)
    expect(problems.map((p) => ({ ...p, file: p.file.slice(dir.length + 1) }))).toEqual([
      { file: 'js/Broken.js', line: 4, column: 15, message: 'JS object Broken: syntax error: Unexpected token' },
    ])
    const failure = await buildApp({ dir, outdir: join(tmp, 'syntax-dist') }).then(() => null, (e: unknown) => e as { errors?: Array<{ text: string; location: { file: string; line: number } | null }> })
    expect(failure?.errors).toHaveLength(1)
    expect(failure!.errors![0]!.text).toMatch(/^JS object "Broken": SyntaxError: .+ in property total \(line 3\)$/)
    expect(failure!.errors![0]!.location).toMatchObject({ file: 'js/Broken.js', line: 3 })
    const errors: string[] = []
    const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')))
    try {
      expect(await runCli(['build', dir, '--outdir', join(tmp, 'syntax-dist')])).toBe(1)
    } finally {
      error.mockRestore()
    }
    expect(errors.join('\n')).toMatch(/the build failed/)
  })
})

describe('smithlet check (the CLI)', () => {
  test('prints file:line:col: message and exits 1; a clean app exits 0', async () => {
    const dir = await starter('cli', { 'pages/About/index.html': (t) => t.replace('{{ Counter.count }}', '{{ Countr.count }}') })
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')))
    try {
      expect(await runCli(['check', dir])).toBe(1)
      expect(lines[0]).toMatch(/pages\/About\/index\.html:\d+:\d+: <smith-text name="ClicksText"> text: "Countr" is not defined/)
      lines.length = 0
      expect(await runCli(['check', await starter('cli-clean')])).toBe(0)
      expect(lines.join('\n')).toMatch(/no problems found/)
    } finally {
      log.mockRestore()
    }
  })
})
