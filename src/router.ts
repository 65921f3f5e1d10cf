/**
 * URLs of a multi-page app: which page a URL shows, and the URL of a page.
 *
 * A page is at `<base><Page>` (the first page also at `<base>`); `<base><Page>/` and
 * `<base><Page>/index.html` are the same page, because `smithlet build` writes
 * `<Page>/index.html` and static hosts serve it under all three. `base` is the app's
 * root URL, ending in `/` (the folder its script is served from).
 */

/** Maps URLs to page names and back. */
export interface Router {
  /** The app's root URL, ending in `/`. */
  readonly base: string
  /** The page a URL shows; `undefined` when it is under `base` but names no page, `null` when it is not under `base`. */
  pageOf(href: string): string | undefined | null
  /** The page of that exact name, else `undefined`. */
  find(name: string): string | undefined
  /** The URL of a page, with query parameters. */
  urlOf(page: string, params?: Readonly<Record<string, unknown>>): string
}

/** Creates the router of an app whose pages are `pages` (the first is the start page). */
export function createRouter(base: string, pages: readonly string[]): Router {
  // A host's mistake: an app folder has at least one page (src/build/app-folder.ts), so a built app never makes it.
  if ((typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__) && pages.length === 0) throw new Error('a multi-page app needs at least one page')
  const root = new URL(base)
  if (!root.pathname.endsWith('/')) root.pathname += '/'
  const known = new Set(pages)
  return {
    base: root.href,
    pageOf(href) {
      const url = new URL(href, root)
      if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null
      let rest = url.pathname.slice(root.pathname.length)
      if (rest === '' || rest === 'index.html') return pages[0]
      rest = rest.replace(/\/(index\.html)?$/, '')
      let name: string
      try {
        name = decodeURIComponent(rest)
      } catch {
        return undefined
      }
      return known.has(name) ? name : undefined
    },
    find: (name) => (known.has(name) ? name : undefined),
    urlOf(page, params = {}) {
      const url = new URL(encodeURIComponent(page), root)
      for (const [key, value] of Object.entries(params)) {
        url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value))
      }
      return url.href
    },
  }
}
