// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { documentKind } from '../../widgets/document-viewer'
import { iframeSandbox } from '../../widgets/iframe'
import { httpUrl, isDataImage } from '../../widgets/url'
import { cleanup, mount, recordTriggers, shadow } from './helpers'

afterEach(cleanup)

describe('url checks', () => {
  test('only http(s) URLs pass; data:image but not SVG', () => {
    expect(httpUrl('https://example.com/a')?.href).toBe('https://example.com/a')
    expect(httpUrl('javascript:alert(1)')).toBeNull()
    expect(httpUrl(' JAVASCRIPT:alert(1)')).toBeNull()
    expect(httpUrl('data:text/html,x')).toBeNull()
    expect(httpUrl(42)).toBeNull()
    expect(isDataImage('data:image/png;base64,AAAA')).toBe(true)
    expect(isDataImage('data:image/svg+xml,<svg onload=alert(1)>')).toBe(false)
  })
})

describe('<smith-iframe>', () => {
  test('an http(s) source loads in a sandboxed frame; same-origin pages get an opaque origin', async () => {
    const el = await mount<'smith-iframe'>('<smith-iframe name="F" source="https://example.com/embed" title="Map"></smith-iframe>')
    const frame = shadow(el).querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe('https://example.com/embed')
    expect(frame.getAttribute('title')).toBe('Map')
    expect(frame.getAttribute('sandbox')).toContain('allow-same-origin')
    expect(iframeSandbox(new URL('http://app.test/x'), 'http://app.test')).not.toContain('allow-same-origin')
    expect(iframeSandbox(null, '')).not.toContain('allow-same-origin')
  })

  test('a javascript: source is refused with a message; srcDoc renders without same-origin', async () => {
    const el = await mount<'smith-iframe'>('<smith-iframe source="javascript:alert(1)"></smith-iframe>')
    expect(shadow(el).querySelector('iframe')).toBeNull()
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toMatch(/only http and https/)
    el.srcDoc = '<p>hi</p>'
    await el.updateComplete
    const frame = shadow(el).querySelector('iframe')!
    expect(frame.getAttribute('sandbox')).toBe(iframeSandbox(null, ''))
  })

  test('onURLChanged fires when source changes after the first render', async () => {
    const el = await mount<'smith-iframe'>('<smith-iframe source="https://a.example/"></smith-iframe>')
    const log = recordTriggers(el)
    el.source = 'https://b.example/'
    await el.updateComplete
    expect(log.map((e) => e.event)).toEqual(['onURLChanged'])
  })

  test('messages from another window are ignored', async () => {
    const el = await mount<'smith-iframe'>('<smith-iframe source="https://a.example/"></smith-iframe>')
    const log = recordTriggers(el)
    window.dispatchEvent(new MessageEvent('message', { data: 'spoof', source: window }))
    expect(log).toEqual([])
    expect(el.getMeta('message')).toBeUndefined()
  })
})

describe('<smith-statbox>', () => {
  test('holds its children in light DOM and takes colours through CSSOM', async () => {
    const el = await mount<'smith-statbox'>('<smith-statbox background-color="#fafafa"><smith-text text="Views"></smith-text></smith-statbox>')
    expect(shadow(el).querySelector('slot')).not.toBeNull()
    expect(el.querySelector('smith-text')).not.toBeNull()
    expect(el.style.getPropertyValue('--smith-statbox-background')).toBe('#fafafa')
  })
})

describe('<smith-document-viewer>', () => {
  test('kinds: image by extension, office, pdf otherwise; non-http refused', () => {
    expect(documentKind('https://x.test/a.PNG?x=1')).toBe('image')
    expect(documentKind('https://x.test/a.docx')).toBe('office')
    expect(documentKind('https://x.test/a.pdf')).toBe('pdf')
    expect(documentKind('javascript:alert(1)')).toBe('invalid')
    expect(documentKind('')).toBe('none')
    expect(documentKind('data:image/gif;base64,R0lGOD')).toBe('image')
  })

  test('renders an image, a PDF object with a link, and an alert for a bad URL', async () => {
    const el = await mount<'smith-document-viewer'>('<smith-document-viewer doc-url="https://x.test/a.jpg"></smith-document-viewer>')
    expect(shadow(el).querySelector('img')!.getAttribute('src')).toBe('https://x.test/a.jpg')
    el.docUrl = 'https://x.test/a.pdf'
    await el.updateComplete
    expect(shadow(el).querySelector('object')!.getAttribute('data')).toBe('https://x.test/a.pdf')
    expect(shadow(el).querySelector('a')!.getAttribute('rel')).toContain('noopener')
    el.docUrl = 'javascript:alert(1)'
    await el.updateComplete
    expect(shadow(el).querySelector('object, img, a')).toBeNull()
    expect(shadow(el).querySelector('[role="alert"]')).not.toBeNull()
  })
})
