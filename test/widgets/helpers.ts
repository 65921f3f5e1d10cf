/** Shared helpers for the widget tests (happy-dom + real Lit rendering). */
import '../../widgets/define'
import { TRIGGER_EVENT } from '../../widgets/index'
import type { SmithBaseElement, SmithElement, TriggerDetail } from '../../widgets/index'

/** Creates `<tag>` from HTML (so attributes go through attributeChangedCallback), sets props, attaches and renders it. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  html: string,
  props: Partial<Record<string, unknown>> = {},
): Promise<HTMLElementTagNameMap[K] & SmithElement> {
  const host = document.createElement('div')
  host.innerHTML = html
  const el = host.firstElementChild as HTMLElementTagNameMap[K] & SmithElement
  Object.assign(el, props)
  document.body.appendChild(host)
  await el.updateComplete
  return el
}

/**
 * Records every `smith-trigger` the element fires, with a snapshot of the meta state at
 * the moment it fired (to prove meta is updated before the event).
 */
export function recordTriggers(el: SmithBaseElement & { readonly meta?: SmithElement['meta'] }): { event: string; meta: Record<string, unknown>; bubbles: boolean; composed: boolean }[] {
  const log: { event: string; meta: Record<string, unknown>; bubbles: boolean; composed: boolean }[] = []
  el.addEventListener(TRIGGER_EVENT, (e) => {
    const ce = e as CustomEvent<TriggerDetail>
    const meta: Record<string, unknown> = {}
    for (const [k, s] of Object.entries(el.meta ?? {})) meta[k] = s.value
    log.push({ event: ce.detail.event, meta, bubbles: ce.bubbles, composed: ce.composed })
  })
  return log
}

/** The element's shadow root (widgets always render into one). */
export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot
  if (!root) throw new Error(`${el.localName} has no shadow root`)
  return root
}

/** Dispatches a keydown on an element, as a user pressing the key while it has focus. */
export function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init })
  target.dispatchEvent(e)
  return e
}

/** Rows `{ id, name, age }` for tests. */
export function people(n: number): { id: number; name: string; age: number }[] {
  return Array.from({ length: n }, (_, i) => ({ id: i, name: `Person ${i}`, age: 20 + (i % 50) }))
}

/** Removes everything mounted by a test. */
export function cleanup(): void {
  document.body.innerHTML = ''
}
