/**
 * What the icon button and the menu button share: Appsmith's `iconName`, `buttonVariant`
 * (`PRIMARY` | `SECONDARY` | `TERTIARY`) and `isDisabled` with `setDisabled(bool)`, focus
 * delegated to the inner native `<button>`, and that button's themed look.
 */
import { css, LitElement } from 'lit'
import type { PropertyDeclarations } from 'lit'
import { SmithElement, baseStyles } from './smith-element'
import { flag, str } from './props'

/** The inner `<button>`'s look, by variant, themed by `--smith-primary` and `--smith-radius`. */
export const variantButtonStyles = css`
  :host {
    display: inline-block;
  }
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

/** A widget drawn as one native button of a variant. Subclasses render it (see {@link variantClass}). */
export class SmithVariantButton extends SmithElement {
  static override properties: PropertyDeclarations = {
    iconName: str('icon-name'),
    buttonVariant: str('button-variant'),
    isDisabled: flag('is-disabled'),
  }

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override styles = [baseStyles, variantButtonStyles]

  static override exposedMethods: readonly string[] = ['setDisabled']

  /** A Blueprint icon name, e.g. `plus`, `trash`, `edit`. */
  declare iconName: string
  declare buttonVariant: string
  declare isDisabled: boolean

  constructor() {
    super()
    this.iconName = ''
    this.buttonVariant = 'PRIMARY'
    this.isDisabled = false
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
  }

  /** The inner button's class: the variant, upper case. */
  protected get variantClass(): string {
    return String(this.buttonVariant).toUpperCase()
  }
}
