/**
 * What the form controls share: Appsmith's `label`, `isDisabled` and `isRequired`, their
 * setters (`Select1.setDisabled(true)`), and the themed styles (label, field, hint) every
 * control uses.
 */
import { css } from 'lit'
import type { CSSResultGroup, PropertyDeclarations } from 'lit'
import { flag, str } from './props'
import { SmithElement, baseStyles } from './smith-element'

export { any, flag, num, str } from './props'

/** Shared look of the controls, themed by `--smith-primary`, `--smith-radius`, `--smith-font`. */
export const controlStyles: CSSResultGroup = [
  baseStyles,
  css`
    :host {
      display: block;
      font-family: var(--smith-font, inherit);
      max-width: 100%;
    }
    .label {
      display: block;
      margin-bottom: 0.25em;
      font-weight: 600;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .required::after {
      content: ' *';
      color: #c62828;
    }
    .field {
      width: 100%;
      min-height: 2.25em;
      padding: 0.4em 0.6em;
      border: 1px solid #9ca3af;
      border-radius: var(--smith-radius, 4px);
      font: inherit;
      color: inherit;
      background: #fff;
    }
    .field:focus-visible,
    input:focus-visible,
    select:focus-visible,
    button:focus-visible,
    [tabindex]:focus-visible {
      outline: 2px solid var(--smith-primary, #553de9);
      outline-offset: 1px;
    }
    .field:disabled {
      background: #f3f4f6;
      cursor: not-allowed;
    }
    [aria-invalid='true'] {
      border-color: #c62828;
    }
    .hint {
      margin: 0.25em 0 0;
      color: #8e1c1c;
      font-size: 0.8125em;
    }
    .error {
      margin-top: 0.25em;
    }
    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--smith-primary, #553de9);
      width: 1.1em;
      height: 1.1em;
      margin: 0;
      flex: none;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 2em;
      overflow-wrap: anywhere;
    }
  `,
]

/**
 * Base of the form controls: `label`, `isDisabled` (alias `disabled`), `isRequired`
 * (alias `required`), and the setters `setDisabled`, `setRequired`. Subclasses keep meta
 * `isValid` current so a form can read it.
 */
export abstract class SmithControl extends SmithElement {
  static override properties: PropertyDeclarations = {
    label: str(),
    isDisabled: flag('is-disabled'),
    isRequired: flag('is-required'),
    disabled: flag(),
    required: flag(),
  }

  static override styles: CSSResultGroup = controlStyles

  static override exposedMethods: readonly string[] = ['setDisabled', 'setRequired']

  /** Shown above (or beside) the control and announced with it. */
  declare label: string
  /** Appsmith's `isDisabled`; `disabled` is the same switch. */
  declare isDisabled: boolean
  /** Appsmith's `isRequired`: nothing chosen or typed makes the widget invalid. */
  declare isRequired: boolean
  declare disabled: boolean
  declare required: boolean

  constructor() {
    super()
    this.label = ''
    this.isDisabled = false
    this.isRequired = false
    this.disabled = false
    this.required = false
  }

  /** Disabled by `isDisabled` or `disabled`. */
  get off(): boolean {
    return this.isDisabled || this.disabled
  }

  /** Required by `isRequired` or `required`. */
  get mandatory(): boolean {
    return this.isRequired || this.required
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
    if (!this.isDisabled) this.disabled = false
  }

  /** Appsmith's `setRequired(bool)`. */
  setRequired(value: unknown): void {
    this.isRequired = value === true
    if (!this.isRequired) this.required = false
  }

  /** The accessible name when there is no visible label. */
  protected get fallbackName(): string {
    return this.label || this.name || this.localName.replace(/^smith-/, '')
  }
}
