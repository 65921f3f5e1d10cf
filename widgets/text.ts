/**
 * `<smith-text>`: shows a value as text.
 *
 * ```html
 * <smith-text name="Status" text="Token valid for {{Auth_Module.secondsLeft}} s"></smith-text>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
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

  constructor() {
    super()
    this.text = ''
  }

  protected override render(): TemplateResult {
    const error = this.errorFor('text')
    if (error !== undefined) return this.renderError(error)
    return html`<p class="text" part="text" aria-busy=${this.loading ? 'true' : 'false'}>${displayText(this.text)}</p>`
  }
}
