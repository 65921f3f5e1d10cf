/**
 * `<smith-select>`: Appsmith's Select (SELECT_WIDGET) on a native `<select>`, so keyboard,
 * screen readers and phone pickers behave as users expect.
 *
 * ```html
 * <smith-select name="Status" label-text="Status" options="{{[{label:'Open',value:'open'}]}}"
 *               default-option-value="open" on-option-change="{{getRows.run()}}"></smith-select>
 * ```
 */
import { css, html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { controlStyles } from './control'
import { SmithOptionControl } from './option-control'
import { filterOptions, isEmptyValue, sameValue, unwrapValue, widgetOptions } from './options'
import type { Option } from './options'

/**
 * A single choice. Properties: `options`, `defaultOptionValue`, `labelText` (or
 * `label`), `placeholderText`, `isFilterable`, `isRequired`, `isDisabled`.
 * Meta: `selectedOptionValue`, `selectedOptionLabel`, `filterText`, `isDirty`, `isValid`.
 * Events: `onOptionChange`, `onFilterUpdate`. Methods: `setSelectedOption`, `setOptions`,
 * `setDisabled`, `setRequired`.
 */
export class SmithSelect extends SmithOptionControl {
  static override styles = [
    controlStyles,
    css`
      .filter {
        margin-bottom: 0.25em;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = {
    selectedOptionValue: '',
    selectedOptionLabel: '',
    filterText: '',
    isDirty: false,
    isValid: true,
  }

  static override exposedMethods: readonly string[] = ['setSelectedOption', 'setOptions', 'setDisabled', 'setRequired']

  #picked = false


  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultOptionValue') && !this.#picked) this.#select(this.defaultOptionValue)
    else if (this.choicesChanged(changed)) this.#select(this.getMeta('selectedOptionValue'))
  }

  /** Sets the value and its label; the label comes from the options, else from a `{ label, value }` given. */
  #select(choice: unknown): void {
    const value = unwrapValue(choice)
    const found = this.choices.find((o) => sameValue(o.value, value))
    const label = found ? found.label : choice !== null && typeof choice === 'object' && 'label' in choice ? String((choice as { label: unknown }).label) : ''
    batch(() => {
      this.setMeta('selectedOptionValue', found ? found.value : isEmptyValue(value) ? '' : value)
      this.setMeta('selectedOptionLabel', label)
      this.setMeta('isValid', !this.mandatory || !isEmptyValue(value))
    })
  }

  /** Appsmith's `setSelectedOption(value)` (a value or `{ label, value }`). */
  setSelectedOption(choice: unknown): void {
    this.#picked = true
    this.#select(choice)
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#picked = false
    this.#select(this.defaultOptionValue)
  }

  #onChange = (e: Event): void => {
    const sel = e.target as HTMLSelectElement
    const option = this.#visible()[Number(sel.value)]
    this.#picked = true
    batch(() => {
      this.#select(option ? option.value : '')
      this.setMeta('isDirty', true)
    })
    this.trigger('onOptionChange')
  }

  #visible(): readonly Option[] {
    const all = this.choices
    if (!this.isFilterable || this.serverSideFiltering) return all
    const shown = filterOptions(all, this.getMeta<string>('filterText'))
    // The chosen option stays in the list, or the native select would show another one.
    const current = this.getMeta('selectedOptionValue')
    const chosen = all.find((o) => sameValue(o.value, current))
    return chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown
  }

  protected override updated(): void {
    // Set after the options exist: a selected flag on an <option> rendered before it is in
    // the <select> is not kept everywhere.
    const sel = this.renderRoot.querySelector('select')
    if (sel) {
      const current = this.getMeta('selectedOptionValue')
      sel.selectedIndex = this.#visible().findIndex((o) => sameValue(o.value, current)) + 1
    }
  }

  protected override render(): TemplateResult {
    const label = this.labelText || this.label
    const { error } = widgetOptions(this)
    const visible = this.#visible()
    const invalid = !this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty')
    return html`
      ${label ? html`<label class="label ${this.mandatory ? 'required' : ''}" for="field" part="label">${label}</label>` : null}
      ${this.isFilterable
        ? html`<input class="field filter" type="search" part="filter" aria-label="Filter ${label || this.fallbackName}"
            placeholder="Filter" .value=${this.getMeta<string>('filterText')} ?disabled=${this.off} @input=${this.onFilter} />`
        : null}
      <select
        id="field"
        class="field"
        part="select"
        aria-label=${label ? nothing : this.fallbackName}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-busy=${this.loading ? 'true' : 'false'}
        ?required=${this.mandatory}
        ?disabled=${this.off}
        @change=${this.#onChange}
      >
        <option value="">${this.placeholderText}</option>
        ${visible.map((o, i) => html`<option value=${String(i)}>${o.label}</option>`)}
      </select>
      ${invalid ? html`<p class="hint">Select an option</p>` : null}
      ${error ? this.renderError(error) : null}
      ${this.renderErrors()}
    `
  }
}
