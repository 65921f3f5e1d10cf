/**
 * `<smith-text>`: shows a value as text.
 *
 * ```html
 * <smith-text name="Status" text="Token valid for {{Auth_Module.secondsLeft}} s"></smith-text>
 * ```
 *
 * The light path: a text widget is one `<p>` in its shadow root, so it writes that
 * paragraph itself instead of going through lit-html. A page with thousands of texts
 * spent about a fifth of its mount creating lit-html template instances for them
 * (measured with the CPU profiler in `npm run bench`'s bindings page). It is still a Lit
 * element: reactive properties, the update cycle, `updateComplete`, styles.
 */
import { ReactiveElement, css } from 'lit'
import type { PropertyDeclarations, PropertyValues } from 'lit'
import { SmithElement, baseStyles } from './smith-element'

/**
 * The text a value shows as: strings as they are, `null`/`undefined` as nothing, objects
 * and arrays as indented JSON, anything else through `String`.
 */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value, null, 2) ?? ''
    } catch {
      return String(value) // cyclic or otherwise unserialisable
    }
  }
  return String(value)
}

/** A text widget. Properties: `text`. No meta, no events. */
export class SmithText extends SmithElement {
  static override properties: PropertyDeclarations = {
    text: {},
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .text {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ]

  static override metaDefaults: Record<string, unknown> = {}

  /** The value shown; any type (see {@link displayText}). Rendered as text, never HTML. */
  declare text: unknown

  /** The paragraph shown: the text, or the binding error in its place. */
  #paragraph: HTMLParagraphElement | undefined
  /** What the paragraph shows now: the text, or the error message when `#failed`. */
  #shown: string | undefined
  #failed = false

  constructor() {
    super()
    this.text = ''
  }

  /**
   * ReactiveElement's update (attribute reflection, the update lifecycle) and then the one
   * paragraph, skipping LitElement's lit-html render: the same DOM as
   * `<p class="text" part="text" aria-busy=…>${text}</p>`, or the base class's error block.
   */
  protected override update(changed: PropertyValues): void {
    // `update` is protected; called on ReactiveElement's prototype to skip LitElement's.
    ;(ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed)
    const error = this.errorFor('text')
    const failed = error !== undefined
    const shown = failed ? error : displayText(this.text)
    let p = this.#paragraph
    if (p === undefined) {
      p = this.#paragraph = document.createElement('p')
      this.renderRoot.appendChild(p)
    }
    if (failed !== this.#failed || this.#shown === undefined) {
      p.className = failed ? 'error' : 'text'
      p.setAttribute('part', failed ? 'error' : 'text')
      if (failed) {
        p.setAttribute('role', 'alert')
        p.removeAttribute('aria-busy')
      } else p.removeAttribute('role')
      this.#failed = failed
    }
    if (!failed) p.setAttribute('aria-busy', this.loading ? 'true' : 'false')
    if (shown !== this.#shown) {
      p.textContent = shown
      this.#shown = shown
    }
  }
}
