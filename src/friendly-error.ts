/**
 * What a person using the page is told when something fails: plain words, no stack, no
 * query names, nothing technical. The technical form (`ReloadButton.onClick failed:
 * QueryError: …`) goes to the console and devtools; this goes on screen. The words for
 * query and sign-in failures come with the parts that can fail so (./features.ts: queries,
 * modules), so an app without them carries none of them.
 */
import { QueryError } from './errors'
import { features } from './features'

/** A message for people, and the key of the situation it describes (to clear it when it is over). */
export interface FriendlyMessage {
  readonly text: string
  /** `query:<name>` for a query failure: cleared when that query next succeeds. */
  readonly key?: string
}

const AUTH_MESSAGES: Readonly<Record<string, string>> = {
  invalid_credentials: 'Wrong e-mail or password.',
  logged_out: 'You are signed out. Please sign in again.',
  session_ended: 'Your session has ended. Please sign in again.',
  unauthorized: 'You are signed out. Please sign in again.',
  refresh_failed: "Can't reach the sign-in service. Please try again.",
  login_failed: "Can't reach the sign-in service. Please try again.",
  lock_timeout: 'Still signing you in. Please try again in a moment.',
}

/** The plain-words message for `error`. */
export function friendlyMessage(error: unknown): FriendlyMessage {
  for (const words of features.friendly) {
    const message = words(error)
    if (message !== undefined) return message
  }
  return { text: 'Something went wrong. Please try again.' }
}

/** The words for a failed query run (installed with queries). */
export function queryWords(error: unknown): FriendlyMessage | undefined {
  return error instanceof QueryError ? { text: queryText(error), key: `query:${error.query}` } : undefined
}

/** The words for an Auth_Module failure, by its code (installed with modules). */
export function authWords(error: unknown): FriendlyMessage | undefined {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  if (name !== 'AuthError') return undefined
  return { text: (typeof code === 'string' ? AUTH_MESSAGES[code] : undefined) ?? 'Signing in did not work. Please try again.', key: 'auth' }
}

function queryText(error: QueryError): string {
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return "Can't reach the server. Please check your connection and try again."
    case 'timeout':
      return 'The server took too long to answer. Please try again.'
    case 'invalid_response':
      return 'The server sent an answer this page cannot read.'
    case 'invalid_request':
      return 'This page could not send the request.'
    case 'http':
      return httpText(error.statusCode)
  }
}

/** The plain-words message for an HTTP status (also shown on widgets whose query failed). */
export function httpText(status: number): string {
  if (status === 0) return "Can't reach the server. Please check your connection and try again."
  if (status === 401 || status === 403) return 'You are not allowed to do this. Please sign in again.'
  if (status === 404) return 'What this page asked for was not found.'
  if (status === 429) return 'Too many requests. Please wait a moment and try again.'
  if (status >= 500) return 'The server had a problem. Please try again later.'
  return 'The server did not accept the request.'
}
