/**
 * smithlet.config.js: what it may hold, checked key by key, and how the tools evaluate
 * the app folder's JS files (the config, a `.js` query file) in Node.
 */
import { basename } from 'node:path'
import { build } from 'esbuild'
import { AppFolderError } from './app-folder-error'

/** The config file's name. */
export const CONFIG_FILE = 'smithlet.config.js'

/** A module the config wires in, by the implementation it uses. */
export interface ModuleConfig {
  /** `auth`: smithlet's Auth_Module (modules/auth); `oidc`: its OpenID Connect path. */
  readonly use: 'auth' | 'oidc'
  readonly inputs?: Readonly<Record<string, unknown>>
}

/** smithlet.config.js, validated. */
export interface AppConfig {
  readonly id: string
  readonly title?: string
  /** Page order; the first is the start page. Default: the pages/ folders, sorted. */
  readonly pages?: readonly string[]
  readonly modules?: Readonly<Record<string, ModuleConfig>>
  /** Scope name → npm package, like Appsmith's installed JS libraries. */
  readonly libraries?: Readonly<Record<string, string>>
  readonly theme?: Readonly<Record<string, unknown>>
  /** Datasource name → base URL; `SMITHLET_DATASOURCE_<NAME>` in the environment overrides one at build time. */
  readonly datasources?: Readonly<Record<string, string>>
  readonly user?: Readonly<Record<string, unknown>>
}

const CONFIG_KEYS = new Set(['id', 'title', 'pages', 'modules', 'libraries', 'theme', 'datasources', 'user'])
const MODULE_USES = new Set(['auth', 'oidc'])
/** What an entity name (a JS object, a query, a widget, a module, a library) may be. */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** The config's default export, checked; `SMITHLET_DATASOURCE_<NAME>` overrides a datasource. */
export function validateConfig(value: unknown, file: string): AppConfig {
  const fail = (message: string): never => {
    throw new AppFolderError(`${CONFIG_FILE}: ${message}`, file)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('export default an object: export default { id: "my-app" }')
  const config = value as Record<string, unknown>
  for (const key of Object.keys(config)) if (!CONFIG_KEYS.has(key)) fail(`unknown key "${key}" (known: ${[...CONFIG_KEYS].join(', ')})`)
  if (typeof config.id !== 'string' || config.id === '') fail('"id" must be a non-empty string (it names the app\'s IndexedDB store)')
  if (config.title !== undefined && typeof config.title !== 'string') fail('"title" must be a string')
  if (config.pages !== undefined) {
    if (!Array.isArray(config.pages) || config.pages.length === 0 || !config.pages.every((p) => typeof p === 'string')) fail('"pages" must be a non-empty list of page names')
    const pages = config.pages as string[]
    const twice = pages.find((p, i) => pages.indexOf(p) !== i)
    if (twice !== undefined) fail(`"pages" lists "${twice}" twice`)
  }
  for (const key of ['modules', 'libraries', 'theme', 'datasources', 'user'] as const) {
    const v = config[key]
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) fail(`"${key}" must be an object`)
  }
  for (const [name, module] of Object.entries((config.modules ?? {}) as Record<string, unknown>)) {
    if (!IDENTIFIER.test(name)) fail(`modules: "${name}" is not a valid entity name`)
    const m = module as Record<string, unknown> | null
    if (m === null || typeof m !== 'object' || typeof m.use !== 'string' || !MODULE_USES.has(m.use)) fail(`modules.${name}: give { use: 'auth' | 'oidc', inputs: { … } }`)
    if (m!.inputs !== undefined && (m!.inputs === null || typeof m!.inputs !== 'object')) fail(`modules.${name}.inputs must be an object`)
    for (const [key, input] of Object.entries((m!.inputs ?? {}) as Record<string, unknown>)) {
      // The config is data written into the page; a function cannot be.
      if (typeof input === 'function') fail(`modules.${name}.inputs.${key} is a function: give the action as "JSObject.fn" instead`)
    }
  }
  for (const [name, pkg] of Object.entries((config.libraries ?? {}) as Record<string, unknown>)) {
    if (!IDENTIFIER.test(name)) fail(`libraries: "${name}" is not a valid entity name`)
    if (typeof pkg !== 'string' || pkg === '') fail(`libraries.${name} must name an npm package`)
  }
  const datasources: Record<string, string> = {}
  for (const [name, url] of Object.entries((config.datasources ?? {}) as Record<string, unknown>)) {
    const override = process.env[`SMITHLET_DATASOURCE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`]
    const value = override ?? url
    if (typeof value !== 'string') fail(`datasources.${name} must be a base URL string`)
    datasources[name] = value as string
  }
  return { ...(config as unknown as AppConfig), ...(config.datasources === undefined ? {} : { datasources }) }
}

/**
 * Evaluates a JS file of the app folder (the config, a query file) in Node and returns
 * its default export. esbuild bundles it first, so it may use ESM syntax whatever the
 * surrounding package.json says, and a syntax error is reported with its position.
 */
export async function importFile(file: string): Promise<unknown> {
  let code: string
  try {
    const result = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' })
    code = result.outputFiles[0]!.text
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors?.[0]
    if (first) throw new AppFolderError(`${basename(file)}: ${first.text}`, file, first.location?.line, first.location ? first.location.column + 1 : undefined)
    throw error
  }
  try {
    const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown }
    if (!('default' in module)) throw new AppFolderError(`${basename(file)}: it has no default export (write export default { … })`, file)
    return module.default
  } catch (error) {
    if (error instanceof AppFolderError) throw error
    throw new AppFolderError(`${basename(file)} failed to run: ${error instanceof Error ? error.message : String(error)}`, file)
  }
}
