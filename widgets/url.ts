/**
 * URL checks shared by the widgets that load or link to something: only `http(s)` URLs
 * (and, for images, `data:image/*`) are ever put into a `src`, `href` or `data`.
 */

/** The URL as an absolute `http:`/`https:` URL, or null for anything else (`javascript:`, `data:`, junk). */
export function httpUrl(value: unknown, base: string = globalThis.document?.baseURI ?? 'http://localhost/'): URL | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    const url = new URL(value.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/** True for a `data:image/…` URL other than SVG (which may carry script). */
export function isDataImage(value: string): boolean {
  return /^data:image\/(?!svg)[a-z0-9.+-]+[;,]/i.test(value.trim())
}
