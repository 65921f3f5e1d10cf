// @vitest-environment happy-dom
/**
 * Multi-page apps (src/pages.ts, src/router.ts) with real Lit widgets in happy-dom:
 * which page a URL shows, navigateTo through the history, appsmith.URL, and what
 * leaving a page disposes (its bindings' effects, its entities, its intervals).
 */
import { afterEach, describe, expect, test } from 'vitest'
import { memoryStorage, startApp } from '../../src/index'
import type { MultiPageDefinition, RunningApp } from '../../src/index'
import { createRouter } from '../../src/router'
import '../../widgets/define'

const BASE = 'http://localhost:3000/app/'
let running: RunningApp | undefined
afterEach(() => {
  running?.dispose()
  running = undefined
  document.body.replaceChildren()
})

const definition: MultiPageDefinition = {
  id: 'pages-test',
  title: 'T',
  jsObjects: { Shared: 'export default { visits: 0, visit() { this.visits++ } }' },
  pages: [
    {
      name: 'Home',
      html: '<smith-text name="Greeting" text="Hello {{ appsmith.store.who ?? \'you\' }}"></smith-text>',
      pageLoad: ['Shared.visit'],
    },
    {
      name: 'Users',
      title: 'All users',
      html: '<smith-text name="Q" text="q={{ appsmith.URL.queryParams.q }} {{ Local.n }}"></smith-text>',
      jsObjects: { Local: 'export default { n: 7, tick() { setInterval(() => { this.n++ }, 5, "t") } }' },
      pageLoad: ['Local.tick'],
      onPageUnload: ['Shared.visit'],
    },
  ],
}

async function start(path: string): Promise<RunningApp> {
  history.replaceState(null, '', path)
  running = await startApp(definition, { base: BASE, storage: memoryStorage(), channel: null, locks: null, warn: () => undefined })
  return running
}

const text = (name: string): string | undefined => document.querySelector(`[name="${name}"]`)?.textContent?.trim()
const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('createRouter', () => {
  const router = createRouter(BASE, ['Home', 'Users', 'A b'])
  test('maps URLs to pages: <base>, <base>index.html, <base><Page>, <Page>/, <Page>/index.html', () => {
    expect(router.pageOf(BASE)).toBe('Home')
    expect(router.pageOf(`${BASE}index.html?x=1`)).toBe('Home')
    for (const path of ['Users', 'Users/', 'Users/index.html', 'Users?q=1#h']) expect(router.pageOf(BASE + path), path).toBe('Users')
    expect(router.pageOf(`${BASE}A%20b`)).toBe('A b')
    expect(router.pageOf(`${BASE}Nope`)).toBeUndefined()
    expect(router.pageOf(`${BASE}%E0%A4%A`)).toBeUndefined()
    expect(router.pageOf('http://localhost:3000/other/')).toBeNull()
    expect(router.pageOf('http://elsewhere.test/app/Users')).toBeNull()
  })
  test('urlOf: the page under the base, with query parameters', () => {
    expect(router.urlOf('Users', { q: 'x y', n: 2, o: { a: 1 } })).toBe(`${BASE}Users?q=x+y&n=2&o=%7B%22a%22%3A1%7D`)
    expect(router.urlOf('A b')).toBe(`${BASE}A%20b`)
  })
})

describe('startApp', () => {
  test('shows the page the URL names, and navigateTo moves through the history', async () => {
    const app = await start('/app/')
    await tick()
    expect(app.page).toBe('Home')
    expect(document.title).toBe('T · Home')
    expect(text('Greeting')).toBe('Hello you')
    expect(app.app.evaluate('{{ Shared.visits }}')).toBe(1)

    await app.app.run("{{ navigateTo('Users', { q: 'abc' }) }}")
    await tick()
    expect(location.href).toBe(`${BASE}Users?q=abc`)
    expect(app.page).toBe('Users')
    expect(document.title).toBe('All users')
    expect(text('Q')).toMatch(/^q=abc \d+$/) // Local.n counts up from 7 on a 5 ms interval
    expect(document.querySelector('[name="Greeting"]')).toBeNull()
    expect(app.app.evaluate('{{ appsmith.URL.pathname }}')).toBe('/app/Users')

    history.back()
    await tick(20)
    expect(app.page).toBe('Home')
    expect(text('Greeting')).toBe('Hello you')
    // onPageUnload of Users ran, then Home's page load again: the app-level object lives on.
    expect(app.app.evaluate('{{ Shared.visits }}')).toBe(3)
  })

  test('leaving a page disposes its bindings, entities and intervals', async () => {
    const app = await start('/app/Users?q=1')
    await tick(30)
    const old = document.querySelector('[name="Q"]') as HTMLElement & { text: string }
    expect(app.app.scope.Local).toBeDefined()
    const ticked = Number(/(\d+)$/.exec(old.text)![1])
    expect(ticked).toBeGreaterThan(7) // the interval runs while the page shows

    app.navigate('Home')
    await tick()
    expect(app.app.scope.Local).toBeUndefined()
    expect(app.app.scope.Q).toBeUndefined()
    const frozen = old.text
    await app.app.run("{{ storeValue('who', 'Ada', false) }}")
    await tick(30)
    // The old widget's binding no longer runs (neither the URL, the store nor the interval moves it).
    expect(old.text).toBe(frozen)
    expect(text('Greeting')).toBe('Hello Ada')
    expect(app.app.errors).toEqual([])
  })

  test('a URL that names no page says so, with a link to the start page', async () => {
    const warnings: string[] = []
    history.replaceState(null, '', '/app/Nope')
    running = await startApp(definition, { base: BASE, storage: memoryStorage(), channel: null, locks: null, warn: (m) => warnings.push(m) })
    expect(running.page).toBeUndefined()
    expect(document.body.textContent).toMatch(/Page not found/)
    expect(document.querySelector('a')!.getAttribute('href')).toBe(`${BASE}Home`)
    expect(warnings).toEqual([expect.stringMatching(/no page of this app matches \/app\/Nope/)])
    expect(() => running!.navigate('Nope')).toThrow(/this app has no page "Nope"/)
  })

  test('navigateTo a page that does not exist is an error naming the pages; a URL is not', async () => {
    const app = await start('/app/')
    await expect(app.app.run("{{ navigateTo('Userz') }}")).rejects.toThrow('navigateTo: this app has no page "Userz" (pages: Home, Users)')
    expect(location.pathname).toBe('/app/')
    expect(app.page).toBe('Home')
    // A URL in another window is opened, not routed.
    const opened: string[] = []
    const open = window.open
    window.open = ((url: string) => {
      opened.push(url)
      return null
    }) as typeof window.open
    try {
      await app.app.run("{{ navigateTo('example.com/x', {}, 'NEW_WINDOW') }}")
      await app.app.run("{{ navigateTo('Users', { a: 1 }, 'NEW_WINDOW') }}")
    } finally {
      window.open = open
    }
    expect(opened).toEqual(['https://example.com/x', `${BASE}Users?a=1`])
    expect(app.page).toBe('Home')
  })
})
