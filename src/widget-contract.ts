/**
 * The widget contract as the runtime defines it: which attribute values the runtime binds,
 * which properties of a widget a binding may set, and which capabilities (alerts, exposed
 * methods) the runtime looks for on a widget class. Mount applies it; widgets only ask
 * {@link isBoundAttribute} so that they leave those values to the runtime.
 */
/**
 * True when the runtime binds this attribute value: it holds at least one binding, or is
 * a broken one (an unclosed `{{`, which the runtime shows as an error). Text that only
 * looks like a binding (`<< Back`, an empty `{{}}`) is not bound: the widget takes it as
 * written. Widgets call this instead of parsing binding syntax themselves, so the
 * runtime's rule and the widgets' agree by construction.
 *
 * It needs no parse, so no scanner ships for it: every `{{` but an empty `{{}}` starts a
 * binding or a broken one, and a `<<` is one exactly when a `>>` follows it somewhere —
 * the rules of ./template.ts, which a test checks this against.
 */
export function isBoundAttribute(value: string | null): boolean {
  if (typeof value !== 'string') return false
  for (let at = value.indexOf('{{'); at >= 0; at = value.indexOf('{{', at + 1)) {
    if (!value.startsWith('}}', at + 2)) return true
  }
  const shift = value.indexOf('<<')
  return shift >= 0 && value.includes('>>', shift + 2)
}

/**
 * Marks the root element of an item a widget repeats (the list): the widgets under it
 * belong to that item's scope (./list-scope.ts), not the page's.
 */
export const ITEM_ATTRIBUTE = 'data-smith-item'

/** The nearest item root at or above `el`, or null on the page itself. */
export function itemRootOf(el: Element): Element | null {
  return el.closest(`[${ITEM_ATTRIBUTE}]`)
}

/**
 * Properties the runtime itself sets on every widget (the name it is registered under,
 * its binding errors, its loading state, its notice): declared by the base class, never bindable.
 */
const RUNTIME_PROPERTIES: ReadonlySet<string> = new Set(['name', 'errors', 'loading', 'notice'])

/** Properties the runtime provides on every widget: `hidden` and Appsmith's `isVisible`. */
export const VISIBILITY_PROPERTIES: readonly string[] = ['hidden', 'isVisible']

/** What the runtime reads from a widget class. */
interface WidgetClass {
  /** Lit's finalised map of declared reactive properties, inherited ones included. */
  readonly elementProperties?: ReadonlyMap<PropertyKey, unknown>
  /** Declared reactive properties (also read on non-Lit custom elements). */
  readonly properties?: Readonly<Record<string, unknown>>
  readonly exposedMethods?: readonly string[]
  /** Set on the class of a widget that shows `showAlert` messages (the toast). */
  readonly showsAlerts?: boolean
}

// Per class, not per element: a page with 1,000 rows of one widget reads the class once.
const declaredCache = new WeakMap<object, ReadonlySet<string>>()

/**
 * The properties a binding may set on `el`: its class's declared reactive properties
 * (minus the runtime's own), plus `hidden` and `isVisible`. `null` when `el` is not a
 * defined custom element, so nothing about it is known.
 */
export function bindableProperties(el: Element): ReadonlySet<string> | null {
  // The element's own registry: a document of another window (a test's, a bench's) has its own.
  const registry = el.ownerDocument?.defaultView?.customElements ?? globalThis.customElements
  const ctor = registry?.get(el.localName) as (WidgetClass & object) | undefined
  if (ctor === undefined) return null
  let set = declaredCache.get(ctor)
  if (set === undefined) {
    const names = new Set<string>()
    if (ctor.elementProperties instanceof Map) {
      for (const key of ctor.elementProperties.keys()) if (typeof key === 'string') names.add(key)
    }
    // Non-Lit elements (and Lit classes not yet finalised): own `static properties` up the chain.
    for (let c: unknown = ctor; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      const declared = Object.hasOwn(c, 'properties') ? (c as WidgetClass).properties : undefined
      if (declared && typeof declared === 'object') for (const key of Object.keys(declared)) names.add(key)
    }
    for (const name of RUNTIME_PROPERTIES) names.delete(name)
    for (const name of VISIBILITY_PROPERTIES) names.add(name)
    set = names
    declaredCache.set(ctor, set)
  }
  return set
}

/** The class's `static exposedMethods` (`Input1.setValue(…)`), or none. */
export function exposedMethods(el: Element): readonly string[] {
  const methods = (el.constructor as WidgetClass).exposedMethods
  return Array.isArray(methods) ? methods : []
}

/** True when the widget's class says it shows alerts (`static showsAlerts = true`). */
export function showsAlerts(el: Element): boolean {
  return (el.constructor as WidgetClass).showsAlerts === true
}
