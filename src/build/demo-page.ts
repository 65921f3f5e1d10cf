/**
 * The demo's page: demo/index.html with the built stylesheet and script linked in.
 * Both are files (`<link>`, `<script src>`), never inline, so the page runs under
 * `Content-Security-Policy: script-src 'self'; style-src 'self'`.
 */

/** What the page links to, relative to the page. */
export interface PageAssets {
  /** The bundle, e.g. `main.js`. */
  readonly script: string
  /** The stylesheet, e.g. `styles.css`. */
  readonly stylesheet: string
  /** Extra module scripts, e.g. the dev server's reload client. */
  readonly extraScripts?: readonly string[]
}

/**
 * Inserts the `<link>` and `<script type="module">` tags before `</head>`.
 * Throws when the page has no `</head>`: a page that silently loads no app is worse.
 */
export function renderPage(html: string, assets: PageAssets): string {
  const at = html.search(/<\/head\s*>/i)
  if (at < 0) throw new Error('renderPage: the page has no </head> to put the script and stylesheet before')
  const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  let tags = `  <link rel="stylesheet" href="${attr(assets.stylesheet)}">\n`
  // type=module scripts are deferred: the widgets are parsed before the app mounts them.
  for (const src of [assets.script, ...(assets.extraScripts ?? [])]) tags += `  <script type="module" src="${attr(src)}"></script>\n`
  return html.slice(0, at) + tags + html.slice(at)
}
