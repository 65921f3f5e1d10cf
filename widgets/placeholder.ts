/**
 * `<smith-placeholder>`: stands in for an imported Appsmith widget smithlet has no
 * widget for yet, so nothing is silently dropped: a labelled box of the widget's size
 * that names its name and type.
 *
 * ```html
 * <smith-placeholder name="Chart1" type="CHART_WIDGET"></smith-placeholder>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'

/** A placeholder. Properties: `type` (Appsmith's widget type). No meta, no events. */
export class SmithPlaceholder extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    type: { type: String },
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 2.5em;
      }
      .box {
        height: 100%;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.25em;
        padding: 0.5em;
        border: 1px dashed #a0a8b8;
        border-radius: var(--smith-radius, 0.375rem);
        background: repeating-linear-gradient(45deg, #f6f7f9, #f6f7f9 8px, #eef0f4 8px, #eef0f4 16px);
        color: #4a5161;
        font-size: 0.8125em;
        text-align: center;
        overflow: hidden;
      }
      .type {
        font-family: ui-monospace, monospace;
      }
    `,
  ]

  /** Appsmith's widget type, e.g. `CHART_WIDGET`. */
  declare type: string

  constructor() {
    super()
    this.type = ''
  }

  protected override render(): TemplateResult {
    const type = this.type || 'unknown type'
    return html`<div class="box" part="box" role="img" aria-label=${`${this.name || 'Widget'}: ${type}, not supported by smithlet yet`}>
      <strong>${this.name || 'Widget'}</strong>
      <span class="type">${type}</span>
      <span>not supported yet</span>
    </div>`
  }
}
