import { describe, expect, it } from 'vitest'
import { convertAction, datasourceKey, pageActions } from '../../src/import/index'
import type { SourceAction, SourcePage } from '../../src/import/source'

const rest = (name: string, config: Record<string, unknown>, extra: Partial<SourceAction> = {}): SourceAction => ({
  pluginType: 'API', pluginId: 'restapi-plugin', page: 'Page1', name,
  datasource: { name: 'DEFAULT_REST_DATASOURCE', datasourceConfiguration: { url: 'http://api.example.test:5001' } },
  actionConfiguration: config, ...extra,
})

describe('REST actions → queries', () => {
  it('keep method, path, headers, params, body and content type, timeout and the smart-substitution flag', () => {
    const ds = new Map()
    const q = convertAction(rest('Save', {
      httpMethod: 'POST', path: '/v1/users/{{Table1.selectedRow.id}}',
      headers: [{ key: 'content-type', value: 'application/json' }, { key: '', value: 'ignored' }, { key: 'Authorization', value: 'Bearer {{appsmith.store.token}}' }],
      queryParameters: [{ key: 'page', value: '{{Table1.pageNo}}' }],
      body: '{"name": "{{Input1.text}}"}', timeoutInMillisecond: 5000, pluginSpecifiedTemplates: [{ value: false }],
    }), ds)
    expect(q).toEqual({
      name: 'Save', datasource: 'api_example_test_5001', url: '/v1/users/{{Table1.selectedRow.id}}', method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: 'Bearer {{appsmith.store.token}}' },
      params: { page: '{{Table1.pageNo}}' }, body: '{"name": "{{Input1.text}}"}', bodyType: 'json', timeoutMs: 5000, smartSubstitution: false,
    })
    expect([...ds.values()]).toEqual([{ key: 'api_example_test_5001', url: 'http://api.example.test:5001', appsmithName: 'DEFAULT_REST_DATASOURCE' }])
  })

  it('form bodies become fields; a GET sends no body; a named datasource keeps its name', () => {
    const ds = new Map()
    const form = convertAction(rest('F', { httpMethod: 'POST', path: '/f', headers: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }], bodyFormData: [{ key: 'a', value: '{{1}}' }] }), ds)
    expect(form).toMatchObject({ body: { a: '{{1}}' }, bodyType: 'form' })
    const get = convertAction(rest('G', { httpMethod: 'GET', path: '/g', body: 'ignored' }, { datasource: { name: 'Users API' } }), ds)
    expect(get).toEqual({ name: 'G', datasource: 'Users_API', url: '/g', method: 'GET' })
    expect(ds.get('Users_API')).toEqual({ key: 'Users_API', url: undefined, appsmithName: 'Users API' })
  })

  it('another plugin becomes a query that names it (and keeps its SQL)', () => {
    const q = convertAction({ pluginType: 'DB', pluginId: 'postgres-plugin', page: 'Home', name: 'SelectQuery', actionConfiguration: { body: 'SELECT 1' } }, new Map())
    expect(q).toEqual({ name: 'SelectQuery', url: '', plugin: 'postgres-plugin', body: 'SELECT 1', bodyType: 'text' })
  })

  it('datasource keys are identifiers', () => {
    expect(datasourceKey('http://35.154.225.218:3000', 'http://35.154.225.218:3000')).toBe('api_35_154_225_218_3000')
    expect(datasourceKey('DEFAULT_REST_DATASOURCE', undefined)).toBe('api')
  })
})

describe('page load', () => {
  const page = (onLoad: SourcePage['onLoad']): SourcePage => ({ name: 'Page1', dsl: { type: 'CANVAS_WIDGET', widgetName: 'MainContainer' }, onLoad })
  const actions: SourceAction[] = [
    rest('A', {}, { runBehaviour: 'ON_PAGE_LOAD' }),
    rest('B', {}, { executeOnLoad: true }),
    { pluginType: 'JS', pluginId: 'js-plugin', page: 'Page1', name: 'init', fullyQualifiedName: 'Hooks.init', actionConfiguration: {}, runBehaviour: 'ON_PAGE_LOAD' },
    { pluginType: 'JS', pluginId: 'js-plugin', page: 'Page1', name: 'bye', collectionId: 'Page1_Hooks', actionConfiguration: {}, runBehaviour: 'ON_PAGE_UNLOAD' },
  ]
  it('follows layoutOnLoadActions when the page has them', () => {
    expect(pageActions(page([[{ name: 'B' }], [{ name: 'init', pluginType: 'JS' }]]), actions, new Map())).toEqual({ pageLoad: ['B', 'Hooks.init'], onPageUnload: ['Hooks.bye'] })
  })
  it('else runBehaviour ON_PAGE_LOAD / executeOnLoad', () => {
    expect(pageActions(page([]), actions, new Map()).pageLoad).toEqual(['A', 'B', 'Hooks.init'])
  })
})
