// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import '../../widgets/define'
import { ActionError, BindingError } from '../../src/index'
import { redactSecrets } from '../../src/redact'
import { disposingTestApp, json, startServer, type TestServer } from '../support/app'

// A token as the auth module stores it; no piece of it may reach a message.
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmVkLWJ5LXRlc3Q'
const pieces = (text: string): string[] => {
  const found: string[] = []
  for (let i = 0; i + 6 <= TOKEN.length; i++) if (text.includes(TOKEN.slice(i, i + 6))) found.push(TOKEN.slice(i, i + 6))
  return found
}

let server: TestServer
let usersFail = true
beforeAll(async () => {
  server = await startServer()
  server.route('/users', (req, res) => {
    // happy-dom's fetch applies CORS as a browser does; the page is on another origin.
    res.setHeader('access-control-allow-origin', '*')
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (usersFail) json(res, 500, { error: 'database down' })
    else json(res, 200, [{ name: 'Ada' }])
  })
})
afterAll(() => server.close())

const open = disposingTestApp()
afterEach(() => {
  document.body.innerHTML = ''
  usersFail = true
})

const getUsers = () => ({ name: 'getUsers', url: `${server.url}/users?authtoken={{ appsmith.store.authAccessToken }}` })
const toastText = (): string => document.querySelector('smith-toast')!.shadowRoot!.textContent ?? ''

async function mounted(html: string, definition: Parameters<typeof open>[0] = {}) {
  document.body.innerHTML = html
  const app = await open({ queries: [getUsers()], ...definition })
  await app.run(`storeValue('authAccessToken', '${TOKEN}')`)
  await app.mount(document.body)
  const el = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLElement
  return { app, el }
}

describe('failed actions in app.errors', () => {
  it('a failed event: its technical form in app.errors and the console, plain words on screen; gone when the same event next succeeds', async () => {
    const { app, el } = await mounted(`
      <smith-toast name="Toast1"></smith-toast>
      <smith-button name="ReloadButton" label="Reload" on-click="{{ getUsers.run() }}"></smith-button>`)
    el('ReloadButton').click()
    await vi.waitFor(() => expect(app.errors).toHaveLength(2))
    const [query, event] = app.errors
    expect(event).toBeInstanceOf(ActionError)
    expect(event).toBeInstanceOf(BindingError) // app.errors keeps its type
    expect(event).toMatchObject({ kind: 'action', entity: 'ReloadButton', property: 'onClick', expression: '{{ getUsers.run() }}' })
    expect(event!.message).toMatch(/^ReloadButton\.onClick failed: QueryError: getUsers failed with status 500/)
    expect(query).toMatchObject({ kind: 'action', entity: 'getUsers', property: 'run' })
    expect(query!.message).toMatch(/^getUsers\.run\(\) failed: QueryError: getUsers failed with status 500/)
    // The console has the same technical form; the person reads plain words.
    expect(app.warnings).toEqual([`smithlet: ${event!.message}`])
    await vi.waitFor(() => expect(toastText()).toContain('The server had a problem. Please try again later.'))
    expect(toastText()).not.toContain('QueryError')
    for (const text of [...app.errors.map((e) => e.message), ...app.warnings]) {
      expect(text).not.toContain('authtoken')
      expect(pieces(text)).toEqual([])
    }

    usersFail = false
    el('ReloadButton').click()
    await vi.waitFor(() => expect(app.errors).toEqual([]))
    expect(app.warnings).toHaveLength(1)
  })

  it('a binding error and a failed action side by side: each kind says which it is', async () => {
    const { app, el } = await mounted(`
      <smith-text name="Broken" text="{{ Missing.value }}"></smith-text>
      <smith-button name="Save" label="Save" on-click="{{ Nope.fn() }}"></smith-button>`)
    el('Save').click()
    await vi.waitFor(() => expect(app.errors).toHaveLength(2))
    expect(app.errors.map((e) => [e.kind, `${e.entity}.${e.property}`])).toEqual([['binding', 'Broken.text'], ['action', 'Save.onClick']])
  })

  it('a failed page-load action: a JS function whose error quotes a URL and a token is reported without them; leaving the page ends it', async () => {
    const definition = {
      pageLoad: ['Loader.load'],
      jsObjects: {
        Loader: `export default {
          load() {
            if (appsmith.store.broken === false) return 'ok'
            throw new Error('GET https://api.example.test/v1/rows?authtoken=' + appsmith.store.authAccessToken + '&page=2 refused; Authorization: Bearer ' + appsmith.store.authAccessToken.slice(4, 30))
          },
        }`,
      },
    }
    const { app } = await mounted('<smith-toast name="Toast1"></smith-toast>', definition)
    expect(app.errors).toHaveLength(1)
    const [error] = app.errors
    expect(error).toMatchObject({ kind: 'action', entity: 'Loader', property: 'load', expression: 'Loader.load' })
    expect(error!.message).toBe('page-load action Loader.load failed: Error: GET https://api.example.test/v1/rows?… refused; Authorization: Bearer •••')
    expect(app.warnings).toEqual([`smithlet: ${error!.message}`])
    expect(pieces(app.warnings[0]!)).toEqual([])
    expect(toastText()).toContain('Something went wrong. Please try again.')

    app.unmount()
    expect(app.errors).toEqual([])
    await app.run(`storeValue('broken', false)`)
    await app.mount(document.body)
    expect(app.errors).toEqual([])
  })

  it('a failing page-load query is one entry, named as the page-load action; it goes when the query next succeeds', async () => {
    const { app } = await mounted('<smith-text name="Rows" text="{{ getUsers.data?.length ?? 0 }}"></smith-text>', {
      queries: [{ ...getUsers(), runOnPageLoad: true }],
    })
    expect(app.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^page-load action getUsers failed: QueryError: getUsers failed with status 500/)])
    usersFail = false
    await app.run('{{ getUsers.run() }}')
    expect(app.errors).toEqual([])
  })

  it('a query run that fails where no event or page load reports it (code that catches it) is listed too, until it succeeds', async () => {
    const { app } = await mounted('', {
      jsObjects: { Sync: 'export default { async go() { try { return await getUsers.run() } catch { return "offline" } } }' },
    })
    expect(await app.run('{{ Sync.go() }}')).toBe('offline')
    expect(app.errors.map((e) => [e.entity, e.property, e.kind])).toEqual([['getUsers', 'run', 'action']])
    expect(app.errors[0]!.message).toMatch(/^getUsers\.run\(\) failed: QueryError: getUsers failed with status 500/)
    // The caller handled it: the console stays quiet.
    expect(app.warnings).toEqual([])
    usersFail = false
    expect(await app.run('{{ Sync.go() }}')).toEqual([{ name: 'Ada' }])
    expect(app.errors).toEqual([])
  })
})

describe('redactSecrets', () => {
  it('removes query strings, fragments with values, JWTs, scheme credentials and the given secrets', () => {
    expect(redactSecrets('GET /api/rows?authtoken=abc123&x=1 failed')).toBe('GET /api/rows?… failed')
    expect(redactSecrets('back at https://app.test/cb#access_token=xyz&state=1')).toBe('back at https://app.test/cb#…')
    expect(redactSecrets(`bad token ${TOKEN}!`)).toBe('bad token •••!')
    expect(redactSecrets('Authorization: Basic dXNlcjpwdw==')).toBe('Authorization: Basic •••')
    expect(redactSecrets('opaque s3cr3t-refresh-value leaked', ['s3cr3t-refresh-value'])).toBe('opaque ••• leaked')
    // Plain messages stay as they are.
    expect(redactSecrets('ReloadButton.onClick failed: TypeError: x is not a function (is it?)')).toBe('ReloadButton.onClick failed: TypeError: x is not a function (is it?)')
  })
})
