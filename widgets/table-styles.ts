/**
 * The table's stylesheet. Row height comes from `--smith-row-height`, which the windowing
 * controller sets through CSSOM (the strict CSP forbids style attributes).
 */
import { css } from 'lit'

/** `<smith-table>`'s own styles; the element puts them after the shared `baseStyles`. */
export const tableStyles = css`
  :host {
    display: block;
    --smith-table-border: #d1d5db;
    --smith-table-header-bg: #f3f4f6;
    --smith-table-selected-bg: #dbeafe;
    --smith-table-hover-bg: #f9fafb;
    --smith-table-focus: #2563eb;
    border: 1px solid var(--smith-table-border);
    border-radius: 6px;
    overflow: hidden;
    background: #fff;
  }
  .toolbar,
  .footer {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.5rem;
    font-size: 0.875em;
  }
  .toolbar {
    border-bottom: 1px solid var(--smith-table-border);
  }
  .footer {
    justify-content: flex-end;
    border-top: 1px solid var(--smith-table-border);
  }
  .search {
    flex: 0 1 16rem;
    min-width: 6rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid #9ca3af;
    border-radius: 4px;
    font: inherit;
  }
  .spacer-flex {
    flex: 1;
  }
  button,
  select {
    font: inherit;
    padding: 0.25rem 0.6rem;
    border: 1px solid #9ca3af;
    border-radius: 4px;
    background: #fff;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .grid-wrap {
    position: relative;
  }
  .scroller {
    position: relative;
    overflow: auto;
    overscroll-behavior: contain;
    /* Scroll anchoring would shift scrollTop whenever the top spacer changes height,
       fighting the windowing math; the spacers already keep the content in place. */
    overflow-anchor: none;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    /* Fixed layout: column widths must not change as rows scroll in and out. */
    table-layout: fixed;
  }
  tr {
    height: var(--smith-row-height, 36px);
  }
  th,
  td {
    padding: 0 0.6rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    text-align: left;
    border-bottom: 1px solid var(--smith-table-border);
  }
  th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--smith-table-header-bg);
    font-weight: 600;
    cursor: pointer;
    user-select: none;
  }
  .sort-indicator {
    display: inline-block;
    width: 1em;
    margin-left: 0.25em;
    color: #6b7280;
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tbody tr[data-pos] {
    cursor: pointer;
  }
  tbody tr[data-pos]:hover {
    background: var(--smith-table-hover-bg);
  }
  tbody tr[aria-selected='true'] {
    background: var(--smith-table-selected-bg);
  }
  th:focus,
  td:focus {
    outline: 2px solid var(--smith-table-focus);
    outline-offset: -2px;
  }
  .cell-button {
    --c: var(--smith-cell-button-color, var(--smith-primary, #553de9));
    max-width: 100%;
    padding: 0.15rem 0.6rem;
    border: 1px solid var(--c);
    border-radius: var(--smith-radius, 4px);
    background: var(--c);
    color: #fff;
    font: inherit;
    cursor: pointer;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell-button .icon {
    display: block;
  }
  .cell-button.secondary {
    background: transparent;
    color: var(--c);
  }
  .cell-button.tertiary {
    border-color: transparent;
    background: transparent;
    color: var(--c);
  }
  .cell-button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  tr.spacer,
  tr.spacer > td {
    height: 0;
    padding: 0;
    border: 0;
  }
  .empty {
    margin: 0;
    padding: 1.5rem;
    text-align: center;
    color: #6b7280;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    background: rgb(255 255 255 / 0.7);
    z-index: 2;
  }
  .page-info {
    min-width: 6rem;
    text-align: center;
  }
  .error {
    margin: 0.5rem;
  }
`
