/**
 * `<smith-button>`: a native `<button>` that fires `onClick`.
 *
 * ```html
 * <smith-button name="Refresh" label="Reload" on-click="{{getusers_API.run()}}"></smith-button>
 * ```
 */
import { css, html, LitElement } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { flag } from './props'
import { icon } from './icons'

/**
 * A button widget. Properties: Appsmith's `text` and `isDisabled` (the older `label` and
 * `disabled` still work), `iconName`, `buttonVariant` (`PRIMARY` | `SECONDARY` | `TERTIARY`),
 * `loading`. Event: `onClick`. Methods: `setDisabled`, `setLabel`.
 *
 * Enter and Space work through the native `<button>`'s own activation, which turns them
 * into a click: one code path for mouse and keyboard, and no double firing.
 */
export class SmithButton extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    text: { type: String },
    label: { type: String },
    isDisabled: flag('is-disabled'),
    disabled: flag(),
    iconName: { type: String, attribute: 'icon-name' },
    buttonVariant: { type: String, attribute: 'button-variant' },
  }

  static override exposedMethods: readonly string[] = ['setDisabled', 'setLabel']

  // `el.focus()` focuses the inner <button>, and a click on the host's padding still lands on it.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        min-height: 2.25em;
        padding: 0.4em 1em;
        border: 1px solid var(--smith-primary, #2563eb);
        border-radius: var(--smith-radius, 4px);
        background: var(--smith-primary, #2563eb);
        color: #fff;
        font: inherit;
        font-family: var(--smith-font, inherit);
        cursor: pointer;
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      button:hover:not(:disabled):not([aria-disabled='true']) {
        filter: brightness(0.92);
      }
      button.SECONDARY {
        background: #fff;
        color: var(--smith-primary, #2563eb);
      }
      button.TERTIARY {
        background: transparent;
        border-color: transparent;
        color: var(--smith-primary, #2563eb);
      }
      button:focus-visible {
        outline: 2px solid var(--smith-primary, #1e3a8a);
        outline-offset: 2px;
      }
      button:disabled,
      button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: not-allowed;
      }
      .spinner {
        width: 0.9em;
        height: 0.9em;
        border: 2px solid currentColor;
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      .error {
        margin-top: 0.25em;
      }
    `,
  ]

  /** The button's text (Appsmith's `text`); `label` is the older name, used when `text` is empty. */
  declare text: string
  declare label: string
  /** Disables the button: no focus, no `onClick`. Appsmith's `isDisabled`; `disabled` is the same switch. */
  declare isDisabled: boolean
  declare disabled: boolean
  /** A Blueprint icon name shown before the text. */
  declare iconName: string
  declare buttonVariant: string

  constructor() {
    super()
    this.text = ''
    this.label = ''
    this.isDisabled = false
    this.disabled = false
    this.iconName = ''
    this.buttonVariant = 'PRIMARY'
  }

  /** Disabled by `isDisabled` or `disabled`. */
  get off(): boolean {
    return this.isDisabled || this.disabled
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
    if (!this.isDisabled) this.disabled = false
  }

  /** Appsmith's `setLabel(text)`. */
  setLabel(text: unknown): void {
    this.text = text === null || text === undefined ? '' : String(text)
  }

  /** Clicks the inner button, as a user would (no `onClick` while disabled or loading). */
  override click(): void {
    this.renderRoot.querySelector('button')?.click()
  }

  #onClick = (): void => {
    if (this.off || this.loading) return
    this.trigger('onClick')
  }

  protected override render(): TemplateResult {
    // While loading the button stays focusable (aria-disabled, not disabled) so keyboard
    // focus is not thrown to <body> mid-action; #onClick ignores the click instead.
    return html`
      <button
        type="button"
        part="button"
        class=${String(this.buttonVariant).toUpperCase()}
        ?disabled=${this.off}
        aria-disabled=${this.loading ? 'true' : 'false'}
        aria-busy=${this.loading ? 'true' : 'false'}
        @click=${this.#onClick}
      >
        ${this.loading ? html`<span class="spinner" aria-hidden="true"></span>` : null}
        ${this.iconName ? icon(this.iconName) : null}
        <span class="label">${this.text || this.label}</span>
      </button>
      ${this.renderErrors()}
    `
  }
}
