/**
 * `<smith-divider>`: Appsmith's Divider, a `role="separator"` line. Thickness and colour
 * are set through CSSOM (the page's CSP allows no inline style attribute).
 *
 * ```html
 * <smith-divider orientation="horizontal" stroke-style="dashed" thickness="2"></smith-divider>
 * ```
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { num, str } from './props'

const STROKES: ReadonlySet<string> = new Set(['solid', 'dashed', 'dotted'])

/** Properties: `orientation` (`horizontal` | `vertical`), `thickness` (px), `strokeStyle`, `color`. */
export class SmithDivider extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    orientation: str(),
    thickness: num(),
    strokeStyle: str('stroke-style'),
    color: str(),
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 0.5em 0;
      }
      :host([orientation='vertical']) {
        display: inline-block;
        height: 100%;
        min-height: 1.5em;
        padding: 0 0.5em;
      }
      .line {
        border: 0 solid var(--divider-color, #d1d5db);
        border-top-width: var(--divider-thickness, 1px);
        width: 100%;
      }
      .vertical {
        border-top-width: 0;
        border-left-width: var(--divider-thickness, 1px);
        width: 0;
        height: 100%;
      }
      .dashed {
        border-style: dashed;
      }
      .dotted {
        border-style: dotted;
      }
    `,
  ]

  declare orientation: string
  declare thickness: number
  declare strokeStyle: string
  declare color: string

  constructor() {
    super()
    this.orientation = 'horizontal'
    this.thickness = 1
    this.strokeStyle = 'solid'
    this.color = ''
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('thickness')) {
      const t = Number(this.thickness)
      this.style.setProperty('--divider-thickness', `${Number.isFinite(t) && t >= 0 ? Math.min(t, 100) : 1}px`)
    }
    if (changed.has('color')) {
      if (this.color && globalThis.CSS?.supports?.('color', this.color)) this.style.setProperty('--divider-color', this.color)
      else this.style.removeProperty('--divider-color')
    }
  }

  protected override render(): TemplateResult {
    const vertical = this.orientation === 'vertical'
    const stroke = STROKES.has(this.strokeStyle) ? this.strokeStyle : 'solid'
    return html`<div class="line ${vertical ? 'vertical' : ''} ${stroke}" part="line" role="separator"
      aria-orientation=${vertical ? 'vertical' : 'horizontal'}></div>${this.renderErrors()}`
  }
}
