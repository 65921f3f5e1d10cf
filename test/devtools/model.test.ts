import { describe, expect, it } from 'vitest'
import { readersOf } from '../../devtools/dependencies'
import { entityNames } from '../../devtools/entities'
import { containsSecret, isMasked, maskValue, storeSecretRules } from '../../devtools/mask'
import { createDevtoolsSession, maskedPath } from '../../devtools/session'
import { childEntries, pathKey, pathToBinding, searchPaths, valueAt, visibleRows } from '../../devtools/tree'
import { maskedJson } from '../../devtools/views'
import type { BindingRecord } from '../../src/inspect'
import { effect, signal } from '../../src/reactive'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLWJ5dGVz'
const REFRESH = 'rt-9f8e7d6c5b4a39281706'

function fixture() {
  const store = signal<Record<string, unknown>>({ authAccessToken: TOKEN, authRefreshToken: REFRESH, count: 3 })
  const view = new Proxy({} as Record<string, unknown>, {
    get: (_, key: string) => store.value[key],
    ownKeys: () => Reflect.ownKeys(store.value),
    getOwnPropertyDescriptor: (_, key: string) => ({ enumerable: true, configurable: true, value: store.value[key] }),
  })
  const data = signal<unknown>({ results: [{ name: 'Ada', echo: `Bearer ${TOKEN}` }], count: 1 })
  const scope: Record<string, unknown> = {
    appsmith: { store: view, URL: { pathname: '/Home', queryParams: { q: 'x' } } },
    Api1: { run: () => undefined, config: { headers: { Authorization: 'Bearer {{token}}' } }, get data() { return data.value } },
    Table1: Object.freeze({ selectedRow: { 'first name': 'Ada' }, pageNo: 1 }),
    storeValue: () => undefined,
    jose: { decodeJwt: () => ({}) },
  }
  return { scope, store, data, rules: storeSecretRules(view) }
}

describe('secrets in the devtools model', () => {
  it('masks the auth store keys, header values, and any string holding a token or a 6-character piece of one', () => {
    const { rules } = fixture()
    expect(isMasked(maskValue(TOKEN, ['appsmith', 'store', 'authAccessToken'], rules))).toBe(true)
    expect(isMasked(maskValue('Bearer {{token}}', ['Api1', 'config', 'headers', 'Authorization'], rules))).toBe(true)
    expect(isMasked(maskValue(`Bearer ${TOKEN}`, ['Api1', 'data', 'echo'], rules))).toBe(true)
    expect(containsSecret(REFRESH.slice(3, 9), rules)).toBe(true)
    expect(containsSecret(REFRESH.slice(3, 8), rules)).toBe(false)
    expect(maskValue('Ada', ['Api1', 'data', 'name'], rules)).toBe('Ada')
    expect(maskValue(3, ['appsmith', 'store', 'count'], rules)).toBe(3)
  })

  it('follows the current tokens: after a rotation the new token is masked and the old one no longer is', () => {
    const { store, rules } = fixture()
    const rotated = 'rt-00112233445566778899'
    store.value = { ...store.value, authRefreshToken: rotated }
    expect(containsSecret(rotated, rules)).toBe(true)
    expect(containsSecret(REFRESH, rules)).toBe(false)
  })

  it('never renders a token in the visible rows, even fully expanded', () => {
    const { scope, rules } = fixture()
    const expanded = new Set<string>()
    const names = ['appsmith', 'Api1', 'Table1']
    // Expand everything, level by level.
    for (let i = 0; i < 6; i++) for (const row of visibleRows(scope, names, expanded, rules)) if (row.expandable) expanded.add(pathKey(row.path))
    const rows = visibleRows(scope, names, expanded, rules)
    const text = rows.map((r) => `${r.path.join('.')} ${r.preview}`).join('\n')
    expect(text).toContain('appsmith.store.count 3')
    expect(text).toContain(`appsmith.store.authAccessToken •••••• (masked, ${TOKEN.length} characters)`)
    expect(text).toContain('Api1.data.results.0.name "Ada"')
    for (const secret of [TOKEN, REFRESH]) for (let i = 0; i + 6 <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + 6))
  })

  it('masks credential fields and token-holding strings in a logged body', () => {
    const { rules } = fixture()
    const text = maskedJson({ access_token: 'short-opaque', nested: { echo: TOKEN }, name: 'Ada' }, rules)
    expect(text).toContain('"name": "Ada"')
    expect(text).not.toContain('short-opaque')
    expect(text).not.toContain(TOKEN.slice(0, 6))
  })
})

describe('the entity tree', () => {
  it('previews containers by size only and leaves by value; paths become bindings', () => {
    const { scope, rules } = fixture()
    const rows = visibleRows(scope, ['Table1'], new Set([pathKey(['Table1'])]), rules)
    expect(rows.map((r) => [r.path.join('.'), r.preview])).toEqual([
      ['Table1', '{2 keys}'],
      ['Table1.selectedRow', '{1 key}'],
      ['Table1.pageNo', '1'],
    ])
    expect(pathToBinding(['Table1', 'selectedRow', 'first name'])).toBe('{{ Table1.selectedRow["first name"] }}')
    expect(pathToBinding(['Api1', 'data', 'results', '0', 'name'])).toBe('{{ Api1.data.results[0].name }}')
  })

  it('is live: rows computed in an effect follow a signal change', () => {
    const { scope, data, rules } = fixture()
    const seen: string[] = []
    const stop = effect(() => {
      const rows = visibleRows(scope, ['Api1'], new Set([pathKey(['Api1']), pathKey(['Api1', 'data'])]), rules)
      seen.push(rows.find((r) => r.path.join('.') === 'Api1.data.count')?.preview ?? '-')
    })
    data.value = { results: [], count: 7 }
    stop()
    expect(seen).toEqual(['1', '7'])
  })

  it('searches paths by name, bounded in depth and count; a throwing getter is shown, not thrown', () => {
    const { scope, rules } = fixture()
    const found = searchPaths(scope, ['appsmith', 'Api1', 'Table1'], 'first', rules).map((n) => n.path.join('.'))
    expect(found).toEqual(['Table1.selectedRow.first name'])
    const broken = { get boom(): unknown { throw new TypeError('nope') } }
    expect(childEntries(broken)[0]![1]).toBeInstanceOf(TypeError)
    expect(valueAt({ broken }, ['broken', 'boom'])).toBeInstanceOf(TypeError)
    const huge = { list: Array.from({ length: 100_000 }, (_, i) => ({ i })) }
    expect(searchPaths(huge, ['list'], 'zzz', rules, { limit: 1_000 })).toEqual([])
  })
})

describe('entities, readers and the query log', () => {
  const record = (key: string, template: string): BindingRecord => {
    const [widget, property] = key.split('.') as [string, string]
    return { key, widget, property, template, element: {} as Element, location: undefined, evaluate: () => undefined }
  }

  it('groups the scope as the entity explorer does and leaves out global functions', () => {
    const { scope } = fixture()
    const groups = entityNames(scope, new Map())
    expect(groups.map((g) => [g.label, g.names])).toEqual([
      ['Widgets', ['Table1']],
      ['Queries', ['Api1']],
      ['appsmith', ['appsmith']],
      ['Libraries', ['jose']],
    ])
  })

  it('lists the bindings that read an entity, on identifier boundaries', () => {
    const bindings = new Map([
      ['Text1.text', record('Text1.text', '{{ Api1.data.count }} rows')],
      ['Text2.text', record('Text2.text', '{{ Api10.data }}')],
      ['Text3.text', record('Text3.text', '{{ foo.Api1 }}')],
    ])
    expect(readersOf('Api1', bindings)).toEqual(['Text1.text'])
    expect(readersOf('Api1.data', bindings)).toEqual(['Text1.text'])
  })

  it('keeps the query log bounded, with query-string values masked', () => {
    const session = createDevtoolsSession()
    for (let i = 0; i < 250; i++) {
      const done = session.inspector.queryRun!({ name: `Q${i}`, method: 'GET', url: `http://127.0.0.1:1/api/rows?authtoken=${TOKEN}&page=${i}`, cause: 'code', startedAt: i })
      if (done) done({ status: 200, ok: true, durationMs: 1, size: 2, body: {} })
    }
    const log = session.queries.value
    expect(log).toHaveLength(200)
    expect(log[0]!.name).toBe('Q50')
    expect(log[199]!.path).toBe('/api/rows?authtoken=•&page=•')
    expect(log[199]!.outcome?.status).toBe(200)
    expect(JSON.stringify(log)).not.toContain(TOKEN.slice(0, 6))
    expect(maskedPath('/a b?x=1#frag', 'http://127.0.0.1:1')).toBe('/a%20b?x=•')
  })
})
