// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { MAX_MODEL_CHARS, normaliseSrcDoc, parseFrameMessage } from '../../widgets/custom-widget/channel'
import { CUSTOM_WIDGET_FRAME_CSP, customWidgetFrameHtml } from '../../widgets/custom-widget/frame-document'
import { SmithCustomWidget } from '../../widgets/index'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)

describe('the frame channel', () => {
  test('accepts the four message types, well formed', () => {
    expect(parseFrameMessage({ type: 'ready' })).toEqual({ type: 'ready' })
    expect(parseFrameMessage({ type: 'update-model', model: { a: 1 } })).toEqual({ type: 'update-model', model: { a: 1 } })
    expect(parseFrameMessage({ type: 'trigger-event', name: 'onSave', context: { id: 2 } })).toEqual({ type: 'trigger-event', name: 'onSave', context: { id: 2 } })
    expect(parseFrameMessage({ type: 'trigger-event', name: 'onSave' })).toEqual({ type: 'trigger-event', name: 'onSave', context: null })
    expect(parseFrameMessage({ type: 'error', message: 'x'.repeat(900) })).toEqual({ type: 'error', message: 'x'.repeat(500) })
  })

  test('refuses everything else, saying why', () => {
    expect(parseFrameMessage('hello')).toEqual({ refused: 'not a message object' })
    expect(parseFrameMessage({ type: 'update-model', model: [1] })).toEqual({ refused: 'updateModel needs an object' })
    expect(parseFrameMessage({ type: 'update-model', model: { n: 1n } })).toEqual({ refused: 'updateModel needs JSON data' })
    expect(parseFrameMessage({ type: 'update-model', model: { s: 'x'.repeat(MAX_MODEL_CHARS) } })).toMatchObject({ refused: expect.stringMatching(/larger than/) })
    expect(parseFrameMessage({ type: 'trigger-event', name: 'x; alert(1)' })).toMatchObject({ refused: expect.stringMatching(/event name/) })
    expect(parseFrameMessage({ type: 'trigger-event', name: 'ok', context: 'str' })).toMatchObject({ refused: expect.stringMatching(/context/) })
    expect(parseFrameMessage({ type: 'store-value', key: 'authAccessToken' })).toEqual({ refused: 'unknown message type "store-value"' })
  })

  test('srcDoc: an object, its JSON, or plain HTML', () => {
    expect(normaliseSrcDoc({ html: '<b>x</b>', css: 'b{}', js: 'go()' })).toEqual({ html: '<b>x</b>', css: 'b{}', js: 'go()' })
    expect(normaliseSrcDoc('{"html":"<i>y</i>","js":1}')).toEqual({ html: '<i>y</i>', css: '', js: '' })
    expect(normaliseSrcDoc('<p>plain</p>')).toEqual({ html: '<p>plain</p>', css: '', js: '' })
    expect(normaliseSrcDoc(null)).toEqual({ html: '', css: '', js: '' })
  })

  test('the frame document carries its bootstrap and a policy that allows nothing outside https', () => {
    const doc = customWidgetFrameHtml()
    expect(doc).toContain("Object.defineProperty(window, 'appsmith'")
    expect(doc).toContain('smith-custom-widget:init')
    expect(CUSTOM_WIDGET_FRAME_CSP).toMatch(/^default-src 'none'/)
    expect(CUSTOM_WIDGET_FRAME_CSP).not.toMatch(/'self'|\*/)
  })
})

describe('<smith-custom-widget>', () => {
  test('a sandboxed frame without same-origin, loading the frame document', async () => {
    const el = await mount<'smith-custom-widget'>('<smith-custom-widget name="C1"></smith-custom-widget>')
    const frame = shadow(el).querySelector('iframe')!
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts')
    expect(frame.getAttribute('src')).toBe(SmithCustomWidget.frameUrl)
    expect(frame.getAttribute('title')).toBe('C1 (custom widget)')
  })

  test('model starts from defaultModel (object or JSON), follows it, and resets to it', async () => {
    const el = await mount<'smith-custom-widget'>('<smith-custom-widget></smith-custom-widget>', { defaultModel: { count: 1 } })
    expect(el.getMeta('model')).toEqual({ count: 1 })
    el.setMeta('model', { count: 5 })
    el.resetMeta()
    expect(el.getMeta('model')).toEqual({ count: 1 })
    el.defaultModel = '{"count": 7}'
    await el.updateComplete
    expect(el.getMeta('model')).toEqual({ count: 7 })
  })
})
