/**
 * `<smith-toast>`: the stack of notifications behind Appsmith's `showAlert`.
 *
 * ```html
 * <smith-toast></smith-toast>   <!-- one per page; the runtime calls show() on it -->
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { AlertType } from '../src/globals'
import { SmithElement, baseStyles } from './smith-element'

/** The kinds of toast: the alert types of `showAlert(message, type)`. */
export type ToastType = AlertType

const TOAST_TYPES: ReadonlySet<string> = new Set(['success', 'info', 'warning', 'error'])

/** One toast on screen. */
export interface Toast {
  /** Unique per element; used to dismiss it. */
  readonly id: number
  readonly message: string
  readonly type: ToastType
  /** The situation it describes (`query:getUsers`); a newer toast of the same key replaces it. */
  readonly key?: string
}

/**
 * A stack of toasts. Each closes after `duration` ms or from its close button. Messages
 * are text, never HTML. Success/info/warning toasts are `role="status"` (announced
 * politely); errors are `role="alert"` (announced at once).
 */
export class SmithToast extends SmithElement {
  static override properties: PropertyDeclarations = {
    duration: { type: Number },
    max: { type: Number },
  }

  /** The runtime shows `showAlert` messages on widgets whose class says this. */
  static showsAlerts = true

  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        right: 1rem;
        bottom: 1rem;
        z-index: 1000;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        max-width: min(24rem, calc(100vw - 2rem));
        pointer-events: none;
      }
      .toast {
        display: flex;
        align-items: flex-start;
        gap: 0.75rem;
        padding: 0.75rem 0.75rem 0.75rem 1rem;
        border-radius: 6px;
        border-left: 4px solid var(--accent);
        background: #fff;
        color: #111827;
        box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
        pointer-events: auto;
      }
      .is-success {
        --accent: #15803d;
      }
      .is-info {
        --accent: #2563eb;
      }
      .is-warning {
        --accent: #b45309;
      }
      .is-error {
        --accent: #c62828;
      }
      .message {
        flex: 1;
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .close {
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        font-size: 1.25em;
        line-height: 1;
        cursor: pointer;
        padding: 0 0.25rem;
      }
      .close:focus-visible {
        outline: 2px solid #2563eb;
        border-radius: 2px;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = {}

  /** How long a toast stays, in ms (default 4000). */
  declare duration: number
  /** The most toasts kept on screen; older ones close first (default 5). */
  declare max: number

  #toasts: Toast[] = []
  #timers = new Map<number, ReturnType<typeof setTimeout>>()
  #nextId = 1

  constructor() {
    super()
    this.duration = 4000
    this.max = 5
  }

  /** The toasts on screen, oldest first. */
  get toasts(): readonly Toast[] {
    return this.#toasts
  }

  /**
   * Shows a toast. An unknown `type` shows as `info`. With a `key`, it replaces the toast
   * of the same key, and {@link dismissKey} closes it when the situation is over.
   * @returns the toast's id, for {@link dismiss}
   */
  show(message: string, type: ToastType = 'success', key?: string): number {
    if (key !== undefined) this.dismissKey(key)
    const toast: Toast = {
      id: this.#nextId++,
      message: message === null || message === undefined ? '' : String(message),
      type: TOAST_TYPES.has(type) ? type : 'info',
      ...(key === undefined ? {} : { key }),
    }
    this.#toasts = [...this.#toasts, toast]
    while (this.#toasts.length > Math.max(1, this.max)) this.dismiss(this.#toasts[0].id)
    if (this.isConnected) this.#startTimer(toast.id)
    this.requestUpdate()
    return toast.id
  }

  /** Closes a toast now. */
  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id))
    this.#timers.delete(id)
    const before = this.#toasts.length
    this.#toasts = this.#toasts.filter((t) => t.id !== id)
    if (this.#toasts.length !== before) this.requestUpdate()
  }

  /** Closes the toasts shown under `key` (the situation they describe is over). */
  dismissKey(key: string): void {
    for (const t of this.#toasts.filter((t) => t.key === key)) this.dismiss(t.id)
  }

  /** Closes every toast. */
  clear(): void {
    for (const t of [...this.#toasts]) this.dismiss(t.id)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // Toasts shown while detached (or left when it was moved) get their full time now.
    for (const t of this.#toasts) if (!this.#timers.has(t.id)) this.#startTimer(t.id)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    // No timer outlives the element: a detached toast stack must not keep a page alive.
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
  }

  #startTimer(id: number): void {
    if (!(this.duration > 0)) return // 0 or less: stays until closed
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), this.duration),
    )
  }

  protected override render(): TemplateResult {
    return html`${repeat(
      this.#toasts,
      (t) => t.id,
      (t) => html`
        <div class="toast is-${t.type}" part="toast ${t.type}" role=${t.type === 'error' ? 'alert' : 'status'}>
          <p class="message">${t.message}</p>
          <button type="button" class="close" aria-label="Dismiss notification" @click=${() => this.dismiss(t.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      `,
    )}`
  }
}
