/**
 * Per-item scopes for widgets that repeat a template (the list): each item's copy of the
 * template is bound by the runtime like any widgets, with three more names in scope —
 * `currentItem`, `currentIndex` and `currentView` (the item's widgets by name) — and its
 * widgets registered in that item's view instead of the page (ten items may each hold a
 * `Text1`).
 *
 * The contract with the widget: a widget that repeats a template declares an `itemBinder`
 * property; mount sets it to an {@link ItemBinder}, and the widget calls it for every item
 * it stamps into its light DOM, inside an element marked with `ITEM_ATTRIBUTE`
 * (./widget-contract.ts). Mount skips marked subtrees when it binds the page, so only the
 * item scope binds them. An optional part (./features.ts): the list widget installs it.
 */
import type { Resolver } from './compiled-code'
import type { BindingError } from './errors'
import { batch, signal } from './reactive'

/** The names an item's bindings see besides the page's. */
export interface ItemLocals {
  currentItem: unknown
  currentIndex: number
}

/** The runtime's handle on one bound item. */
export interface ItemHandle {
  /** The item's widgets by name (`currentView.Text1.text`). */
  readonly view: Readonly<Record<string, unknown>>
  /** Points the item at another data item (the list's data changed): its bindings re-evaluate. */
  update(locals: ItemLocals): void
  /** Unbinds the item's widgets. */
  dispose(): void
}

/**
 * Binds one item's subtree. `beforeTrigger` runs before any event of the item's widgets
 * (the list sets `triggeredItem` there), so the handler reads the right item.
 */
export type ItemBinder = (root: Element, locals: ItemLocals, beforeTrigger: () => void) => ItemHandle

/** What binding an item needs from the page's mount (a subset of mount's context). */
export interface ItemMountContext {
  readonly resolve: Resolver
  readonly setError: (key: string, error: BindingError | null) => void
  readonly trigger: (code: string, label: string, resolve?: Resolver) => void
}

/** The mount function itself, passed in so this module does not import mount (a cycle). */
export type MountSubtree<C> = (root: Element, context: C) => { dispose(): void }


let nextItem = 0

/**
 * An {@link ItemBinder} for the widget registered as `owner`, binding through `mount` with
 * the page's `context` extended by the item's names. Returns the binder and a disposer
 * that unbinds every item still bound (the page is left).
 */
export function createItemBinder<C extends ItemMountContext>(
  owner: string,
  context: C,
  mount: MountSubtree<C & { define: (name: string, entity: unknown) => void }>,
): { binder: ItemBinder; dispose: () => void } {
  const live = new Set<ItemHandle>()
  const binder: ItemBinder = (root, locals, beforeTrigger) => {
    const id = ++nextItem
    const current = signal<ItemLocals>(locals)
    const view: Record<string, unknown> = {}
    const resolve: Resolver = (name) => {
      if (name === 'currentItem') return current.value.currentItem
      if (name === 'currentIndex') return current.value.currentIndex
      if (name === 'currentView') return view
      return context.resolve(name)
    }
    const itemContext = {
      ...context,
      resolve,
      // Errors of item widgets are the item's own: `List1[item 3].Text1.text`.
      setError: (key: string, error: BindingError | null) => context.setError(`${owner}[item ${id}].${key}`, error),
      trigger: (code: string, label: string) => {
        beforeTrigger()
        context.trigger(code, `${owner}[${current.peek().currentIndex}].${label}`, resolve)
      },
      define: (name: string, entity: unknown) => {
        if (Object.hasOwn(view, name)) throw new Error(`two widgets in one ${owner} item are named "${name}"`)
        view[name] = entity
      },
    }
    const mounted = mount(root, itemContext)
    const handle: ItemHandle = {
      view,
      update(next) {
        const prev = current.peek()
        if (prev.currentItem !== next.currentItem || prev.currentIndex !== next.currentIndex) batch(() => (current.value = next))
      },
      dispose() {
        if (!live.delete(handle)) return
        mounted.dispose()
      },
    }
    live.add(handle)
    return handle
  }
  return {
    binder,
    dispose() {
      for (const handle of [...live]) handle.dispose()
    },
  }
}
