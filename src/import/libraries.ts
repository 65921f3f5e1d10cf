/**
 * Appsmith's custom JS libraries (`customJSLibList` / Git `jslibs/*.json`) → npm packages
 * in the app folder: each entry names its npm package, version and accessor (the name
 * code reads: `jsonwebtoken.sign(…)`). When asked, `npm install name@version` runs in the
 * app folder (no lifecycle scripts: an imported app is not trusted to run code at
 * install), and an installed package goes into the config's `libraries` under its
 * accessor, which the app build bundles. Whatever cannot be installed is reported with
 * npm's reason and what to do by hand.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SourceLibrary } from './source'

/** How the libraries are installed. */
export interface LibraryOptions {
  /** Run `npm install` (default false: only report). */
  readonly install?: boolean
  /** The npm registry to install from (`--registry`); npm's own setting when not given. */
  readonly registry?: string
}

/** What became of one library. */
export interface LibraryReport {
  readonly name: string
  readonly version?: string
  readonly installed: boolean
  readonly note: string
}

const IDENT = /^[A-Za-z_$][\w$]*$/
// npm's package-name rules (lower case, URL-safe, optional scope) and a plain version or range.
const PACKAGE = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/
const VERSION = /^[\w.+~^<>=| -]+$/

/** Installs (or only reports) `libs` in `dir`; returns the config's `libraries` and the report. */
export async function importLibraries(libs: readonly SourceLibrary[], dir: string, options: LibraryOptions): Promise<{ libraries: Record<string, string>; report: LibraryReport[] }> {
  const libraries: Record<string, string> = {}
  const report: LibraryReport[] = []
  for (const lib of libs) {
    const base = { name: lib.name, version: lib.version }
    const accessor = lib.accessor.find((a) => IDENT.test(a))
    if (accessor === undefined) {
      report.push({ ...base, installed: false, note: 'not installed: it has no accessor name code could use' })
      continue
    }
    if (!PACKAGE.test(lib.name) || (lib.version !== undefined && !VERSION.test(lib.version))) {
      report.push({ ...base, installed: false, note: `not installed: "${lib.name}${lib.version ? `@${lib.version}` : ''}" is not an npm package name and version${lib.url ? ` (Appsmith loaded it from ${lib.url})` : ''}` })
      continue
    }
    const spec = lib.version ? `${lib.name}@${lib.version}` : lib.name
    const byHand = `run npm install ${spec} in the app folder and add libraries: { ${accessor}: '${lib.name}' } to smithlet.config.js`
    if (!options.install) {
      report.push({ ...base, installed: false, note: `not installed (--no-install): ${byHand}` })
      continue
    }
    const failure = await install(dir, spec, options.registry)
    if (failure === null) {
      libraries[accessor] = lib.name
      report.push({ ...base, installed: true, note: `installed from npm; in scope as ${accessor}` })
    } else {
      report.push({ ...base, installed: false, note: `not installed: npm install ${spec} failed (${failure}); ${byHand}` })
    }
  }
  return { libraries, report }
}

/** Runs npm install; null when it worked, else npm's reason in a line. */
async function install(dir: string, spec: string, registry: string | undefined): Promise<string | null> {
  // A package.json of its own, so npm installs here and not in a parent project.
  if (!existsSync(join(dir, 'package.json'))) await writeFile(join(dir, 'package.json'), `${JSON.stringify({ private: true, dependencies: {} }, null, 2)}\n`)
  const args = ['install', spec, '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier']
  if (registry !== undefined) args.push('--registry', registry)
  // Asynchronous: the registry may be served by this very process (the tests' loopback one).
  const result = await new Promise<{ status: number | null; stderr: string; error?: Error }>((resolve) => {
    const child = spawn('npm', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk
    })
    child.on('error', (error) => resolve({ status: null, stderr, error }))
    child.on('close', (status) => resolve({ status, stderr }))
  })
  if (result.status === 0) return null
  if (result.error) return result.error.message
  const reason = result.stderr.split('\n').map((l) => l.replace(/^npm (?:error|ERR!)\s*/, '').trim()).find((l) => l !== '' && !/^(code|errno|A complete log|Log files)/i.test(l))
  return reason ?? `exit code ${result.status}`
}
