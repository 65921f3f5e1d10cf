import { compileTemplate, locateError } from './binding'
import { referencedNames, type Resolver } from './compile'
import { BindingError } from './errors'
import type { AlertType } from './globals'
import type { Query } from './query'
import { hasBinding } from './template'
import { computed, effect, type ReadonlySignal, type Signal } from './reactive'

/** What the runtime expects of a widget element (see widgets/smith-element.ts). */
interface WidgetElement extends HTMLElement {
  meta?: Record<string, Signal<unknown>>
  errors?: Record<string, string>
  loading?: boolean
  resetMeta?: () => void
  show?: (message: string, type: AlertType) => void
}

/** What {@link mountWidgets} needs from its app: the scope, queries and error sink. */
export interface MountContext {
  readonly scope: Record<string, unknown>
  readonly resolve: Resolver
  readonly queries: ReadonlyMap<string, Query>
  readonly setError: (key: string, error: BindingError | null) => void
  /** Runs an event's code; failures are reported by the app. */
  readonly trigger: (code: string, label: string) => void
  readonly define: (name: string, entity: unknown) => void
}

/** The handle the app keeps on the mounted widgets. */
export interface MountedWidgets {
  /** Restores a widget's meta state; false when no widget has that name. */
  reset(name: string): boolean
  /** Shows an alert on every toast widget. */
  alert(message: string, type: AlertType): void
  dispose(): void
}

/**
 * Attributes that configure the element itself, never a widget property. `hidden` is not
 * one: `hidden="{{ !Auth_Module.isLoggedOut }}"` binds the element's own `hidden` property,
 * which is how a page shows or hides a widget (Appsmith's "Visible").
 */
const PLAIN_ATTRIBUTES = new Set(['name', 'id', 'class', 'style', 'slot', 'role', 'tabindex', 'title', 'lang', 'dir'])

/**
 * Binds every `smith-*` element under `root`: each is registered in the scope by its
 * `name`, binding attributes become computed values pushed into element properties,
 * and `on-…` attributes become triggers. Widgets never evaluate code.
 */
export function mountWidgets(root: Element, context: MountContext): MountedWidgets {
  const disposers: Array<() => void> = []
  const byName = new Map<string, WidgetElement>()
  const toasts: WidgetElement[] = []
  // Effects start after every widget is in the scope, so a binding may read a widget
  // that comes later in the document.
  const starters: Array<() => void> = []
  const elements = [root, ...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('smith-')) as WidgetElement[]
  let anonymous = 0

  for (const el of elements) {
    if (el.localName === 'smith-toast') toasts.push(el)
    const name = el.getAttribute('name') ?? `${el.localName}#${++anonymous}`
    const entity: Record<string, unknown> = {}
    const loadingQueries = new Set<Query>()

    for (const attr of [...el.attributes]) {
      if (PLAIN_ATTRIBUTES.has(attr.name) || attr.name.startsWith('on-') || attr.name.startsWith('aria-') || attr.name.startsWith('data-')) continue
      const property = camelCase(attr.name)
      const template = compileTemplate(attr.value)
      if (!template.dynamic) {
        // Widgets skip attribute values that look like bindings; text such as "<< Back"
        // only looks like one, so hand it over here.
        if (hasBinding(attr.value)) (el as unknown as Record<string, unknown>)[property] = attr.value
        Object.defineProperty(entity, property, { get: () => (el as unknown as Record<string, unknown>)[property] ?? attr.value, enumerable: true, configurable: true })
        continue
      }
      for (const code of template.codes) {
        for (const ref of referencedNames(code)) {
          const query = context.queries.get(ref)
          if (query) loadingQueries.add(query)
        }
      }
      const value: ReadonlySignal<unknown> = computed(() => template.evaluate(context.resolve))
      const errorKey = `${name}.${property}`
      Object.defineProperty(entity, property, {
        get: () => {
          const v = value.value
          return v instanceof BindingError ? undefined : v
        },
        enumerable: true,
        configurable: true,
      })
      starters.push(() => disposers.push(
        effect(() => {
          const v = value.value
          const target = el as unknown as Record<string, unknown>
          if (v instanceof BindingError) {
            const located = locateError(v, name, property)
            context.setError(errorKey, located)
            el.errors = { ...el.errors, [property]: located.message }
            return
          }
          // The common case, a value, touches nothing but the property.
          if (el.errors !== undefined && property in el.errors) {
            const { [property]: _cleared, ...rest } = el.errors
            el.errors = rest
            context.setError(errorKey, null)
          }
          target[property] = v
        }),
      ))
      disposers.push(() => context.setError(errorKey, null))
    }

    if (loadingQueries.size > 0) {
      const queries = [...loadingQueries]
      starters.push(() => disposers.push(
        effect(() => {
          el.loading = queries.some((q) => q.isLoading)
        }),
      ))
    }

    // Meta state wins over a property of the same name (`page-size="10"` configures the
    // table; `Table1.pageSize` is the page size the user has now): the attribute
    // properties above are configurable so that this redefines them.
    for (const [key, meta] of Object.entries(el.meta ?? {})) {
      Object.defineProperty(entity, key, { get: () => meta.value, enumerable: true })
    }

    const onTrigger = (event: Event): void => {
      const handler = (event as CustomEvent<{ event?: string }>).detail?.event
      if (typeof handler !== 'string') return
      const code = el.getAttribute(`on-${kebabCase(handler.replace(/^on/, ''))}`)
      if (code !== null && code.trim() !== '') context.trigger(code, `${name}.${handler}`)
    }
    el.addEventListener('smith-trigger', onTrigger)
    disposers.push(() => el.removeEventListener('smith-trigger', onTrigger))

    if (el.hasAttribute('name')) {
      context.define(name, Object.freeze(entity))
      byName.set(name, el)
    }
  }

  for (const start of starters) start()

  return {
    reset(name) {
      const el = byName.get(name)
      if (el === undefined) return false
      el.resetMeta?.()
      return true
    },
    alert(message, type) {
      for (const toast of toasts) toast.show?.(message, type)
    },
    dispose() {
      for (const dispose of disposers.splice(0)) dispose()
    },
  }
}

function camelCase(attribute: string): string {
  return attribute.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

function kebabCase(name: string): string {
  return name.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}
