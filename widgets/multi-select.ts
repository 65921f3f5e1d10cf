/**
 * `<smith-multi-select>`: Appsmith's Multi-select (MULTI_SELECT_WIDGET_V2) as a WAI-ARIA
 * listbox with `aria-multiselectable`: one tab stop, the arrow keys (and Home/End) move
 * the active option, Space or Enter toggles it, Ctrl+A selects all. The chosen options
 * are listed above it as removable chips.
 *
 * ```html
 * <smith-multi-select name="Tags" label-text="Tags" options="{{Tags_API.data}}"
 *                     default-option-value='["a"]' on-option-change="{{…}}"></smith-multi-select>
 * ```
 */
import { css, html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { asList } from './checkbox-group'
import { controlStyles } from './control'
import { SmithOptionControl } from './option-control'
import { filterOptions, sameValue, widgetOptions } from './options'
import type { Option } from './options'

/**
 * Properties: `options`, `defaultOptionValue` (a list), `labelText` (or `label`),
 * `placeholderText`, `isFilterable`, `isRequired`, `isDisabled`. Meta:
 * `selectedOptionValues`, `selectedOptionLabels`, `filterText`, `isDirty`, `isValid`.
 * Events: `onOptionChange`, `onFilterUpdate`. Methods: `setSelectedOptions`, `setOptions`,
 * `setDisabled`, `setRequired`.
 */
export class SmithMultiSelect extends SmithOptionControl {
  static override styles = [
    controlStyles,
    css`
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
        margin-bottom: 0.25em;
        min-height: 1.5em;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.25em;
        max-width: 100%;
        padding: 0.1em 0.25em 0.1em 0.5em;
        border-radius: var(--smith-radius, 4px);
        background: #eef;
        font-size: 0.875em;
        overflow-wrap: anywhere;
      }
      .chip button {
        border: 0;
        background: none;
        font: inherit;
        cursor: pointer;
        padding: 0 0.25em;
      }
      .placeholder {
        color: #6b7280;
        font-size: 0.875em;
      }
      [role='listbox'] {
        max-height: 12em;
        overflow-y: auto;
        margin: 0;
        padding: 0.25em 0;
        list-style: none;
        border: 1px solid #9ca3af;
        border-radius: var(--smith-radius, 4px);
        background: #fff;
      }
      [role='listbox'][aria-disabled='true'] {
        background: #f3f4f6;
        opacity: 0.7;
      }
      [role='option'] {
        display: flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.35em 0.6em;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      [role='option'].active {
        background: #eef;
        outline: 1px solid var(--smith-primary, #553de9);
        outline-offset: -1px;
      }
      .mark {
        flex: none;
        width: 1em;
        height: 1em;
        border: 1px solid #6b7280;
        border-radius: 3px;
      }
      [aria-selected='true'] .mark {
        background: var(--smith-primary, #553de9);
        border-color: var(--smith-primary, #553de9);
      }
      .filter {
        margin-bottom: 0.25em;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = {
    selectedOptionValues: [],
    selectedOptionLabels: [],
    filterText: '',
    isDirty: false,
    isValid: true,
  }

  static override exposedMethods: readonly string[] = ['setSelectedOptions', 'setOptions', 'setDisabled', 'setRequired']

  #touched = false
  /** Index (in the visible options) of the active option. */
  #active = 0

  constructor() {
    super()
    this.defaultOptionValue = []
    this.placeholderText = 'Select option(s)'
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultOptionValue') && !this.#touched) this.#set(asList(this.defaultOptionValue))
    else if (this.choicesChanged(changed)) this.#set(this.getMeta<unknown[]>('selectedOptionValues'))
  }

  /** Keeps the values that are options, in option order, with their labels. */
  #set(values: readonly unknown[]): void {
    const chosen = this.choices.filter((o) => values.some((v) => sameValue(v, o.value)))
    batch(() => {
      this.setMeta('selectedOptionValues', chosen.map((o) => o.value))
      this.setMeta('selectedOptionLabels', chosen.map((o) => o.label))
      this.setMeta('isValid', !this.mandatory || chosen.length > 0)
    })
  }

  /** Appsmith's `setSelectedOptions(values)`. */
  setSelectedOptions(values: unknown): void {
    this.#touched = true
    this.#set(asList(values))
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#touched = false
    this.#set(asList(this.defaultOptionValue))
  }

  #has(value: unknown): boolean {
    return this.getMeta<unknown[]>('selectedOptionValues').some((v) => sameValue(v, value))
  }

  #change(values: readonly unknown[]): void {
    if (this.off) return
    this.#touched = true
    batch(() => {
      this.#set(values)
      this.setMeta('isDirty', true)
    })
    this.trigger('onOptionChange')
  }

  #toggle(o: Option): void {
    const current = this.getMeta<unknown[]>('selectedOptionValues')
    this.#change(this.#has(o.value) ? current.filter((v) => !sameValue(v, o.value)) : [...current, o.value])
  }

  #visible(): readonly Option[] {
    return this.isFilterable && !this.serverSideFiltering ? filterOptions(this.choices, this.getMeta<string>('filterText')) : this.choices
  }

  #onFilter = (e: Event): void => {
    this.#active = 0
    this.onFilter(e)
  }

  #onKey = (e: KeyboardEvent): void => {
    const visible = this.#visible()
    if (visible.length === 0 || this.off) return
    const last = visible.length - 1
    let next = Math.min(this.#active, last)
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(next + 1, last)
        break
      case 'ArrowUp':
        next = Math.max(next - 1, 0)
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = last
        break
      case ' ':
      case 'Enter':
        e.preventDefault()
        this.#toggle(visible[next])
        return
      case 'a':
        if (!(e.ctrlKey || e.metaKey)) return
        e.preventDefault()
        this.#change(visible.every((o) => this.#has(o.value)) ? [] : this.choices.filter((o) => this.#has(o.value) || visible.includes(o)).map((o) => o.value))
        return
      default:
        return
    }
    e.preventDefault()
    this.#active = next
    this.requestUpdate()
  }

  protected override updated(): void {
    // Keep the active option in view inside the scrolling list.
    const active = this.renderRoot.querySelector('[role="option"].active') as HTMLElement | null
    active?.scrollIntoView?.({ block: 'nearest' })
  }

  protected override render(): TemplateResult {
    const label = this.labelText || this.label
    const { error } = widgetOptions(this)
    const visible = this.#visible()
    const active = Math.min(this.#active, visible.length - 1)
    const labels = this.getMeta<string[]>('selectedOptionLabels')
    const values = this.getMeta<unknown[]>('selectedOptionValues')
    const invalid = !this.getMeta<boolean>('isValid') && this.getMeta<boolean>('isDirty')
    return html`
      ${label ? html`<span class="label ${this.mandatory ? 'required' : ''}" id="label" part="label">${label}</span>` : null}
      <div class="chips" part="chips" aria-live="polite">
        ${labels.length === 0 ? html`<span class="placeholder">${this.placeholderText}</span>` : null}
        ${labels.map(
          (l, i) => html`<span class="chip">${l}<button type="button" aria-label="Remove ${l}" ?disabled=${this.off}
            @click=${() => this.#change(values.filter((_, j) => j !== i))}>×</button></span>`,
        )}
      </div>
      ${this.isFilterable
        ? html`<input class="field filter" type="search" part="filter" aria-label="Filter ${label || this.fallbackName}" placeholder="Filter"
            .value=${this.getMeta<string>('filterText')} ?disabled=${this.off} @input=${this.#onFilter} />`
        : null}
      <ul
        role="listbox"
        part="listbox"
        tabindex=${this.off ? '-1' : '0'}
        aria-multiselectable="true"
        aria-labelledby=${label ? 'label' : nothing}
        aria-label=${label ? nothing : this.fallbackName}
        aria-activedescendant=${active >= 0 ? `opt-${active}` : nothing}
        aria-disabled=${this.off ? 'true' : 'false'}
        aria-required=${this.mandatory ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-busy=${this.loading ? 'true' : 'false'}
        @keydown=${this.#onKey}
      >
        ${visible.map(
          (o, i) => html`<li id="opt-${i}" role="option" class=${i === active ? 'active' : ''} aria-selected=${this.#has(o.value) ? 'true' : 'false'}
            @click=${() => {
              this.#active = i
              this.#toggle(o)
            }}><span class="mark" aria-hidden="true"></span><span>${o.label}</span></li>`,
        )}
      </ul>
      ${invalid ? html`<p class="hint">Select at least one option</p>` : null}
      ${error ? this.renderError(error) : null}
      ${this.renderErrors()}
    `
  }
}
