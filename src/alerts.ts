/**
 * `showAlert`'s fan-out: the host's `onAlert` and, while a page is mounted, its toasts.
 * Alerts may carry a key naming the situation they describe, so that the app can close
 * them when it is over (a query that failed and then succeeds).
 */
import type { AlertType } from './globals'

/** `showAlert`'s listeners: the host's `onAlert` and, while a page is mounted, its toasts. */
export function alertFanOut(onAlert: ((message: string, type: AlertType) => void) | undefined): {
  /** `key` names the situation the alert describes (`query:getUsers`), so it can be cleared. */
  send(message: string, type: AlertType, key?: string): void
  /** Closes the alerts of a situation that is over. */
  clear(key: string): void
  /** Adds a listener; returns its removal. */
  add(listener: (message: string, type: AlertType, key?: string) => void): () => void
  /** Adds a clearer; returns its removal. */
  addClearer(clearer: (key: string) => void): () => void
} {
  const listeners = new Set<(message: string, type: AlertType, key?: string) => void>()
  const clearers = new Set<(key: string) => void>()
  if (onAlert) listeners.add(onAlert)
  return {
    send(message, type, key) {
      // Without a key, listeners are called as `showAlert`'s (message, type), nothing more.
      for (const listener of listeners) {
        if (key === undefined) listener(message, type)
        else listener(message, type, key)
      }
    },
    clear(key) {
      for (const clearer of clearers) clearer(key)
    },
    add(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    addClearer(clearer) {
      clearers.add(clearer)
      return () => void clearers.delete(clearer)
    },
  }
}
