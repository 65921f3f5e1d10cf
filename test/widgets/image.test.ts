// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { imageUrl } from '../../widgets/image'
import { appMounter, settle } from './app'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)
const open = appMounter()
const img = (el: Element): HTMLImageElement | null => shadow(el).querySelector('img')

test('http(s) and data:image URLs are shown, with objectFit and alt', async () => {
  const el = await mount<'smith-image'>('<smith-image image="https://example.com/a.png" object-fit="contain" alt="Logo"></smith-image>')
  expect(img(el)?.getAttribute('src')).toBe('https://example.com/a.png')
  expect(img(el)?.classList.contains('contain')).toBe(true)
  expect(img(el)?.alt).toBe('Logo')
  el.image = 'data:image/png;base64,iVBORw0KGgo='
  await el.updateComplete
  expect(img(el)?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=')
})

test('other URLs never reach the page: defaultImage, else a note', async () => {
  const el = await mount<'smith-image'>('<smith-image default-image="https://example.com/fallback.png"></smith-image>', { image: 'javascript:alert(1)' })
  expect(img(el)?.getAttribute('src')).toBe('https://example.com/fallback.png')
  el.defaultImage = 'data:text/html,<script>alert(1)</script>'
  await el.updateComplete
  expect(img(el)).toBeNull()
  expect(shadow(el).textContent).toMatch(/only http\(s\) and data:image URLs/)
  expect(shadow(el).querySelector('script')).toBeNull()
})

test('enableDownload adds a download link to the same safe URL', async () => {
  const el = await mount<'smith-image'>('<smith-image image="https://example.com/a.png" enable-download></smith-image>')
  const a = shadow(el).querySelector('a')!
  expect(a.getAttribute('href')).toBe('https://example.com/a.png')
  expect(a.hasAttribute('download')).toBe(true)
})

test('through the app: with on-click the image is a button; Enter and clicks run it', async () => {
  const { app, el } = await open(`<smith-image name="Pic" image="https://example.com/a.png" on-click="{{storeValue('clicked', (appsmith.store.clicked || 0) + 1)}}"></smith-image>`)
  const i = img(el('Pic'))!
  expect(i.getAttribute('role')).toBe('button')
  expect(i.tabIndex).toBe(0)
  i.click()
  i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
  await settle()
  expect(app.evaluate('{{appsmith.store.clicked}}')).toBe(2)
})

test('imageUrl', () => {
  expect(imageUrl('/logo.png')).toBe(new URL('/logo.png', document.baseURI).href)
  expect(imageUrl(' JAVASCRIPT:alert(1)')).toBeUndefined()
  expect(imageUrl('data:image/svg+xml;base64,AA')).toBeUndefined()
  expect(imageUrl('data:image/gif;base64,AA')).toBe('data:image/gif;base64,AA')
  expect(imageUrl(42)).toBeUndefined()
})
