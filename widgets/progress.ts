/**
 * `<smith-progress>`: Appsmith's Progress — linear or circular, determinate or not, as a
 * `role="progressbar"` with its value announced. Widths go through CSSOM (strict CSP).
 *
 * ```html
 * <smith-progress name="Upload" progress="{{Upload.percent}}" show-result></smith-progress>
 * ```
 */
import { css, html, nothing, svg } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { flag, num, str } from './props'

/** `value` as a percentage in 0…100 (non-numbers are 0). */
export function clampProgress(value: unknown): number {
  const n = Number(value)
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0
}

const R = 20
const CIRCUMFERENCE = 2 * Math.PI * R

/**
 * Properties: `progress` (0–100), `progressType` (`linear` | `circular`),
 * `isIndeterminate`, `showResult`, `steps` (linear: segment count), `fillColor`.
 */
export class SmithProgress extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    progress: num(),
    progressType: str('progress-type'),
    isIndeterminate: flag('is-indeterminate'),
    showResult: flag('show-result'),
    steps: num(),
    fillColor: str('fill-color'),
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        display: flex;
        align-items: center;
        gap: 0.5em;
      }
      .track {
        flex: 1;
        height: 0.5em;
        border-radius: var(--smith-radius, 4px);
        background: #e5e7eb;
        overflow: hidden;
        position: relative;
      }
      .bar {
        height: 100%;
        width: var(--progress, 0%);
        background: var(--progress-fill, var(--smith-primary, #553de9));
        transition: width 0.2s;
      }
      .indeterminate .bar {
        width: 40%;
        animation: slide 1.2s ease-in-out infinite;
      }
      @keyframes slide {
        from {
          transform: translateX(-100%);
        }
        to {
          transform: translateX(250%);
        }
      }
      .steps {
        position: absolute;
        inset: 0;
        display: flex;
      }
      .steps span {
        flex: 1;
        border-right: 2px solid #fff;
      }
      svg {
        width: 3em;
        height: 3em;
      }
      circle {
        fill: none;
        stroke-width: 4;
      }
      .ring-track {
        stroke: #e5e7eb;
      }
      .ring {
        stroke: var(--progress-fill, var(--smith-primary, #553de9));
        transform: rotate(-90deg);
        transform-origin: 50% 50%;
        transition: stroke-dashoffset 0.2s;
      }
      .indeterminate svg {
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .bar,
        .ring,
        .indeterminate .bar,
        .indeterminate svg {
          animation: none;
          transition: none;
        }
      }
      .result {
        font-size: 0.875em;
        min-width: 3ch;
      }
    `,
  ]

  declare progress: number
  declare progressType: string
  declare isIndeterminate: boolean
  declare showResult: boolean
  declare steps: number
  declare fillColor: string

  constructor() {
    super()
    this.progress = 0
    this.progressType = 'linear'
    this.isIndeterminate = false
    this.showResult = false
    this.steps = 1
    this.fillColor = ''
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('progress')) this.style.setProperty('--progress', `${clampProgress(this.progress)}%`)
    if (changed.has('fillColor')) {
      if (this.fillColor && globalThis.CSS?.supports?.('color', this.fillColor)) this.style.setProperty('--progress-fill', this.fillColor)
      else this.style.removeProperty('--progress-fill')
    }
  }

  protected override render(): TemplateResult {
    const value = clampProgress(this.progress)
    const indeterminate = this.isIndeterminate
    const steps = Math.min(Math.max(1, Math.floor(Number(this.steps) || 1)), 100)
    const circular = String(this.progressType).toLowerCase() === 'circular'
    const body = circular
      ? svg`<svg viewBox="0 0 48 48" aria-hidden="true"><circle class="ring-track" cx="24" cy="24" r=${R}></circle>
          <circle class="ring" cx="24" cy="24" r=${R} stroke-dasharray=${CIRCUMFERENCE}
            stroke-dashoffset=${indeterminate ? CIRCUMFERENCE * 0.7 : CIRCUMFERENCE * (1 - value / 100)}></circle></svg>`
      : html`<div class="track" part="track"><div class="bar" part="bar"></div>
          ${steps > 1 ? html`<div class="steps">${Array.from({ length: steps }, () => html`<span></span>`)}</div>` : null}</div>`
    return html`
      <div class="wrap ${indeterminate ? 'indeterminate' : ''}" role="progressbar" aria-label=${this.name || 'Progress'}
        aria-valuemin="0" aria-valuemax="100" aria-valuenow=${indeterminate ? nothing : String(value)}>
        ${body}
        ${this.showResult && !indeterminate ? html`<span class="result" part="result">${Math.round(value)}%</span>` : null}
      </div>
      ${this.renderErrors()}
    `
  }
}
