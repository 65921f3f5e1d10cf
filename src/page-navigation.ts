/**
 * Moving between the pages of a multi-page app without a reload (./pages.ts shows them):
 * `navigateTo` pushes the page's URL and shows it, back and forward (popstate) show the
 * page their URL names, and a click on a link (`<a href>`) to a page of the app does
 * what `navigateTo` does. A target that is not a page is a URL (./navigate.ts), or an
 * error naming the pages when it is a bare word. An optional part (./features.ts): an
 * app of one page that never calls `navigateTo` does without it.
 */
import { isHostTarget, isUrlTarget, navigateBrowser } from './navigate'
import type { Signal } from './reactive'
import type { Router } from './router'

/** What navigation needs from the running pages. */
export interface NavigationContext {
  readonly win: Window
  /** Where page bodies render: links in it are followed without a reload. */
  readonly root: Element
  readonly router: Router
  /** The page's URL as `appsmith.URL` reads it. */
  readonly href: Signal<string>
  /** The page names, for errors. */
  readonly pages: readonly string[]
  /** Shows a page (`undefined`: the "page not found" note). */
  show(page: string | undefined): void
  /** Whether `page` is what shows now, mounted. */
  showing(page: string | undefined): boolean
}

/** Navigation for one running app. */
export interface Navigator {
  /** `navigateTo`: a page of the app, else a URL. */
  navigate(target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW'): void
  /** Stops listening to the history and to clicks. */
  dispose(): void
}

/** Creates the navigation of a running app (see the file comment). */
export type Navigation = (context: NavigationContext) => Navigator

/** The navigation ./feature-install.ts installs. */
export const pageNavigation: Navigation = ({ win, root, router, href, pages, show, showing }) => {
  const onHistory = (): void => {
    href.value = win.location.href
    const page = router.pageOf(href.value) ?? undefined
    if (!showing(page)) show(page)
  }
  // Links to a page of the app move without a reload, as navigateTo does.
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return
    const url = new URL(link.href, win.location.href)
    const page = router.pageOf(url.href)
    if (typeof page !== 'string' || url.hash !== '') return
    event.preventDefault()
    win.history.pushState(null, '', url.href)
    onHistory()
  }
  win.addEventListener('popstate', onHistory)
  root.addEventListener('click', onClick as EventListener)
  return {
    navigate(target, params, mode) {
      const page = router.find(target)
      if (page === undefined) {
        // A bare word is a page that does not exist, not a URL.
        if (!isUrlTarget(target)) throw new Error(`navigateTo: this app has no page "${target}" (pages: ${pages.join(', ')})`)
        return navigateBrowser(isHostTarget(target) ? `https://${target}` : target, params, mode)
      }
      const url = router.urlOf(page, params)
      if (mode === 'NEW_WINDOW') {
        win.open(url, '_blank', 'noopener')
        return
      }
      win.history.pushState(null, '', url)
      href.value = win.location.href
      show(page)
    },
    dispose() {
      win.removeEventListener('popstate', onHistory)
      root.removeEventListener('click', onClick as EventListener)
    },
  }
}
