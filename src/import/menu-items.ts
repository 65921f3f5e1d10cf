/**
 * Appsmith keeps a menu button's items and a button group's buttons inside one property
 * (`menuItems`, `groupButtons`: objects keyed by id, ordered by `index`, each with its own
 * `onClick`, trigger paths like `groupButtons.groupButton1.onClick`). smithlet's
 * `<smith-menu-button>` and `<smith-button-group>` hold them as child elements instead,
 * so each keeps its own `on-click` that the runtime binds: this writes those children.
 */
import { attributeValue, escapeAttr, hasBinding, kebab } from './attributes'
import type { DslWidget } from './source'

type Entry = Readonly<Record<string, unknown>>

/** What writing the children counted. */
export interface ChildCounts {
  bindings: number
  triggers: number
  readonly notes: string[]
}

const isRecord = (v: unknown): v is Entry => v !== null && typeof v === 'object' && !Array.isArray(v)

/** The entries of a keyed property, by `index`. */
function ordered(value: unknown): Entry[] {
  if (!isRecord(value)) return []
  return Object.values(value).filter(isRecord).sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0))
}

function attrs(entry: Entry, props: Readonly<Record<string, string>>, triggerPath: string, triggers: ReadonlySet<string>, counts: ChildCounts): string {
  let out = ''
  for (const [appsmith, attr] of Object.entries(props)) {
    const value = attributeValue(entry[appsmith])
    if (value === null || value === '') continue
    if (hasBinding(value)) counts.bindings++
    out += ` ${attr}="${escapeAttr(value)}"`
  }
  const visible = entry.isVisible
  if (visible === false || visible === 'false') out += ' is-visible="false"'
  else if (typeof visible === 'string' && hasBinding(visible)) {
    counts.bindings++
    out += ` is-visible="${escapeAttr(visible)}"`
  }
  const code = entry.onClick
  if (typeof code === 'string' && code.trim() !== '' && (triggers.has(`${triggerPath}.onClick`) || hasBinding(code))) {
    counts.triggers++
    out += ` on-click="${escapeAttr(code)}"`
  }
  return out
}

const ITEM_PROPS = { label: 'label', iconName: kebab('iconName'), isDisabled: kebab('isDisabled') }

function menuItems(items: unknown, path: string, pad: string, triggers: ReadonlySet<string>, counts: ChildCounts): string {
  return ordered(items)
    .map((item) => `${pad}<smith-menu-item${attrs(item, ITEM_PROPS, `${path}.${String(item.id)}`, triggers, counts)}></smith-menu-item>\n`)
    .join('')
}

/** The `<smith-menu-item>` children of a MENU_BUTTON_WIDGET. */
export function menuButtonChildren(w: DslWidget, pad: string, counts: ChildCounts): string {
  if (w.menuItemsSource === 'DYNAMIC') {
    counts.notes.push(`${w.widgetName}: menu items generated from sourceData (menuItemsSource DYNAMIC) are not imported; only its static menuItems are`)
  }
  const triggers = new Set((w.dynamicTriggerPathList ?? []).map((t) => t.key))
  return menuItems(w.menuItems, 'menuItems', pad, triggers, counts)
}

/** The `<smith-button>` / `<smith-menu-button>` children of a BUTTON_GROUP_WIDGET. */
export function buttonGroupChildren(w: DslWidget, pad: string, counts: ChildCounts): string {
  const triggers = new Set((w.dynamicTriggerPathList ?? []).map((t) => t.key))
  return ordered(w.groupButtons)
    .map((button) => {
      const path = `groupButtons.${String(button.id)}`
      if (button.buttonType === 'MENU') {
        const own = attrs(button, { label: 'label', iconName: 'icon-name', isDisabled: 'is-disabled' }, path, new Set(), counts)
        return `${pad}<smith-menu-button${own}>\n${menuItems(button.menuItems, `${path}.menuItems`, `${pad}  `, triggers, counts)}${pad}</smith-menu-button>\n`
      }
      return `${pad}<smith-button${attrs(button, { label: 'text', iconName: 'icon-name', isDisabled: 'is-disabled' }, path, triggers, counts)}></smith-button>\n`
    })
    .join('')
}
