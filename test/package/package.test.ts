/**
 * smithlet as a user gets it: `npm pack` (which builds dist/), the tarball installed
 * with `npm install <tarball>` into a fresh folder outside the repository, then
 * `npx smithlet create app && npx smithlet check app && npx smithlet build app`, the
 * output served by a plain static server under the strict CSP, and the starter loaded
 * in Chromium: it renders, a binding updates after a click, no failed request, no CSP
 * violation, no console message at all.
 *
 * One pack and one install per run. The install prefers npm's cache (the packages are
 * those `npm ci` just installed), so it needs the registry only for what is missing.
 * Figures (tarball size, install-to-first-page time, gzipped size of the starter's
 * build) are printed, not asserted.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { HEADER_CSP, STRICT_CSP } from '../../src/build/page-shell'
import { launchBrowser } from '../e2e/browser'
import type { E2EBrowser } from '../e2e/browser'
import { waitForText, widgetText } from '../e2e/demo-page'
import { startStaticServer } from '../support/static-server'
import type { StaticServer } from '../support/static-server'

const run = promisify(execFile)
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']

/** A user's TypeScript module importing every entry point; a wrong type must not compile. */
const TYPES_CHECK = `import { createApp, startApp, type MultiPageDefinition } from 'smithlet'
import { SmithButton, defineWidgets } from 'smithlet/widgets'
import 'smithlet/widgets/define'
import { authModule } from 'smithlet/auth'
import { smithletPlugin, buildApp, type AppFolder } from 'smithlet/esbuild'
const def: MultiPageDefinition = { id: 'x', pages: [{ name: 'Home', html: '' }] }
void startApp(def)
void createApp({ id: 'y', modules: { Auth_Module: authModule({ loginUrl: '/l', refreshUrl: '/r' }) } })
void buildApp({ dir: 'app' })
export const parts: [typeof SmithButton, typeof defineWidgets, string, AppFolder | undefined] = [SmithButton, defineWidgets, smithletPlugin({ app: 'app' }).name, undefined]
// @ts-expect-error: the plugin's name is a string
export const wrong: number = smithletPlugin({}).name
`

let work: string
let tarball: string
let startedAt: number
let browser: E2EBrowser | undefined
let server: StaticServer | undefined
const figures: string[] = []

/** Runs a command in the temporary project; rejects with its output when it fails. */
async function sh(file: string, args: string[], cwd = work): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${file} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`)
  }
}

async function sizeOfTree(dir: string): Promise<{ raw: number; gzip: number }> {
  let raw = 0
  let gzip = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const bytes = await readFile(join(entry.parentPath, entry.name))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'smithlet-package-'))
  const packed = await sh('npm', ['pack', '--pack-destination', work, '--loglevel=error'], ROOT)
  tarball = join(work, packed.stdout.trim().split('\n').pop()!)
  figures.push(`tarball: ${((await stat(tarball)).size / 1024).toFixed(1)} KiB (${tarball.split('/').pop()})`)
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  console.log(`package test figures:\n  ${figures.join('\n  ')}`)
  await browser?.close()
  await server?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the packed tarball, installed into an empty folder', () => {
  test('install, create, check, build; the starter runs under the strict CSP in Chromium', async () => {
    startedAt = performance.now()
    await sh('npm', ['install', tarball, ...NPM_FLAGS])
    const installed = JSON.parse(await readFile(join(work, 'node_modules/smithlet/package.json'), 'utf8')) as { name: string; private?: boolean }
    expect(installed.name).toBe('smithlet')
    // Nothing of the repository is reachable: no source, no devDependency.
    for (const dev of ['happy-dom', 'vitest', 'tsx', 'typescript']) {
      await expect(stat(join(work, 'node_modules', dev))).rejects.toThrow()
    }

    // The declarations resolve through `exports` for a strict NodeNext TypeScript project
    // (the repository's compiler, as the user's would be).
    await writeFile(join(work, 'types-check.mts'), TYPES_CHECK)
    const tsc = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2023,dom', '--skipLibCheck', '--types', '']
    await sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), ...tsc, 'types-check.mts'])
    const startedApp = performance.now()

    await sh('npx', ['--no-install', 'smithlet', 'create', 'app'])
    const check = await sh('npx', ['--no-install', 'smithlet', 'check', 'app'])
    expect(check.stdout).toMatch(/no problems/)
    const built = await sh('npx', ['--no-install', 'smithlet', 'build', 'app'])
    expect(built.stdout).toContain('app.js')
    const dist = join(work, 'app/dist')
    const files = (await readdir(dist, { recursive: true })).sort()
    expect(files).toEqual(expect.arrayContaining(['index.html', 'Home/index.html', 'About/index.html', 'app.js', 'app.css', 'data.json', '_headers']))
    // The installed package's icon table is whole; the starter's bundle carries none of it (its buttons have no icons).
    const cog = 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z'
    expect(await readFile(join(work, 'node_modules/smithlet/dist/widgets/icon-paths.js'), 'utf8')).toContain(cog)
    expect(await readFile(join(dist, 'app.js'), 'utf8')).not.toContain(cog)
    const headers = await readFile(join(dist, '_headers'), 'utf8')
    // The strict policy with frame-ancestors 'none' on each page document, and not on the custom widgets' frame.
    for (const path of ['/', '/index.html', '/Home/*', '/About/*']) expect(headers).toContain(`${path}\n  Content-Security-Policy: ${HEADER_CSP}\n`)
    expect(headers).not.toMatch(/^\/\*\n  Content-Security-Policy/m)
    expect(headers).toMatch(/^\/smith-custom-widget\.html\n  Content-Security-Policy: (?!script-src 'self'; style-src 'self'\n)/m)

    server = await startStaticServer(dist, { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' })
    const page = await browser!.newPage(undefined, 'starter')
    const response = await page.goto(server.url)
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP)
    await waitForText(page, 'ItemsText', '3 items')
    const now = performance.now()
    figures.push(`install to first page: ${((now - startedAt) / 1000).toFixed(1)} s (npm install ${((startedApp - startedAt) / 1000).toFixed(1)} s incl. a type check; create + check + build + first render ${((now - startedApp) / 1000).toFixed(1)} s)`)
    const size = await sizeOfTree(dist)
    figures.push(`starter build (all files of app/dist): ${(size.raw / 1024).toFixed(1)} KiB, ${(size.gzip / 1024).toFixed(1)} KiB gzipped`)

    expect(await widgetText(page, 'CountText')).toBe('Clicked 0 times')
    await page.locator('smith-button[name="CountButton"] button').click()
    await waitForText(page, 'CountText', 'Clicked 1 times')
    expect(await widgetText(page, 'SessionText')).toBe('Signed out')

    // Every request succeeded (Auth_Module sends nothing before sign-in); the page said nothing.
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([])
    expect(server.requests.map((r) => r.path)).toEqual(['/', '/app.css', '/app.js', '/data.json'])
    expect(browser!.cspViolations()).toEqual([])
    expect(browser!.events).toEqual([])
  }, 300_000)
})
