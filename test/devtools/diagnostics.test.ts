// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../widgets/define'
import { disposingTestApp } from '../support/app'

const testApp = disposingTestApp()
afterEach(() => void (document.body.innerHTML = ''))

async function mounted(html: string, definition = {}) {
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.appendChild(root)
  const app = await testApp(definition)
  await app.mount(root).catch((error: unknown) => app.warnings.push(`mount threw: ${(error as Error).message}`))
  return app
}

const coded = (warnings: readonly string[], code: string) => warnings.filter((w) => w.startsWith(`smithlet [${code}]:`))

describe('dev-only diagnostics', () => {
  it('a data binding that returns a Promise: one warning with its code and README anchor, however often it re-evaluates', async () => {
    const app = await mounted('<smith-text name="T" text="{{ JSObject1.load() }}"></smith-text>', {
      jsObjects: { JSObject1: 'export default { load: async () => appsmith.store.n }' },
    })
    await app.run(`storeValue('n', 1)`)
    await app.run(`storeValue('n', 2)`)
    const warnings = coded(app.warnings, 'promise-binding')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('{{ JSObject1.load() }}')
    expect(warnings[0]).toMatch(/\(README\.md#promise-binding\)$/)
  })

  it('an event attribute without on-: says which attribute and how to write it', async () => {
    const app = await mounted('<smith-button name="B" onclick="{{ showAlert(1) }}"></smith-button>')
    const warnings = coded(app.warnings, 'event-attribute')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('B: attribute "onclick"')
    expect(warnings[0]).toContain('on-click=')
  })

  it('a widget name used twice names both widgets', async () => {
    const app = await mounted('<smith-text name="Same" text="a"></smith-text><smith-button name="Same" label="b"></smith-button>')
    const warnings = coded(app.warnings, 'duplicate-name')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('"Same" (<smith-text> and <smith-button>)')
  })

  it('a query run from a data binding is named, and a query run from an event is not', async () => {
    const app = await mounted('<smith-text name="T" text="{{ Api1.run() }}"></smith-text><smith-text name="U" text="{{ Api1.data }}"></smith-text>', {
      queries: [{ name: 'Api1', url: 'http://127.0.0.1:9/never' }],
    })
    expect(coded(app.warnings, 'query-in-binding')).toEqual([
      'smithlet [query-in-binding]: Api1.run() was called from a data binding; bindings read Api1.data, and events or page load run Api1 (README.md#query-in-binding)',
    ])
    await app.run('Api1.run()').catch(() => undefined)
    expect(coded(app.warnings, 'query-in-binding')).toHaveLength(1)
  })
})
