import { afterEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/index'
import { disposingTestApp } from '../support/app'

const open = disposingTestApp()
afterEach(() => {
  vi.useRealTimers()
})

describe('showAlert', () => {
  it('reaches options.onAlert with the message and type; other values are shown as JSON', async () => {
    const onAlert = vi.fn()
    const app = await open({}, { onAlert })
    await app.run('{{ showAlert("Saved", "success") }}')
    await app.run('{{ showAlert("Careful", "warning") }}')
    await app.run('{{ showAlert("default type") }}')
    await app.run('{{ showAlert({ n: 1 }, "error") }}')
    await app.run('{{ showAlert("odd type", "shout") }}')
    expect(onAlert.mock.calls).toEqual([
      ['Saved', 'success'],
      ['Careful', 'warning'],
      ['default type', 'success'],
      ['{"n":1}', 'error'],
      ['odd type', 'info'],
    ])
  })

  it('is callable from a JS object', async () => {
    const onAlert = vi.fn()
    const app = await open({ jsObjects: { J: 'export default { hi() { return showAlert("hi from J", "info") } }' } }, { onAlert })
    await app.run('{{ J.hi() }}')
    expect(onAlert).toHaveBeenCalledWith('hi from J', 'info')
  })
})

describe('setInterval / clearInterval', () => {
  it('runs a callback by id until cleared', async () => {
    const app = await open({ jsObjects: { J: 'export default { ticks: 0, tick() { this.ticks++ } }' } })
    vi.useFakeTimers()
    expect(await app.run('{{ setInterval(() => J.tick(), 100, "poll") }}')).toBe('poll')
    vi.advanceTimersByTime(350)
    expect(app.evaluate('{{ J.ticks }}')).toBe(3)
    await app.run('{{ clearInterval("poll") }}')
    vi.advanceTimersByTime(1000)
    expect(app.evaluate('{{ J.ticks }}')).toBe(3)
  })

  it('gives an id when none is passed; a second start under one id replaces the first', async () => {
    const app = await open({ jsObjects: { J: 'export default { a: 0, b: 0 }' } })
    vi.useFakeTimers()
    const id = await app.run('{{ setInterval(() => { J.a = J.a + 1 }, 10) }}')
    expect(typeof id).toBe('string')
    await app.run('{{ setInterval(() => { J.b = J.b + 1 }, 10, "x") }}')
    await app.run('{{ setInterval(() => { J.b = J.b + 100 }, 10, "x") }}')
    vi.advanceTimersByTime(10)
    expect(app.evaluate('{{ [J.a, J.b] }}')).toEqual([1, 100])
    await app.run(`{{ clearInterval(${JSON.stringify(id)}) }}`)
    vi.advanceTimersByTime(10)
    expect(app.evaluate('{{ [J.a, J.b] }}')).toEqual([1, 200])
  })

  it('dispose stops every interval', async () => {
    const app = await open({ jsObjects: { J: 'export default { n: 0 }' } })
    vi.useFakeTimers()
    await app.run('{{ setInterval(() => { J.n++ }, 10, "a"); setInterval(() => { J.n++ }, 10, "b"); setInterval(() => { J.n++ }, 10) }}')
    vi.advanceTimersByTime(10)
    expect(app.evaluate('{{ J.n }}')).toBe(3)
    expect(vi.getTimerCount()).toBe(3)
    app.dispose()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(100)
    expect(app.evaluate('{{ J.n }}')).toBe(3)
  })

  it('a callback that throws is reported and the interval keeps running', async () => {
    const app = await open({ jsObjects: { J: 'export default { n: 0, tick() { this.n++; throw new Error("tick failed") } }' } })
    vi.useFakeTimers()
    await app.run('{{ setInterval(() => J.tick(), 10, "t") }}')
    vi.advanceTimersByTime(30)
    expect(app.evaluate('{{ J.n }}')).toBe(3)
    expect(app.warnings.some((w) => w.includes('tick failed'))).toBe(true)
  })

  it('rejects a callback that is not a function', async () => {
    const app = await open()
    await expect(app.run('{{ setInterval("J.tick()", 10) }}')).rejects.toThrow(TypeError)
  })
})

describe('navigateTo', () => {
  it('calls the injected navigate with target, params and mode', async () => {
    const navigate = vi.fn()
    const app = await open({}, { navigate })
    await app.run('{{ navigateTo("Page2", { id: 7 }) }}')
    await app.run('{{ navigateTo("https://example.com/x", {}, "NEW_WINDOW") }}')
    expect(navigate.mock.calls).toEqual([
      ['Page2', { id: 7 }, 'SAME_WINDOW'],
      ['https://example.com/x', {}, 'NEW_WINDOW'],
    ])
    await expect(app.run('{{ navigateTo("") }}')).rejects.toThrow(/page name or a URL/)
  })
})

describe('resetWidget without widgets', () => {
  it('is an error naming the widget', async () => {
    const app = await open()
    await expect(app.run('{{ resetWidget("Table1") }}')).rejects.toThrow(/Table1/)
  })
})

describe('bad calls name the function and the argument', () => {
  it.each([
    ['download(data, undefined)', '{{ download({ a: 1 }, undefined) }}', 'download: fileName must be a file name, got undefined'],
    ['download(undefined, name)', '{{ download(undefined, "a.json") }}', 'download: data must be the data to save (text, a Blob or JSON-able data), got undefined'],
    ['download with a numeric type', '{{ download("x", "a.txt", 5) }}', "download: fileType must be a MIME type such as 'text/csv', got a number"],
    ['navigateTo("")', '{{ navigateTo("") }}', 'navigateTo: pageNameOrUrl must be a page name or a URL, got an empty string'],
    ['navigateTo with params as text', '{{ navigateTo("Page2", "id=7") }}', 'navigateTo: params must be an object of query parameters, got a string'],
    ['navigateTo with an unknown target', '{{ navigateTo("Page2", {}, "POPUP") }}', "navigateTo: target must be 'SAME_WINDOW' or 'NEW_WINDOW', got a string"],
    ['setInterval with code as text', '{{ setInterval("J.tick()", 10) }}', 'setInterval: callback must be a function, got a string'],
    ['setInterval without an interval', '{{ setInterval(() => 1) }}', 'setInterval: interval must be a number of milliseconds, got undefined'],
    ['setInterval with an interval as text', '{{ setInterval(() => 1, "100") }}', 'setInterval: interval must be a number of milliseconds, got a string'],
    ['setInterval with a numeric id', '{{ setInterval(() => 1, 10, 7) }}', 'setInterval: id must be a string, got a number'],
    ['clearInterval()', '{{ clearInterval() }}', 'clearInterval: id must be the id setInterval returned, got undefined'],
    ['copyToClipboard(object)', '{{ copyToClipboard({ a: 1 }) }}', 'copyToClipboard: text must be text, got an object'],
    ['resetWidget(7)', '{{ resetWidget(7) }}', 'resetWidget: widgetName must be a widget name, got a number'],
    ['resetWidget(name, "yes")', '{{ resetWidget("T", "yes") }}', 'resetWidget: resetChildren must be true or false, got a string'],
    ['showAlert()', '{{ showAlert() }}', 'showAlert: message must be the text to show, got undefined'],
    ['showAlert with a numeric type', '{{ showAlert("x", 3) }}', "showAlert: type must be 'success', 'info', 'warning' or 'error', got a number"],
    ['storeValue with persist as text', '{{ storeValue("k", 1, "no") }}', 'storeValue: persist must be true or false, got a string'],
  ])('%s', async (_, code, message) => {
    const app = await open()
    const error = await app.run(code).then(() => null, (e: unknown) => e as Error)
    expect(error).toBeInstanceOf(TypeError)
    expect(error!.message).toBe(message)
    expect(app.evaluate('{{ appsmith.store.k }}')).toBeUndefined() // nothing was written
  })
})
