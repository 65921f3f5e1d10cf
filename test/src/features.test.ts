/**
 * The runtime without its optional parts (src/features.ts), as a built app that does not
 * use them runs: this file imports src/app, never src/index (which installs every part).
 * Each part the app would need is an error that names it, never a silent gap; installing
 * a part (src/feature-install.ts) brings it.
 */
import { describe, expect, test } from 'vitest'
import { createApp } from '../../src/app'
import { hostOnly } from '../../src/features'
import { withGlobals, withInjectedGlobals, withQueries, withUrl } from '../../src/feature-install'
import { download, missingGlobals, timeouts } from '../../src/globals'
import { memoryStorage } from '../../src/storage'

// As the entry `smithlet build` generates does when it leaves a global group out.
withGlobals(missingGlobals)

const options = { storage: memoryStorage(), channel: null, warn: () => {} }

describe('a runtime with none of its optional parts installed', () => {
  test('the store and its globals are there; a left-out global says it is not in the build', async () => {
    const app = await createApp({ id: 'features-none' }, options)
    await (app.scope.storeValue as (k: string, v: unknown) => Promise<unknown>)('a', 1)
    expect((app.scope.appsmith as { store: Record<string, unknown> }).store.a).toBe(1)
    expect(() => (app.scope.download as () => void)()).toThrow('this build has no download: smithlet build bundles each part of the runtime only for apps whose code uses it')
    expect(() => (app.scope.showModal as () => void)()).toThrow(/^this build has no showModal:/)
    // Not the browser's setTimeout, which would outlive the app: an error naming it.
    expect(() => (app.scope.setTimeout as (f: () => void) => void)(() => {})).toThrow(/^this build has no setTimeout:/)
    expect(() => (app.scope.clearTimeout as (h: unknown) => void)(1)).toThrow(/^this build has no clearTimeout:/)
    app.dispose()
  })

  test('appsmith.theme, appsmith.geolocation and appsmith.URL say they are not in the build; a theme given resolved is read as is', async () => {
    const app = await createApp({ id: 'features-appsmith' }, options)
    const appsmith = app.scope.appsmith as Record<string, unknown>
    expect(() => appsmith.theme).toThrow(/^this build has no appsmith\.theme:/)
    expect(() => appsmith.geolocation).toThrow(/^this build has no appsmith\.geolocation:/)
    expect(() => appsmith.URL).toThrow(/^this build has no appsmith\.URL:/)
    expect(appsmith.mode).toBe('PUBLISHED')
    app.dispose()
    const themed = await createApp({ id: 'features-theme', theme: { colors: { primaryColor: '#123456' } } }, options)
    expect((themed.scope.appsmith as { theme: unknown }).theme).toEqual({ colors: { primaryColor: '#123456' } })
    themed.dispose()
  })

  test('queries, JS objects, modules and page-load actions are errors naming the part', async () => {
    await expect(createApp({ id: 'features-q', queries: [{ name: 'q', url: '/x' }] }, options)).rejects.toThrow(/^this build has no queries:/)
    await expect(createApp({ id: 'features-js', jsObjects: { J: 'export default {}' } }, options)).rejects.toThrow(/^this build has no JS objects:/)
    await expect(createApp({ id: 'features-m', modules: { M: { main: 'export default {}' } } }, options)).rejects.toThrow(/^this build has no modules:/)
    // As the generated entry gives them to an app that has none: nothing to install.
    const empty = await createApp({ id: 'features-empty', queries: [], jsObjects: {}, modules: {}, libraries: {} }, options)
    await empty.runPageLoad()
    empty.dispose()
    const app = await createApp({ id: 'features-pl', pageLoad: ['J.f'] }, options)
    await expect(app.runPageLoad()).rejects.toThrow(/^this build has no page-load actions:/)
    app.dispose()
  })

  test("the globals a host's options inject (now, random, fetch, locks) say they are not in the build; installed, code sees them", async () => {
    // The entry `smithlet build` generates passes none of these options, so a built app never meets this.
    for (const injected of [{ now: () => 0 }, { random: () => 0.5 }, { fetch: globalThis.fetch }, { locks: null }]) {
      await expect(createApp({ id: 'features-injected' }, { ...options, ...injected })).rejects.toThrow(/^this build has no injected globals \(now, random, fetch, locks\):/)
    }
    const plain = await createApp({ id: 'features-not-injected' }, options)
    expect(['Date', 'Math', 'fetch', 'navigator'].filter((name) => name in plain.scope)).toEqual([])
    plain.dispose()
    withInjectedGlobals()
    const app = await createApp({ id: 'features-injected-installed' }, { ...options, now: () => 86_400_000, random: () => 0.25, locks: null })
    const scope = app.scope as { Date: DateConstructor; Math: Math; navigator: { locks?: unknown } }
    expect([scope.Date.now(), new scope.Date().toISOString(), scope.Math.random(), scope.Math.max(1, 2), scope.navigator.locks]).toEqual([86_400_000, '1970-01-02T00:00:00.000Z', 0.25, 2, undefined])
    app.dispose()
  })

  test("the host API left out of a built app's production bundle is an error naming it", () => {
    // What app.watch, app.evaluate, app.errors, dispose and RunningApp.navigate are where `smithlet build` defines __SMITHLET_HOST_API__ false.
    expect(() => hostOnly()).toThrow(/^this build has no host API \(app\.watch, app\.evaluate, app\.errors, dispose, navigate\): smithlet build bundles/)
  })

  test('an installed part is there', async () => {
    withQueries()
    withGlobals(download, timeouts)
    withUrl()
    const app = await createApp({ id: 'features-some', queries: [{ name: 'q', url: 'http://127.0.0.1:9/x' }] }, { ...options, url: 'http://example.com/app/Home?from=a#top' })
    expect(typeof (app.scope.q as { run: unknown }).run).toBe('function')
    const url = (app.scope.appsmith as { URL: Record<string, unknown> }).URL
    expect([url.pathname, url.hash, url.queryParams]).toEqual(['/app/Home', '#top', { from: 'a' }])
    await expect((app.scope.download as (d: unknown, f: unknown) => Promise<void>)('x', '')).rejects.toThrow(/fileName/)
    // setTimeout is the app's: it fires while the app runs, and never after it is disposed.
    const fired: string[] = []
    const setTimeoutOf = app.scope.setTimeout as (f: (tag: string) => void, ms: number, tag: string) => unknown
    await new Promise<void>((done) => void setTimeoutOf((tag) => (fired.push(tag), done()), 1, 'running'))
    setTimeoutOf((tag) => fired.push(tag), 1, 'after dispose')
    app.dispose()
    await new Promise((r) => setTimeout(r, 20))
    expect(fired).toEqual(['running'])
  })
})
