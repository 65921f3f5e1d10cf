/**
 * Appsmith actions → smithlet query files, JS collections → JS object files, and a
 * page's load/unload actions.
 *
 * A REST action (`restapi-plugin`) keeps its method, path, headers, query parameters,
 * body with its content type, smart substitution flag and timeout; its URL is the
 * datasource's base (config `datasources`, overridable per environment) plus the path.
 * Any other plugin (Postgres, MySQL, Sheets…) becomes a query that rejects with an
 * error naming the plugin, so the rest of the page works.
 */
import type { OnLoadAction, SourceAction, SourceCollection, SourcePage } from './source'

/** A query file's content (what pages/<Page>/queries/<name>.json holds). */
export interface QueryFileContent {
  readonly name: string
  readonly datasource?: string
  readonly url: string
  readonly method?: string
  readonly headers?: Record<string, string>
  readonly params?: Record<string, string>
  readonly body?: string | Record<string, string>
  readonly bodyType?: 'json' | 'form' | 'multipart' | 'text'
  readonly timeoutMs?: number
  readonly smartSubstitution?: boolean
  /** Set for a plugin smithlet cannot run in the browser; every run rejects naming it. */
  readonly plugin?: string
}

/** A datasource the queries use: its config name and base URL (undefined when the source has none). */
export interface DatasourceRef {
  readonly key: string
  readonly url: string | undefined
  /** The name Appsmith gave it. */
  readonly appsmithName: string
}

const IDENT = /^[A-Za-z_$][\w$]*$/
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])

/** A config key for a datasource: its name when it is one, else from its URL's host. */
export function datasourceKey(name: string | undefined, url: string | undefined): string {
  let base = name && name !== 'DEFAULT_REST_DATASOURCE' && !/^[a-z]+:\/\//i.test(name) ? name : undefined
  if (base === undefined && url) {
    try {
      base = new URL(url).host
    } catch {
      base = url
    }
  }
  const key = (base ?? 'api').replace(/[^\w]+/g, '_').replace(/^_+|_+$/g, '') || 'api'
  return /^\d/.test(key) ? `api_${key}` : key
}

function pairs(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!Array.isArray(value)) return out
  for (const p of value as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof p?.key !== 'string' || p.key.trim() === '') continue
    out[p.key] = typeof p.value === 'string' ? p.value : p.value === undefined || p.value === null ? '' : String(p.value)
  }
  return out
}

/** Converts one non-JS action. `datasources` collects the datasources it uses. */
export function convertAction(action: SourceAction, datasources: Map<string, DatasourceRef>): QueryFileContent {
  const c = action.actionConfiguration
  const timeoutMs = typeof c.timeoutInMillisecond === 'number' && c.timeoutInMillisecond > 0 ? c.timeoutInMillisecond : undefined
  if (action.pluginId !== 'restapi-plugin' && action.pluginType !== 'API') {
    return {
      name: action.name,
      url: '',
      plugin: action.pluginId || action.pluginType || 'unknown',
      ...(typeof c.body === 'string' && c.body !== '' ? { body: c.body, bodyType: 'text' as const } : {}),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    }
  }
  const dsUrl = action.datasource?.datasourceConfiguration?.url
  const key = uniqueKey(datasourceKey(action.datasource?.name, dsUrl), dsUrl, datasources)
  if (!datasources.has(key)) datasources.set(key, { key, url: dsUrl, appsmithName: action.datasource?.name ?? key })
  const headers = pairs(c.headers)
  const params = pairs(c.queryParameters)
  const method = typeof c.httpMethod === 'string' && METHODS.has(c.httpMethod.toUpperCase()) ? c.httpMethod.toUpperCase() : 'GET'
  const contentType = (Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? String((c.formData as { apiContentType?: unknown } | undefined)?.apiContentType ?? '')).toLowerCase()
  let body: QueryFileContent['body']
  let bodyType: QueryFileContent['bodyType']
  if (method !== 'GET' && method !== 'HEAD') {
    if (contentType.includes('x-www-form-urlencoded') || contentType.includes('multipart/form-data')) {
      const fields = pairs(c.bodyFormData)
      if (Object.keys(fields).length > 0) {
        body = fields
        bodyType = contentType.includes('multipart') ? 'multipart' : 'form'
      }
    } else if (typeof c.body === 'string' && c.body.trim() !== '') {
      body = c.body
      bodyType = contentType === '' || contentType.includes('json') || contentType === 'none' ? 'json' : 'text'
    }
  }
  const smart = (c.pluginSpecifiedTemplates as Array<{ value?: unknown }> | undefined)?.[0]?.value
  const path = typeof c.path === 'string' ? c.path : ''
  return {
    name: action.name,
    datasource: key,
    url: path === '' ? '/' : path,
    method,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(body === undefined ? {} : { body, bodyType }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(smart === false ? { smartSubstitution: false } : {}),
  }
}

function uniqueKey(key: string, url: string | undefined, datasources: Map<string, DatasourceRef>): string {
  let candidate = key
  for (let n = 2; datasources.has(candidate) && datasources.get(candidate)!.url !== url; n++) candidate = `${key}_${n}`
  return candidate
}

/** A JS object file's text: the collection's body, which Appsmith already writes as `export default { … }`. */
export function jsObjectFile(collection: SourceCollection): string {
  return collection.body.endsWith('\n') ? collection.body : `${collection.body}\n`
}

/** The action id the runtime takes: a query name, or `JSObject.fn`. */
function actionId(a: { name: string; fullyQualifiedName?: string; collectionId?: string; pluginType?: string }, collectionNames: ReadonlyMap<string, string>): string {
  if (a.fullyQualifiedName) return a.fullyQualifiedName
  if (a.pluginType === 'JS' && a.collectionId !== undefined) {
    const collection = collectionNames.get(a.collectionId) ?? a.collectionId.replace(/^.*?_/, '')
    return `${collection}.${a.name}`
  }
  return a.name
}

/**
 * A page's load actions: Appsmith's `layoutOnLoadActions` order when the page has
 * one, else the actions marked `runBehaviour: ON_PAGE_LOAD` / `AUTOMATIC` or
 * `executeOnLoad`; and its `ON_PAGE_UNLOAD` JS functions.
 */
export function pageActions(page: SourcePage, actions: readonly SourceAction[], collectionNames: ReadonlyMap<string, string>): { pageLoad: string[]; onPageUnload: string[] } {
  const mine = actions.filter((a) => a.page === page.name)
  const fromLayout = page.onLoad.flat().map((a: OnLoadAction) => {
    const match = mine.find((m) => m.name === a.name && (a.collectionId === undefined || m.collectionId === a.collectionId)) ?? mine.find((m) => m.fullyQualifiedName === a.name)
    return actionId(match ?? a, collectionNames)
  })
  const flagged = mine.filter((a) => a.runBehaviour === 'ON_PAGE_LOAD' || a.runBehaviour === 'AUTOMATIC' || a.executeOnLoad === true).map((a) => actionId(a, collectionNames))
  const pageLoad = [...new Set(fromLayout.length > 0 ? fromLayout : flagged)]
  const onPageUnload = mine.filter((a) => a.pluginType === 'JS' && a.runBehaviour === 'ON_PAGE_UNLOAD').map((a) => actionId(a, collectionNames))
  return { pageLoad: pageLoad.filter((id) => IDENT.test(id.split('.')[0] ?? '')), onPageUnload }
}
