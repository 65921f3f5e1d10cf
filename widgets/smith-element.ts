/**
 * The base class of the smithlet widgets that have meta state (`Table1.selectedRow`,
 * `Input1.text`, …): {@link SmithBaseElement} (./smith-base-element.ts) plus one signal per
 * meta key, so bindings that read it re-evaluate when it changes. Widgets without meta
 * extend SmithBaseElement directly and ship none of this.
 *
 * This is the class third-party widgets extend (`smithlet/widgets` exports it): it has the
 * whole contract, with or without meta keys.
 */
import { batch, effect, signal, untracked } from '../src/reactive'
import type { Signal } from '../src/reactive'
import { SmithBaseElement } from './smith-base-element'

export { SmithBaseElement, TRIGGER_EVENT, baseStyles } from './smith-base-element'
export type { TriggerDetail } from './smith-base-element'

/** A copy of a meta default that no widget instance shares with another. */
function freshCopy<T>(value: T): T {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

/** The `meta` of a widget class without meta keys. */
const NO_META: Record<string, Signal<unknown>> = Object.freeze({}) as Record<string, Signal<unknown>>
/** Each class's meta keys, listed once. */
const metaKeys = new WeakMap<object, string[]>()

/**
 * Base class of the `smith-*` widgets with meta state. Subclasses declare
 * `static metaDefaults` and `static properties`, and call {@link SmithElement.setMeta} /
 * {@link SmithBaseElement.trigger}.
 */
export abstract class SmithElement extends SmithBaseElement {
  /**
   * The meta state keys of this widget and their initial values. `this.meta` gets one
   * signal per key; object defaults are copied per instance and on every reset.
   */
  static metaDefaults: Record<string, unknown> = {}

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
    const ctor = this.constructor as typeof SmithElement
    let keys = metaKeys.get(ctor)
    if (keys === undefined) metaKeys.set(ctor, (keys = Object.keys(ctor.metaDefaults)))
    // A subclass without meta keys shares one empty record.
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

  override connectedCallback(): void {
    super.connectedCallback()
    // A widget without meta keys needs no effect: one per element adds up.
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

  #metaSignal(key: string): Signal<unknown> {
    const s = this.meta[key]
    if (!s) throw new Error(`<${this.localName}> has no meta key "${key}"`)
    return s
  }
}
