/**
 * `<smith-document-viewer>`: Appsmith's DOCUMENT_VIEWER_WIDGET for PDFs and images.
 *
 * ```html
 * <smith-document-viewer name="DocumentViewer1" doc-url="{{Table1.selectedRow.invoiceUrl}}"></smith-document-viewer>
 * ```
 *
 * Only `http(s)` URLs are shown (images also as `data:image/*`, not SVG). An image URL
 * (by its extension) shows as `<img>`; anything else is handed to the browser's PDF viewer
 * through `<object type="application/pdf">`, with a link to open it as the fallback.
 * Office documents, which Appsmith renders with a server-side viewer, get the link only.
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithBaseElement, baseStyles } from './smith-base-element'
import { httpUrl, isDataImage } from './url'

/** What a document URL is shown as. */
export type DocumentKind = 'image' | 'pdf' | 'office' | 'invalid' | 'none'

const IMAGE_EXT = /\.(?:png|jpe?g|gif|webp|avif|bmp|ico)$/i
const OFFICE_EXT = /\.(?:docx?|xlsx?|pptx?|odt|ods|odp|rtf)$/i

/** How the viewer shows a URL. */
export function documentKind(docUrl: unknown): DocumentKind {
  if (typeof docUrl !== 'string' || docUrl.trim() === '') return 'none'
  if (isDataImage(docUrl)) return 'image'
  const url = httpUrl(docUrl)
  if (url === null) return 'invalid'
  if (IMAGE_EXT.test(url.pathname)) return 'image'
  if (OFFICE_EXT.test(url.pathname)) return 'office'
  return 'pdf'
}

/** A document viewer. Properties: `docUrl`. No meta, no events. */
export class SmithDocumentViewer extends SmithBaseElement {
  static override properties: PropertyDeclarations = {
    docUrl: { type: String, attribute: 'doc-url' },
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 200px;
        border: 1px solid var(--smith-border, #e0dede);
        border-radius: var(--smith-radius, 0.375rem);
        overflow: auto;
        font-family: var(--smith-font, inherit);
      }
      img {
        display: block;
        max-width: 100%;
        margin: 0 auto;
      }
      object {
        display: block;
        width: 100%;
        height: 100%;
        min-height: inherit;
      }
      p {
        margin: 0;
        padding: 1rem;
      }
      a {
        color: var(--smith-primary, #553de9);
      }
    `,
  ]

  /** The document's URL. */
  declare docUrl: string

  constructor() {
    super()
    this.docUrl = ''
  }

  protected override render(): TemplateResult {
    const error = this.errorFor('docUrl')
    if (error !== undefined) return this.renderError(error)
    const kind = documentKind(this.docUrl)
    const href = kind === 'image' && isDataImage(this.docUrl) ? this.docUrl.trim() : httpUrl(this.docUrl)?.href ?? ''
    const open = html`<a href=${href} target="_blank" rel="noopener noreferrer">Open the document</a>`
    switch (kind) {
      case 'none':
        return html`<p>No document to show.</p>`
      case 'invalid':
        return html`<p role="alert">This document cannot be shown: only http and https addresses can.</p>`
      case 'image':
        return html`<img part="image" src=${href} alt=${this.name ? `${this.name} document` : 'Document'} />`
      case 'office':
        return html`<p>This document type cannot be previewed here. ${open}</p>`
      default:
        return html`<object part="document" type="application/pdf" data=${href} aria-label="Document"><p>${open}</p></object>`
    }
  }
}
