/**
 * `appsmith.URL`: the page's address, parsed, read reactively (a multi-page app's router
 * gives a URL that follows the history). An optional part (./features.ts): the build
 * installs it for apps whose code may read it (src/build/app-features.ts).
 */
import type { AppOptions } from './app-types'
import { computed, type ReadonlySignal } from './reactive'

/** `appsmith.URL` from the `url` option (default: the page's address), as a computed value. */
export function appUrl(url: AppOptions['url']): ReadonlySignal<Readonly<Record<string, unknown>>> {
  const read = typeof url === 'function' ? url : () => url ?? (typeof location === 'undefined' ? 'http://localhost/' : location.href)
  return computed(() => urlInfo(read()))
}

/** `appsmith.URL` for an address. */
function urlInfo(href: string): Readonly<Record<string, unknown>> {
  const url = new URL(href)
  return Object.freeze({
    fullPath: url.href,
    host: url.host,
    hostname: url.hostname,
    port: url.port,
    protocol: url.protocol,
    pathname: url.pathname,
    hash: url.hash,
    queryParams: Object.freeze(Object.fromEntries(url.searchParams)),
  })
}
