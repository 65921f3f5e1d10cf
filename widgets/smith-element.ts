/**
 * The base class of every smithlet widget.
 *
 * The runtime owns bindings and code; a widget only renders the values it is given and
 * reports what the user did. This class holds the parts of that contract every widget
 * shares:
 *
 * - attributes the runtime binds (`text="{{Api.data}}"`, decided by the runtime's
 *   `isBoundAttribute`, never parsed here) are left to the runtime, so the raw template
 *   never flashes on screen before it pushes the evaluated value;
 * - `errors` (property name → message) and `loading`, set by the runtime;
 * - meta state (`Table1.selectedRow`, …) as one signal per key, so bindings that read it
 *   re-evaluate when it changes;
 * - `trigger(eventName)`, the one way a widget fires an Appsmith event.
 *
 * Reactive properties are declared with `declare` and initialised in the constructor:
 * a class field would shadow Lit's generated accessor once compiled by esbuild.
 */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit'
import type { CSSResultGroup, PropertyDeclarations, TemplateResult } from 'lit'
import { batch, effect, signal, untracked } from '../src/reactive'
import type { Signal } from '../src/reactive'
import { isBoundAttribute } from '../src/widget-contract'
import { ERROR_BLOCK_DECLARATIONS } from './error-block'

/** The event every widget dispatches to ask the runtime to run an `on-…` attribute. */
export const TRIGGER_EVENT = 'smith-trigger'

/** `detail` of a {@link TRIGGER_EVENT}. */
export interface TriggerDetail {
  /** The Appsmith event name, e.g. `onRowSelected` (attribute `on-row-selected`). */
  event: string
}

/** A copy of a meta default that no widget instance shares with another. */
function freshCopy<T>(value: T): T {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

/** The `errors` of a widget without any: shared, so frozen (the runtime replaces, never mutates, `errors`). */
const NO_ERRORS: Readonly<Record<string, string>> = Object.freeze({})
/** The `meta` of a widget class without meta keys. */
const NO_META: Record<string, Signal<unknown>> = Object.freeze({}) as Record<string, Signal<unknown>>
/** Each class's meta keys, listed once. */
const metaKeys = new WeakMap<object, string[]>()

/** Styles every widget shares: the error block and the visually-hidden helper. */
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`

/**
 * Base class of the `smith-*` widgets. Subclasses declare `static metaDefaults` and
 * `static properties`, and call {@link SmithElement.setMeta} / {@link SmithElement.trigger}.
 */
export abstract class SmithElement extends LitElement {
  static override properties: PropertyDeclarations = {
    name: { type: String },
    errors: { attribute: false },
    notice: { attribute: false },
    loading: { type: Boolean },
  }

  static override styles: CSSResultGroup = baseStyles

  /**
   * The meta state keys of this widget and their initial values. `this.meta` gets one
   * signal per key; object defaults are copied per instance and on every reset.
   */
  static metaDefaults: Record<string, unknown> = {}

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

  /**
   * Meta state, one signal per key of `metaDefaults`. Other bindings read it through the
   * runtime (`{{Table1.selectedRow}}`); write it only with {@link setMeta}.
   */
  readonly meta: Record<string, Signal<unknown>>

  /** Disposes the effect that re-renders on meta writes made from outside the widget. */
  #stopMetaEffect: (() => void) | undefined
  /** True when the widget declares no meta keys. */
  #metaless: boolean

  constructor() {
    super()
    this.name = ''
    this.errors = NO_ERRORS
    this.loading = false
    this.notice = ''
    const ctor = this.constructor as typeof SmithElement
    let keys = metaKeys.get(ctor)
    if (keys === undefined) metaKeys.set(ctor, (keys = Object.keys(ctor.metaDefaults)))
    // A widget without meta (a text, most displays) shares one empty record.
    if (keys.length === 0) {
      this.meta = NO_META
      this.#metaless = true
      return
    }
    const defaults = ctor.metaDefaults
    const meta: Record<string, Signal<unknown>> = {}
    for (const key of keys) meta[key] = signal(freshCopy(defaults[key]))
    this.meta = meta
    this.#metaless = false
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

  override connectedCallback(): void {
    super.connectedCallback()
    // A widget without meta (a text, most displays) needs no effect: one per element adds up.
    if (this.#metaless) return
    // Meta is normally written through setMeta, which requests an update itself; this
    // effect also covers writes to the signals from outside (the runtime's resetWidget,
    // a test), so what is on screen never disagrees with what bindings read.
    this.#stopMetaEffect = effect(() => {
      for (const key in this.meta) void this.meta[key].value
      untracked(() => this.requestUpdate())
    })
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#stopMetaEffect?.()
    this.#stopMetaEffect = undefined
  }

  /** The current value of a meta key. */
  getMeta<T = unknown>(key: string): T {
    return this.#metaSignal(key).value as T
  }

  /**
   * Sets a meta key and schedules a render. Synchronous, so a trigger fired right after
   * sees the new value.
   */
  setMeta(key: string, value: unknown): void {
    this.#metaSignal(key).value = value
    this.requestUpdate()
  }

  /**
   * Restores every meta key to its default (Appsmith's `resetWidget`). Subclasses that
   * derive meta from properties (the input's `text` from `defaultText`) extend this.
   */
  resetMeta(): void {
    const defaults = (this.constructor as typeof SmithElement).metaDefaults
    batch(() => {
      for (const [key, value] of Object.entries(defaults)) this.#metaSignal(key).value = freshCopy(value)
    })
    this.requestUpdate()
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

  #metaSignal(key: string): Signal<unknown> {
    const s = this.meta[key]
    if (!s) throw new Error(`<${this.localName}> has no meta key "${key}"`)
    return s
  }
}
