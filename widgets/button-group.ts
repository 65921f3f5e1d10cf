/**
 * `<smith-button-group>`: Appsmith's Button group. Its buttons are child widgets — a
 * `SIMPLE` entry of Appsmith's `groupButtons` becomes a `<smith-button>`, a `MENU` entry
 * a `<smith-menu-button>` — so each keeps its own `on-click` binding.
 *
 * ```html
 * <smith-button-group name="Toolbar" orientation="horizontal">
 *   <smith-button text="Save" on-click="{{Save.run()}}"></smith-button>
 *   <smith-menu-button label="More"><smith-menu-item label="Export" on-click="{{…}}"></smith-menu-item></smith-menu-button>
 * </smith-button-group>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { flag, str } from './props'

/**
 * Properties: `orientation` (`horizontal` | `vertical`), `isDisabled` (makes every button
 * inert). Methods: `setDisabled`.
 */
export class SmithButtonGroup extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    orientation: str(),
    isDisabled: flag('is-disabled'),
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 100%;
      }
      .group {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
      }
      .vertical {
        flex-direction: column;
        align-items: stretch;
      }
      [aria-disabled='true'] {
        opacity: 0.6;
      }
    `,
  ]

  static override exposedMethods: readonly string[] = ['setDisabled']

  declare orientation: string
  declare isDisabled: boolean

  /** The children this group made inert (so it only un-inerts those). */
  #inerted = new Set<Element>()

  constructor() {
    super()
    this.orientation = 'horizontal'
    this.isDisabled = false
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('isDisabled')) return
    if (this.isDisabled) {
      for (const child of this.children) {
        if (!child.hasAttribute('inert')) {
          child.setAttribute('inert', '')
          this.#inerted.add(child)
        }
      }
    } else {
      for (const child of this.#inerted) child.removeAttribute('inert')
      this.#inerted.clear()
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="group ${this.orientation === 'vertical' ? 'vertical' : ''}" role="group" part="group"
      aria-label=${this.name || 'Buttons'} aria-disabled=${this.isDisabled ? 'true' : 'false'}><slot></slot></div>${this.renderErrors()}`
  }
}
