/**
 * `<smith-json-form>`: Appsmith's JSON_FORM_WIDGET — a form generated from `sourceData`
 * and, when given, Appsmith's `schema` (field types, labels, order, required/visible/
 * disabled, options), with `formData`, `isValid`, `onSubmit` and reset.
 *
 * ```html
 * <smith-json-form name="JSONForm1" title="Employee" source-data="{{Table1.selectedRow}}"
 *                  on-submit="{{updateEmployee.run(JSONForm1.formData)}}"></smith-json-form>
 * ```
 *
 * Field types: text, multiline text, number, e-mail, password, date, select, checkbox,
 * switch, array (add/remove items) and object (a fieldset); Appsmith's phone, currency,
 * radio and multiselect fields draw as their nearest relative. A schema `defaultValue`
 * that holds a binding is Appsmith's generated `sourceData.<key>` lookup, so the form reads
 * `sourceData` itself for such fields. Labels and values render as text, never HTML.
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../../src/reactive'
import { isBoundAttribute } from '../../src/widget-contract'
import { SmithElement, baseStyles } from '../smith-element'
import { fieldError, formFields, initialFormData, initialValue, isFormValid, setAt } from './schema'
import type { Field, Path } from './schema'

const TEXT_TYPES: Record<string, string> = {
  'Text Input': 'text',
  'Email Input': 'email',
  'Password Input': 'password',
  'Number Input': 'number',
  Datepicker: 'date',
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const valueAt = (data: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data)

/**
 * A JSON form.
 *
 * Properties: `sourceData`, `schema`, `title`, `submitButtonLabel`, `resetButtonLabel`,
 * `showReset`, `disabledWhenInvalid`.
 * Meta: `formData`, `isValid`.
 * Events: `onSubmit`.
 */
export class SmithJsonForm extends SmithElement {
  static override properties: PropertyDeclarations = {
    sourceData: { attribute: 'source-data', type: Object },
    schema: { type: Object },
    title: { type: String },
    submitButtonLabel: { type: String, attribute: 'submit-button-label' },
    resetButtonLabel: { type: String, attribute: 'reset-button-label' },
    showReset: { attribute: 'show-reset', converter: (v) => v !== 'false' },
    disabledWhenInvalid: { attribute: 'disabled-when-invalid', converter: (v) => v !== 'false' },
  }

  static override metaDefaults: Record<string, unknown> = { formData: {}, isValid: true }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-family: var(--smith-font, inherit);
      }
      form {
        display: grid;
        gap: 0.75rem;
        padding: 1rem;
        border: 1px solid var(--smith-border, #e0dede);
        border-radius: var(--smith-radius, 0.375rem);
        background: var(--smith-surface, #fff);
      }
      h2 {
        margin: 0;
        font-size: 1.125rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      label {
        font-weight: 600;
      }
      input:not([type='checkbox']),
      select,
      textarea {
        font: inherit;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--smith-border, #c9c9c9);
        border-radius: var(--smith-radius, 0.375rem);
      }
      input:focus-visible,
      select:focus-visible,
      textarea:focus-visible,
      button:focus-visible {
        outline: 2px solid var(--smith-primary, #553de9);
        outline-offset: 1px;
      }
      input[type='checkbox'] {
        accent-color: var(--smith-primary, #553de9);
        width: 1.1rem;
        height: 1.1rem;
      }
      [aria-invalid='true'] {
        border-color: #c62828;
      }
      .field-error {
        margin: 0;
        color: #b3261e;
        font-size: 0.875em;
      }
      fieldset {
        display: grid;
        gap: 0.75rem;
        margin: 0;
        padding: 0.75rem;
        border: 1px solid var(--smith-border, #e0dede);
        border-radius: var(--smith-radius, 0.375rem);
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
      }
      button {
        font: inherit;
        padding: 0.4rem 1rem;
        border-radius: var(--smith-radius, 0.375rem);
        border: 1px solid var(--smith-primary, #553de9);
        background: #fff;
        color: var(--smith-primary, #553de9);
        cursor: pointer;
      }
      button[type='submit'] {
        background: var(--smith-primary, #553de9);
        color: #fff;
      }
      button:disabled {
        opacity: 0.55;
        cursor: not-allowed;
      }
    `,
  ]

  /** The data the form starts from (and returns to on reset). */
  declare sourceData: unknown
  /** Appsmith's schema (`{ __root_schema__: { children: { … } } }`); optional. */
  declare schema: unknown
  /** The form's heading. */
  declare title: string
  declare submitButtonLabel: string
  declare resetButtonLabel: string
  declare showReset: boolean
  /** The submit button is disabled while a field is invalid (Appsmith's default). */
  declare disabledWhenInvalid: boolean

  #fields: Field[] = []
  /** Paths (joined) the user has left, and whether a submit was attempted: errors show then. */
  #touched = new Set<string>()
  #submitted = false

  constructor() {
    super()
    this.sourceData = {}
    this.schema = undefined
    this.title = ''
    this.submitButtonLabel = 'Submit'
    this.resetButtonLabel = 'Reset'
    this.showReset = true
    this.disabledWhenInvalid = true
  }

  /** The form's fields, as rendered. */
  get fields(): readonly Field[] {
    return this.#fields
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New source data or schema: the form starts again from them, as in Appsmith.
    if (changed.has('sourceData') || changed.has('schema')) {
      this.#fields = formFields(this.schema, this.sourceData, isBoundAttribute)
      this.#restart()
    }
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#restart()
  }

  #restart(): void {
    this.#touched = new Set()
    this.#submitted = false
    this.#setFormData(initialFormData(this.#fields, this.sourceData))
  }

  #setFormData(data: Record<string, unknown>): void {
    batch(() => {
      this.setMeta('formData', data)
      this.setMeta('isValid', isFormValid(this.#fields, data))
    })
  }

  /** Sets one value, as the user editing that field does (`path` into formData). */
  setFieldValue(path: Path, value: unknown): void {
    this.#setFormData(setAt(this.getMeta('formData'), path, value) as Record<string, unknown>)
  }

  /** Submits the form as its submit button does. */
  submit(): void {
    this.#submitted = true
    this.requestUpdate()
    if (!this.getMeta<boolean>('isValid') && this.disabledWhenInvalid) {
      void this.updateComplete.then(() => (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus())
      return
    }
    this.trigger('onSubmit')
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault()
    this.submit()
  }

  #touch(path: Path): void {
    this.#touched.add(path.join('.'))
    this.requestUpdate()
  }

  #error(f: Field, value: unknown, path: Path): string | null {
    return this.#submitted || this.#touched.has(path.join('.')) ? fieldError(f, value) : null
  }

  #renderField(f: Field, data: unknown, path: Path): TemplateResult | typeof nothing {
    if (!f.isVisible) return nothing
    const value = valueAt(data, path)
    const id = `f-${path.join('-')}`
    const label = `${f.label}${f.isRequired ? ' *' : ''}`
    if (f.fieldType === 'Object') {
      return html`<fieldset ?disabled=${f.isDisabled}><legend>${f.label}</legend>${f.children.map((c) => this.#renderField(c, data, [...path, c.key]))}</fieldset>`
    }
    if (f.fieldType === 'Array') return this.#renderArray(f, data, path, value)
    const error = this.#error(f, value, path)
    const errorId = `${id}-error`
    const errorLine = error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing
    const described = error ? errorId : nothing
    if (f.fieldType === 'Checkbox' || f.fieldType === 'Switch') {
      return html`<div class="field"><div class="check">
          <input id=${id} type="checkbox" role=${f.fieldType === 'Switch' ? 'switch' : nothing} .checked=${live(value === true)} ?disabled=${f.isDisabled}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
            @change=${(e: Event) => (this.setFieldValue(path, (e.target as HTMLInputElement).checked), this.#touch(path))} />
          <label for=${id}>${label}</label></div>${errorLine}</div>`
    }
    if (f.fieldType === 'Select') {
      const at = f.options.findIndex((o) => o.value === value)
      return html`<div class="field"><label for=${id}>${label}</label>
        <select id=${id} ?disabled=${f.isDisabled} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
          @change=${(e: Event) => {
            const i = Number((e.target as HTMLSelectElement).value)
            this.setFieldValue(path, i >= 0 ? f.options[i].value : '')
            this.#touch(path)
          }}>
          <option value="-1" ?selected=${at < 0}>${f.placeholder || 'Select…'}</option>
          ${f.options.map((o, i) => html`<option value=${i} ?selected=${i === at}>${o.label}</option>`)}
        </select>${errorLine}</div>`
    }
    const common = (e: Event): string => (e.target as HTMLInputElement).value
    if (f.fieldType === 'Multiline Text Input') {
      return html`<div class="field"><label for=${id}>${label}</label>
        <textarea id=${id} rows="3" placeholder=${f.placeholder} ?disabled=${f.isDisabled} .value=${live(String(value ?? ''))}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
          @input=${(e: Event) => this.setFieldValue(path, common(e))} @blur=${() => this.#touch(path)}></textarea>${errorLine}</div>`
    }
    const type = TEXT_TYPES[f.fieldType] ?? 'text'
    const shown = value === null || value === undefined ? '' : type === 'date' ? String(value).slice(0, 10) : String(value)
    const parse = (raw: string): unknown => (type === 'number' ? (raw.trim() === '' ? null : Number(raw)) : raw)
    return html`<div class="field"><label for=${id}>${label}</label>
      <input id=${id} type=${type} placeholder=${f.placeholder} ?disabled=${f.isDisabled} ?required=${f.isRequired} .value=${live(shown)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
        @input=${(e: Event) => this.setFieldValue(path, parse(common(e)))} @blur=${() => this.#touch(path)} />${errorLine}</div>`
  }

  #renderArray(f: Field, data: unknown, path: Path, value: unknown): TemplateResult {
    const items = Array.isArray(value) ? value : []
    const item = f.item!
    const add = (): void => this.setFieldValue(path, [...items, initialValue(item, undefined)])
    const remove = (i: number): void => this.setFieldValue(path, items.filter((_, j) => j !== i))
    return html`<fieldset ?disabled=${f.isDisabled}><legend>${f.label}</legend>
      ${items.map(
        (_, i) => html`<fieldset><legend>${`${f.label} ${i + 1}`}</legend>
          ${item.fieldType === 'Object' ? item.children.map((c) => this.#renderField(c, data, [...path, i, c.key])) : this.#renderField({ ...item, label: 'Value' }, data, [...path, i])}
          <div class="actions"><button type="button" @click=${() => remove(i)}>${`Remove ${f.label} ${i + 1}`}</button></div>
        </fieldset>`,
      )}
      <div class="actions"><button type="button" @click=${add}>${`Add ${f.label}`}</button></div>
    </fieldset>`
  }

  protected override render(): TemplateResult {
    const error = this.errorFor('sourceData') ?? this.errorFor('schema')
    const data = this.getMeta('formData')
    const invalid = !this.getMeta<boolean>('isValid')
    const fields = isRecord(data) ? this.#fields.map((f) => this.#renderField(f, data, [f.key])) : nothing
    return html`<form part="form" novalidate aria-label=${this.title || this.name || 'Form'} @submit=${this.#onSubmit}>
      ${this.title ? html`<h2>${this.title}</h2>` : nothing}
      ${error !== undefined ? this.renderError(error) : nothing}
      ${fields}
      <div class="actions">
        ${this.showReset ? html`<button type="button" part="reset" @click=${() => this.resetMeta()}>${this.resetButtonLabel}</button>` : nothing}
        <button type="submit" part="submit" ?disabled=${(invalid && this.disabledWhenInvalid) || this.loading}>${this.submitButtonLabel}</button>
      </div>
    </form>`
  }
}
