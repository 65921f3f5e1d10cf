/**
 * What mount keeps for each widget and each binding while a page shows: the widget's
 * name, visibility, notices and binding errors, and how a binding's value reaches its
 * property.
 *
 * A page may hold 10,000 widgets, so these are small class instances whose behaviour is
 * on the prototype: no closure, signal or string is made per widget or per binding until
 * something needs it (an unnamed widget's name is built only for a message; only a named
 * widget, which bindings can read, gets an `isVisible` signal and computed values).
 */
import { evaluatingBinding } from './diagnostics'
import { BindingError } from './errors'
import { feature } from './features'
import type { AlertType } from './globals'
import type { MountContext } from './mount'
import type { Query } from './query'
import type { ReadonlySignal, Signal } from './reactive'
import { locateError, type CompiledTemplate } from './template-compile'

/** What the runtime expects of a widget element (see widgets/smith-base-element.ts; meta state: widgets/smith-element.ts). */
export interface WidgetElement extends HTMLElement {
  meta?: Record<string, Signal<unknown>>
  errors?: Record<string, string>
  loading?: boolean
  resetMeta?: () => void
  show?: (message: string, type: AlertType, key?: string) => void
  /** Closes the alerts shown under `key` (the situation they describe is over). */
  dismissKey?: (key: string) => void
  notice?: string
}

/** One mounted widget: its name, visibility and what it shows went wrong. */
export class MountedWidget {
  /** `Name.isVisible` for bindings; null for an unnamed widget, which no binding can read. */
  visible: Signal<boolean> | null = null
  /** The queries its bindings read, for its loading state and query notice; null for none. */
  queries: Query[] | null = null
  /** What went wrong here, for people: the last failed action wins over a failed query. */
  #queryNotice = ''
  #triggerNotice = ''

  /**
   * @param named The `name` attribute; null for an unnamed widget.
   * @param index The unnamed widget's number on its page (its name is `smith-text#3`).
   */
  constructor(
    readonly el: WidgetElement,
    readonly named: string | null,
    private readonly index: number,
    readonly context: MountContext,
  ) {}

  /** The name messages and error keys use: the `name` attribute, else tag and number. */
  get name(): string {
    return this.named ?? `${this.el.localName}#${this.index}`
  }

  setHidden(hidden: boolean): void {
    this.el.hidden = hidden
    if (this.visible !== null) this.visible.value = !hidden
  }

  /** The outcome of the widget's last action: '' when it succeeded. */
  setTriggerNotice(notice: string): void {
    this.#triggerNotice = notice
    this.#showNotice()
  }

  /**
   * The loading effect's body: loading while a query its bindings read runs, and the
   * widget's error state, in plain words, while the last run of one has failed (the
   * technical form is in the console).
   */
  showQueries(): void {
    // (Only an app with queries gets here, so this comes with the queries part: ./query-notice.ts.)
    this.#queryNotice = feature('query', 'queries').notice(this.queries!, this.el)
    this.#showNotice()
  }

  /** Shows a binding error on the widget and in the app's error list. */
  showError(property: string, error: BindingError): void {
    this.context.setError(`${this.name}.${property}`, error)
    this.el.errors = { ...this.el.errors, [property]: error.message }
  }

  /** Clears the error a property showed, if any (the common case touches nothing). */
  clearError(property: string): void {
    const errors = this.el.errors
    if (errors === undefined || !(property in errors)) return
    const { [property]: _cleared, ...rest } = errors
    this.el.errors = rest
    this.context.setError(`${this.name}.${property}`, null)
  }

  #showNotice(): void {
    const notice = this.#triggerNotice || this.#queryNotice
    if ((this.el.notice ?? '') !== notice) this.el.notice = notice
  }
}

/** A binding's object result, new on every evaluation (see {@link Binding.value}). */
class Fresh {
  constructor(readonly value: object) {}
}

function boxObject(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !(v instanceof BindingError) ? new Fresh(v) : v
}

/** Unwraps a value boxed by a binding's computed. */
export function unbox(v: unknown): unknown {
  return v instanceof Fresh ? v.value : v
}

/** One bound attribute: the template whose value its effect pushes into the property. */
export class Binding {
  /**
   * The value as other bindings read it (`Text1.text`), for a named widget only: an
   * unnamed one's effect evaluates the template itself. An object result is boxed so
   * that the same object, mutated in place (a JS object's `this.items.push(x)`), still
   * reaches the widget: Appsmith hands widgets a fresh copy.
   */
  value: ReadonlySignal<unknown> | null = null
  /** True while its error is in the app's error list (cleared when the page stops). */
  failed = false

  constructor(
    readonly widget: MountedWidget,
    readonly property: string,
    readonly template: CompiledTemplate,
  ) {}

  /** The key of its error in the app's list: `Text1.text`. */
  get key(): string {
    return `${this.widget.name}.${this.property}`
  }

  /** Evaluates the template once (a throwing binding yields a BindingError). */
  evaluate(): unknown {
    const { template, widget } = this
    if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) return evaluatingBinding(() => template.evaluate(widget.context.resolve))
    return template.evaluate(widget.context.resolve)
  }

  /** The evaluation behind {@link Binding.value}: objects boxed. */
  evaluateBoxed(): unknown {
    return boxObject(this.evaluate())
  }

  /** The effect's body: the value into the property, or the error onto the widget. */
  apply(): void {
    const v = this.value === null ? this.evaluate() : unbox(this.value.value)
    const { widget, property } = this
    if (v instanceof BindingError) {
      widget.showError(property, locateError(v, widget.name, property))
      this.failed = true
      return
    }
    if (this.failed) {
      widget.clearError(property)
      this.failed = false
    }
    if (property === 'hidden') widget.setHidden(Boolean(v))
    else if (property === 'isVisible') widget.setHidden(!v)
    else {
      const target = widget.el as unknown as Record<string, unknown>
      // The same object, mutated in place: Lit would see no change, so ask for a render.
      if (target[property] === v && v !== null && typeof v === 'object') (widget.el as { requestUpdate?: () => void }).requestUpdate?.()
      else target[property] = v
    }
  }
}
