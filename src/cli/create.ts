/** `smithlet create <dir>`: a working starter app folder (./starter). */
import { existsSync } from 'node:fs'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { UsageError, shortPath } from './command'
import type { Command } from './command'

/** The starter app folder, shipped with the package. */
export const STARTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'starter')

const USAGE = `usage: smithlet create <dir>
  Writes a starter app into <dir> (which must not exist or be empty): two pages, JS objects,
  a page-load query reading public/data.json, and Auth_Module wired to configurable endpoints.`

/** Files of the starter whose text names the app. */
const NAMED = ['smithlet.config.js', 'pages/Home/index.html']

/** Copies the starter into `dir`, naming the app after the folder. */
export async function createApp(dir: string): Promise<string> {
  const target = resolve(dir)
  if (existsSync(target) && (await readdir(target)).length > 0) throw new UsageError(`${dir} already exists and is not empty; choose a new folder`)
  await cp(STARTER_DIR, target, { recursive: true })
  const id = basename(target).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'app'
  const title = basename(target)
  for (const file of NAMED) {
    const path = join(target, file)
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replaceAll('__APP_ID__', id).replaceAll('__APP_TITLE__', title.replace(/[<>&"']/g, '')))
  }
  return target
}

export const createCommand: Command = {
  summary: 'write a starter app folder',
  usage: USAGE,
  async run(args) {
    const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} })
    if (positionals.length !== 1) throw new UsageError(`give the new app's folder\n${USAGE}`)
    const target = await createApp(positionals[0]!)
    const shown = shortPath(target)
    console.log(`smithlet create: a starter app in ${shown}\n`)
    console.log(`  npx smithlet dev ${shown}      serve it with live reload`)
    console.log(`  npx smithlet check ${shown}    check every binding, query and JS object`)
    console.log(`  npx smithlet build ${shown}    build the static site into ${shown}/dist`)
    return 0
  },
}
