/**
 * `<smith-icon-button>`: Appsmith's Icon button — a native `<button>` showing one icon,
 * named for screen readers by its `tooltip` (or widget name).
 *
 * ```html
 * <smith-icon-button name="Refresh" icon-name="refresh" tooltip="Reload" on-click="{{getRows.run()}}"></smith-icon-button>
 * ```
 */
import { html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { str } from './props'
import { icon } from './icons'
import { SmithVariantButton } from './variant-button'

/**
 * Properties: `iconName`, `tooltip`, `buttonVariant` (`PRIMARY` | `SECONDARY` |
 * `TERTIARY`), `isDisabled`. Event: `onClick`. Methods: `setDisabled`.
 */
export class SmithIconButton extends SmithVariantButton {
  static override properties: PropertyDeclarations = {
    tooltip: str(),
  }

  /** The button's accessible name and hover text. */
  declare tooltip: string

  constructor() {
    super()
    this.iconName = 'plus'
    this.tooltip = ''
  }

  /** Clicks the inner button, as a user would. */
  override click(): void {
    this.renderRoot.querySelector('button')?.click()
  }

  #onClick = (): void => {
    if (this.isDisabled || this.loading) return
    this.trigger('onClick')
  }

  protected override render(): TemplateResult {
    const name = this.tooltip || this.name || this.iconName || 'Button'
    return html`
      <button type="button" part="button" class=${this.variantClass} ?disabled=${this.isDisabled}
        aria-label=${name} title=${this.tooltip || name} aria-busy=${this.loading ? 'true' : 'false'} @click=${this.#onClick}>
        ${icon(this.iconName)}
      </button>
      ${this.renderErrors()}
    `
  }
}
