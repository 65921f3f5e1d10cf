/**
 * `navigateTo` to a URL in the browser: the default of `AppOptions.navigate`, and what a
 * multi-page app's router (src/router.ts) does for a target that is not one of its pages.
 */
export function navigateBrowser(target: string, params: Record<string, unknown>, mode: 'SAME_WINDOW' | 'NEW_WINDOW'): void {
  if (typeof location === 'undefined') throw new Error('navigateTo needs a browser page')
  const url = new URL(target, location.href)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value))
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('navigateTo: only http(s) URLs and page names')
  if (mode === 'NEW_WINDOW') window.open(url.href, '_blank', 'noopener')
  else location.assign(url.href)
}

/**
 * Whether a `navigateTo` target that is not a page is a URL: one with a scheme or a path
 * (`https://…`, `/x`, `./x`, `?q`, `#h`), or a host name (`example.com/x`, taken over
 * https as Appsmith does). A bare word is not: it names a page that does not exist.
 */
export function isUrlTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || /^[/.?#]/.test(target) || isHostTarget(target)
}

/** `example.com/x`: a host name without a scheme. */
export function isHostTarget(target: string): boolean {
  return /^[\w-]+(\.[\w-]+)+(?:[/:?#]|$)/.test(target)
}
