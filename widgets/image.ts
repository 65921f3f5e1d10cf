/**
 * `<smith-image>`: Appsmith's Image. The URL is used only when it is http(s) or
 * `data:image/*`; anything else (`javascript:`, `data:text/html`, …) falls back to
 * `defaultImage`, then to a plain note, never into the page.
 *
 * ```html
 * <smith-image name="Avatar" image="{{Users.selectedRow.photo}}" object-fit="cover" enable-download></smith-image>
 * ```
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { flag, str } from './props'
import { httpUrl, isDataImage } from './url'

/** An allowed image URL (http(s), resolved; or `data:image/*` other than SVG), else undefined. */
export function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string' && isDataImage(value)) return value.trim()
  return httpUrl(value)?.href
}

const FITS: ReadonlySet<string> = new Set(['cover', 'contain', 'fill', 'none', 'auto'])

/**
 * Properties: `image`, `defaultImage`, `objectFit` (`cover` | `contain` | `auto`, …),
 * `alt`, `enableDownload`, `imageShape` (`RECTANGLE` | `CIRCLE` | `ROUNDED`). Event:
 * `onClick` (the image becomes a button then).
 */
export class SmithImage extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    image: str(),
    defaultImage: str('default-image'),
    objectFit: str('object-fit'),
    alt: str(),
    enableDownload: flag('enable-download'),
    imageShape: str('image-shape'),
    clickable: flag(),
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: relative;
        max-width: 100%;
      }
      img {
        display: block;
        width: 100%;
        height: 100%;
        max-width: 100%;
      }
      .cover {
        object-fit: cover;
      }
      .contain {
        object-fit: contain;
      }
      .fill {
        object-fit: fill;
      }
      .none,
      .auto {
        object-fit: none;
        width: auto;
        height: auto;
      }
      .CIRCLE {
        border-radius: 50%;
      }
      .ROUNDED {
        border-radius: var(--smith-radius, 8px);
      }
      .clickable {
        cursor: pointer;
      }
      .clickable:focus-visible {
        outline: 2px solid var(--smith-primary, #553de9);
        outline-offset: 2px;
      }
      .download {
        position: absolute;
        top: 0.25em;
        right: 0.25em;
        padding: 0.25em 0.5em;
        border-radius: var(--smith-radius, 4px);
        background: #fffc;
        color: #111;
        font-size: 0.8125em;
      }
      .empty {
        margin: 0;
        color: #6b7280;
        font-size: 0.875em;
      }
    `,
  ]

  /** The image URL (http(s), a relative path, or `data:image/…`). */
  declare image: string
  /** Shown when `image` is empty or not allowed. */
  declare defaultImage: string
  declare objectFit: string
  /** Alternative text; empty makes the image decorative. */
  declare alt: string
  /** Shows a download link. */
  declare enableDownload: boolean
  declare imageShape: string
  /** Set by the runtime or a page when `on-click` is wired; makes the image a button. */
  declare clickable: boolean

  constructor() {
    super()
    this.image = ''
    this.defaultImage = ''
    this.objectFit = 'cover'
    this.alt = ''
    this.enableDownload = false
    this.imageShape = 'RECTANGLE'
    this.clickable = false
  }

  /** The URL that is shown: `image` if allowed, else `defaultImage` if allowed. */
  get src(): string | undefined {
    return imageUrl(this.image) ?? imageUrl(this.defaultImage)
  }

  #onClick = (): void => {
    this.trigger('onClick')
  }

  #onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      this.trigger('onClick')
    }
  }

  protected override render(): TemplateResult {
    const src = this.src
    if (src === undefined) {
      const given = this.image || this.defaultImage
      return html`<p class="empty" part="empty">${given ? 'Image not shown: only http(s) and data:image URLs are allowed' : ''}</p>${this.renderErrors()}`
    }
    const fit = FITS.has(this.objectFit) ? this.objectFit : 'cover'
    const clickable = this.clickable || this.hasAttribute('on-click')
    return html`
      <img part="image" src=${src} alt=${this.alt} class="${fit} ${String(this.imageShape).toUpperCase()} ${clickable ? 'clickable' : ''}"
        role=${clickable ? 'button' : nothing} tabindex=${clickable ? '0' : nothing}
        @click=${clickable ? this.#onClick : nothing} @keydown=${clickable ? this.#onKey : nothing} />
      ${this.enableDownload ? html`<a class="download" part="download" href=${src} download="image" rel="noopener">Download</a>` : null}
      ${this.renderErrors()}
    `
  }
}
