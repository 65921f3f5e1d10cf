// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDevtools, type SmithDevtools } from '../../devtools/index'
import '../../widgets/define'
import { startServer, testApp, type TestServer } from '../support/app'

const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmVkLWJ5LXRlc3Q'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
  // happy-dom's fetch enforces CORS like a browser: the page's origin is not the server's.
  server.route('/api/rows', (req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-headers', 'authorization')
    if (req.method === 'OPTIONS') return void res.end()
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ results: [{ name: 'Ada' }], count: 1, echo: req.headers.authorization }))
  })
})
afterAll(() => server.close())

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
  document.body.innerHTML = ''
})

async function setup() {
  const devtools = createDevtools()
  const root = document.createElement('div')
  root.innerHTML = `
    <smith-text name="Count" data-smith-loc='{"file":"pages/Home/index.html","text":"3:22"}' text="{{ appsmith.store.count }} clicks"></smith-text>
    <smith-text name="Broken" data-smith-loc='{"file":"pages/Home/index.html","text":"4:23"}' text="{{ Missing.value.deeper }}"></smith-text>
    <smith-text name="Rows" text="{{ Api1.data ? Api1.data.count : 0 }} rows"></smith-text>`
  document.body.appendChild(root)
  const app = await testApp(
    {
      queries: [{ name: 'Api1', url: `${server.url}/api/rows?authtoken={{appsmith.store.authAccessToken}}`, headers: { Authorization: 'Bearer {{appsmith.store.authAccessToken}}' } }],
    },
    { inspector: devtools.inspector, baseUrl: server.url },
  )
  cleanups.push(() => app.dispose())
  await app.run(`storeValue('authAccessToken', '${TOKEN}'); storeValue('count', 1)`)
  await app.mount(root)
  const panel = devtools.attach(app, { open: true })
  panel.clipboard = { writeText: async (text) => void copied.push(text) }
  const copied: string[] = []
  await settle(panel)
  return { app, panel, copied, devtools }
}

async function settle(panel: SmithDevtools): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await panel.updateComplete
  }
}

function text(panel: SmithDevtools): string {
  return panel.shadowRoot!.textContent ?? ''
}

async function openTab(panel: SmithDevtools, label: string): Promise<void> {
  const tab = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent?.startsWith(label))
  tab!.click()
  await settle(panel)
}

describe('<smith-devtools>', () => {
  it('shows entities with live values: a storeValue updates the open tree', async () => {
    const { app, panel } = await setup()
    const row = (path: string) => panel.shadowRoot!.querySelector(`[data-path="${path}"]`)
    expect(row('Count')).not.toBeNull()
    expect(row('Api1')).not.toBeNull()
    // Expand appsmith, then appsmith.store.
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-path="appsmith"] .toggle')!.click()
    await settle(panel)
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-path="appsmith.store"] .toggle')!.click()
    await settle(panel)
    expect(row('appsmith.store.count')!.textContent).toContain('1')
    await app.run(`storeValue('count', 42)`)
    await settle(panel)
    expect(row('appsmith.store.count')!.textContent).toContain('42')
    expect(row('appsmith.store.authAccessToken')!.textContent).toContain(`masked, ${TOKEN.length} characters`)
  })

  it('copies a path as a binding, and finds paths by search', async () => {
    const { panel, copied } = await setup()
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-path="Count"] .key')!.click()
    await settle(panel)
    expect(copied).toEqual(['{{ Count }}'])
    const search = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!
    search.value = 'store.cou'
    search.dispatchEvent(new Event('input'))
    await settle(panel)
    expect([...panel.shadowRoot!.querySelectorAll('[data-path]')].map((e) => e.getAttribute('data-path'))).toEqual(['appsmith.store.count'])
  })

  it('lists a binding error at its source location, with its text; clicking highlights the widget', async () => {
    const { panel } = await setup()
    await openTab(panel, 'Errors')
    const rows = [...panel.shadowRoot!.querySelectorAll('.error-row')]
    expect(rows).toHaveLength(1)
    expect(rows[0]!.textContent).toContain('pages/Home/index.html:4:23')
    expect(rows[0]!.textContent).toContain('Broken.text')
    expect(rows[0]!.textContent).toContain('{{ Missing.value.deeper }}')
    ;(rows[0] as HTMLElement).click()
    await settle(panel)
    expect(panel.shadowRoot!.querySelector('[data-highlight="Broken.text"]')).not.toBeNull()
  })

  it('logs a query run with its masked path, status, size and cause, and the body with tokens masked', async () => {
    const { app, panel } = await setup()
    await app.run('Api1.run()')
    await openTab(panel, 'Queries')
    const row = panel.shadowRoot!.querySelector('[data-query="Api1"]')!
    expect(row.textContent).toContain('GET /api/rows?authtoken=•')
    expect(row.textContent).toContain('200')
    expect(row.textContent).toContain('code')
    const all = text(panel)
    expect(all).toContain('"count": 1')
    for (let i = 0; i + 6 <= TOKEN.length; i += 3) expect(all).not.toContain(TOKEN.slice(i, i + 6))
  })

  it('shows what a binding read on its last evaluation, and what reads an entity', async () => {
    const { app, panel } = await setup()
    await app.run('Api1.run()')
    await openTab(panel, 'Dependencies')
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!
    input.value = 'Rows.text'
    input.dispatchEvent(new Event('change'))
    await settle(panel)
    const deps = [...panel.shadowRoot!.querySelectorAll('.dependencies .key')].map((e) => e.textContent)
    expect(deps).toEqual(['Api1.data'])
    input.value = 'Api1'
    input.dispatchEvent(new Event('change'))
    await settle(panel)
    expect([...panel.shadowRoot!.querySelectorAll('.readers .key')].map((e) => e.textContent)).toEqual(['Rows.text'])
  })

  it('toggles with Alt+Shift+D and never shows a piece of a token anywhere', async () => {
    const { panel } = await setup()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'D', altKey: true, shiftKey: true }))
    await settle(panel)
    expect(panel.open).toBe(false)
    expect(panel.shadowRoot!.querySelector('.launcher')).not.toBeNull()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'D', altKey: true, shiftKey: true }))
    await settle(panel)
    expect(panel.open).toBe(true)
    for (const label of ['Entities', 'Errors', 'Queries', 'Dependencies', 'Page load']) {
      await openTab(panel, label)
      const all = text(panel)
      for (let i = 0; i + 6 <= TOKEN.length; i++) expect(all).not.toContain(TOKEN.slice(i, i + 6))
    }
  })

  it('lists a failed action with the code it ran and its technical message, until it next succeeds', async () => {
    const devtools = createDevtools()
    const root = document.createElement('div')
    root.innerHTML = `<smith-button name="Reload" label="Reload" on-click="{{ Loader.load() }}"></smith-button>
      <smith-text name="Shown" text="{{ appsmith.store.ok ? 'fine' : 'failing' }}"></smith-text>`
    document.body.appendChild(root)
    const app = await testApp({ jsObjects: { Loader: `export default { load() { if (!appsmith.store.ok) throw new Error('rows unavailable') } }` } }, { inspector: devtools.inspector })
    cleanups.push(() => app.dispose())
    await app.mount(root)
    const panel = devtools.attach(app, { open: true })
    await settle(panel)
    await openTab(panel, 'Errors')
    expect(text(panel)).toContain('No errors.')
    root.querySelector<HTMLElement>('[name="Reload"]')!.click()
    await vi.waitFor(() => expect(app.errors).toHaveLength(1))
    await settle(panel)
    const rows = [...panel.shadowRoot!.querySelectorAll('.error-row')]
    expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(['Reload.onClick'])
    expect(rows[0]!.textContent).toContain('failed action')
    expect(rows[0]!.textContent).toContain('{{ Loader.load() }}')
    expect(rows[0]!.textContent).toContain('Reload.onClick failed: Error: rows unavailable')
    await app.run(`storeValue('ok', true)`)
    root.querySelector<HTMLElement>('[name="Reload"]')!.click()
    await vi.waitFor(() => expect(app.errors).toHaveLength(0))
    await settle(panel)
    expect(panel.shadowRoot!.querySelectorAll('.error-row')).toHaveLength(0)
  })
})
