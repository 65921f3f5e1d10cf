/**
 * `<smith-form>`: Appsmith's FORM_WIDGET — a container whose `data` holds its
 * widgets' values, with reset and submit buttons.
 *
 * ```html
 * <smith-form name="Form1">
 *   <smith-canvas>
 *     <smith-input name="Email"></smith-input>
 *     <smith-button name="Reset" text="Reset" reset-form-on-click></smith-button>
 *     <smith-button name="Submit" text="Submit" disabled-when-invalid on-click="{{save.run(Form1.data)}}"></smith-button>
 *   </smith-canvas>
 * </smith-form>
 * ```
 *
 * `Form1.data` is `{ Email: "…" }`: each named widget inside by its value (Appsmith's
 * `text`, `selectedOptionValue`, `isChecked`, `value`…, the first it has). A button with
 * `reset-form-on-click` resets every widget inside; one with `disabled-when-invalid` is
 * disabled while a widget inside has `isValid` false. Children stay in light DOM.
 */
import { html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { effect } from '../src/reactive'
import { boxStyles } from './container'
import { SmithBaseElement, SmithElement, baseStyles } from './smith-element'

/** The meta keys that hold a widget's value, in the order a form prefers them. */
const VALUE_KEYS = ['text', 'selectedOptionValue', 'selectedOptionValues', 'isChecked', 'isSwitchedOn', 'selectedDate', 'value', 'selectedRow', 'files']

/** The widgets inside a form; those without meta state (a button) have no `meta`. */
function widgetsIn(form: Element): Array<SmithBaseElement & Partial<Pick<SmithElement, 'meta' | 'resetMeta'>>> {
  return [...form.querySelectorAll('*')].filter((el): el is SmithBaseElement => el instanceof SmithBaseElement)
}

/** A form. Meta: `data`. No events of its own (its buttons have theirs). */
export class SmithForm extends SmithElement {
  static override properties: PropertyDeclarations = {}

  static override metaDefaults: Record<string, unknown> = { data: {} }

  static override styles = [baseStyles, boxStyles]

  #stop: (() => void) | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('click', this.#onClick, true)
    // After the children are upgraded and mounted (a microtask later), follow their meta.
    queueMicrotask(() => this.#follow())
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('click', this.#onClick, true)
    this.#stop?.()
    this.#stop = null
  }

  /** Re-reads the children: `data` from their values, invalid state onto disabled-when-invalid buttons. */
  #follow(): void {
    this.#stop?.()
    this.#stop = effect(() => {
      const data: Record<string, unknown> = {}
      let invalid = false
      const children = widgetsIn(this)
      for (const child of children) {
        const meta = child.meta
        if (meta === undefined) continue
        if (meta.isValid?.value === false) invalid = true
        const name = child.getAttribute('name')
        if (name === null) continue
        const key = VALUE_KEYS.find((k) => k in meta)
        if (key !== undefined) data[name] = meta[key]!.value
      }
      for (const child of children) {
        if (child.hasAttribute('disabled-when-invalid')) (child as unknown as { disabled: boolean }).disabled = invalid
      }
      this.setMeta('data', data)
    })
  }

  #onClick = (event: Event): void => {
    const button = event.composedPath().find((t): t is Element => t instanceof Element && t.hasAttribute('reset-form-on-click'))
    if (button === undefined) return
    for (const child of widgetsIn(this)) child.resetMeta?.()
  }

  protected override render(): TemplateResult {
    return html`<div class="box" part="box"><slot></slot></div>`
  }
}
