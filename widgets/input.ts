/**
 * `<smith-input>`: a labelled text field.
 *
 * ```html
 * <smith-input name="Email" label="Email" input-type="email" default-text="{{appsmith.store.email}}"
 *              on-submit="{{Login.run()}}"></smith-input>
 * ```
 */
import { css, html, LitElement, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithElement, baseStyles } from './smith-element'
import { flag } from './props'
import { isTextValid, regexError } from './validation'

/** The input types the widget supports; anything else renders as `text`. */
export type InputType = 'text' | 'email' | 'password' | 'number'

const INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'email', 'password', 'number'])

// The shape browsers accept for <input type=email> (WHATWG "valid e-mail address").
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** True when `value` is a syntactically valid e-mail address. */
export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value)
}

/**
 * The value of meta `text` for the raw field content. As in Appsmith, a number input's
 * `text` is a number, or `null` when the field is empty or not numeric; other types keep
 * the string.
 */
export function parseInputText(raw: string, type: InputType): string | number | null {
  if (type !== 'number') return raw
  if (raw.trim() === '') return null
  const n = Number(raw)
  return Number.isNaN(n) ? null : n
}

/**
 * Whether raw field content is valid for the type, the required flag and Appsmith's
 * `validation` / `regex` rules (an empty optional field is always valid).
 */
export function validateInputText(raw: string, type: InputType, required: boolean, rules: { validation?: unknown; regex?: string } = {}): boolean {
  if (raw === '') return !required
  if (type === 'email' && !isEmail(raw.trim())) return false
  if (type === 'number' && (raw.trim() === '' || Number.isNaN(Number(raw)))) return false
  return isTextValid(raw, { required, ...rules })
}

/** `inputType` as the widget uses it: Appsmith's `TEXT`, `EMAIL`, … map to lower case. */
export function inputTypeOf(value: unknown): InputType {
  const t = typeof value === 'string' ? value.toLowerCase() : ''
  return INPUT_TYPES.has(t) ? (t as InputType) : 'text'
}

const toRaw = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/**
 * A text input widget.
 *
 * Properties: `label`, `placeholder` (or Appsmith's `placeholderText`), `inputType`
 * (`input-type`; `TEXT`, `NUMBER`, `EMAIL`, `PASSWORD` too), `defaultText`
 * (`default-text`), `isRequired` / `required`, `isDisabled` / `disabled`, and Appsmith's
 * validation: `regex`, `validation` (false = invalid), `errorMessage` (shown when invalid).
 * Meta: `text` (string; number or null for number inputs), `isValid`, `isDirty`.
 * Events: `onTextChanged` (every edit), `onSubmit` (Enter, when valid).
 * Methods: `setValue`, `setDisabled`, `setRequired`.
 */
export class SmithInput extends SmithElement {
  static override properties: PropertyDeclarations = {
    label: { type: String },
    placeholder: { type: String },
    inputType: { type: String, attribute: 'input-type' },
    defaultText: { attribute: 'default-text' },
    placeholderText: { type: String, attribute: 'placeholder-text' },
    required: flag(),
    disabled: flag(),
    isRequired: flag('is-required'),
    isDisabled: flag('is-disabled'),
    regex: { type: String },
    validation: {},
    errorMessage: { type: String, attribute: 'error-message' },
  }

  static override exposedMethods: readonly string[] = ['setValue', 'setDisabled', 'setRequired']

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        margin-bottom: 0.25em;
        font-weight: 600;
        font-size: 0.875em;
      }
      input {
        width: 100%;
        min-height: 2.25em;
        padding: 0.4em 0.6em;
        border: 1px solid #9ca3af;
        border-radius: var(--smith-radius, 4px);
        font: inherit;
        font-family: var(--smith-font, inherit);
        color: inherit;
        background: #fff;
      }
      input:focus-visible {
        outline: 2px solid var(--smith-primary, #2563eb);
        outline-offset: 1px;
      }
      input[aria-invalid='true'] {
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
    `,
  ]

  static override metaDefaults: Record<string, unknown> = { text: '', isValid: true, isDirty: false }

  /** The label shown above the field and announced with it. */
  declare label: string
  /** Placeholder text of the empty field. */
  declare placeholder: string
  /** `text`, `email`, `password` or `number` (attribute `input-type`). */
  declare inputType: InputType
  /**
   * The initial text. While the user has not typed, meta `text` follows it whenever it
   * changes; after that, only `resetMeta()` brings it back (Appsmith's behaviour).
   */
  declare defaultText: unknown
  /** An empty field is invalid. */
  declare required: boolean
  /** Disables the field. */
  declare disabled: boolean
  /** Appsmith's name for `placeholder`. */
  declare placeholderText: string
  /** Appsmith's `isRequired`: the same as `required`. */
  declare isRequired: boolean
  /** Appsmith's `isDisabled`: the same as `disabled`. */
  declare isDisabled: boolean
  /** A pattern the text must match (`^\d{5}$`, or `/…/i`). */
  declare regex: string
  /** `false` (usually from a binding) makes a non-empty text invalid. */
  declare validation: unknown
  /** The message shown while the field is invalid. */
  declare errorMessage: string

  /** The field's raw content; meta `text` is derived from it. */
  #raw = ''
  /** Set once the user edits the field; stops `defaultText` from overwriting their text. */
  #userTyped = false

  constructor() {
    super()
    this.label = ''
    this.placeholder = ''
    this.inputType = 'text'
    this.defaultText = ''
    this.required = false
    this.disabled = false
    this.placeholderText = ''
    this.isRequired = false
    this.isDisabled = false
    this.regex = ''
    this.validation = true
    this.errorMessage = ''
  }

  /** The effective input type (unknown values fall back to `text`). */
  get type(): InputType {
    return inputTypeOf(this.inputType)
  }

  /** Required by `isRequired` or `required`. */
  get mandatory(): boolean {
    return this.isRequired || this.required
  }

  /** Disabled by `isDisabled` or `disabled`. */
  get off(): boolean {
    return this.isDisabled || this.disabled
  }

  /** Appsmith's `setValue(text)`: replaces the text as if typed (no `onTextChanged`). */
  setValue(value: unknown): void {
    this.#raw = toRaw(value)
    this.#userTyped = true
    this.#syncMeta()
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultText') && !this.#userTyped) {
      this.#raw = toRaw(this.defaultText)
      this.#syncMeta()
    } else if (changed.has('inputType') || changed.has('required') || changed.has('isRequired') || changed.has('regex') || changed.has('validation')) {
      this.#syncMeta()
    }
  }

  /** Restores the default text and clears the dirty state (Appsmith's `resetWidget`). */
  override resetMeta(): void {
    super.resetMeta()
    this.#userTyped = false
    this.#raw = toRaw(this.defaultText)
    this.#syncMeta()
  }

  /** Recomputes `text` and `isValid` from the raw content. */
  #syncMeta(): void {
    batch(() => {
      this.setMeta('text', parseInputText(this.#raw, this.type))
      this.setMeta('isValid', validateInputText(this.#raw, this.type, this.mandatory, { validation: this.validation, regex: this.regex }))
    })
  }

  #onInput = (e: Event): void => {
    this.#raw = (e.target as HTMLInputElement).value
    this.#userTyped = true
    batch(() => {
      this.#syncMeta()
      this.setMeta('isDirty', true)
    })
    this.trigger('onTextChanged')
  }

  #onKeyDown = (e: KeyboardEvent): void => {
    // isComposing: Enter that confirms an IME composition is not a submit.
    if (e.key !== 'Enter' || e.isComposing) return
    if (this.getMeta<boolean>('isValid')) this.trigger('onSubmit')
  }

  protected override render(): TemplateResult {
    const valid = this.getMeta<boolean>('isValid')
    const dirty = this.getMeta<boolean>('isDirty')
    const showInvalid = !valid && dirty
    const hint =
      this.errorMessage ||
      (this.#raw === '' ? 'This field is required' : this.type === 'email' ? 'Enter a valid e-mail address' : this.type === 'number' ? 'Enter a number' : 'Invalid value')
    const regexProblem = regexError(this.regex)
    return html`
      ${this.label ? html`<label for="field" part="label">${this.label}</label>` : null}
      <input
        id="field"
        part="input"
        type=${this.type}
        .value=${live(this.#raw)}
        placeholder=${this.placeholder || this.placeholderText}
        aria-label=${this.label ? nothing : this.name || 'Input'}
        aria-invalid=${showInvalid ? 'true' : 'false'}
        aria-describedby=${showInvalid ? 'hint' : nothing}
        aria-busy=${this.loading ? 'true' : 'false'}
        ?required=${this.mandatory}
        ?disabled=${this.off}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
      />
      ${showInvalid ? html`<p id="hint" class="hint">${hint}</p>` : null}
      ${regexProblem ? this.renderError(regexProblem) : null}
      ${this.renderErrors()}
    `
  }
}
