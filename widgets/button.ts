/**
 * `<smith-button>`: a native `<button>` that fires `onClick`.
 *
 * ```html
 * <smith-button name="Refresh" label="Reload" on-click="{{getusers_API.run()}}"></smith-button>
 * ```
 */
import { css, html, LitElement } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithElement, baseStyles } from './smith-element'

/**
 * A button widget. Properties: `label`, `disabled`, `loading`. Event: `onClick`.
 *
 * Enter and Space work through the native `<button>`'s own activation, which turns them
 * into a click: one code path for mouse and keyboard, and no double firing.
 */
export class SmithButton extends SmithElement {
  static override properties: PropertyDeclarations = {
    label: { type: String },
    disabled: { type: Boolean },
  }

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
        border: 1px solid #1d4ed8;
        border-radius: 4px;
        background: #2563eb;
        color: #fff;
        font: inherit;
        cursor: pointer;
      }
      button:hover:not(:disabled):not([aria-disabled='true']) {
        background: #1d4ed8;
      }
      button:focus-visible {
        outline: 2px solid #1e3a8a;
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

  static override metaDefaults: Record<string, unknown> = {}

  /** The button's text. */
  declare label: string
  /** Disables the button: no focus, no `onClick`. */
  declare disabled: boolean

  constructor() {
    super()
    this.label = ''
    this.disabled = false
  }

  /** Clicks the inner button, as a user would (no `onClick` while disabled or loading). */
  override click(): void {
    this.renderRoot.querySelector('button')?.click()
  }

  #onClick = (): void => {
    if (this.disabled || this.loading) return
    this.trigger('onClick')
  }

  protected override render(): TemplateResult {
    // While loading the button stays focusable (aria-disabled, not disabled) so keyboard
    // focus is not thrown to <body> mid-action; #onClick ignores the click instead.
    return html`
      <button
        type="button"
        part="button"
        ?disabled=${this.disabled}
        aria-disabled=${this.loading ? 'true' : 'false'}
        aria-busy=${this.loading ? 'true' : 'false'}
        @click=${this.#onClick}
      >
        ${this.loading ? html`<span class="spinner" aria-hidden="true"></span>` : null}
        <span class="label">${this.label}</span>
      </button>
      ${this.renderErrors()}
    `
  }
}
