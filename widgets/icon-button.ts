/**
 * `<smith-icon-button>`: Appsmith's Icon button — a native `<button>` showing one icon,
 * named for screen readers by its `tooltip` (or widget name).
 *
 * ```html
 * <smith-icon-button name="Refresh" icon-name="refresh" tooltip="Reload" on-click="{{getRows.run()}}"></smith-icon-button>
 * ```
 */
import { css, html, LitElement } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithElement, baseStyles } from './smith-element'
import { flag, str } from './props'
import { icon } from './icons'

/** Styles shared by the icon button and the menu button's trigger. */
export const iconButtonStyles = css`
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: 2.5em;
    min-height: 2.5em;
    padding: 0.4em;
    border: 1px solid var(--smith-primary, #553de9);
    border-radius: var(--smith-radius, 4px);
    background: var(--smith-primary, #553de9);
    color: #fff;
    font: inherit;
    font-family: var(--smith-font, inherit);
    cursor: pointer;
  }
  button.SECONDARY {
    background: #fff;
    color: var(--smith-primary, #553de9);
  }
  button.TERTIARY {
    background: transparent;
    border-color: transparent;
    color: var(--smith-primary, #553de9);
  }
  button:focus-visible {
    outline: 2px solid var(--smith-primary, #553de9);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
`

/**
 * Properties: `iconName`, `tooltip`, `buttonVariant` (`PRIMARY` | `SECONDARY` |
 * `TERTIARY`), `isDisabled`. Event: `onClick`. Methods: `setDisabled`.
 */
export class SmithIconButton extends SmithElement {
  static override properties: PropertyDeclarations = {
    iconName: str('icon-name'),
    tooltip: str(),
    buttonVariant: str('button-variant'),
    isDisabled: flag('is-disabled'),
  }

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override styles = [
    baseStyles,
    iconButtonStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ]

  static override exposedMethods: readonly string[] = ['setDisabled']

  /** A Blueprint icon name, e.g. `plus`, `trash`, `edit`. */
  declare iconName: string
  /** The button's accessible name and hover text. */
  declare tooltip: string
  declare buttonVariant: string
  declare isDisabled: boolean

  constructor() {
    super()
    this.iconName = 'plus'
    this.tooltip = ''
    this.buttonVariant = 'PRIMARY'
    this.isDisabled = false
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
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
      <button type="button" part="button" class=${String(this.buttonVariant).toUpperCase()} ?disabled=${this.isDisabled}
        aria-label=${name} title=${this.tooltip || name} aria-busy=${this.loading ? 'true' : 'false'} @click=${this.#onClick}>
        ${icon(this.iconName)}
      </button>
      ${this.renderErrors()}
    `
  }
}
