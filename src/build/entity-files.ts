/**
 * The files of an app folder that define entities: `js/<Name>.js` (a JS object, named by
 * its file) and `queries/<name>.json|.js` (one query definition each), at the app's root
 * or a page's; and the stylesheets beside them.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { QueryDefinition } from '../query'
import { CONFIG_FILE, IDENTIFIER, importFile, type AppConfig } from './app-config'
import { AppFolderError, parseJsonFile, rel } from './app-folder-error'

/** A file that defines one entity. */
export interface EntityFile {
  readonly name: string
  /** Absolute path. */
  readonly file: string
}

/** A query file, read. */
export interface QueryFile extends EntityFile {
  /** The definition, named, with its datasource's base URL applied. */
  readonly definition: QueryDefinition
}

/** The JS object files in `dir` (watched, whether or not it exists). */
export async function jsObjectFiles(dir: string, root: string, watchDirs: string[]): Promise<EntityFile[]> {
  watchDirs.push(dir)
  if (!existsSync(dir)) return []
  const out: EntityFile[] = []
  for (const entry of (await readdir(dir)).sort()) {
    if (extname(entry) !== '.js') continue
    const name = basename(entry, '.js')
    const file = join(dir, entry)
    if (!IDENTIFIER.test(name)) throw new AppFolderError(`${rel(root, file)}: "${name}" is not a valid entity name (the file name is the JS object's name)`, file)
    out.push({ name, file })
  }
  return out
}

/** The query files in `dir`, read; a `datasource` names its base URL in the config. */
export async function queryFiles(dir: string, root: string, config: AppConfig, watchDirs: string[]): Promise<QueryFile[]> {
  watchDirs.push(dir)
  if (!existsSync(dir)) return []
  const out: QueryFile[] = []
  for (const entry of (await readdir(dir)).sort()) {
    const ext = extname(entry)
    if (ext !== '.json' && ext !== '.js') continue
    const file = join(dir, entry)
    const raw = ext === '.json' ? parseJsonFile(await readFile(file, 'utf8'), file) : await importFile(file)
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new AppFolderError(`${rel(root, file)}: a query file must hold one query definition (an object)`, file)
    const { datasource, ...query } = raw as Record<string, unknown>
    const name = query.name === undefined ? basename(entry, ext) : query.name
    if (typeof name !== 'string' || !IDENTIFIER.test(name)) throw new AppFolderError(`${rel(root, file)}: "${String(name)}" is not a valid query name`, file)
    if (typeof query.url !== 'string') throw new AppFolderError(`${rel(root, file)}: the query needs a "url" string`, file)
    let url = query.url
    if (datasource !== undefined) {
      const base = typeof datasource === 'string' ? config.datasources?.[datasource] : undefined
      if (base === undefined) throw new AppFolderError(`${rel(root, file)}: the datasource "${String(datasource)}" is not in ${CONFIG_FILE}'s datasources`, file)
      url = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`
    }
    out.push({ name, file, definition: { ...query, name, url } as QueryDefinition })
  }
  return out
}

/** The stylesheets directly in `dir`, sorted. */
export async function cssFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => extname(f) === '.css').sort().map((f) => join(dir, f))
}
