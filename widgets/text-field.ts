/**
 * The base of the phone and currency inputs: a labelled text field with Appsmith's
 * `defaultText`, `placeholderText`, `isRequired`, `regex`, `validation`, `errorMessage`,
 * meta `text` / `isDirty` / `isValid`, events `onTextChanged` and `onSubmit`, and
 * `setValue`. A subclass adds its own meta (`value`, `dialCode`, …) in {@link derive}
 * and a prefix (a code picker) in {@link renderPrefix}.
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, controlStyles } from './control'
import { any, str } from './props'
import { isTextValid, regexError } from './validation'

const toRaw = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/** See the file comment. */
export abstract class SmithTextField extends SmithControl {
  static override properties: PropertyDeclarations = {
    defaultText: any('default-text'),
    placeholderText: str('placeholder-text'),
    regex: str(),
    validation: any(),
    errorMessage: str('error-message'),
  }

  static override styles = [
    controlStyles,
    css`
      .row {
        display: flex;
        gap: 0.25em;
        align-items: stretch;
      }
      .row input {
        flex: 1;
        min-width: 0;
      }
      .prefix {
        flex: none;
        width: auto;
        max-width: 45%;
      }
      .symbol {
        display: flex;
        align-items: center;
        padding: 0 0.5em;
        border: 1px solid #9ca3af;
        border-radius: var(--smith-radius, 4px);
        background: #f3f4f6;
      }
    `,
  ]

  static override exposedMethods: readonly string[] = ['setValue', 'setDisabled', 'setRequired']

  /** The initial text; followed until the user types. */
  declare defaultText: unknown
  declare placeholderText: string
  declare regex: string
  /** `false` makes a non-empty text invalid. */
  declare validation: unknown
  declare errorMessage: string

  /** The field's content. */
  protected raw = ''
  #typed = false

  constructor() {
    super()
    this.defaultText = ''
    this.placeholderText = ''
    this.regex = ''
    this.validation = true
    this.errorMessage = ''
  }

  /** Meta derived from the text (beyond `text` and `isValid`); called inside a batch. */
  protected abstract derive(raw: string): void

  /** Extra validity of the text (e.g. a parsable amount). */
  protected textOk(_raw: string): boolean {
    return true
  }

  /** The control before the field: a code picker or a symbol. */
  protected abstract renderPrefix(): TemplateResult | typeof nothing

  /** The `inputmode` of the field. */
  protected abstract get keyboardMode(): string

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultText') && !this.#typed) {
      this.raw = toRaw(this.defaultText)
      this.sync()
    } else if (changed.has('isRequired') || changed.has('required') || changed.has('regex') || changed.has('validation')) {
      this.sync()
    }
  }

  /** Recomputes the meta from the text. */
  protected sync(): void {
    batch(() => {
      this.setMeta('text', this.raw)
      this.setMeta('isValid', isTextValid(this.raw, { required: this.mandatory, regex: this.regex, validation: this.validation }) && (this.raw === '' || this.textOk(this.raw)))
      this.derive(this.raw)
    })
  }

  /** Appsmith's `setValue(text)`. */
  setValue(value: unknown): void {
    this.#typed = true
    this.raw = toRaw(value)
    this.sync()
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#typed = false
    this.raw = toRaw(this.defaultText)
    this.sync()
  }

  #onInput = (e: Event): void => {
    this.raw = (e.target as HTMLInputElement).value
    this.#typed = true
    batch(() => {
      this.sync()
      this.setMeta('isDirty', true)
    })
    this.trigger('onTextChanged')
  }

  #onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.isComposing && this.getMeta<boolean>('isValid')) this.trigger('onSubmit')
  }

  /** Hook for a subclass to tidy the text when the field loses focus. */
  protected onBlur(): void {}

  protected override render(): TemplateResult {
    const invalid = !this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty')
    const problem = regexError(this.regex)
    return html`
      ${this.label ? html`<label class="label ${this.mandatory ? 'required' : ''}" for="field" part="label">${this.label}</label>` : null}
      <div class="row">
        ${this.renderPrefix()}
        <input id="field" class="field" part="input" type="text" inputmode=${this.keyboardMode} .value=${live(this.raw)}
          placeholder=${this.placeholderText} aria-label=${this.label ? nothing : this.fallbackName}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'hint' : nothing}
          ?required=${this.mandatory} ?disabled=${this.off} @input=${this.#onInput} @keydown=${this.#onKeyDown} @blur=${() => this.onBlur()} />
      </div>
      ${invalid ? html`<p id="hint" class="hint">${this.errorMessage || (this.raw === '' ? 'This field is required' : 'Invalid value')}</p>` : null}
      ${problem ? this.renderError(problem) : null}
      ${this.renderErrors()}
    `
  }
}
