/**
 * `<smith-menu-button>` and `<smith-menu-item>`: Appsmith's Menu button as the WAI-ARIA
 * menu button pattern. The items are child elements (light DOM), so each has its own
 * `on-click` the runtime binds — an Appsmith `menuItems` entry becomes one
 * `<smith-menu-item>`.
 *
 * Keyboard: Enter, Space or ArrowDown open the menu on the first item, ArrowUp on the
 * last; in the menu ArrowUp/ArrowDown (wrapping), Home and End move, Enter or Space
 * choose, Escape closes back to the button, Tab closes and moves on.
 *
 * ```html
 * <smith-menu-button name="Actions" label="Actions">
 *   <smith-menu-item label="Edit" icon-name="edit" on-click="{{showModal('Edit')}}"></smith-menu-item>
 *   <smith-menu-item label="Delete" is-disabled="{{!Table1.selectedRow.id}}" on-click="{{Delete.run()}}"></smith-menu-item>
 * </smith-menu-button>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithElement, baseStyles } from './smith-element'
import { flag, str } from './props'
import { icon } from './icons'
import { SmithVariantButton, variantButtonStyles } from './variant-button'

/** One entry of a menu button. Properties: `label`, `iconName`, `isDisabled`. Event: `onClick`. */
export class SmithMenuItem extends SmithElement {
  static override properties: PropertyDeclarations = {
    label: str(),
    iconName: str('icon-name'),
    isDisabled: flag('is-disabled'),
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.5em 0.75em;
        cursor: pointer;
        overflow-wrap: anywhere;
        outline: none;
      }
      :host(:hover),
      :host(:focus-visible),
      :host(:focus) {
        background: #eef;
      }
      :host(:focus-visible) {
        outline: 2px solid var(--smith-primary, #553de9);
        outline-offset: -2px;
      }
      :host([aria-disabled='true']) {
        opacity: 0.5;
        cursor: not-allowed;
      }
    `,
  ]

  static override exposedMethods: readonly string[] = ['setDisabled']

  declare label: string
  declare iconName: string
  declare isDisabled: boolean

  constructor() {
    super()
    this.label = ''
    this.iconName = ''
    this.isDisabled = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.setAttribute('role', 'menuitem')
    this.tabIndex = -1
  }

  /** Appsmith's `setDisabled(bool)`. */
  setDisabled(value: unknown): void {
    this.isDisabled = value === true
  }

  /** Fires `onClick` unless disabled; true when it did. */
  activate(): boolean {
    if (this.isDisabled) return false
    this.trigger('onClick')
    return true
  }

  protected override updated(): void {
    this.setAttribute('aria-disabled', this.isDisabled ? 'true' : 'false')
  }

  protected override render(): TemplateResult {
    return html`${this.iconName ? icon(this.iconName) : null}<span part="label">${this.label}</span>${this.renderErrors()}`
  }
}

/**
 * Properties: `label`, `iconName`, `buttonVariant`, `isDisabled`. Methods: `setDisabled`.
 * Meta: `isOpen`. The items fire their own `onClick`.
 */
export class SmithMenuButton extends SmithVariantButton {
  static override properties: PropertyDeclarations = {
    label: str(),
  }

  static override styles = [
    baseStyles,
    variantButtonStyles,
    css`
      :host {
        position: relative;
        font-family: var(--smith-font, inherit);
      }
      button {
        padding: 0.4em 0.9em;
      }
      [role='menu'] {
        position: absolute;
        z-index: 10;
        top: calc(100% + 2px);
        left: 0;
        min-width: 10em;
        max-width: min(20em, calc(100vw - 1em));
        padding: 0.25em 0;
        border: 1px solid #d1d5db;
        border-radius: var(--smith-radius, 4px);
        background: #fff;
        color: #111;
        box-shadow: 0 4px 12px #0002;
      }
      [role='menu'][hidden] {
        display: none;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = { isOpen: false }

  declare label: string

  constructor() {
    super()
    this.label = ''
    // On the host, not the menu element: events of the slotted items reach the host in
    // every DOM (the path through the <slot> is not one everywhere).
    this.addEventListener('keydown', this.#onMenuKey)
    this.addEventListener('click', this.#onMenuClick)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('pointerdown', this.#onOutside, true)
  }

  /** Appsmith's `setDisabled(bool)`; disabling closes the menu. */
  override setDisabled(value: unknown): void {
    super.setDisabled(value)
    if (this.isDisabled) this.close(false)
  }

  /** The enabled items, in order. */
  get items(): SmithMenuItem[] {
    return [...this.children].filter((c): c is SmithMenuItem => c instanceof SmithMenuItem && !c.hidden && !c.isDisabled)
  }

  /** Opens the menu and focuses its first (or last) item. */
  async open(focus: 'first' | 'last' = 'first'): Promise<void> {
    if (this.isDisabled) return
    this.setMeta('isOpen', true)
    document.addEventListener('pointerdown', this.#onOutside, true)
    await this.updateComplete
    const items = this.items
    ;(focus === 'first' ? items[0] : items[items.length - 1])?.focus()
  }

  /** Closes the menu; with `refocus`, focus goes back to the button. */
  close(refocus = true): void {
    if (!this.getMeta<boolean>('isOpen')) return
    this.setMeta('isOpen', false)
    document.removeEventListener('pointerdown', this.#onOutside, true)
    if (refocus) this.renderRoot.querySelector('button')?.focus()
  }

  #onOutside = (e: Event): void => {
    if (!e.composedPath().includes(this)) this.close(false)
  }

  #onButtonClick = (): void => {
    if (this.getMeta<boolean>('isOpen')) this.close()
    else void this.open('first')
  }

  #onButtonKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      void this.open(e.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  #onMenuKey = (e: KeyboardEvent): void => {
    if (!(e.target instanceof SmithMenuItem) || e.target.parentElement !== this) return
    const items = this.items
    const current = items.indexOf(e.target)
    const move = (i: number): void => {
      e.preventDefault()
      items[(i + items.length) % items.length]?.focus()
    }
    switch (e.key) {
      case 'ArrowDown':
        return move(current + 1)
      case 'ArrowUp':
        return move(current < 0 ? items.length - 1 : current - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(items.length - 1)
      case 'Escape':
        e.preventDefault()
        return this.close()
      case 'Tab':
        return this.close(false)
      case 'Enter':
      case ' ':
        e.preventDefault()
        this.#choose(e.target)
    }
  }

  #onMenuClick = (e: Event): void => {
    this.#choose(e.target)
  }

  #choose(target: EventTarget | null): void {
    const item = target instanceof Element ? target.closest('smith-menu-item') : null
    if (item instanceof SmithMenuItem && item.parentElement === this && item.activate()) this.close()
  }

  protected override render(): TemplateResult {
    const open = this.getMeta<boolean>('isOpen')
    return html`
      <button type="button" part="button" class=${this.variantClass} aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'} aria-controls="menu" ?disabled=${this.isDisabled}
        @click=${this.#onButtonClick} @keydown=${this.#onButtonKey}>
        ${this.iconName ? icon(this.iconName) : null}<span>${this.label || this.name || 'Menu'}</span>${icon('chevron-down')}
      </button>
      <div id="menu" role="menu" part="menu" aria-label=${this.label || this.name || 'Menu'} ?hidden=${!open}
><slot></slot></div>
      ${this.renderErrors()}
    `
  }
}
