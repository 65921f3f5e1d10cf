import { diagnose } from './diagnostics'
import type { Inspector } from './inspect'
import { compileTemplate } from './template-compile'
import type { Resolver } from './compiled-code'
import { argumentError, BindingError } from './errors'
import type { AlertType } from './globals'
import type { Query } from './query'
import { computed, effect, signal, type EffectScope } from './reactive'
import { bindableProperties, exposedMethods, isBoundAttribute, ITEM_ATTRIBUTE, itemRootOf, showsAlerts } from './widget-contract'
import type { ItemBinder } from './list-scope'
import { features, notInBuild } from './features'
import { Binding, MountedWidget, unbox, type WidgetElement } from './mounted-widget'

/** The events a widget dispatches for the runtime (widgets/smith-base-element.ts). */
const TRIGGER_EVENT = 'smith-trigger'
const VISIBILITY_EVENT = 'smith-visibility'

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
  const bindings: Binding[] = []
  const loaders: MountedWidget[] = []
  // The delegated listeners below find the widget an event came from here.
  const mounted = new Map<EventTarget, MountedWidget>()
  let anonymous = 0
  // Widgets of one tag share their class, so consecutive ones share what it declares.
  let lastTag = ''
  let lastBindable: ReadonlySet<string> | null = null
  let lastAlerts = false
  let lastMethods: readonly string[] = []

  for (const el of widgetElements(root)) {
    if (el.localName !== lastTag) {
      lastTag = el.localName
      lastBindable = bindableProperties(el)
      lastAlerts = showsAlerts(el)
      lastMethods = exposedMethods(el)
    }
    if (lastAlerts) toasts.push(el)
    // Names and values, not `el.attributes`: that makes a NamedNodeMap and an Attr node per
    // attribute (the largest part of this loop at 10,000 widgets). Not changed meanwhile.
    const names = el.getAttributeNames()
    const named = names.includes('name') ? el.getAttribute('name') : null
    const widget = new MountedWidget(el, named, named === null ? ++anonymous : 0, context)
    // Only a named widget is an entity in the scope; an unnamed one needs no entity.
    const entity: Record<string, unknown> | null = named === null ? null : {}
    const bindable = lastBindable
    const target = el as unknown as Record<string, unknown>
    // `Name.isVisible` is read by bindings, so it is a signal; `hidden` follows it.
    if (entity !== null) widget.visible = signal(!el.hidden)
    let loadingQueries: Set<Query> | null = null

    for (let a = 0; a < names.length; a++) {
      const attrName = names[a]!
      if (attrName.startsWith('on-')) continue
      const attrValue = el.getAttribute(attrName)!
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && /^on[a-z]+$/.test(attrName) && isBoundAttribute(attrValue)) {
        diagnose('event-attribute', `${widget.name}: attribute "${attrName}" holds a binding but is not an event attribute; events take the on- prefix with dashes: on-${attrName.slice(2)}="{{ … }}" (onRowSelected is on-row-selected)`)
      }
      const property = camelCase(attrName)
      if (!isBoundAttribute(attrValue)) {
        // Plain text is the widget's to convert (Lit's attribute converters), "<< Back" included.
        if (isPlainAttribute(attrName)) continue
        if (property === 'isVisible') widget.setHidden(attrValue.trim() === 'false')
        if (entity === null || bindable === null || !bindable.has(property) || property === 'hidden' || property === 'isVisible') continue
        const text = attrValue
        Object.defineProperty(entity, property, { get: () => target[property] ?? text, enumerable: true, configurable: true })
        continue
      }
      // A plain attribute the widget declares as its own property (the JSON form's and the
      // iframe's `title`) binds like any other (`name` is never bindable: see widget-contract).
      if (bindable === null || !bindable.has(property)) {
        widget.showError(property, new BindingError(notBindable(el, attrName, property, bindable), attrValue, widget.name, property))
        continue
      }
      const template = compileTemplate(attrValue)
      const refs = template.names
      for (let r = 0; r < refs.length; r++) {
        const query = context.queries.get(refs[r]!)
        if (query) (loadingQueries ??= new Set()).add(query)
      }
      const binding = new Binding(widget, property, template)
      bindings.push(binding)
      if (entity !== null && property !== 'isVisible') {
        // Other bindings read it (`Text1.text`): one computed, which the effect reads too.
        const value = (binding.value = computed(() => binding.evaluateBoxed(), { name: binding.key }))
        Object.defineProperty(entity, property, {
          get: () => {
            const v = unbox(value.value)
            return v instanceof BindingError ? undefined : v
          },
          enumerable: true,
          configurable: true,
        })
      }
      // The devtools' inspector: development builds only (a production entry passes none).
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && context.inspector?.binding) {
        context.inspector.binding({ key: binding.key, widget: widget.name, property, template: attrValue, element: el, location: sourceLocation(el, attrName), evaluate: () => binding.evaluate() })
      }
    }

    if (entity !== null) {
      const visible = widget.visible!
      Object.defineProperty(entity, 'isVisible', { get: () => visible.value, enumerable: true, configurable: true })
      entity.setVisibility = (isVisible: unknown): void => {
        if (typeof isVisible !== 'boolean') throw argumentError(`${named}.setVisibility`, 'isVisible', 'true or false', isVisible)
        widget.setHidden(!isVisible)
      }
    }
    for (const method of lastMethods) {
      const fn = target[method]
      if (typeof fn !== 'function') widget.showError(method, new BindingError(`<${el.localName}> lists "${method}" in exposedMethods but has no such method`, method, widget.name, method))
      else if (entity !== null) entity[method] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(el, args)
    }

    if (loadingQueries !== null) {
      widget.queries = [...loadingQueries]
      loaders.push(widget)
    }
    mounted.set(el, widget)
    if (entity !== null) {
      // Meta state wins over a property of the same name (`page-size="10"` configures the
      // table; `Table1.pageSize` is the page size the user has now): the attribute
      // properties above are configurable so that this redefines them.
      const meta = el.meta
      if (meta !== undefined) {
        for (const key in meta) {
          const s = meta[key]!
          // Named for the devtools' dependency list; the widget could not know its name.
          ;(s as { name?: string }).name = `${named}.${key}`
          Object.defineProperty(entity, key, { get: () => s.value, enumerable: true })
        }
      }
      // Appsmith gives every widget its `widgetName`; a modal derives `name` from it.
      entity.widgetName = named
      if ((el.constructor as { derivesName?: boolean }).derivesName === true && !('name' in entity)) entity.name = named
      if ((typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) && byName.has(named!)) diagnose('duplicate-name', `two widgets are named "${named}" (<${byName.get(named!)!.localName}> and <${el.localName}>); rename one`)
      context.define(named!, Object.freeze(entity))
      byName.set(named!, el)
    }

    // A widget that repeats a template (the list) binds its items through this; each
    // item's effects are a child of this page's, so leaving the page ends them too.
    // (Installed by the list widget's class, ./feature-install.ts withListItems: an app
    // without one carries none of it.)
    if ('itemBinder' in el) {
      const createItemBinder = features.items
      if (createItemBinder === undefined) {
        widget.showError('itemBinder', new BindingError(notInBuild('list item scopes').message, '', widget.name, 'itemBinder'))
        continue
      }
      const items = createItemBinder(widget.name, { ...context, effects: page }, mountWidgets)
      ;(el as { itemBinder: ItemBinder | null }).itemBinder = items.binder
      page.onStop(() => {
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

  // The page's effects, stopped together: one cleanup for the page, not one per binding.
  const stops: Array<() => void> = []
  page.onStop(() => {
    root.removeEventListener(TRIGGER_EVENT, onTrigger, { capture: true })
    root.removeEventListener(VISIBILITY_EVENT, onVisibility, { capture: true })
    for (const stop of stops) stop()
    const inspector = typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__ ? context.inspector : undefined
    for (const binding of bindings) {
      if (binding.failed) context.setError(binding.key, null)
      if (inspector?.binding) inspector.bindingRemoved?.(binding.key)
    }
  })

  // JS objects resolve their free names when created; the widgets exist only now, so they
  // re-resolve before any binding evaluates (a binding calling utils.fn() that reads Select1).
  context.onWidgetsDefined?.()
  for (const binding of bindings) stops.push(effect(() => binding.apply()))
  for (const widget of loaders) stops.push(effect(() => widget.showQueries()))

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

/**
 * The `smith-*` elements mount binds: `root` and its descendants, minus those inside a
 * repeated item (src/list-scope.ts), which belong to that item's scope. Asks each
 * element for its item root only when `root` holds an item at all.
 */
function widgetElements(root: Element): WidgetElement[] {
  const out: WidgetElement[] = []
  if (root.localName.startsWith('smith-')) out.push(root as WidgetElement)
  const all = root.querySelectorAll('*')
  const scopeRoot = root.querySelector(`[${ITEM_ATTRIBUTE}]`) === null ? undefined : itemRootOf(root)
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!
    if (el.localName.startsWith('smith-') && (scopeRoot === undefined || itemRootOf(el) === scopeRoot)) out.push(el as WidgetElement)
  }
  return out
}

/** Why an attribute cannot be bound: names it and lists what the widget does take. */
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
