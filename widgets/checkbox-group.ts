/**
 * `<smith-checkbox-group>`: Appsmith's Checkbox group — native checkboxes in a `<fieldset>`.
 *
 * ```html
 * <smith-checkbox-group name="Days" label="Days" options="{{Days.options}}"
 *                       default-selected-values='["mon"]' on-selection-change="{{…}}"></smith-checkbox-group>
 * ```
 */
import { html } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, any, controlStyles, flag } from './control'
import { normaliseOptions, sameValue, unwrapValue } from './options'
import { groupStyles } from './radio-group'
import { visuallyHiddenStyles } from './visually-hidden'

/** A list from an array, JSON text of one, or a single value. */
export function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.map(unwrapValue)
  if (v === undefined || v === null || v === '') return []
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v)
      if (Array.isArray(parsed)) return parsed.map(unwrapValue)
    } catch {
      // not JSON: one value
    }
  }
  return [unwrapValue(v)]
}

/**
 * Properties: `options`, `defaultSelectedValues`, `label`, `isInline`, `isSelectAll`
 * (adds "Select all"), `isRequired`, `isDisabled`. Meta: `selectedValues`, `isDirty`,
 * `isValid`. Event: `onSelectionChange`. Methods: `setSelectedOptions`, `setDisabled`,
 * `setRequired`.
 */
export class SmithCheckboxGroup extends SmithControl {
  static override properties: PropertyDeclarations = {
    options: any(),
    defaultSelectedValues: any('default-selected-values'),
    isInline: flag('is-inline'),
    isSelectAll: flag('is-select-all'),
  }

  static override styles = [controlStyles, groupStyles, visuallyHiddenStyles]

  static override metaDefaults: Record<string, unknown> = { selectedValues: [], isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setSelectedOptions', 'setDisabled', 'setRequired']

  declare options: unknown
  /** The initially checked values; followed until the user changes the selection. */
  declare defaultSelectedValues: unknown
  declare isInline: boolean
  declare isSelectAll: boolean

  #touched = false

  constructor() {
    super()
    this.options = []
    this.defaultSelectedValues = []
    this.isInline = true
    this.isSelectAll = false
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultSelectedValues') && !this.#touched) this.#set(asList(this.defaultSelectedValues))
    else if (changed.has('options') || changed.has('isRequired') || changed.has('required')) this.#set(this.getMeta<unknown[]>('selectedValues'))
  }

  /** Keeps the values that are options, in option order. */
  #set(values: readonly unknown[]): void {
    const options = normaliseOptions(this.options).options
    const kept = options.filter((o) => values.some((v) => sameValue(v, o.value))).map((o) => o.value)
    batch(() => {
      this.setMeta('selectedValues', kept)
      this.setMeta('isValid', !this.mandatory || kept.length > 0)
    })
  }

  /** Checks exactly the given values. */
  setSelectedOptions(values: unknown): void {
    this.#touched = true
    this.#set(asList(values))
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#touched = false
    this.#set(asList(this.defaultSelectedValues))
  }

  #change(values: readonly unknown[]): void {
    this.#touched = true
    batch(() => {
      this.#set(values)
      this.setMeta('isDirty', true)
    })
    this.trigger('onSelectionChange')
  }

  protected override render(): TemplateResult {
    const { options, error } = normaliseOptions(this.options)
    const selected = this.getMeta<unknown[]>('selectedValues')
    const has = (v: unknown): boolean => selected.some((s) => sameValue(s, v))
    const all = options.length > 0 && options.every((o) => has(o.value))
    const toggle = (value: unknown) => (e: Event): void => {
      const on = (e.target as HTMLInputElement).checked
      this.#change(on ? [...selected, value] : selected.filter((s) => !sameValue(s, value)))
    }
    return html`
      <fieldset ?disabled=${this.off} aria-busy=${this.loading ? 'true' : 'false'}>
        <legend class="label ${this.mandatory ? 'required' : ''} ${this.label ? '' : 'visually-hidden'}" part="label">${this.label || this.fallbackName}</legend>
        <div class="items ${this.isInline ? 'inline' : ''}">
          ${this.isSelectAll
            ? html`<label class="choice"><input type="checkbox" .checked=${live(all)} .indeterminate=${!all && selected.length > 0}
                @change=${(e: Event) => this.#change((e.target as HTMLInputElement).checked ? options.map((o) => o.value) : [])} /><span>Select all</span></label>`
            : null}
          ${options.map((o) => html`<label class="choice"><input type="checkbox" .checked=${live(has(o.value))} @change=${toggle(o.value)} /><span>${o.label}</span></label>`)}
        </div>
      </fieldset>
      ${error ? this.renderError(error) : null}
      ${this.renderErrors()}
    `
  }
}
