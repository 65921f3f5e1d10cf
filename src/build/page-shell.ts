/**
 * The HTML document every page of a built app is served as: the title, the app's
 * stylesheet and script, and an empty body the runtime renders the page into
 * (src/pages.ts). Stylesheet and script are files (`<link>`, `<script src>`), never
 * inline, so the page runs under `Content-Security-Policy: script-src 'self';
 * style-src 'self'`.
 */

import { CUSTOM_WIDGET_FRAME_CSP } from '../../widgets/custom-widget/frame-document'

/** The policy built apps are made for and served with. */
export const STRICT_CSP = "script-src 'self'; style-src 'self'"

/**
 * The policy as an HTTP header: {@link STRICT_CSP} plus `frame-ancestors 'none'` (no site
 * may frame the page: clickjacking). Browsers ignore frame-ancestors in a `<meta>`, and
 * warn about it, so the meta tag carries STRICT_CSP alone.
 */
export const HEADER_CSP = `${STRICT_CSP}; frame-ancestors 'none'`

/**
 * The custom widgets' frame document's policy as an HTTP header: its own policy
 * (widgets/custom-widget/frame-document.ts) plus `frame-ancestors 'self'`, so the app's
 * pages may frame it and no other site can.
 */
export const FRAME_HEADER_CSP = `${CUSTOM_WIDGET_FRAME_CSP}; frame-ancestors 'self'`

/** What the shell links to. */
export interface ShellOptions {
  readonly title: string
  /** Prefix of the asset URLs: `/` (dev server), `./` (the start page), `../` (a `<Page>/index.html`). */
  readonly assets: string
  /** Extra module scripts, e.g. the dev server's reload client. */
  readonly extraScripts?: readonly string[]
  /** A `<meta http-equiv="Content-Security-Policy">` with this policy, for hosts that send no header. */
  readonly cspMeta?: string
}

/** The page document. */
export function pageShell(options: ShellOptions): string {
  const csp = options.cspMeta ? `  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.cspMeta)}">\n` : ''
  // type=module scripts are deferred: the document is parsed before the app starts.
  const scripts = [`${options.assets}app.js`, ...(options.extraScripts ?? [])]
    .map((src) => `  <script type="module" src="${escapeHtml(src)}"></script>\n`)
    .join('')
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n' +
    '  <meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    csp +
    `  <title>${escapeHtml(options.title)}</title>\n` +
    // No favicon request: a host without one would answer 404, and the console would say so.
    '  <link rel="icon" href="data:,">\n' +
    `  <link rel="stylesheet" href="${escapeHtml(options.assets)}app.css">\n` +
    scripts +
    '</head>\n<body></body>\n</html>\n'
  )
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
