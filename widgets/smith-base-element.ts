/**
 * The base class of every smithlet widget: the part of the runtime's contract each one
 * shares. The runtime owns bindings and code; a widget only renders the values it is given
 * and reports what the user did.
 *
 * - attributes the runtime binds (`text="{{Api.data}}"`, decided by the runtime's
 *   `isBoundAttribute`, never parsed here) are left to the runtime, so the raw template
 *   never flashes on screen before it pushes the evaluated value;
 * - `errors` (property name → message), `notice` and `loading`, set by the runtime;
 * - `trigger(eventName)`, the one way a widget fires an Appsmith event.
 *
 * Widgets with meta state (`Table1.selectedRow`, …) extend {@link SmithElement}
 * (./smith-element.ts), which adds it; those without (a button, a container, an image)
 * extend this class, so an app of such widgets ships no meta code.
 *
 * Reactive properties are declared with `declare` and initialised in the constructor:
 * a class field would shadow Lit's generated accessor once compiled by esbuild.
 */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit'
import type { CSSResultGroup, PropertyDeclarations, TemplateResult } from 'lit'
import { isBoundAttribute } from '../src/widget-contract'
import { ERROR_BLOCK_DECLARATIONS } from './error-block'

/** The event every widget dispatches to ask the runtime to run an `on-…` attribute. */
export const TRIGGER_EVENT = 'smith-trigger'

/** `detail` of a {@link TRIGGER_EVENT}. */
export interface TriggerDetail {
  /** The Appsmith event name, e.g. `onRowSelected` (attribute `on-row-selected`). */
  event: string
}

/** The `errors` of a widget without any: shared, so frozen (the runtime replaces, never mutates, `errors`). */
const NO_ERRORS: Readonly<Record<string, string>> = Object.freeze({})

/** Styles every widget shares: the host box and the error block. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .error {
    ${unsafeCSS(ERROR_BLOCK_DECLARATIONS)}
  }
`

/** Base class of the `smith-*` widgets; see the file comment. */
export abstract class SmithBaseElement extends LitElement {
  static override properties: PropertyDeclarations = {
    name: { type: String },
    errors: { attribute: false },
    notice: { attribute: false },
    loading: { type: Boolean },
  }

  static override styles: CSSResultGroup = baseStyles

  /** The widget's name in the app (`Table1`); the runtime registers the widget under it. */
  declare name: string
  /**
   * Binding errors set by the runtime: property name → message. A widget shows the error
   * for a property it cannot render in place of that property.
   */
  declare errors: Record<string, string>
  /** Set by the runtime while a query this widget's bindings read is running. */
  declare loading: boolean
  /**
   * Set by the runtime: what went wrong here, in plain words for the person using the page
   * (a query this widget shows failed, its action failed); '' when nothing is wrong.
   */
  declare notice: string

  constructor() {
    super()
    this.name = ''
    this.errors = NO_ERRORS
    this.loading = false
    this.notice = ''
  }

  /**
   * Methods code may call on this widget's entity (`Input1.setValue(x)`); the runtime
   * puts each on the entity as a bound function. Every widget also gets `setVisibility`.
   */
  static exposedMethods: readonly string[] = []

  /**
   * Leaves attribute values the runtime binds to the runtime, which evaluates them and
   * sets the property itself. Converting them would render `{{Api.data}}` until it does.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (isBoundAttribute(value)) return
    super.attributeChangedCallback(name, old, value)
  }

  /**
   * Fires an Appsmith event (`onClick`, `onRowSelected`, …) for the runtime to run the
   * matching `on-…` attribute. Set the meta the handler reads before calling this.
   * The event neither bubbles nor crosses shadow roots: it belongs to this widget only.
   */
  trigger(eventName: string): boolean {
    return this.dispatchEvent(
      new CustomEvent<TriggerDetail>(TRIGGER_EVENT, { detail: { event: eventName }, bubbles: false, composed: false }),
    )
  }

  /** The binding error for a property, if any. */
  protected errorFor(property: string): string | undefined {
    const errors = this.errors
    return errors && Object.prototype.hasOwnProperty.call(errors, property) ? errors[property] : undefined
  }

  /** An alert block for one message. */
  protected renderError(message: string): TemplateResult {
    return html`<p class="error" role="alert" part="error">${message}</p>`
  }

  /**
   * Alert blocks for the errors of the given properties (all when omitted), for widgets
   * that keep rendering the rest of their content around them.
   */
  protected renderErrors(properties?: readonly string[]): TemplateResult | typeof nothing {
    const errors = this.errors ?? {}
    const keys = (properties ?? Object.keys(errors)).filter((k) => this.errorFor(k) !== undefined)
    // The notice is for people, so it carries no property name.
    const notice = this.notice ? html`<p class="error notice" role="alert" part="notice">${this.notice}</p>` : nothing
    if (!keys.length) return notice
    return html`${notice}${keys.map((k) => this.renderError(`${k}: ${errors[k]}`))}`
  }
}
