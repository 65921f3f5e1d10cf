// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BindingError, type App } from '../../src/index'
import { signal, type Signal } from '../../src/reactive'
import { isBoundAttribute } from '../../src/widget-contract'
import { ReactiveElement } from 'lit'
import { json, startServer, testApp, type TestServer } from '../support/app'

/**
 * A minimal widget that follows the runtime's contract (src/widget-contract.ts): declared
 * reactive properties, converted from plain attributes by Lit, bound ones left to the runtime.
 */
class Probe extends ReactiveElement {
  [property: string]: unknown
  static override properties = {
    text: {},
    tableData: { attribute: 'table-data' },
    count: {},
    label: {},
    shown: {},
    other: {},
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!isBoundAttribute(value)) super.attributeChangedCallback(name, old, value)
  }

  errors: Record<string, string> = {}
  loading = false
  meta: Record<string, Signal<unknown>> = {}
}

/** A widget with meta state and a reset. */
class Picker extends Probe {
  override meta = { selected: signal<unknown>('none'), page: signal<unknown>(1) }
  resets = 0
  resetMeta(): void {
    this.resets++
    this.meta.selected.value = 'none'
    this.meta.page.value = 1
  }
}

/** A button: fires `onClick`. */
class Clicker extends Probe {
  override click(): void {
    this.dispatchEvent(new CustomEvent('smith-trigger', { detail: { event: 'onClick' } }))
  }
}

/** A toast: shows alerts. */
class Toast extends Probe {
  static showsAlerts = true
  shown: Array<[string, string]> = []
  keys: Array<string | undefined> = []
  dismissed: string[] = []
  show(message: string, type: string, key?: string): void {
    this.shown.push([message, type])
    this.keys.push(key)
  }
  dismissKey(key: string): void {
    this.dismissed.push(key)
  }
}

/** A widget with exposed methods (as `Input1.setValue(x)`) and one listed that it lacks. */
class Settable extends Probe {
  static exposedMethods = ['setValue']
  value: unknown = null
  setValue(value: unknown): string {
    this.value = value
    return `set on ${this.localName}`
  }
}

/** Lists a method it does not have. */
class Broken extends Probe {
  static exposedMethods = ['setNothing']
}

/** Has a show() method but no alert capability: not a toast (a modal, say). */
class Modal extends Probe {
  shown: unknown[] = []
  show(...args: unknown[]): void {
    this.shown.push(args)
  }
}

customElements.define('smith-probe', Probe)
customElements.define('smith-settable', Settable)
customElements.define('smith-broken', Broken)
customElements.define('smith-modal', Modal)
customElements.define('smith-picker', Picker)
customElements.define('smith-clicker', Clicker)
customElements.define('smith-toast', Toast)

let server: TestServer
let flakyFails = true
beforeAll(async () => {
  server = await startServer()
  server.route('/flaky', (req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    if (req.method === 'OPTIONS') res.writeHead(204).end() // happy-dom's CORS preflight
    else if (flakyFails) json(res, 503, { error: 'down' })
    else json(res, 200, { results: [{ name: 'Back again' }] })
  })
  server.route('/rows', async (_req, res) => {
    await new Promise((r) => setTimeout(r, 30))
    // happy-dom's fetch applies CORS as a browser does; the page is on another origin.
    res.setHeader('access-control-allow-origin', '*')
    json(res, 200, { results: [{ name: 'Ada' }] })
  })
})
afterAll(() => server.close())

const apps: App[] = []
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose()
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

async function mount(html: string, definition: Parameters<typeof testApp>[0] = {}, options: Parameters<typeof testApp>[1] = {}) {
  document.body.innerHTML = html
  const app = await testApp(definition, options)
  apps.push(app)
  await app.mount(document.body)
  const el = <T extends Element = Probe>(name: string) => document.querySelector(`[name="${name}"]`) as unknown as T
  return { app, el }
}

describe('binding attributes', () => {
  it('push evaluated values into element properties, typed, camel-cased, and reactive', async () => {
    const { app, el } = await mount(`
      <smith-probe name="Text1" text="Hello {{appsmith.store.user}}!" table-data="{{appsmith.store.rows}}" count="{{ 2 + 1 }}"></smith-probe>`)
    const t = el('Text1')
    expect(t.text).toBe('Hello !')
    expect(t.tableData).toBeUndefined()
    expect(t.count).toBe(3)
    await app.run('{{ storeValue("user", "Ada"); storeValue("rows", [{ id: 1 }]) }}')
    expect(t.text).toBe('Hello Ada!')
    expect(t.tableData).toEqual([{ id: 1 }])
  })

  it('text that only looks like a binding ("<< Back") reaches the widget as text', async () => {
    const { app, el } = await mount(`<smith-probe name="Back" label="<< Back" text="<<< {{ 1 + 1 }}"></smith-probe>`)
    expect(el('Back').label).toBe('<< Back')
    expect(el('Back').text).toBe('<<< 2')
    expect(app.evaluate('{{ Back.label }}')).toBe('<< Back')
    expect(app.errors).toEqual([])
  })

  it('registers widgets by name: bindings read their properties and meta; later widgets too', async () => {
    const { app, el } = await mount(`
      <smith-probe name="Label" text="{{Picker1.selected}} / {{Picker1.label}} / {{Picker1.shown}}"></smith-probe>
      <smith-picker name="Picker1" label="static label" shown="{{ 'computed' }}"></smith-picker>`)
    expect(el('Label').text).toBe('none / static label / computed')
    el<Picker>('Picker1').meta.selected.value = 'row 2'
    expect(el('Label').text).toBe('row 2 / static label / computed')
    expect(app.evaluate('{{ Picker1.page }}')).toBe(1)
  })

  it('a binding that calls a JS function reading a widget sees the widget from the first evaluation', async () => {
    const { app, el } = await mount(
      `<smith-probe name="Label" text="{{ utils.selected() }}"></smith-probe>
       <smith-picker name="Picker1" label="static label"></smith-picker>`,
      { jsObjects: { utils: 'export default { selected: () => Picker1.selected }' } },
    )
    expect(app.errors).toEqual([])
    expect(el('Label').text).toBe('none')
    el<Picker>('Picker1').meta.selected.value = 'row 2'
    expect(el('Label').text).toBe('row 2')
  })

  it('a throwing binding is an error value on that property only, listed by the app, and cleared when fixed', async () => {
    const { app, el } = await mount(`
      <smith-probe name="Bad" text="{{appsmith.store.obj.name}}" other="{{ 'fine' }}"></smith-probe>
      <smith-probe name="Good" text="{{ 'ok' }}"></smith-probe>`)
    const bad = el('Bad')
    expect(bad.errors.text).toMatch(/TypeError/)
    expect(bad.errors).not.toHaveProperty('other')
    expect(bad.other).toBe('fine')
    expect(el('Good').text).toBe('ok')
    expect(app.errors).toHaveLength(1)
    const [error] = app.errors
    expect(error).toBeInstanceOf(BindingError)
    expect(error).toMatchObject({ entity: 'Bad', property: 'text', expression: 'appsmith.store.obj.name' })
    // What the code threw is the cause, its stack intact; the BindingError captures none of
    // its own (its frames would be the runtime's evaluator, at a cost per failing binding).
    expect(error!.cause).toBeInstanceOf(TypeError)
    expect((error!.cause as Error).stack).toMatch(/\n\s+at /)
    expect(error!.stack).toBe(`BindingError: ${error!.message}`)
    expect(app.evaluate('{{ Bad.text }}')).toBeUndefined() // the error does not leak into other bindings
    await app.run('{{ storeValue("obj", { name: "now fine" }) }}')
    expect(bad.text).toBe('now fine')
    expect(bad.errors).toEqual({})
    expect(app.errors).toEqual([])
  })

  it('an unparsable binding is an error on its property', async () => {
    const { app, el } = await mount('<smith-probe name="P" text="{{ a + }}"></smith-probe>')
    expect(el('P').errors.text).toBeTruthy()
    expect(app.errors[0]).toMatchObject({ entity: 'P', property: 'text' })
  })

  it('dispose stops pushing values', async () => {
    const { app, el } = await mount('<smith-probe name="P" text="{{appsmith.store.v}}"></smith-probe>')
    const storeValue = app.scope.storeValue as (k: string, v: unknown) => Promise<void>
    await storeValue('v', 1)
    app.dispose()
    await storeValue('v', 2).catch(() => undefined)
    expect(el('P').text).toBe(1)
  })
})

describe('the widget contract: bind only what is declared', () => {
  it('a binding on an undeclared attribute is an error naming it and listing the properties; innerHTML is never written', async () => {
    const payload = '<img src=x onerror="globalThis.__pwned = true">'
    const { app, el } = await mount(
      '<smith-probe name="P" inner-h-t-m-l="{{ appsmith.store.html }}" text="{{ \'still works\' }}"></smith-probe>',
    )
    await app.run(`{{ storeValue('html', ${JSON.stringify(payload)}) }}`)
    const p = el('P')
    expect(p.innerHTML).toBe('')
    expect(p.querySelector('img')).toBeNull()
    expect(p.text).toBe('still works')
    expect(app.errors).toHaveLength(1)
    expect(app.errors[0]).toMatchObject({ entity: 'P', property: 'innerHTML' })
    expect(app.errors[0]!.message).toMatch(/<smith-probe> has no bindable property "innerHTML" \(attribute "inner-h-t-m-l"\)/)
    expect(app.errors[0]!.message).toMatch(/its properties: text, tableData, count, label, shown, other, hidden, isVisible$/)
    expect(p.errors.innerHTML).toBe(app.errors[0]!.message)
  })

  it('__proto__, constructor and plain attributes holding a binding are errors; nothing is assigned', async () => {
    const { app, el } = await mount(
      '<smith-probe name="P" __proto__="{{ ({ polluted: true }) }}" constructor="{{ 1 }}" class="{{ \'x\' }}" aria-label="{{ \'y\' }}"></smith-probe>',
    )
    const p = el('P')
    expect(Object.getPrototypeOf(p)).toBe(Probe.prototype)
    expect(p.constructor).toBe(Probe)
    expect(p.polluted).toBeUndefined()
    expect(app.errors.map((e) => e.property).sort()).toEqual(['__proto__', 'ariaLabel', 'class', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an element that is not a defined widget cannot be bound, and says so', async () => {
    const { app } = await mount('<smith-missing name="M" text="{{ 1 }}"></smith-missing>')
    expect(app.errors[0]!.message).toBe('<smith-missing> is not a defined widget, so attribute "text" cannot be bound')
  })

  it('hidden and is-visible bind visibility; Name.isVisible reads it reactively; setVisibility sets it', async () => {
    const { app, el } = await mount(`
      <smith-probe name="A" is-visible="{{ appsmith.store.show ?? true }}"></smith-probe>
      <smith-probe name="B" hidden="{{ !appsmith.store.show }}"></smith-probe>
      <smith-probe name="C" is-visible="false"></smith-probe>
      <smith-probe name="Label" text="{{ [A.isVisible, B.isVisible, C.isVisible].join() }}"></smith-probe>`)
    expect(el('A').hidden).toBe(false)
    expect(el('B').hidden).toBe(true)
    expect(el('C').hidden).toBe(true)
    expect(el('Label').text).toBe('true,false,false')
    await app.run('{{ storeValue("show", true) }}')
    expect(el('B').hidden).toBe(false)
    expect(el('Label').text).toBe('true,true,false')
    await app.run('{{ storeValue("show", false) }}')
    expect([el('A').hidden, el('B').hidden]).toEqual([true, true])
    expect(el('Label').text).toBe('false,false,false')
    await app.run('{{ C.setVisibility(true) }}')
    expect(el('C').hidden).toBe(false)
    expect(el('Label').text).toBe('false,false,true')
    await expect(app.run('{{ C.setVisibility("yes") }}')).rejects.toThrow('C.setVisibility: isVisible must be true or false, got a string')
  })

  it('exposedMethods become bound functions on the entity; a listed method the class lacks is an error', async () => {
    const { app, el } = await mount('<smith-settable name="Input1"></smith-settable><smith-broken name="B"></smith-broken>')
    expect(await app.run('{{ Input1.setValue(42) }}')).toBe('set on smith-settable')
    expect(el<Settable>('Input1').value).toBe(42)
    const { setValue } = app.scope.Input1 as { setValue: (v: unknown) => unknown }
    setValue(7) // detached from the entity, still bound to the element
    expect(el<Settable>('Input1').value).toBe(7)
    expect(app.errors.map((e) => e.message)).toEqual(['<smith-broken> lists "setNothing" in exposedMethods but has no such method'])
  })

  it('alerts go to widgets whose class shows alerts, whatever their tag; a show() method alone is not enough', async () => {
    const { app, el } = await mount('<smith-toast name="T"></smith-toast><smith-modal name="M"></smith-modal>')
    await app.run('{{ showAlert("Saved", "success") }}')
    expect(el<Toast>('T').shown).toEqual([['Saved', 'success']])
    expect(el<Modal>('M').shown).toEqual([])
  })
})

describe('events and globals', () => {
  it('an on-… attribute runs as a trigger when the widget fires the event', async () => {
    const { app, el } = await mount(`
      <smith-clicker name="Button1" on-click="{{ storeValue('clicked', (appsmith.store.clicked ?? 0) + 1) }}"></smith-clicker>`)
    el<Clicker>('Button1').click()
    el<Clicker>('Button1').click()
    await vi.waitFor(() => expect(app.evaluate('{{ appsmith.store.clicked }}')).toBe(2))
  })

  it('triggers reach the runtime from nested and unnamed widgets, never from elements it did not mount, and stop on dispose', async () => {
    const { app } = await mount(`
      <div><section>
        <smith-clicker on-click="{{ storeValue('anon', (appsmith.store.anon ?? 0) + 1) }}"></smith-clicker>
      </section></div>`)
    const anonymous = document.querySelector('smith-clicker') as Clicker
    anonymous.click()
    await vi.waitFor(() => expect(app.evaluate('{{ appsmith.store.anon }}')).toBe(1))
    // An element added after mount was never bound: its event runs nothing.
    const late = document.createElement('smith-clicker') as Clicker
    late.setAttribute('on-click', "{{ storeValue('late', 1) }}")
    document.body.append(late)
    late.click()
    app.dispose()
    anonymous.click()
    await new Promise((r) => setTimeout(r, 20))
    expect(app.evaluate('{{ appsmith.store.late }}')).toBeUndefined()
    expect(app.evaluate('{{ appsmith.store.anon }}')).toBe(1)
  })

  it('a failing trigger is reported through warn and the toast; the page keeps working', async () => {
    const { app, el } = await mount(`
      <smith-toast name="Toast1"></smith-toast>
      <smith-clicker name="Button1" on-click="{{ Nope.run() }}"></smith-clicker>
      <smith-probe name="P" text="{{ 'alive' }}"></smith-probe>`)
    el<Clicker>('Button1').click()
    await vi.waitFor(() => expect(el<Toast>('Toast1').shown).toHaveLength(1))
    // People read plain words; the technical form goes to the console (warn).
    expect(el<Toast>('Toast1').shown[0]).toEqual(['Something went wrong. Please try again.', 'error'])
    expect((app as App & { warnings: string[] }).warnings[0]).toMatch(/^smithlet: Button1\.onClick failed: ReferenceError: .*Nope/)
    expect(el('P').text).toBe('alive')
  })

  it('showAlert reaches the toast widget and options.onAlert', async () => {
    const onAlert = vi.fn()
    const { app, el } = await mount('<smith-toast name="Toast1"></smith-toast>', {}, { onAlert })
    await app.run('{{ showAlert("Saved", "success") }}')
    expect(el<Toast>('Toast1').shown).toEqual([['Saved', 'success']])
    expect(onAlert).toHaveBeenCalledWith('Saved', 'success')
  })

  it('resetWidget restores a widget’s meta state; an unknown name is an error', async () => {
    const { app, el } = await mount(`
      <smith-picker name="Picker1"></smith-picker>
      <smith-probe name="Label" text="{{Picker1.selected}}"></smith-probe>`)
    const picker = el<Picker>('Picker1')
    picker.meta.selected.value = 'chosen'
    picker.meta.page.value = 4
    expect(el('Label').text).toBe('chosen')
    await app.run('{{ resetWidget("Picker1") }}')
    expect(picker.resets).toBe(1)
    expect(app.evaluate('{{ [Picker1.selected, Picker1.page] }}')).toEqual(['none', 1])
    expect(el('Label').text).toBe('none')
    await expect(app.run('{{ resetWidget("Nope1") }}')).rejects.toThrow(/Nope1/)
  })

  it('download saves data under a file name through a link', async () => {
    const { app } = await mount('')
    const clicks: Array<{ download: string; href: string }> = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href })
    })
    const created = vi.spyOn(URL, 'createObjectURL')
    await app.run('{{ download({ a: 1 }, "data.json") }}')
    expect(clicks).toEqual([{ download: 'data.json', href: expect.stringMatching(/^blob:/) }])
    const blob = created.mock.calls[0]![0] as Blob
    expect(blob.type).toBe('application/json')
    expect(await blob.text()).toBe('{"a":1}')
    expect(document.querySelector('a')).toBeNull() // the link is removed again
    click.mockRestore()
  })

  it('copyToClipboard writes the text', async () => {
    const { app } = await mount('')
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    await app.run('{{ copyToClipboard("copied text") }}')
    expect(write).toHaveBeenCalledWith('copied text')
  })

  it('JS objects see widgets registered on mount', async () => {
    const { app, el } = await mount('<smith-picker name="Picker1"></smith-picker>', {
      jsObjects: { Page: 'export default { current() { return Picker1.selected } }' },
    })
    el<Picker>('Picker1').meta.selected.value = 'x'
    expect(await app.run('{{ Page.current() }}')).toBe('x')
  })
})

describe('friendly messages for people, details for developers', () => {
  it('a failing query: plain words in the toast and on the widget that shows it, the technical form in the console; both cleared when it succeeds', async () => {
    flakyFails = true
    const html = '<smith-toast name="Toast1"></smith-toast><smith-probe name="Table1" table-data="{{ getusers_API.data?.results }}"></smith-probe>'
    const { app, el } = await mount(html, { queries: [{ name: 'getusers_API', url: `${server.url}/flaky`, runOnPageLoad: true }] })
    const toast = el<Toast>('Toast1')
    expect(toast.shown).toEqual([['The server had a problem. Please try again later.', 'error']])
    expect(toast.keys).toEqual(['query:getusers_API'])
    expect(el('Table1').notice).toBe('The server had a problem. Please try again later.')
    expect(el('Table1').errors).toEqual({})
    const warnings = (app as App & { warnings: string[] }).warnings
    expect(warnings).toEqual([expect.stringMatching(/^smithlet: page-load action getusers_API failed: QueryError: getusers_API failed with status 503/)])
    expect(toast.dismissed).toEqual([])
    flakyFails = false
    await app.run('{{ getusers_API.run() }}')
    expect(toast.dismissed).toEqual(['query:getusers_API'])
    expect(el('Table1').notice).toBe('')
    expect(el('Table1').tableData).toEqual([{ name: 'Back again' }])
  })


  it('a failed action shows its plain-words notice on the widget that fired it, until a later run succeeds', async () => {
    const { app, el } = await mount(`
      <smith-clicker name="Save" on-click="{{ appsmith.store.fail ? Nope.run() : storeValue('saved', true) }}"></smith-clicker>`)
    await app.run('{{ storeValue("fail", true) }}')
    el<Clicker>('Save').click()
    await vi.waitFor(() => expect(el('Save').notice).toBe('Something went wrong. Please try again.'))
    await app.run('{{ storeValue("fail", false) }}')
    el<Clicker>('Save').click()
    await vi.waitFor(() => expect(el('Save').notice).toBe(''))
    expect(app.evaluate('{{ appsmith.store.saved }}')).toBe(true)
  })
})

describe('queries and page load', () => {
  it('mount runs page-load actions; a widget bound to a query is loading while it runs', async () => {
    const html = '<smith-probe name="Table1" table-data="{{getusers_API.data.results}}"></smith-probe>'
    document.body.innerHTML = html
    const app = await testApp({ queries: [{ name: 'getusers_API', url: `${server.url}/rows`, runOnPageLoad: true }] })
    apps.push(app)
    const table = document.querySelector('[name="Table1"]') as unknown as Probe
    const loading: boolean[] = []
    let current = false
    Object.defineProperty(table, 'loading', {
      get: () => current,
      set: (v: boolean) => {
        current = v
        loading.push(v)
      },
    })
    await app.mount(document.body)
    expect(table.tableData).toEqual([{ name: 'Ada' }])
    expect(loading).toEqual([false, true, false])
    expect((app as App & { warnings: string[] }).warnings).toEqual([])
    await expect(app.mount(document.body)).rejects.toThrow(/already mounted/)
  })
})
