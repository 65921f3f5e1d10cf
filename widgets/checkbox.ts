/**
 * `<smith-checkbox>`: Appsmith's Checkbox on a native checkbox.
 *
 * ```html
 * <smith-checkbox name="Agree" label="I agree" is-required on-check-change="{{…}}"></smith-checkbox>
 * ```
 */
import { html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, flag } from './control'

/**
 * Properties: `label`, `defaultCheckedState`, `isRequired` (must be checked), `isDisabled`.
 * Meta: `isChecked`, `isDirty`, `isValid`. Event: `onCheckChange`. Methods: `setValue`,
 * `setDisabled`, `setRequired`.
 */
export class SmithCheckbox extends SmithControl {
  static override properties: PropertyDeclarations = {
    defaultCheckedState: flag('default-checked-state'),
  }

  static override metaDefaults: Record<string, unknown> = { isChecked: false, isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setValue', 'setDisabled', 'setRequired']

  /** The initial state; followed until the user clicks. */
  declare defaultCheckedState: boolean

  #touched = false

  constructor() {
    super()
    this.defaultCheckedState = false
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultCheckedState') && !this.#touched) this.#set(this.defaultCheckedState === true)
    else if (changed.has('isRequired') || changed.has('required')) this.#set(this.getMeta<boolean>('isChecked'))
  }

  #set(checked: boolean): void {
    batch(() => {
      this.setMeta('isChecked', checked)
      this.setMeta('isValid', !this.mandatory || checked)
    })
  }

  /** Appsmith's `setValue(bool)`. */
  setValue(checked: unknown): void {
    this.#touched = true
    this.#set(checked === true)
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#touched = false
    this.#set(this.defaultCheckedState === true)
  }

  #onChange = (e: Event): void => {
    this.#touched = true
    batch(() => {
      this.#set((e.target as HTMLInputElement).checked)
      this.setMeta('isDirty', true)
    })
    this.trigger('onCheckChange')
  }

  protected override render(): TemplateResult {
    return html`
      <label class="choice" part="label">
        <input type="checkbox" part="checkbox" .checked=${live(this.getMeta<boolean>('isChecked'))} ?disabled=${this.off}
          ?required=${this.mandatory} aria-invalid=${!this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty') ? 'true' : 'false'}
          aria-label=${this.label ? nothing : this.fallbackName} @change=${this.#onChange} />
        <span class=${this.mandatory ? 'required' : ''}>${this.label}</span>
      </label>
      ${this.renderErrors()}
    `
  }
}
