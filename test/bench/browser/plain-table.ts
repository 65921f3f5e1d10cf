/**
 * The baseline for the table benchmark: a plain Lit element that renders every row of a
 * real `<table>` — what a table widget without windowing does.
 */
import { LitElement, css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'

export class PlainTable extends LitElement {
  static override properties: PropertyDeclarations = { rows: { attribute: false } }

  static override styles = css`
    :host {
      display: block;
      border: 1px solid #d1d5db;
    }
    .scroller {
      height: 600px;
      overflow: auto;
    }
    table {
      width: 100%;
      border-collapse: separate;
      border-spacing: 0;
      table-layout: fixed;
    }
    tr {
      height: 36px;
    }
    th,
    td {
      padding: 0 0.6rem;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      text-align: left;
      border-bottom: 1px solid #d1d5db;
    }
    th {
      position: sticky;
      top: 0;
      background: #f3f4f6;
    }
  `

  declare rows: ReadonlyArray<Record<string, unknown>>

  constructor() {
    super()
    this.rows = []
  }

  protected override render(): TemplateResult {
    const columns = this.rows.length > 0 ? Object.keys(this.rows[0]!) : []
    return html`<div class="scroller">
      <table>
        <thead>
          <tr>
            ${columns.map((c) => html`<th>${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.rows.map((row) => html`<tr>${columns.map((c) => html`<td>${String(row[c])}</td>`)}</tr>`)}
        </tbody>
      </table>
    </div>`
  }
}
