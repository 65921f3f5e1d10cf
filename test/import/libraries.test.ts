/**
 * Custom JS libraries installed from npm, against a loopback npm registry: a tiny HTTP
 * server on 127.0.0.1 serves the packument and the tarball of a package packed in the
 * test (`npm pack`), and the importer runs `npm install --registry` at it — no internet.
 * The shared export's own library (jsonwebtoken) is not on that registry: it is reported,
 * with npm's reason, and the rest of the import goes on. The app then builds with the
 * installed library bundled.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/build/build-app'
import { importApp } from '../../src/import/index'

const APPS = join(import.meta.dirname, '../../../shared/appsmith-apps')
const work = mkdtempSync(join(tmpdir(), 'smithlet-libs-'))
const NAME = 'smithlet-tiny-lib'
const VERSION = '1.2.3'
const MARKER = 'tiny-lib-greeting-7f3a'
let server: Server
let registry: string
const requests: string[] = []
const savedCache = process.env.npm_config_cache

beforeAll(async () => {
  const pkg = join(work, 'pkg')
  mkdirSync(pkg)
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: NAME, version: VERSION, main: 'index.js', license: 'MIT' }))
  writeFileSync(join(pkg, 'index.js'), `exports.greet = (who) => '${MARKER} ' + who\n`)
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: pkg, stdio: 'ignore' })
  const tarball = readFileSync(join(work, `${NAME}-${VERSION}.tgz`))
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    if (req.url === `/${NAME}`) {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({
        name: NAME,
        'dist-tags': { latest: VERSION },
        versions: {
          [VERSION]: {
            name: NAME, version: VERSION, main: 'index.js',
            dist: {
              tarball: `${registry}/${NAME}/-/${NAME}-${VERSION}.tgz`,
              shasum: createHash('sha1').update(tarball).digest('hex'),
              integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
            },
          },
        },
      }))
    } else if (req.url === `/${NAME}/-/${NAME}-${VERSION}.tgz`) {
      res.setHeader('content-type', 'application/octet-stream')
      res.end(tarball)
    } else {
      res.statusCode = 404
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ error: 'Not found' }))
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // A cache of the test's own: nothing comes from (or goes into) the user's npm cache.
  process.env.npm_config_cache = join(work, 'npm-cache')
})
afterAll(async () => {
  if (savedCache === undefined) delete process.env.npm_config_cache
  else process.env.npm_config_cache = savedCache
  await new Promise((r) => server?.close(r))
  rmSync(work, { recursive: true, force: true })
})

/** PartialImportExportSampleApp with our package added to its customJSLibList (jsonwebtoken stays). */
function exportWithTinyLib(): string {
  const app = JSON.parse(readFileSync(join(APPS, 'PartialImportExportSampleApp.json'), 'utf8'))
  app.customJSLibList.push({ name: NAME, version: VERSION, accessor: ['tinyLib'], url: `https://cdn.example.invalid/${NAME}@${VERSION}.js` })
  app.customJSLibList.push({ name: 'Not A Package!', version: '1.0.0', accessor: ['bad'] })
  const file = join(work, 'with-lib.json')
  writeFileSync(file, JSON.stringify(app))
  return file
}

describe('custom JS libraries from a loopback npm registry', () => {
  it('installs name@version into the app folder, puts it in libraries under its accessor, reports what it could not install, and the build bundles it', async () => {
    const dir = join(work, 'app')
    const report = await importApp(exportWithTinyLib(), dir, { installLibraries: true, registry })
    expect(report.libraries).toEqual([
      { name: 'jsonwebtoken', version: '8.5.1', installed: false, note: expect.stringMatching(/^not installed: npm install jsonwebtoken@8\.5\.1 failed \(.*404.*\); run npm install jsonwebtoken@8\.5\.1 in the app folder/) },
      { name: NAME, version: VERSION, installed: true, note: 'installed from npm; in scope as tinyLib' },
      { name: 'Not A Package!', version: '1.0.0', installed: false, note: 'not installed: "Not A Package!@1.0.0" is not an npm package name and version' },
    ])
    expect(requests).toContain(`GET /${NAME}`)
    expect(requests).toContain(`GET /${NAME}/-/${NAME}-${VERSION}.tgz`)
    expect(requests).toContain('GET /jsonwebtoken')
    expect(JSON.parse(readFileSync(join(dir, 'node_modules', NAME, 'package.json'), 'utf8')).version).toBe(VERSION)
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual({ [NAME]: `^${VERSION}` })
    const config = (await import(join(dir, 'smithlet.config.js'))).default
    expect(config.libraries).toEqual({ tinyLib: NAME })

    const result = await buildApp({ dir, outdir: join(dir, 'dist') })
    const js = readdirSync(result.outdir, { recursive: true }).filter((f) => String(f).endsWith('.js')).map((f) => readFileSync(join(result.outdir, String(f)), 'utf8')).join('\n')
    expect(js).toContain(MARKER)
  }, 120_000)

  it('without install (--no-install) it only reports, and writes no package.json', async () => {
    const dir = join(work, 'app-no-install')
    const before = requests.length
    const report = await importApp(exportWithTinyLib(), dir, { installLibraries: false, registry })
    expect(report.libraries.map((l) => [l.name, l.installed])).toEqual([['jsonwebtoken', false], [NAME, false], ['Not A Package!', false]])
    expect(report.libraries[1]!.note).toBe(`not installed (--no-install): run npm install ${NAME}@${VERSION} in the app folder and add libraries: { tinyLib: '${NAME}' } to smithlet.config.js`)
    expect(requests.length).toBe(before)
    expect(readdirSync(dir)).not.toContain('package.json')
  })
})
