/**
 * `<smith-canvas>`: Appsmith's CANVAS_WIDGET — the fixed grid that holds a page's,
 * container's, form's, modal's or tab's widgets.
 *
 * ```html
 * <smith-canvas>
 *   <smith-text name="Title" text="Users"></smith-text>
 * </smith-canvas>
 * ```
 *
 * Appsmith lays widgets on 64 columns and rows of `parentRowSpace` px (10). The canvas is
 * that grid; each child's cell comes from the page's stylesheet (the importer writes
 * `[name="Title"] { grid-column: 1 / 17; grid-row: 1 / 5 }`), never from a style
 * attribute, so a strict CSP holds. Below 640 px the grid becomes one column and the
 * children stack in document order, which the importer writes in reading order.
 * Children stay in light DOM, so the runtime mounts them.
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'

/** Appsmith's grid: columns per canvas. */
export const GRID_COLUMNS = 64

/** A grid canvas. No properties of its own beyond visibility; no meta, no events. */
export class SmithCanvas extends SmithBaseElement {
  static override properties: PropertyDeclarations = {}

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(64, minmax(0, 1fr));
        grid-auto-rows: var(--smith-row-height, 10px);
        position: relative;
        width: 100%;
        min-height: 100%;
      }
      @media (max-width: 639.98px) {
        :host {
          display: flex;
          flex-direction: column;
          gap: 8px;
          padding: 8px;
        }
      }
    `,
  ]

  protected override render(): TemplateResult {
    return html`<slot></slot>`
  }
}
