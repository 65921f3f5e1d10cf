/**
 * `<smith-container>`: Appsmith's CONTAINER_WIDGET — a bordered box around a canvas.
 *
 * ```html
 * <smith-container name="Container1">
 *   <smith-canvas> …widgets… </smith-canvas>
 * </smith-container>
 * ```
 *
 * Styled with the theme (`--smith-radius`, `--smith-shadow`); an imported container's own
 * colours come from the page stylesheet through `--smith-container-background`,
 * `--smith-container-border`. Children stay in light DOM, so the runtime mounts them.
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'

/** Styles a box around slotted content; shared with the form. */
export const boxStyles = css`
  :host {
    display: block;
    min-width: 0;
    min-height: 0;
  }
  .box {
    height: 100%;
    overflow: auto;
    background: var(--smith-container-background, #fff);
    border: var(--smith-container-border-width, 1px) solid var(--smith-container-border, #e3e8ef);
    border-radius: var(--smith-radius, 0.375rem);
    box-shadow: var(--smith-shadow, none);
  }
`

/** A container. No properties of its own beyond visibility; no meta, no events. */
export class SmithContainer extends SmithBaseElement {
  static override properties: PropertyDeclarations = {}

  static override styles = [baseStyles, boxStyles]

  protected override render(): TemplateResult {
    return html`<div class="box" part="box"><slot></slot></div>`
  }
}
