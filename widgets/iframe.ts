/**
 * `<smith-iframe>`: Appsmith's IFRAME_WIDGET — another page by URL, or HTML given as
 * `srcDoc`, and the messages that page posts to its parent.
 *
 * ```html
 * <smith-iframe name="Iframe1" source="https://example.com/embed"
 *               on-message-received="{{storeValue('last', Iframe1.message)}}"></smith-iframe>
 * ```
 *
 * Only `http(s)` URLs load. The frame is sandboxed: a page of another origin keeps its own
 * origin (so embeds that need their cookies work), but a page of the app's own origin, and
 * any `srcDoc`, runs with an opaque origin so it can never reach the app's DOM, store or
 * tokens. `srcDoc` inherits the page's Content-Security-Policy (browsers apply it to
 * `srcdoc` documents), so under a strict policy its inline scripts do not run; use the
 * custom widget for code.
 */
import { css, html, nothing } from 'lit'
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit'
import { batch } from '../src/reactive'
import { SmithElement, baseStyles } from './smith-element'
import { httpUrl } from './url'

/** The sandbox of a frame showing `url` from a page at `pageOrigin`. */
export function iframeSandbox(url: URL | null, pageOrigin: string): string {
  const base = 'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox'
  return url !== null && url.origin !== pageOrigin ? `${base} allow-same-origin` : base
}

/**
 * An iframe widget.
 *
 * Properties: `source` (URL), `srcDoc`, `title`.
 * Meta: `message` (the last message the page posted), `messageMetadata` (`{ origin }`).
 * Events: `onURLChanged`, `onSrcDocChanged`, `onMessageReceived`.
 */
export class SmithIframe extends SmithElement {
  static override properties: PropertyDeclarations = {
    source: { type: String },
    srcDoc: { type: String, attribute: 'src-doc' },
    title: { type: String },
  }

  static override metaDefaults: Record<string, unknown> = { message: undefined, messageMetadata: undefined }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 150px;
      }
      iframe {
        display: block;
        width: 100%;
        height: 100%;
        min-height: inherit;
        border: 1px solid var(--smith-border, #e0dede);
        border-radius: var(--smith-radius, 0.375rem);
      }
      .empty {
        margin: 0;
        padding: 1rem;
        color: #555;
      }
    `,
  ]

  /** The page to show; only http(s). */
  declare source: string
  /** HTML to show instead of `source` (wins when both are set, as in Appsmith). */
  declare srcDoc: string
  /** The frame's accessible name. */
  declare title: string

  constructor() {
    super()
    this.source = ''
    this.srcDoc = ''
    this.title = ''
  }

  override connectedCallback(): void {
    super.connectedCallback()
    globalThis.addEventListener?.('message', this.#onMessage)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    globalThis.removeEventListener?.('message', this.#onMessage)
  }

  /** The iframe element, once rendered. */
  get frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe')
  }

  // Only messages from this widget's own frame count; any other window's are not ours.
  #onMessage = (event: MessageEvent): void => {
    const frame = this.frame
    if (frame === null || event.source === null || event.source !== frame.contentWindow) return
    batch(() => {
      this.setMeta('message', event.data)
      this.setMeta('messageMetadata', { origin: event.origin })
    })
    this.trigger('onMessageReceived')
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Appsmith fires these when the property changes after the first render.
    if (changed.has('source') && changed.get('source') !== undefined) this.trigger('onURLChanged')
    if (changed.has('srcDoc') && changed.get('srcDoc') !== undefined) this.trigger('onSrcDocChanged')
  }

  protected override render(): TemplateResult {
    const url = httpUrl(this.source)
    const title = this.title || this.name || 'Embedded page'
    if (this.srcDoc) {
      return html`${this.renderErrors()}<iframe part="frame" title=${title} sandbox=${iframeSandbox(null, '')} .srcdoc=${this.srcDoc}></iframe>`
    }
    if (url === null) {
      const message = this.source ? 'This address cannot be shown: only http and https pages can.' : 'No page to show.'
      return html`${this.renderErrors()}<p class="empty" role=${this.source ? 'alert' : nothing}>${message}</p>`
    }
    return html`${this.renderErrors()}<iframe part="frame" title=${title} sandbox=${iframeSandbox(url, globalThis.location?.origin ?? '')} referrerpolicy="no-referrer" src=${url.href}></iframe>`
  }
}
