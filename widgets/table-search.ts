/**
 * The table's search box as a Lit reactive controller: what the box shows (the draft)
 * becomes meta `searchText` after a pause in typing, or at once on Enter, and fires
 * `onSearchTextChanged`. New results start on page 1, at the top.
 */
import type { ReactiveController } from 'lit'
import { batch } from '../src/reactive'
import type { TableHost } from './table-host'

/** Delay between the last keystroke in the search box and `onSearchTextChanged`, in ms. */
export const SEARCH_DEBOUNCE_MS = 300

/** The search draft and its debounce. */
export class TableSearch implements ReactiveController {
  /** What the search box shows; meta `searchText` follows it after the debounce. */
  draft = ''
  /** The pending debounce, while the user is typing. */
  #timer: ReturnType<typeof setTimeout> | undefined
  readonly #host: TableHost
  /** Scrolls the grid back to its first row. */
  readonly #scrollToTop: () => void

  constructor(host: TableHost, scrollToTop: () => void) {
    this.#host = host
    this.#scrollToTop = scrollToTop
    host.addController(this)
  }

  /** The search box's `input` listener. */
  onInput = (e: Event): void => {
    this.draft = (e.target as HTMLInputElement).value
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.commit(), SEARCH_DEBOUNCE_MS)
  }

  /** The search box's `keydown` listener: Enter searches now instead of waiting out the debounce. */
  onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.isComposing) this.commit()
  }

  /** Makes the draft the search text (when it differs) and fires `onSearchTextChanged`. */
  commit(): void {
    this.#cancel()
    const host = this.#host
    if (this.draft === host.getMeta('searchText')) return
    batch(() => {
      host.setMeta('searchText', this.draft)
      // New results start on page 1 (in server mode the query reads both).
      host.setMeta('pageNo', 1)
    })
    this.#scrollToTop()
    host.trigger('onSearchTextChanged')
  }

  /** Clears the box and drops a pending search (`resetWidget`). */
  reset(): void {
    this.#cancel()
    this.draft = ''
  }

  hostDisconnected(): void {
    // A pending search must not fire into a detached widget (or keep the page alive).
    this.#cancel()
  }

  #cancel(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }
}
