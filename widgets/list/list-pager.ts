/** `<smith-list>`'s pager (with `pageSize` > 0): previous / next and "Page n of m", announced politely. */
import { html } from 'lit'
import type { TemplateResult } from 'lit'

/** What the pager reads and drives. */
export interface PagedList {
  readonly pageNo: number
  readonly pageCount: number
  setPage(pageNo: number): void
}

/** The pager of a paged list. */
export function listPager(list: PagedList): TemplateResult {
  return html`<nav class="pager" part="pager" aria-label="Pages">
    <button type="button" aria-label="Previous page" ?disabled=${list.pageNo <= 1} @click=${() => list.setPage(list.pageNo - 1)}>‹</button>
    <span aria-live="polite">Page ${list.pageNo} of ${list.pageCount}</span>
    <button type="button" aria-label="Next page" ?disabled=${list.pageNo >= list.pageCount} @click=${() => list.setPage(list.pageNo + 1)}>›</button>
  </nav>`
}
