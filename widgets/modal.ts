/**
 * `<smith-modal>`: Appsmith's MODAL_WIDGET — a dialog over the page, opened with
 * `showModal('Modal1')`, closed with `closeModal('Modal1')`, Escape, or (with
 * `can-outside-click-close`) a click on the backdrop.
 *
 * ```html
 * <smith-modal name="Modal1" hidden on-close="{{showAlert('closed')}}">
 *   <smith-canvas> …widgets… </smith-canvas>
 * </smith-modal>
 * ```
 *
 * Open means not `hidden`: the runtime's `setVisibility`, which `showModal`/`closeModal`
 * call, toggles it, so `Modal1.isVisible` is whether the modal is open. A modal closing
 * itself (Escape, backdrop) asks the runtime through a `smith-visibility` event, so
 * `isVisible` follows. It is a native modal `<dialog>`: the rest of the page is inert
 * while it is open (focus stays inside), and focus returns to where it was on close.
 * Size comes from the page stylesheet: `--smith-modal-width`, `--smith-modal-height`.
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'

/** The event a widget dispatches to ask the runtime to show or hide it. */
export const VISIBILITY_EVENT = 'smith-visibility'

/** A modal dialog. Properties: `canOutsideClickClose`. Events: `onClose`. */
export class SmithModal extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    canOutsideClickClose: { type: Boolean, attribute: 'can-outside-click-close' },
  }

  /** `Modal1.name` is the widget's name, as Appsmith derives it (its editor writes `showModal(Modal1.name)`). */
  static readonly derivesName = true

  static override styles = [
    baseStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        width: min(var(--smith-modal-width, 456px), calc(100vw - 32px));
        height: min(var(--smith-modal-height, auto), calc(100vh - 32px));
        max-height: calc(100vh - 32px);
        padding: 0;
        border: none;
        border-radius: var(--smith-radius, 0.375rem);
        box-shadow: 0 12px 32px rgba(15, 23, 42, 0.28);
        overflow: auto;
        font-family: var(--smith-font, inherit);
      }
      dialog::backdrop {
        background: rgba(15, 23, 42, 0.45);
      }
    `,
  ]

  /** Whether a click on the backdrop closes the modal (Appsmith's "Quick Dismiss"). */
  declare canOutsideClickClose: boolean

  #returnFocus: Element | null = null

  constructor() {
    super()
    this.canOutsideClickClose = false
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'hidden']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value)
    if (name === 'hidden') this.#sync()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.updateComplete.then(() => this.#sync())
  }

  /** Whether the modal is open now. */
  get isOpen(): boolean {
    return !this.hidden
  }

  /** Closes the modal as the user did: through the runtime when there is one. */
  requestClose(): void {
    if (this.hidden) return
    const event = new CustomEvent(VISIBILITY_EVENT, { detail: { visible: false }, bubbles: true, composed: true, cancelable: true })
    // The runtime cancels the event when it takes over (it sets `hidden` itself).
    if (this.dispatchEvent(event)) this.hidden = true
    this.trigger('onClose')
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector?.('dialog') ?? null
  }

  #sync(): void {
    const dialog = this.#dialog()
    if (dialog === null) return
    if (!this.hidden && !dialog.open) {
      this.#returnFocus = document.activeElement
      if (typeof dialog.showModal === 'function' && this.isConnected) {
        try {
          dialog.showModal()
        } catch {
          dialog.setAttribute('open', '')
        }
      } else dialog.setAttribute('open', '')
    } else if (this.hidden && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
      const back = this.#returnFocus as HTMLElement | null
      this.#returnFocus = null
      if (back?.isConnected && typeof back.focus === 'function') back.focus()
    }
  }

  #onCancel = (event: Event): void => {
    // Escape: the dialog would close itself; close through the runtime instead.
    event.preventDefault()
    this.requestClose()
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      this.requestClose()
    }
  }

  #onClick = (event: MouseEvent): void => {
    // A click on the dialog element itself (not its content) is a click on the backdrop.
    if (this.canOutsideClickClose && event.target === this.#dialog()) this.requestClose()
  }

  protected override render(): TemplateResult {
    return html`<dialog part="dialog" aria-label=${this.name || 'Dialog'} @cancel=${this.#onCancel} @keydown=${this.#onKeydown} @click=${this.#onClick}><slot></slot></dialog>`
  }
}
