/**
 * Multi-page apps: one app (store, modules, app-level JS objects and queries) and
 * one page shown at a time, moved between with the History API.
 *
 * `navigateTo('Users', { q: 'x' })` pushes `<base>Users?q=x`, leaves the current page
 * (its `onPageUnload` actions run, then its widgets' bindings, its entities and the
 * intervals started meanwhile are disposed: `app.unmount()`) and mounts the next one:
 * its HTML into the root, its JS objects and queries into the scope, its page-load
 * actions. Back and forward (popstate) do the same without pushing. `appsmith.URL`
 * follows every change. A URL that names no page shows a plain "page not found" note
 * with a link to the start page. Links (`<a href>`) to a page of the app navigate
 * the same way, without a reload (./page-navigation.ts, an optional part: an app of one
 * page that never calls `navigateTo` does without it, see ./features.ts).
 */
import { createApp } from './app'
import type { App, AppDefinition, AppOptions, PageContent } from './app'
import { describeError } from './errors'
import { feature, features, hostOnly, notInBuild } from './features'
import { signal } from './reactive'
import { createRouter } from './router'
import type { Navigator } from './page-navigation'
import type { Router } from './router'

/** One page of a multi-page app. */
export interface PageDefinition extends PageContent {
  /** The page's name: its URL segment and `navigateTo` target. */
  readonly name: string
  readonly title?: string
  /** The page body's HTML: widgets and their bindings (trusted: it is the app's own source). */
  readonly html: string
  /** Actions (`JSObject.fn`) run when the page is left, before it is disposed. */
  readonly onPageUnload?: readonly string[]
}

/** An app of several pages; the first page is the start page. */
export interface MultiPageDefinition extends AppDefinition {
  readonly title?: string
  readonly pages: readonly PageDefinition[]
}

/** The browser pieces the pages need; each defaults to the page's own. */
export interface PagesOptions extends AppOptions {
  /** The app's root URL (ending in `/`). Default: the folder of the page's URL. */
  readonly base?: string
  /** Where page bodies render. Default: `document.body`. */
  readonly root?: Element
  /** Default: `window` (location, history, popstate, open, scrollTo). */
  readonly window?: Window
}

/** A running multi-page app. */
export interface RunningApp {
  readonly app: App
  readonly router: Router
  /** The page shown now; `undefined` on a URL that names no page. */
  readonly page: string | undefined
  /** `navigateTo` for a page of the app. */
  navigate(page: string, params?: Readonly<Record<string, unknown>>): void
  /** Stops listening to the history and disposes the app. */
  dispose(): void
}

/** Starts a multi-page app and shows the page its URL names. See the file comment. */
export async function startApp(definition: MultiPageDefinition, options: PagesOptions = {}): Promise<RunningApp> {
  const win = options.window ?? window
  const doc = win.document
  const root = options.root ?? doc.body
  const byName = new Map<string, PageDefinition>()
  for (const page of definition.pages ?? []) {
    // A host's mistake: an app folder's pages have distinct names (src/build/app-config.ts), so a built app has none.
    if ((typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__) && byName.has(page.name)) throw new Error(`two pages are named "${page.name}"`)
    byName.set(page.name, page)
  }
  const router = createRouter(options.base ?? new URL('./', win.location.href).href, [...byName.keys()])
  const href = signal(win.location.href)
  const warn = options.warn ?? ((message: string) => console.warn(message))
  let current: PageDefinition | undefined
  let shown: string | undefined

  const pages = [...byName.keys()]
  const navigation = features.navigation
  // Invariant: set once the app exists (its listeners call show), before the first page shows.
  let moves: Navigator | undefined
  const navigate = navigation && ((target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW') => moves!.navigate(target, params, mode))

  const app = await createApp(definition, { baseUrl: router.base, ...options, url: () => href.value, ...(navigate ? { navigate } : {}) })

  function leave(): void {
    if (current === undefined) return
    const unload = current.onPageUnload ?? []
    if (unload.length > 0) feature('pageLoad', 'page-unload actions').unload(unload, app.scope, current.name, warn)
    app.unmount()
    current = undefined
  }

  function show(name: string | undefined): void {
    leave()
    shown = name
    const page = name === undefined ? undefined : byName.get(name)
    if (page === undefined) {
      notFound()
      return
    }
    const template = doc.createElement('template')
    template.innerHTML = page.html
    root.replaceChildren(template.content)
    doc.title = page.title ?? (definition.title ? `${definition.title} · ${page.name}` : page.name)
    current = page
    win.scrollTo?.(0, 0)
    app.mount(root, page).catch((error: unknown) => warn(`smithlet: page ${page.name} failed to mount: ${describeError(error)}`))
  }

  function notFound(): void {
    const first = definition.pages[0]!.name
    const note = doc.createElement('p')
    note.className = 'smithlet-not-found'
    note.append(`Page not found: this app has no page at this address. `)
    const link = doc.createElement('a')
    link.href = router.urlOf(first)
    link.textContent = `Go to ${first}`
    note.append(link)
    root.replaceChildren(note)
    doc.title = 'Page not found'
    warn(`smithlet: no page of this app matches ${new URL(win.location.href).pathname} (pages: ${pages.join(', ')})`)
  }

  // appsmith.URL follows the hash too.
  const onHash = (): void => {
    href.value = win.location.href
  }
  win.addEventListener('hashchange', onHash)
  moves = navigation?.({ win, root, router, href, pages, show, showing: (page) => page === shown && current !== undefined })

  const initial = router.pageOf(win.location.href)
  show(initial ?? undefined)

  return {
    app,
    router,
    get page() {
      return shown
    },
    // The host API a built app's entry never calls is left out of its bundle (src/dev-mode.d.ts).
    navigate: typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? (page, params = {}) => {
      if (router.find(page) === undefined) throw new Error(`navigateTo: this app has no page "${page}" (pages: ${pages.join(', ')})`)
      if (moves === undefined) throw notInBuild('navigation between pages')
      moves.navigate(page, { ...params }, 'SAME_WINDOW')
    } : hostOnly,
    dispose: typeof __SMITHLET_HOST_API__ !== 'boolean' || __SMITHLET_HOST_API__ ? () => {
      moves?.dispose()
      win.removeEventListener('hashchange', onHash)
      app.dispose()
    } : hostOnly,
  }
}
