/**
 * `<smith-date-picker>`: Appsmith's Date picker (DATE_PICKER_WIDGET2) on the browser's own
 * `<input type="date">` (`datetime-local` when `timePrecision` asks for time): keyboard
 * entry, a calendar and screen-reader support come with it.
 *
 * ```html
 * <smith-date-picker name="From" label="From" default-date="{{moment().toISOString()}}"
 *                    date-format="DD/MM/YYYY" on-date-selected="{{…}}"></smith-date-picker>
 * ```
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, any, str } from './control'
import { formatDate, inputValue, parseDate } from './date-format'

/**
 * Properties: `defaultDate`, `dateFormat` (moment tokens, default `YYYY-MM-DD HH:mm`),
 * `minDate`, `maxDate`, `timePrecision` (`None` = date only; `minute`/`second` add
 * time), `label`, `isRequired`, `isDisabled`. Meta: `selectedDate` (ISO string, `''` when
 * empty), `formattedDate`, `isDirty`, `isValid`. Event: `onDateSelected`. Methods:
 * `setValue`, `setDisabled`, `setRequired`.
 */
export class SmithDatePicker extends SmithControl {
  static override properties: PropertyDeclarations = {
    defaultDate: any('default-date'),
    dateFormat: str('date-format'),
    minDate: any('min-date'),
    maxDate: any('max-date'),
    timePrecision: str('time-precision'),
  }

  static override metaDefaults: Record<string, unknown> = { selectedDate: '', formattedDate: '', isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setValue', 'setDisabled', 'setRequired']

  /** The initial date (ISO string, `YYYY-MM-DD`, timestamp or Date); followed until the user picks. */
  declare defaultDate: unknown
  declare dateFormat: string
  declare minDate: unknown
  declare maxDate: unknown
  declare timePrecision: string

  #touched = false

  constructor() {
    super()
    this.defaultDate = ''
    this.dateFormat = 'YYYY-MM-DD HH:mm'
    this.minDate = ''
    this.maxDate = ''
    this.timePrecision = 'minute'
  }

  /** Whether the field takes a time as well as a date. */
  get withTime(): boolean {
    const p = String(this.timePrecision ?? '').toLowerCase()
    return p !== '' && p !== 'none'
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultDate') && !this.#touched) this.#set(parseDate(this.defaultDate))
    else if (changed.has('dateFormat') || changed.has('minDate') || changed.has('maxDate') || changed.has('isRequired') || changed.has('required')) {
      this.#set(parseDate(this.getMeta('selectedDate')))
    }
  }

  #set(date: Date | undefined): void {
    const min = parseDate(this.minDate)
    const max = parseDate(this.maxDate)
    const inRange = !date || ((!min || date >= min) && (!max || date <= max))
    batch(() => {
      this.setMeta('selectedDate', date ? date.toISOString() : '')
      this.setMeta('formattedDate', date ? formatDate(date, this.dateFormat || 'YYYY-MM-DD HH:mm') : '')
      this.setMeta('isValid', inRange && (!this.mandatory || date !== undefined))
    })
  }

  /** Sets the date (same forms as `defaultDate`); no `onDateSelected`. */
  setValue(value: unknown): void {
    this.#touched = true
    this.#set(parseDate(value))
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#touched = false
    this.#set(parseDate(this.defaultDate))
  }

  #onChange = (e: Event): void => {
    const raw = (e.target as HTMLInputElement).value
    this.#touched = true
    batch(() => {
      this.#set(parseDate(raw))
      this.setMeta('isDirty', true)
    })
    this.trigger('onDateSelected')
  }

  protected override render(): TemplateResult {
    const withTime = this.withTime
    const invalid = !this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty')
    const min = inputValue(parseDate(this.minDate), withTime)
    const max = inputValue(parseDate(this.maxDate), withTime)
    return html`
      ${this.label ? html`<label class="label ${this.mandatory ? 'required' : ''}" for="field" part="label">${this.label}</label>` : null}
      <input
        id="field"
        class="field"
        part="input"
        type=${withTime ? 'datetime-local' : 'date'}
        .value=${live(inputValue(parseDate(this.getMeta('selectedDate')), withTime))}
        min=${min || nothing}
        max=${max || nothing}
        aria-label=${this.label ? nothing : this.fallbackName}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'hint' : nothing}
        ?required=${this.mandatory}
        ?disabled=${this.off}
        @change=${this.#onChange}
      />
      ${invalid ? html`<p id="hint" class="hint">${this.getMeta('selectedDate') ? 'Pick a date in the allowed range' : 'Pick a date'}</p>` : null}
      ${this.renderErrors()}
    `
  }
}
