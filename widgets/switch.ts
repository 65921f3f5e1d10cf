/**
 * `<smith-switch>`: Appsmith's Switch — a native checkbox with `role="switch"`, so Space
 * toggles it and screen readers say "on"/"off".
 *
 * ```html
 * <smith-switch name="Dark" label="Dark mode" default-switch-state on-change="{{…}}"></smith-switch>
 * ```
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import { batch } from '../src/reactive'
import { SmithControl, controlStyles, flag, str } from './control'

/**
 * Properties: `label`, `defaultSwitchState`, `alignWidget` (`LEFT` | `RIGHT`: where the
 * switch sits), `isDisabled`, `isRequired`. Meta: `isSwitchedOn`, `isDirty`, `isValid`.
 * Event: `onChange`. Methods: `setValue`, `setDisabled`, `setRequired`.
 */
export class SmithSwitch extends SmithControl {
  static override properties: PropertyDeclarations = {
    defaultSwitchState: flag('default-switch-state'),
    alignWidget: str('align-widget'),
  }

  static override styles = [
    controlStyles,
    css`
      .choice.right {
        flex-direction: row-reverse;
        justify-content: space-between;
      }
      input[role='switch'] {
        appearance: none;
        width: 2.4em;
        height: 1.4em;
        border-radius: 0.7em;
        background: #9ca3af;
        position: relative;
        cursor: pointer;
        transition: background 0.15s;
      }
      input[role='switch']::before {
        content: '';
        position: absolute;
        top: 0.2em;
        left: 0.2em;
        width: 1em;
        height: 1em;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      input[role='switch']:checked {
        background: var(--smith-primary, #553de9);
      }
      input[role='switch']:checked::before {
        transform: translateX(1em);
      }
      input[role='switch']:disabled {
        opacity: 0.5;
        cursor: not-allowed;
      }
      @media (prefers-reduced-motion: reduce) {
        input[role='switch'],
        input[role='switch']::before {
          transition: none;
        }
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = { isSwitchedOn: false, isDirty: false, isValid: true }

  static override exposedMethods: readonly string[] = ['setValue', 'setDisabled', 'setRequired']

  /** The initial state; followed until the user toggles. */
  declare defaultSwitchState: boolean
  declare alignWidget: string

  #touched = false

  constructor() {
    super()
    this.defaultSwitchState = false
    this.alignWidget = 'LEFT'
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultSwitchState') && !this.#touched) this.#set(this.defaultSwitchState === true)
    else if (changed.has('isRequired') || changed.has('required')) this.#set(this.getMeta<boolean>('isSwitchedOn'))
  }

  #set(on: boolean): void {
    batch(() => {
      this.setMeta('isSwitchedOn', on)
      this.setMeta('isValid', !this.mandatory || on)
    })
  }

  /** Appsmith's `setValue(bool)`. */
  setValue(on: unknown): void {
    this.#touched = true
    this.#set(on === true)
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#touched = false
    this.#set(this.defaultSwitchState === true)
  }

  #onChange = (e: Event): void => {
    this.#touched = true
    batch(() => {
      this.#set((e.target as HTMLInputElement).checked)
      this.setMeta('isDirty', true)
    })
    this.trigger('onChange')
  }

  protected override render(): TemplateResult {
    const on = this.getMeta<boolean>('isSwitchedOn')
    return html`
      <label class="choice ${String(this.alignWidget).toUpperCase() === 'RIGHT' ? 'right' : ''}" part="label">
        <input type="checkbox" role="switch" part="switch" .checked=${live(on)} aria-checked=${on ? 'true' : 'false'}
          ?disabled=${this.off} aria-label=${this.label ? nothing : this.fallbackName} @change=${this.#onChange} />
        <span class=${this.mandatory ? 'required' : ''}>${this.label}</span>
      </label>
      ${this.renderErrors()}
    `
  }
}
