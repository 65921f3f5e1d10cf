// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { SmithModal } from '../../widgets/index'
import { disposingTestApp } from '../support/app'
import { cleanup, key, mount, shadow } from './helpers'

afterEach(cleanup)
const testApp = disposingTestApp()

const dialog = (el: Element): HTMLDialogElement => shadow(el).querySelector('dialog')!

describe('<smith-canvas> and <smith-container>', () => {
  test('hold their widgets in light DOM, rendered through a slot; the runtime mounts them', async () => {
    document.body.innerHTML = `<smith-container name="Container1"><smith-canvas><smith-text name="T" text="{{ 'in ' + Container1.isVisible }}"></smith-text></smith-canvas></smith-container>`
    const app = await testApp()
    await app.mount(document.body)
    const text = document.querySelector('smith-text')!
    await (text as unknown as { updateComplete: Promise<unknown> }).updateComplete
    expect(text.textContent).toContain('in true')
    expect(shadow(document.querySelector('smith-container')!).querySelector('slot')).not.toBeNull()
    expect(shadow(document.querySelector('smith-canvas')!).querySelector('slot')).not.toBeNull()
    await app.run('{{ Container1.setVisibility(false) }}')
    expect(document.querySelector('smith-container')!.hidden).toBe(true)
  })
})

describe('<smith-placeholder>', () => {
  test('is a labelled box that names the widget and its type', async () => {
    const el = await mount<'smith-placeholder'>('<smith-placeholder name="Chart1" type="CHART_WIDGET"></smith-placeholder>')
    const box = shadow(el).querySelector('[role="img"]')!
    expect(box.getAttribute('aria-label')).toBe('Chart1: CHART_WIDGET, not supported by smithlet yet')
    expect(box.textContent).toContain('CHART_WIDGET')
    expect(box.textContent).toContain('Chart1')
  })
})

describe('<smith-modal>', () => {
  test('showModal opens it, Modal1.isVisible follows, closeModal closes it', async () => {
    document.body.innerHTML = `<smith-button name="Open" text="open"></smith-button>
      <smith-modal name="Modal1" hidden><smith-canvas><smith-text name="Inside" text="{{ Modal1.isVisible ? 'open' : 'closed' }}"></smith-text></smith-canvas></smith-modal>`
    const app = await testApp()
    await app.mount(document.body)
    const modal = document.querySelector('smith-modal') as SmithModal
    await modal.updateComplete
    expect(app.evaluate('{{ Modal1.isVisible }}')).toBe(false)
    expect(dialog(modal).open).toBe(false)
    await app.run("{{ showModal('Modal1') }}")
    expect(app.evaluate('{{ Modal1.isVisible }}')).toBe(true)
    expect(dialog(modal).open).toBe(true)
    await app.run("{{ closeModal('Modal1') }}")
    expect(app.evaluate('{{ Modal1.isVisible }}')).toBe(false)
    expect(dialog(modal).open).toBe(false)
    await expect(app.run("{{ showModal('Nope') }}")).rejects.toThrow('showModal: no modal is named "Nope"')
    await expect(app.run('{{ showModal() }}')).rejects.toThrow(/give the modal's name/)
  })

  test('Escape closes it through the runtime (isVisible false) and fires onClose', async () => {
    document.body.innerHTML = `<smith-modal name="Modal1" hidden on-close="{{ storeValue('closed', true) }}"><smith-canvas><smith-input name="I"></smith-input></smith-canvas></smith-modal>`
    const app = await testApp()
    await app.mount(document.body)
    const modal = document.querySelector('smith-modal') as SmithModal
    await modal.updateComplete
    await app.run("{{ showModal('Modal1') }}")
    key(dialog(modal), 'Escape')
    expect(app.evaluate('{{ Modal1.isVisible }}')).toBe(false)
    expect(modal.hidden).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
    expect(app.evaluate('{{ appsmith.store.closed }}')).toBe(true)
  })

  test('a backdrop click closes it only with can-outside-click-close', async () => {
    const el = await mount<'smith-modal'>('<smith-modal name="M"></smith-modal>')
    await el.updateComplete
    dialog(el).dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(el.hidden).toBe(false)
    el.canOutsideClickClose = true
    dialog(el).dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(el.hidden).toBe(true) // no runtime here: the modal hides itself
  })
})

describe('<smith-form>', () => {
  test('data holds its widgets’ values; a reset-form-on-click button resets them', async () => {
    document.body.innerHTML = `<smith-form name="Form1"><smith-canvas>
      <smith-input name="Email" default-text="a@b.c"></smith-input>
      <smith-button name="Reset" text="Reset" reset-form-on-click></smith-button>
    </smith-canvas></smith-form>`
    const app = await testApp()
    await app.mount(document.body)
    await new Promise((r) => setTimeout(r, 0))
    expect(app.evaluate('{{ Form1.data }}')).toEqual({ Email: 'a@b.c' })
    // As typing does: the input writes its meta.
    ;(document.querySelector('smith-input') as unknown as { setMeta(k: string, v: unknown): void }).setMeta('text', 'x@y.z')
    expect(app.evaluate('{{ Form1.data.Email }}')).toBe('x@y.z')
    const reset = document.querySelector('smith-button[name="Reset"]')!
    ;(shadow(reset).querySelector('button') ?? reset).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    expect(app.evaluate('{{ Form1.data.Email }}')).toBe('a@b.c')
  })
})
