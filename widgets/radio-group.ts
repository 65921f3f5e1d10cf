/**
 * `<smith-radio-group>`: Appsmith's Radio group — native radios in a `<fieldset>`, so the
 * arrow keys move the choice and Tab leaves the group, as browsers do.
 *
 * ```html
 * <smith-radio-group name="Size" label="Size" options='[{"label":"S","value":"s"}]'
 *                    default-option-value="s" on-selection-change="{{…}}"></smith-radio-group>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, any, controlStyles, flag } from './control'
import { visuallyHiddenStyles } from './visually-hidden'
import { isEmptyValue, normaliseOptions, sameValue, unwrapValue } from './options'

/** Styles of the option groups (radio and checkbox). */
export const groupStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  .items {
    display: flex;
    flex-direction: column;
    gap: 0.125em;
  }
  .items.inline {
    flex-flow: row wrap;
    column-gap: 1em;
  }
`

/**
 * Properties: `options`, `defaultOptionValue`, `label`, `isInline`, `isRequired`,
 * `isDisabled`. Meta: `selectedOptionValue`, `selectedOptionLabel`, `isDirty`, `isValid`.
 * Event: `onSelectionChange`. Methods: `setSelectedOption`, `setDisabled`, `setRequired`.
 */
export class SmithRadioGroup extends SmithControl {
  static override properties: PropertyDeclarations = {
    options: any(),
    defaultOptionValue: any('default-option-value'),
    isInline: flag('is-inline'),
  }

  static override styles = [controlStyles, groupStyles, visuallyHiddenStyles]

  static override metaDefaults: Record<string, unknown> = { selectedOptionValue: '', selectedOptionLabel: '', isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setSelectedOption', 'setDisabled', 'setRequired']

  /** The choices: `[{ label, value }]`, plain values, or that list as JSON. */
  declare options: unknown
  /** The initial choice; followed until the user picks. */
  declare defaultOptionValue: unknown
  /** Options side by side (wrapping) instead of one per line. */
  declare isInline: boolean

  #picked = false

  constructor() {
    super()
    this.options = []
    this.defaultOptionValue = ''
    this.isInline = true
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultOptionValue') && !this.#picked) this.#select(this.defaultOptionValue)
    else if (changed.has('options') || changed.has('isRequired') || changed.has('required')) this.#select(this.getMeta('selectedOptionValue'))
  }

  #select(choice: unknown): void {
    const value = unwrapValue(choice)
    const found = normaliseOptions(this.options).options.find((o) => sameValue(o.value, value))
    batch(() => {
      this.setMeta('selectedOptionValue', found ? found.value : isEmptyValue(value) ? '' : value)
      this.setMeta('selectedOptionLabel', found ? found.label : '')
      this.setMeta('isValid', !this.mandatory || found !== undefined)
    })
  }

  /** Selects an option by value, as Appsmith's setter does. */
  setSelectedOption(value: unknown): void {
    this.#picked = true
    this.#select(value)
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#picked = false
    this.#select(this.defaultOptionValue)
  }

  protected override render(): TemplateResult {
    const { options, error } = normaliseOptions(this.options)
    const current = this.getMeta('selectedOptionValue')
    const pick = (value: unknown) => (): void => {
      this.#picked = true
      batch(() => {
        this.#select(value)
        this.setMeta('isDirty', true)
      })
      this.trigger('onSelectionChange')
    }
    return html`
      <fieldset ?disabled=${this.off} aria-busy=${this.loading ? 'true' : 'false'} role="radiogroup"
        aria-required=${this.mandatory ? 'true' : 'false'}>
        <legend class="label ${this.mandatory ? 'required' : ''} ${this.label ? '' : 'visually-hidden'}" part="label">${this.label || this.fallbackName}</legend>
        <div class="items ${this.isInline ? 'inline' : ''}">
          ${options.map(
            (o) => html`<label class="choice"><input type="radio" name="choice" .checked=${live(sameValue(o.value, current))}
              @change=${pick(o.value)} /><span>${o.label}</span></label>`,
          )}
        </div>
      </fieldset>
      ${error ? this.renderError(error) : null}
      ${this.renderErrors()}
    `
  }
}
