/**
 * `<smith-tabs>`: Appsmith's TABS_WIDGET — a tab bar over one canvas per tab.
 *
 * ```html
 * <smith-tabs name="Tabs1" default-tab="Orders" on-tab-selected="{{getOrders.run()}}">
 *   <smith-canvas tab-id="tab1" tab-name="Users"> …widgets… </smith-canvas>
 *   <smith-canvas tab-id="tab2" tab-name="Orders"> …widgets… </smith-canvas>
 * </smith-tabs>
 * ```
 *
 * Each direct child element is one tab's canvas (Appsmith's CANVAS_WIDGET with `tabId` and
 * `tabName`), kept in light DOM so the runtime mounts its widgets. The selected canvas is
 * assigned to the visible slot; the others stay in the document, unassigned and so not
 * rendered, which is why their widgets keep their state (typed text, selected rows) while
 * another tab is shown. `tabsObj` (Appsmith's tab list: label, id, isVisible, index) may
 * override the labels, order and visibility that the children's attributes give.
 *
 * Keyboard: the WAI-ARIA tabs pattern with automatic activation — one tab stop, Left/Right
 * move and select, Home/End go to the first/last tab.
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { SmithElement, baseStyles } from './smith-element'

/** One entry of Appsmith's `tabsObj`. */
export interface TabConfig {
  id: string
  label: string
  isVisible?: boolean
  index?: number
}

/** A tab as rendered: its canvas element and what the bar shows. */
export interface Tab {
  id: string
  label: string
  panel: Element
}

/** The slot the selected canvas is assigned to. */
const ACTIVE_SLOT = 'smith-tab-active'

/**
 * The visible tabs for the children and an optional `tabsObj`, in order: `tabsObj` entries
 * sorted by `index` (hidden ones left out) when it names a child by `tab-id`, else the
 * children in document order.
 */
export function resolveTabs(children: readonly Element[], tabsObj: unknown): Tab[] {
  const fromChildren = children.map((panel, i): Tab => {
    const id = panel.getAttribute('tab-id') ?? panel.getAttribute('tab-name') ?? `tab${i + 1}`
    return { id, label: panel.getAttribute('tab-name') ?? id, panel }
  })
  if (tabsObj === null || typeof tabsObj !== 'object') return fromChildren
  const configs = (Array.isArray(tabsObj) ? tabsObj : Object.values(tabsObj)) as Partial<TabConfig>[]
  const byId = new Map(fromChildren.map((t) => [t.id, t]))
  const listed = new Set<string>()
  const tabs: Array<Tab & { index: number }> = []
  configs.forEach((c, i) => {
    if (!c || typeof c.id !== 'string') return
    const tab = byId.get(c.id)
    if (!tab) return
    listed.add(c.id)
    if (c.isVisible === false) return
    tabs.push({ ...tab, label: typeof c.label === 'string' ? c.label : tab.label, index: typeof c.index === 'number' ? c.index : i })
  })
  tabs.sort((a, b) => a.index - b.index)
  // Children that tabsObj does not mention still show, after the listed ones.
  for (const t of fromChildren) if (!listed.has(t.id)) tabs.push({ ...t, index: Infinity })
  return tabs.map(({ id, label, panel }) => ({ id, label, panel }))
}

/**
 * A tabs container.
 *
 * Properties: `tabsObj`, `defaultTab` (a label, as in Appsmith), `shouldShowTabs`.
 * Meta: `selectedTab` (label), `selectedTabWidgetId` (the canvas's `tab-id`).
 * Events: `onTabSelected` (a user picked another tab).
 */
export class SmithTabs extends SmithElement {
  static override properties: PropertyDeclarations = {
    tabsObj: { attribute: false },
    defaultTab: { type: String, attribute: 'default-tab' },
    shouldShowTabs: { attribute: 'should-show-tabs', converter: (v) => v !== 'false' },
  }

  static override metaDefaults: Record<string, unknown> = { selectedTab: '', selectedTabWidgetId: '' }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        border: 1px solid var(--smith-border, #e0dede);
        border-radius: var(--smith-radius, 0.375rem);
        background: var(--smith-surface, #fff);
        font-family: var(--smith-font, inherit);
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25rem;
        overflow-x: auto;
        border-bottom: 1px solid var(--smith-border, #e0dede);
        padding: 0 0.5rem;
      }
      [role='tab'] {
        border: 0;
        border-bottom: 2px solid transparent;
        background: none;
        padding: 0.6rem 0.75rem;
        font: inherit;
        color: inherit;
        cursor: pointer;
        white-space: nowrap;
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--smith-primary, #553de9);
        color: var(--smith-primary, #553de9);
        font-weight: 600;
      }
      [role='tab']:focus-visible {
        outline: 2px solid var(--smith-primary, #553de9);
        outline-offset: -2px;
      }
      [role='tabpanel'] {
        flex: 1;
        min-height: 0;
        overflow: auto;
      }
      .pool {
        display: none;
      }
    `,
  ]

  /** Appsmith's tab list (`{ tab1: { id, label, isVisible, index } }`); optional. */
  declare tabsObj: Record<string, TabConfig> | TabConfig[] | undefined
  /** The label of the tab selected at first and on reset. */
  declare defaultTab: string
  /** False hides the tab bar (the selected canvas still shows). */
  declare shouldShowTabs: boolean

  #tabs: Tab[] = []

  constructor() {
    super()
    this.tabsObj = undefined
    this.defaultTab = ''
    this.shouldShowTabs = true
  }

  /** The tabs as they are now shown. */
  get tabs(): readonly Tab[] {
    return this.#tabs
  }

  override resetMeta(): void {
    super.resetMeta()
    this.#selectDefault()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#tabs = resolveTabs([...this.children], this.tabsObj)
    const current = this.#tabs.find((t) => t.id === this.getMeta<string>('selectedTabWidgetId'))
    // As in Appsmith, a new defaultTab selects that tab; so does losing the selected one.
    if (changed.has('defaultTab') || current === undefined) this.#selectDefault()
    else if (current.label !== this.getMeta('selectedTab')) this.setMeta('selectedTab', current.label)
  }

  protected override updated(): void {
    const selected = this.getMeta<string>('selectedTabWidgetId')
    for (const tab of this.#tabs) {
      const active = tab.id === selected
      if (active) {
        if (tab.panel.getAttribute('slot') !== ACTIVE_SLOT) tab.panel.setAttribute('slot', ACTIVE_SLOT)
      } else if (tab.panel.hasAttribute('slot')) tab.panel.removeAttribute('slot')
    }
  }

  #selectDefault(): void {
    const tab = this.#tabs.find((t) => t.label === this.defaultTab) ?? this.#tabs.find((t) => t.id === this.defaultTab) ?? this.#tabs[0]
    batch(() => {
      this.setMeta('selectedTab', tab?.label ?? '')
      this.setMeta('selectedTabWidgetId', tab?.id ?? '')
    })
  }

  /** Selects a tab as a user would: by label or id; fires `onTabSelected` when it changes. */
  selectTab(labelOrId: string): void {
    const tab = this.#tabs.find((t) => t.label === labelOrId) ?? this.#tabs.find((t) => t.id === labelOrId)
    if (!tab || tab.id === this.getMeta('selectedTabWidgetId')) return
    batch(() => {
      this.setMeta('selectedTab', tab.label)
      this.setMeta('selectedTabWidgetId', tab.id)
    })
    this.trigger('onTabSelected')
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const tabs = this.#tabs
    if (tabs.length === 0) return
    const at = tabs.findIndex((t) => t.id === this.getMeta('selectedTabWidgetId'))
    let next: number
    switch (event.key) {
      case 'ArrowRight':
        next = (at + 1) % tabs.length
        break
      case 'ArrowLeft':
        next = (at - 1 + tabs.length) % tabs.length
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = tabs.length - 1
        break
      default:
        return
    }
    event.preventDefault()
    this.selectTab(tabs[next].id)
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`[role='tab'][data-index='${next}']`) as HTMLElement | null)?.focus())
  }

  // Moving a canvas between the two slots fires slotchange too; only a change in the set of
  // canvases needs a new render.
  #onSlotChange = (): void => {
    const children = [...this.children]
    if (children.length !== this.#tabs.length || children.some((c) => !this.#tabs.some((t) => t.panel === c))) this.requestUpdate()
  }

  protected override render(): TemplateResult {
    const selected = this.getMeta<string>('selectedTabWidgetId')
    const at = this.#tabs.findIndex((t) => t.id === selected)
    const bar = this.shouldShowTabs
      ? html`<div role="tablist" part="tablist" @keydown=${this.#onKeydown}>
          ${this.#tabs.map(
            (t, i) => html`<button
              type="button"
              role="tab"
              part="tab"
              id=${`tab-${i}`}
              data-index=${i}
              aria-selected=${i === at ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${i === at ? '0' : '-1'}
              @click=${() => this.selectTab(t.id)}
            >${t.label}</button>`,
          )}
        </div>`
      : nothing
    return html`${this.renderErrors()}${bar}
      <div role="tabpanel" id="panel" part="panel" aria-labelledby=${at >= 0 && this.shouldShowTabs ? `tab-${at}` : nothing} aria-label=${at >= 0 && !this.shouldShowTabs ? this.#tabs[at].label : nothing}>
        <slot name=${ACTIVE_SLOT} @slotchange=${this.#onSlotChange}></slot>
      </div>
      <div class="pool"><slot @slotchange=${this.#onSlotChange}></slot></div>`
  }
}
