/**
 * Keeps secrets out of the technical messages the runtime writes itself (the console,
 * `app.errors`). The runtime's own errors never quote a URL or a token; this is for the
 * text of errors it did not write (a JS function's `throw`, a library's message), which
 * may quote a request URL with `?authtoken=…` or a token.
 */

/** Store keys whose values are secrets wherever they appear (the auth module's). */
export const SECRET_STORE_KEYS: readonly string[] = ['authAccessToken', 'authRefreshToken', 'authIdToken']

// A query string or fragment that holds a `key=value`: everything after `?`/`#` goes.
const QUERY_STRING = /[?#][^\s'"`<>]*=[^\s'"`<>]*/g
// A JWT (header.payload[.signature], base64url of `{"…`).
const JWT = /\beyJ[\w-]+\.[\w-]+(?:\.[\w-]*)?/g
// The credential of an Authorization header value.
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi

/** `text` with URL query strings, JWTs, `Bearer …` credentials and each of `secrets` replaced. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
  // Known secrets first: a token quoted in a query string must not survive by halves.
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('•••')
  return out
    .replace(QUERY_STRING, (match) => `${match[0]}…`)
    .replace(JWT, '•••')
    .replace(SCHEME_CREDENTIAL, '$1 •••')
}
