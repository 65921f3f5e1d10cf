/**
 * `<smith-statbox>`: Appsmith's STATBOX_WIDGET, a card that holds other widgets (usually
 * a label, a value and an icon) in light DOM.
 *
 * ```html
 * <smith-statbox name="Statbox1">
 *   <smith-text text="Page views"></smith-text>
 *   <smith-text text="{{getStats.data.views}}"></smith-text>
 * </smith-statbox>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'

/**
 * A stat card. Properties: `backgroundColor`, `borderColor` (CSS colours, set through
 * CSSOM so they work under a strict CSP). No meta, no events.
 */
export class SmithStatbox extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    backgroundColor: { type: String, attribute: 'background-color' },
    borderColor: { type: String, attribute: 'border-color' },
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem;
        border: 1px solid var(--smith-statbox-border, var(--smith-border, #e0dede));
        border-radius: var(--smith-radius, 0.375rem);
        background: var(--smith-statbox-background, var(--smith-surface, #fff));
        box-shadow: var(--smith-shadow, 0 1px 3px rgb(0 0 0 / 0.1));
        font-family: var(--smith-font, inherit);
      }
    `,
  ]

  /** Card background, any CSS colour. */
  declare backgroundColor: string
  /** Card border colour, any CSS colour. */
  declare borderColor: string

  constructor() {
    super()
    this.backgroundColor = ''
    this.borderColor = ''
  }

  protected override updated(): void {
    // Custom properties through CSSOM: no style attribute text, so the page's CSP allows it,
    // and a value that is not a colour is simply ignored by the browser.
    this.style.setProperty('--smith-statbox-background', this.backgroundColor || null)
    this.style.setProperty('--smith-statbox-border', this.borderColor || null)
  }

  protected override render(): TemplateResult {
    return html`${this.renderErrors()}<slot></slot>`
  }
}
