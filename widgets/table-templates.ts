/**
 * The table's Lit templates: the grid's shell (a real `<table role="grid">` with a sticky
 * header and two spacer rows) and the pagination footer. The body rows between the
 * spacers are table-rows.ts's.
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import { live } from 'lit/directives/live.js'
import type { SortOrder } from './table-model'
import type { TableHost } from './table-host'
import type { GridKeyboard } from './table-keyboard'
import type { TableQuery } from './table-query'
import { PAGE_SIZE_OPTIONS } from './table-query'
import type { TableWindow } from './table-window'

/** The table's controllers and its grid click listener, as the templates use them. */
export interface TableParts {
  readonly query: TableQuery
  readonly window: TableWindow
  readonly keyboard: GridKeyboard
  /** The grid's `click` listener: a header sorts, a body row is selected. */
  readonly onGridClick: (e: MouseEvent) => void
}

/**
 * The grid: header, the spacer rows, the empty state and the loading overlay.
 *
 * The `<tbody>` holds only the spacers, on one line and without parts (no Lit markers
 * between them): TableRows puts the body rows there and Lit never touches them.
 */
export function renderGrid(host: TableHost, parts: TableParts): TemplateResult {
  const { query, window: rowWindow, keyboard } = parts
  const { columns } = query.model
  const count = query.pageRowCount
  const { start, end, first } = rowWindow.current
  // The header holds the tab stop when the active row is -1 (or the page is empty).
  const headerTab = keyboard.tabRow(start, end, first) === -1
  const tabCol = keyboard.active.col
  const sort = host.getMeta<SortOrder>('sortOrder')
  const colspan = Math.max(1, columns.length)

  // The overlay sits outside the scroller so it covers the viewport, not the top of the content.
  return html`
    <div class="grid-wrap">
      <div class="scroller" part="scroller" @scroll=${rowWindow.onScroll}>
        <table
          role="grid"
          aria-label=${host.name || 'Table'}
          aria-rowcount=${query.ariaRowCount()}
          aria-colcount=${columns.length}
          aria-busy=${host.loading ? 'true' : 'false'}
          @keydown=${keyboard.onKeyDown}
          @focusin=${keyboard.onFocusIn}
          @click=${parts.onGridClick}
        >
          <thead>
            <tr role="row" aria-rowindex="1">
              ${columns.map((c, ci) => {
                const dir = sort?.column === c.key ? sort.order : ''
                return html`<th
                  role="columnheader"
                  scope="col"
                  class=${c.type}
                  data-col=${ci}
                  tabindex=${headerTab && tabCol === ci ? 0 : -1}
                  aria-sort=${dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                >${c.label}<span class="sort-indicator" aria-hidden="true">${dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span></th>`
              })}
            </tr>
          </thead>
          <tbody><tr class="spacer spacer-top" role="presentation" aria-hidden="true"><td colspan=${colspan}></td></tr><tr class="spacer spacer-bottom" role="presentation" aria-hidden="true"><td colspan=${colspan}></td></tr></tbody>
        </table>
        ${count === 0 && !host.loading ? html`<p class="empty" part="empty">No data to display</p>` : nothing}
      </div>
      ${host.loading ? html`<p class="overlay" part="loading" role="status">Loading…</p>` : nothing}
    </div>
  `
}

/** The footer: the row count without paging, else the page size control and page buttons. */
export function renderFooter(host: TableHost, query: TableQuery): TemplateResult {
  const page = query.page
  const pageSize = query.pageSize()
  if (!host.serverSidePagination && pageSize <= 0) {
    const n = query.model.count
    // Plain digits, as Appsmith's footer shows them ("100000 Records"): the first
    // toLocaleString of a page loads ICU's data, ~27 ms in Chromium, on the table's mount.
    return html`<div class="footer" part="footer"><span class="page-info">${n} ${n === 1 ? 'row' : 'rows'}</span></div>`
  }
  const sizes = [...new Set([...PAGE_SIZE_OPTIONS, pageSize])].filter((n) => n > 0).sort((a, b) => a - b)
  const label = page.pageCount === undefined ? `Page ${page.pageNo}` : `Page ${page.pageNo} of ${page.pageCount}`
  return html`
    <nav class="footer" part="footer" aria-label="Pagination">
      <label>
        Rows per page
        <select @change=${query.onPageSize} .value=${live(String(pageSize))}>
          ${sizes.map((n) => html`<option value=${n} ?selected=${n === pageSize}>${n}</option>`)}
        </select>
      </label>
      <button type="button" class="prev" aria-label="Previous page" ?disabled=${page.pageNo <= 1} @click=${() => query.goToPage(page.pageNo - 1)}>‹</button>
      <span class="page-info" aria-live="polite">${label}</span>
      <button type="button" class="next" aria-label="Next page" ?disabled=${!page.hasNext} @click=${() => query.goToPage(page.pageNo + 1)}>›</button>
    </nav>
  `
}
