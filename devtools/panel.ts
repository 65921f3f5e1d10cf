/**
 * `<smith-devtools>`: the panel `smithlet dev` docks at the bottom of every page.
 *
 * Five tabs — Entities (the live data tree), Errors (binding errors at their source
 * location, a click highlights the widget; failed actions), Queries (the run log), Dependencies (what a
 * binding read on its last evaluation, and what reads an entity) and Page load. What the
 * tabs show is computed inside one effect, so a value changing anywhere in the app updates
 * the open tab, and only the open tab's values are read. Secrets are masked (./mask.ts).
 *
 * Toggled with Alt+Shift+D (or the launcher button); resizable with the pointer or, on the
 * focused resize bar, ArrowUp/ArrowDown. Not a widget: it extends LitElement, binds nothing
 * and is never registered in the app's scope.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import type { BindingError } from '../src/errors'
import type { PageLoadRecord } from '../src/inspect'
import { effect, signal, traceReads, type ReadonlySignal } from '../src/reactive'
import { storeSecretRules, type SecretRules } from './mask'
import type { DevtoolsSession, QueryLogEntry } from './session'
import { devtoolsStyles } from './styles'
import { entityNames, type EntityGroup } from './entities'
import { pathKey, pathToBinding, searchPaths, visibleRows, type TreeNode } from './tree'
import { describeDependency, readersOf, type DependencyRow } from './dependencies'
import { renderBody, renderErrors, renderPageLoad, renderQueries, renderTree } from './views'

/** The tabs, in order. */
export const TABS = ['entities', 'errors', 'queries', 'dependencies', 'pageLoad'] as const
export type Tab = (typeof TABS)[number]
const TAB_LABELS: Record<Tab, string> = {
  entities: 'Entities',
  errors: 'Errors',
  queries: 'Queries',
  dependencies: 'Dependencies',
  pageLoad: 'Page load',
}

/** What the panel needs of an app (the public `App` has it all). */
export interface InspectedApp {
  readonly scope: Readonly<Record<string, unknown>>
  readonly errors: readonly BindingError[]
}

/** What one render shows; computed in the panel's effect. */
interface Snapshot {
  readonly groups: readonly EntityGroup[]
  readonly rows: readonly TreeNode[]
  readonly errors: readonly BindingError[]
  readonly queries: readonly QueryLogEntry[]
  readonly pageLoad: readonly PageLoadRecord[]
  readonly dependencies: readonly DependencyRow[]
  readonly readers: readonly string[]
}

const EMPTY: Snapshot = { groups: [], rows: [], errors: [], queries: [], pageLoad: [], dependencies: [], readers: [] }
const HEIGHT_STEP = 24

/** The devtools panel element. */
export class SmithDevtools extends LitElement {
  static override styles = devtoolsStyles
  static override properties = {
    open: { type: Boolean, reflect: true },
  }

  declare open: boolean
  /** The app it inspects and the session its inspector reports to; set before connecting. */
  app: InspectedApp | null = null
  session: DevtoolsSession | null = null
  /** Where "copy path" writes; defaults to the browser clipboard. */
  clipboard: { writeText(text: string): Promise<void> } | null = null

  readonly #tab = signal<Tab>('entities')
  readonly #search = signal('')
  readonly #expanded = signal<ReadonlySet<string>>(new Set())
  /** The binding key or entity name the Dependencies tab explains. */
  readonly #selected = signal<string>('')
  #snapshot: Snapshot = EMPTY
  #status = ''
  #stop: (() => void) | undefined
  #rules: SecretRules | null = null
  #onKey = (event: KeyboardEvent): void => {
    if (event.altKey && event.shiftKey && (event.key === 'D' || event.key === 'd' || event.code === 'KeyD')) {
      event.preventDefault()
      this.open = !this.open
    }
  }

  constructor() {
    super()
    this.open = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.ownerDocument.addEventListener('keydown', this.#onKey)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.ownerDocument.removeEventListener('keydown', this.#onKey)
    this.#stop?.()
    this.#stop = undefined
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('open')) return
    this.#stop?.()
    this.#stop = undefined
    if (this.open) this.#stop = effect(() => this.#compute())
  }

  /** Reads what the open tab shows (tracked), then schedules a render. */
  #compute(): void {
    const app = this.app
    const session = this.session
    if (app === null || session === null) return
    const rules = (this.#rules ??= storeSecretRules((app.scope.appsmith as { store: Record<string, unknown> }).store))
    const tab = this.#tab.value
    const bindings = session.bindings.value
    const groups = entityNames(app.scope, bindings)
    let next: Snapshot = { ...EMPTY, groups, errors: app.errors }
    if (tab === 'entities') {
      const names = groups.flatMap((g) => g.names)
      const query = this.#search.value
      next = { ...next, rows: query.trim() ? searchPaths(app.scope, names, query, rules) : visibleRows(app.scope, names, this.#expanded.value, rules) }
    } else if (tab === 'queries') {
      next = { ...next, queries: session.queries.value }
    } else if (tab === 'pageLoad') {
      next = { ...next, pageLoad: session.pageLoad.value }
    } else if (tab === 'dependencies') {
      const selected = this.#selected.value
      const record = bindings.get(selected)
      const dependencies = record ? traceReads(record.evaluate).reads.map((s) => describeDependency(s as ReadonlySignal<unknown>, rules)) : []
      next = { ...next, dependencies, readers: record ? [] : readersOf(selected, bindings) }
    }
    this.#snapshot = next
    this.requestUpdate()
  }

  protected override render(): TemplateResult {
    if (!this.open) {
      return html`<button class="launcher" aria-label="Open smithlet devtools (Alt+Shift+D)" @click=${() => (this.open = true)}>
        smithlet${this.#errorCount()}
      </button>`
    }
    const tab = this.#tab.peek()
    return html`<section class="panel" role="region" aria-label="smithlet devtools">
      <button class="resize" aria-label="Resize the devtools panel (ArrowUp, ArrowDown)" @pointerdown=${this.#startResize} @keydown=${this.#resizeKey}></button>
      <header>
        <div role="tablist" aria-label="Devtools views" @keydown=${this.#tabKey}>
          ${TABS.map((t) => html`<button role="tab" id="tab-${t}" aria-selected=${t === tab ? 'true' : 'false'} aria-controls="view"
            tabindex=${t === tab ? '0' : '-1'} @click=${() => this.#select(t)}>${TAB_LABELS[t]}${t === 'errors' ? this.#errorCount() : nothing}</button>`)}
        </div>
        <span class="spacer"></span>
        <span class="status" role="status">${this.#status}</span>
        <button class="close" aria-label="Close the devtools (Alt+Shift+D)" @click=${() => (this.open = false)}>✕</button>
      </header>
      <div class="body" id="view" role="tabpanel" aria-labelledby="tab-${tab}">${this.#renderTab(tab)}</div>
    </section>`
  }

  #renderTab(tab: Tab): TemplateResult {
    const s = this.#snapshot
    switch (tab) {
      case 'entities':
        return renderTree(s.groups, s.rows, {
          search: this.#search.peek(),
          expanded: this.#expanded.peek(),
          onSearch: (text) => (this.#search.value = text),
          onToggle: (path) => this.#toggle(path),
          onCopy: (path) => void this.#copy(pathToBinding(path)),
          onExplain: (name) => this.#explain(name),
        })
      case 'errors':
        return renderErrors(s.errors, this.session?.bindings.peek() ?? new Map(), {
          onPick: (key) => this.#highlight(key),
          onExplain: (key) => this.#explain(key),
        })
      case 'queries':
        return renderQueries(s.queries, this.#rules)
      case 'dependencies':
        return renderBody(this.#selected.peek(), s.dependencies, s.readers, this.session?.bindings.peek() ?? new Map(), {
          onSelect: (key) => (this.#selected.value = key),
        })
      case 'pageLoad':
        return renderPageLoad(s.pageLoad)
    }
  }

  #errorCount(): TemplateResult | typeof nothing {
    const n = this.#snapshot.errors.length || (this.app?.errors.length ?? 0)
    return n > 0 ? html`<span class="count" aria-label="${n} errors">${n}</span>` : nothing
  }

  #select(tab: Tab): void {
    this.#tab.value = tab
    this.requestUpdate()
    void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`))?.focus())
  }

  #tabKey = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this.#tab.peek())
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null
    if (next === null) return
    event.preventDefault()
    this.#select(TABS[(next + TABS.length) % TABS.length]!)
  }

  #toggle(path: readonly string[]): void {
    const key = pathKey(path)
    const next = new Set(this.#expanded.peek())
    if (next.has(key)) next.delete(key)
    else next.add(key)
    this.#expanded.value = next
  }

  #explain(key: string): void {
    this.#selected.value = key
    this.#select('dependencies')
  }

  async #copy(text: string): Promise<void> {
    const clipboard = this.clipboard ?? (typeof navigator !== 'undefined' ? navigator.clipboard : null)
    try {
      if (!clipboard) throw new Error('no clipboard')
      await clipboard.writeText(text)
      this.#status = `Copied ${text}`
    } catch {
      this.#status = `Copy failed: ${text}`
    }
    this.requestUpdate()
  }

  /** Outlines the widget a binding belongs to for two seconds and scrolls it into view. */
  #highlight(key: string): void {
    const element = this.session?.bindings.peek().get(key)?.element
    if (!element) return
    element.scrollIntoView?.({ block: 'nearest' })
    const rect = element.getBoundingClientRect()
    const box = document.createElement('div')
    box.className = 'highlight'
    box.setAttribute('data-highlight', key)
    // CSSOM, not a style attribute: the page runs under style-src 'self'.
    box.style.left = `${rect.left - 2}px`
    box.style.top = `${rect.top - 2}px`
    box.style.width = `${rect.width + 4}px`
    box.style.height = `${rect.height + 4}px`
    this.renderRoot.appendChild(box)
    setTimeout(() => box.remove(), 2000)
  }

  #panel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.panel')
  }

  #startResize = (event: PointerEvent): void => {
    const panel = this.#panel()
    if (!panel) return
    const startY = event.clientY
    const startHeight = panel.getBoundingClientRect().height
    const move = (e: PointerEvent): void => void (panel.style.height = `${Math.max(120, startHeight + startY - e.clientY)}px`)
    const up = (): void => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }

  #resizeKey = (event: KeyboardEvent): void => {
    const panel = this.#panel()
    if (!panel || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    const height = panel.getBoundingClientRect().height || 320
    panel.style.height = `${Math.max(120, height + (event.key === 'ArrowUp' ? HEIGHT_STEP : -HEIGHT_STEP))}px`
  }
}

/** Defines `<smith-devtools>` once (a function, not a module side effect: the package marks only widgets/define as having one). */
export function defineSmithDevtools(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('smith-devtools')) registry.define('smith-devtools', SmithDevtools)
}
