import { diagnose, evaluatingBinding } from './diagnostics'
import type { Inspector } from './inspect'
import { compileTemplate, locateError } from './template-compile'
import type { Resolver } from './compile'
import { argumentError, BindingError } from './errors'
import { httpText } from './friendly-error'
import type { AlertType } from './globals'
import type { Query } from './query'
import { computed, signal, type EffectScope, type ReadonlySignal, type Signal } from './reactive'
import { bindableProperties, exposedMethods, isBoundAttribute, showsAlerts } from './widget-contract'
import { createItemBinder, itemRootOf, type ItemBinder } from './list-scope'

/** The events a widget dispatches for the runtime (widgets/smith-element.ts). */
const TRIGGER_EVENT = 'smith-trigger'
const VISIBILITY_EVENT = 'smith-visibility'

/** What the runtime expects of a widget element (see widgets/smith-element.ts). */
interface WidgetElement extends HTMLElement {
  meta?: Record<string, Signal<unknown>>
  errors?: Record<string, string>
  loading?: boolean
  resetMeta?: () => void
  show?: (message: string, type: AlertType, key?: string) => void
  /** Closes the alerts shown under `key` (the situation they describe is over). */
  dismissKey?: (key: string) => void
  notice?: string
}

/** What {@link mountWidgets} needs from its app: the scope, queries and error sink. */
export interface MountContext {
  readonly scope: Record<string, unknown>
  readonly resolve: Resolver
  readonly queries: ReadonlyMap<string, Query>
  readonly setError: (key: string, error: BindingError | null) => void
  /**
   * Runs an event's code; failures are reported by the app. Resolves with the failure in
   * plain words (shown on the widget that fired it), or null when it succeeded.
   */
  readonly trigger: (code: string, label: string, resolve?: Resolver) => Promise<string | null>
  readonly define: (name: string, entity: unknown) => void
  /** Told of every binding (the devtools); absent in production. */
  readonly inspector?: Inspector
  /** The app's effect scope; the page's is its child, and each widget's a child of that. */
  readonly effects: EffectScope
  /** Called once every widget is in the scope, before any binding evaluates. */
  readonly onWidgetsDefined?: () => void
}

/** The handle the app keeps on the mounted widgets. */
export interface MountedWidgets {
  /** Restores a widget's meta state; false when no widget has that name. */
  reset(name: string): boolean
  /** Shows an alert on every toast widget; `key` names the situation it describes. */
  alert(message: string, type: AlertType, key?: string): void
  /** Closes the alerts shown under `key` on every toast widget. */
  clearAlerts(key: string): void
  dispose(): void
}

/**
 * Attributes that configure the element itself: written as plain text they are left to the
 * element; holding a binding they are a binding error unless the widget declares the
 * property (`title` of the JSON form).
 * `hidden` is not one: `hidden="{{ !Auth_Module.isLoggedOut }}"` binds the element's own
 * `hidden` property, which is how a page shows or hides a widget (Appsmith's "Visible").
 */
const PLAIN_ATTRIBUTES = new Set(['name', 'id', 'class', 'style', 'slot', 'role', 'tabindex', 'title', 'lang', 'dir'])

function isPlainAttribute(name: string): boolean {
  return PLAIN_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-')
}

/**
 * Binds every `smith-*` element under `root`: each is registered in the scope by its
 * `name`, binding attributes become computed values pushed into the element's declared
 * properties (src/widget-contract.ts; any other bound attribute is a binding error), and
 * `on-…` attributes become triggers. Every entity gets `isVisible` and `setVisibility`,
 * plus the class's `exposedMethods` as bound functions. Widgets never evaluate code.
 */
export function mountWidgets(root: Element, context: MountContext): MountedWidgets {
  const page = context.effects.scope()
  const byName = new Map<string, WidgetElement>()
  const toasts: WidgetElement[] = []
  // Effects start after every widget is in the scope, so a binding may read a widget
  // that comes later in the document.
  const starters: Array<() => unknown> = []
  // Widgets inside a repeated item belong to that item's scope (src/list-scope.ts), not this one.
  const scopeRoot = itemRootOf(root)
  const elements = [root, ...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('smith-') && itemRootOf(el) === scopeRoot) as WidgetElement[]
  let anonymous = 0
  // What the delegated listeners below need of each mounted widget.
  const mounted = new Map<EventTarget, { name: string; setHidden(hidden: boolean): void; setTriggerNotice(notice: string): void }>()

  for (const el of elements) {
    if (showsAlerts(el)) toasts.push(el)
    const named = el.getAttribute('name')
    const name = named ?? `${el.localName}#${++anonymous}`
    // Only a named widget is an entity in the scope; an unnamed one needs no entity.
    const entity: Record<string, unknown> | null = named === null ? null : {}
    // The widget's bindings and loading effect live and end together.
    const widget = page.scope()
    let loadingQueries: Set<Query> | null = null
    const bindable = bindableProperties(el)
    const target = el as unknown as Record<string, unknown>
    // `Name.isVisible` is read by bindings, so it is a signal; `hidden` follows it.
    const visible = signal(!el.hidden)
    const setHidden = (hidden: boolean): void => {
      el.hidden = hidden
      visible.value = !hidden
    }
    // What went wrong here, for people: the last failed action wins over a failed query.
    let queryNotice = ''
    let triggerNotice = ''
    const showNotice = (): void => {
      const notice = triggerNotice || queryNotice
      if ((el.notice ?? '') !== notice) el.notice = notice
    }
    const showError = (property: string, error: BindingError): void => {
      context.setError(`${name}.${property}`, error)
      el.errors = { ...el.errors, [property]: error.message }
    }

    // By index: the attributes are not changed while this loop runs.
    const attributes = el.attributes
    for (let a = 0; a < attributes.length; a++) {
      const attr = attributes[a]!
      if (attr.name.startsWith('on-')) continue
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && /^on[a-z]+$/.test(attr.name) && isBoundAttribute(attr.value)) {
        diagnose('event-attribute', `${name}: attribute "${attr.name}" holds a binding but is not an event attribute; events take the on- prefix with dashes: on-${attr.name.slice(2)}="{{ … }}" (onRowSelected is on-row-selected)`)
      }
      const property = camelCase(attr.name)
      if (!isBoundAttribute(attr.value)) {
        // Plain text is the widget's to convert (Lit's attribute converters), "<< Back" included.
        if (isPlainAttribute(attr.name)) continue
        if (property === 'isVisible') setHidden(attr.value.trim() === 'false')
        if (entity === null || bindable === null || !bindable.has(property) || property === 'hidden' || property === 'isVisible') continue
        const text = attr.value
        Object.defineProperty(entity, property, { get: () => target[property] ?? text, enumerable: true, configurable: true })
        continue
      }
      // A plain attribute the widget declares as its own property (the JSON form's and the
      // iframe's `title`) binds like any other (`name` is never bindable: see widget-contract).
      if (bindable === null || !bindable.has(property)) {
        showError(property, new BindingError(notBindable(el, attr.name, property, bindable), attr.value, name, property))
        continue
      }
      const template = compileTemplate(attr.value)
      for (const ref of template.names) {
        const query = context.queries.get(ref)
        if (query) (loadingQueries ??= new Set()).add(query)
      }
      const errorKey = `${name}.${property}`
      const evaluate = typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__
        ? (): unknown => evaluatingBinding(() => template.evaluate(context.resolve))
        : (): unknown => template.evaluate(context.resolve)
      // An object result is boxed so that the same object, mutated in place (a JS object's
      // `this.items.push(x)`), still reaches the widget: Appsmith hands widgets a fresh copy.
      const value: ReadonlySignal<unknown> = computed(() => boxObject(evaluate()), { name: errorKey })
      if (context.inspector?.binding) {
        context.inspector.binding({ key: errorKey, widget: name, property, template: attr.value, element: el, location: sourceLocation(el, attr.name), evaluate })
        widget.onStop(() => context.inspector?.bindingRemoved?.(errorKey))
      }
      if (entity !== null && property !== 'isVisible') {
        Object.defineProperty(entity, property, {
          get: () => {
            const v = unbox(value.value)
            return v instanceof BindingError ? undefined : v
          },
          enumerable: true,
          configurable: true,
        })
      }
      starters.push(() => widget.effect(() => {
        const v = unbox(value.value)
        if (v instanceof BindingError) {
          showError(property, locateError(v, name, property))
          return
        }
        // The common case, a value, touches nothing but the property.
        if (el.errors !== undefined && property in el.errors) {
          const { [property]: _cleared, ...rest } = el.errors
          el.errors = rest
          context.setError(errorKey, null)
        }
        if (property === 'hidden') setHidden(Boolean(v))
        else if (property === 'isVisible') setHidden(!v)
        else if (target[property] === v && v !== null && typeof v === 'object') (el as { requestUpdate?: () => void }).requestUpdate?.()
        else target[property] = v
      }))
      widget.onStop(() => context.setError(errorKey, null))
    }

    if (entity !== null) {
      Object.defineProperty(entity, 'isVisible', { get: () => visible.value, enumerable: true, configurable: true })
      entity.setVisibility = (isVisible: unknown): void => {
        if (typeof isVisible !== 'boolean') throw argumentError(`${name}.setVisibility`, 'isVisible', 'true or false', isVisible)
        setHidden(!isVisible)
      }
    }
    for (const method of exposedMethods(el)) {
      const fn = target[method]
      if (typeof fn !== 'function') showError(method, new BindingError(`<${el.localName}> lists "${method}" in exposedMethods but has no such method`, method, name, method))
      else if (entity !== null) entity[method] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(el, args)
    }

    if (loadingQueries !== null) {
      const queries = [...loadingQueries]
      starters.push(() => widget.effect(() => {
        const loading = queries.some((q) => q.isLoading)
        el.loading = loading
        // The widget's error state, in plain words, while the last run of a query it
        // shows has failed; gone when a run succeeds (the technical form is in the console).
        const failed = loading ? undefined : queries.find((q) => q.responseMeta?.isExecutionSuccess === false)
        queryNotice = failed === undefined ? '' : httpText(failed.responseMeta!.statusCode)
        showNotice()
      }))
    }

    const setTriggerNotice = (notice: string): void => {
      triggerNotice = notice
      showNotice()
    }
    mounted.set(el, { name, setHidden, setTriggerNotice })
    if (entity !== null) {
      // Meta state wins over a property of the same name (`page-size="10"` configures the
      // table; `Table1.pageSize` is the page size the user has now): the attribute
      // properties above are configurable so that this redefines them.
      for (const [key, meta] of Object.entries(el.meta ?? {})) {
        // Named for the devtools' dependency list; the widget could not know its name.
        ;(meta as { name?: string }).name = `${name}.${key}`
        Object.defineProperty(entity, key, { get: () => meta.value, enumerable: true })
      }
      // Appsmith gives every widget its `widgetName`; a modal derives `name` from it.
      entity.widgetName = name
      if ((el.constructor as { derivesName?: boolean }).derivesName === true && !('name' in entity)) entity.name = name
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && byName.has(name)) diagnose('duplicate-name', `two widgets are named "${name}" (<${byName.get(name)!.localName}> and <${el.localName}>); rename one`)
      context.define(name, Object.freeze(entity))
      byName.set(name, el)
    }

    // A widget that repeats a template (the list) binds its items through this; each
    // item's effects are a child of this page's, so leaving the page ends them too.
    if ('itemBinder' in el) {
      const items = createItemBinder(name, { ...context, effects: page }, mountWidgets)
      ;(el as { itemBinder: ItemBinder | null }).itemBinder = items.binder
      widget.onStop(() => {
        ;(el as { itemBinder: ItemBinder | null }).itemBinder = null
        items.dispose()
      })
    }
  }

  // One listener of each kind for every widget under the root, not one per widget. A
  // widget's events need not bubble: every event passes its ancestors' capture listeners.
  const onTrigger = (event: Event): void => {
    const el = event.target as WidgetElement
    const widget = mounted.get(el)
    if (widget === undefined) return
    const handler = (event as CustomEvent<{ event?: string }>).detail?.event
    if (typeof handler !== 'string') return
    const code = el.getAttribute(`on-${kebabCase(handler.replace(/^on/, ''))}`)
    if (code === null || code.trim() === '') return
    // A later run that succeeds clears the notice of one that failed. Promise.resolve: a
    // wrapping context (a list item's) may not pass the outcome on.
    void Promise.resolve(context.trigger(code, `${widget.name}.${handler}`)).then((notice) => widget.setTriggerNotice(notice ?? ''))
  }
  // A widget that hides itself (a modal closed with Escape) asks, so `isVisible` follows.
  const onVisibility = (event: Event): void => {
    const widget = mounted.get(event.target as EventTarget)
    if (widget === undefined) return
    const visibleNow = (event as CustomEvent<{ visible?: unknown }>).detail?.visible
    if (typeof visibleNow !== 'boolean') return
    event.preventDefault()
    widget.setHidden(!visibleNow)
  }
  root.addEventListener(TRIGGER_EVENT, onTrigger, { capture: true })
  root.addEventListener(VISIBILITY_EVENT, onVisibility, { capture: true })
  page.onStop(() => {
    root.removeEventListener(TRIGGER_EVENT, onTrigger, { capture: true })
    root.removeEventListener(VISIBILITY_EVENT, onVisibility, { capture: true })
  })

  // JS objects resolve their free names when created; the widgets exist only now, so they
  // re-resolve before any binding evaluates (a binding calling utils.fn() that reads Select1).
  context.onWidgetsDefined?.()
  for (const start of starters) start()

  return {
    reset(name) {
      const el = byName.get(name)
      if (el === undefined) return false
      el.resetMeta?.()
      return true
    },
    alert(message, type, key) {
      for (const toast of toasts) toast.show?.(message, type, key)
    },
    clearAlerts(key) {
      for (const toast of toasts) toast.dismissKey?.(key)
    },
    dispose: () => page.stop(),
  }
}

/** Why an attribute cannot be bound: names it and lists what the widget does take. */
/** A binding's object result, new on every evaluation (see the binding's computed). */
class Fresh {
  constructor(readonly value: object) {}
}

function boxObject(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !(v instanceof BindingError) ? new Fresh(v) : v
}

function unbox(v: unknown): unknown {
  return v instanceof Fresh ? v.value : v
}

function notBindable(el: Element, attribute: string, property: string, bindable: ReadonlySet<string> | null): string {
  if (bindable === null) return `<${el.localName}> is not a defined widget, so attribute "${attribute}" cannot be bound`
  const what = property === attribute ? `"${attribute}"` : `"${property}" (attribute "${attribute}")`
  return `<${el.localName}> has no bindable property ${what}; its properties: ${[...bindable].join(', ')}`
}

// Attribute names repeat across widgets: convert each once.
const camelCases = new Map<string, string>()

function camelCase(attribute: string): string {
  let property = camelCases.get(attribute)
  if (property === undefined) {
    property = attribute.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    if (camelCases.size >= 1_000) camelCases.clear()
    camelCases.set(attribute, property)
  }
  return property
}

function kebabCase(name: string): string {
  return name.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

/**
 * Where a bound attribute stands in its page, from the `data-smith-loc` attribute a dev
 * build adds to each widget (`{"file":"pages/Home/index.html","text":"14:22"}`).
 */
function sourceLocation(el: Element, attribute: string): string | undefined {
  const raw = el.getAttribute('data-smith-loc')
  if (raw === null) return undefined
  try {
    const map = JSON.parse(raw) as Record<string, unknown>
    const at = map[attribute]
    return typeof map.file === 'string' && typeof at === 'string' ? `${map.file}:${at}` : undefined
  } catch {
    return undefined
  }
}
