/**
 * What Appsmith's Select and Multi-select share: the options and where they come from
 * (`options`, or the newer `sourceData` with `optionLabel` / `optionValue` naming the
 * keys), `defaultOptionValue`, `labelText`, `placeholderText`, filtering (`isFilterable`,
 * `serverSideFiltering`, the `filterText` meta and `onFilterUpdate`) and `setOptions`.
 */
import type { PropertyDeclarations, PropertyValues } from 'lit'
import { SmithControl, any, flag, str } from './control'
import { widgetOptions } from './options'
import type { Option } from './options'

/** A control choosing among options; subclasses keep the choice (one value, or a list). */
export class SmithOptionControl extends SmithControl {
  static override properties: PropertyDeclarations = {
    options: any(),
    defaultOptionValue: any('default-option-value'),
    labelText: str('label-text'),
    placeholderText: str('placeholder-text'),
    isFilterable: flag('is-filterable'),
    sourceData: any('source-data'),
    optionLabel: str('option-label'),
    optionValue: str('option-value'),
    serverSideFiltering: flag('server-side-filtering'),
  }

  /** The choices: `[{ label, value }]`, plain values, or that list as JSON. */
  declare options: unknown
  /** The initial choice(s); followed until the user picks. */
  declare defaultOptionValue: unknown
  declare labelText: string
  declare placeholderText: string
  /** Shows a filter field above the options. */
  declare isFilterable: boolean
  /** Appsmith's newer options form: records, with `optionLabel` / `optionValue` naming their keys. */
  declare sourceData: unknown
  declare optionLabel: string
  declare optionValue: string
  /** The app filters (on `onFilterUpdate`, e.g. by re-running a query); the widget shows the options as given. */
  declare serverSideFiltering: boolean

  #source: unknown = undefined
  #sourceData: unknown = undefined
  #keys: [string, string] = ['', '']
  #normalised: readonly Option[] = []

  constructor() {
    super()
    this.options = []
    this.defaultOptionValue = ''
    this.labelText = ''
    this.placeholderText = 'Select option'
    this.isFilterable = false
    this.sourceData = undefined
    this.optionLabel = ''
    this.optionValue = ''
    this.serverSideFiltering = false
  }

  /** The options, normalised once per change of what they come from. */
  protected get choices(): readonly Option[] {
    if (this.options !== this.#source || this.sourceData !== this.#sourceData || this.optionLabel !== this.#keys[0] || this.optionValue !== this.#keys[1]) {
      this.#source = this.options
      this.#sourceData = this.sourceData
      this.#keys = [this.optionLabel, this.optionValue]
      this.#normalised = widgetOptions(this).options
    }
    return this.#normalised
  }

  /** Whether an update changes the options or whether a choice is required (the choice is re-checked then). */
  protected choicesChanged(changed: PropertyValues<this>): boolean {
    return changed.has('options') || changed.has('sourceData') || changed.has('optionLabel') || changed.has('optionValue') || changed.has('isRequired') || changed.has('required')
  }

  /** Appsmith's `setOptions(list)`. */
  setOptions(options: unknown): void {
    this.options = options
  }

  /** The filter field's input: `filterText`, then `onFilterUpdate`. */
  protected onFilter = (e: Event): void => {
    this.setMeta('filterText', (e.target as HTMLInputElement).value)
    this.trigger('onFilterUpdate')
  }
}
