// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { referencedBuiltinLibraries } from '../../src/build/builtin-libraries'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()

describe('appsmith.theme', () => {
  it('is the app’s theme over Appsmith’s default, and becomes CSS custom properties on the mount root', async () => {
    const app = await open({ theme: { colors: { primaryColor: '#ff0000' }, fontFamily: { appFont: 'Poppins' } } })
    expect(app.evaluate('{{ appsmith.theme.colors.primaryColor }}')).toBe('#ff0000')
    expect(app.evaluate('{{ appsmith.theme.borderRadius.appBorderRadius }}')).toBe('0.375rem')
    const root = document.createElement('div')
    document.body.append(root)
    await app.mount(root)
    expect(root.style.getPropertyValue('--smith-primary')).toBe('#ff0000')
    expect(root.style.getPropertyValue('--smith-radius')).toBe('0.375rem')
    expect(root.style.getPropertyValue('--smith-font')).toContain('Poppins')
    root.remove()
  })

  it('without a theme is Appsmith’s "Modern" theme', async () => {
    const app = await open()
    expect(app.evaluate('{{ appsmith.theme.colors.primaryColor }}')).toBe('#553DE9')
  })
})

describe('appsmith.user and appsmith.mode', () => {
  it('user is configurable; Auth_Module’s user wins when it has one', async () => {
    const app = await open({ user: { email: 'ada@example.com', name: 'Ada' } })
    expect(app.evaluate('{{ appsmith.user.email }}')).toBe('ada@example.com')
    expect(app.evaluate('{{ appsmith.mode }}')).toBe('PUBLISHED')
    const withAuth = await open({
      user: { email: 'config@example.com' },
      jsObjects: { Auth_Module: 'export default { user: { email: "signed-in@example.com" } }' },
    })
    expect(withAuth.evaluate('{{ appsmith.user.email }}')).toBe('signed-in@example.com')
  })
})

describe('appsmith.geolocation', () => {
  it('getCurrentPosition calls back, resolves and fills currentPosition; none available is a clear error', async () => {
    const fake = {
      getCurrentPosition(ok: PositionCallback) {
        ok({ coords: { latitude: 48.85, longitude: 2.35, accuracy: 5, altitude: null, altitudeAccuracy: null, heading: null, speed: null }, timestamp: 1 } as unknown as GeolocationPosition)
      },
      watchPosition: () => 1,
      clearWatch: () => undefined,
    } as unknown as Geolocation
    const app = await open({}, { geolocation: fake })
    expect(app.evaluate('{{ appsmith.geolocation.canBeRequested }}')).toBe(true)
    expect(await app.run('{{ appsmith.geolocation.getCurrentPosition((p) => storeValue("lat", p.coords.latitude)) }}')).toMatchObject({ coords: { latitude: 48.85 } })
    expect(app.evaluate('{{ appsmith.geolocation.currentPosition.coords.longitude }}')).toBe(2.35)
    expect(app.evaluate('{{ appsmith.store.lat }}')).toBe(48.85)
    const none = await open({}, { geolocation: null })
    await expect(none.run('{{ appsmith.geolocation.getCurrentPosition() }}')).rejects.toThrow(/gives no location/)
  })
})

describe('postWindowMessage', () => {
  it('posts to the parent window with the target origin; the origin is required', async () => {
    const sent: unknown[] = []
    const app = await open({}, { postMessage: (m, o) => sent.push([m, o]) })
    await app.run('{{ postWindowMessage({ hi: 1 }, "window", "https://host.example") }}')
    expect(sent).toEqual([[{ hi: 1 }, 'https://host.example']])
    await expect(app.run('{{ postWindowMessage("x", "window") }}')).rejects.toThrow(/target origin/)
    await expect(app.run('{{ postWindowMessage("x", "Nope", "*") }}')).rejects.toThrow(/neither "window" nor an iframe/)
  })
})

describe('built-in libraries referenced by an app', () => {
  it('moment, _ and forge count only as free names', () => {
    const found = (sources: Array<{ kind: 'js' | 'template'; text: string }>) => referencedBuiltinLibraries(sources).map((l) => l.packageName)
    expect(found([{ kind: 'template', text: '<smith-text text="{{ moment().format(\'LL\') }}"></smith-text>' }])).toEqual(['moment'])
    expect(found([{ kind: 'js', text: 'export default { f() { return _.uniq([1, 1]) } }' }])).toEqual(['lodash'])
    expect(found([{ kind: 'js', text: 'export default { f() { return forge.md.sha256.create() } }' }, { kind: 'template', text: '{{ moment }}' }])).toEqual(['moment', 'node-forge'])
    expect(found([{ kind: 'template', text: 'moment _ forge {{ a._ + "moment" }}' }])).toEqual([])
    expect(found([{ kind: 'js', text: 'export default { _: 1, f() { return this._ } }' }])).toEqual([])
  })
})
