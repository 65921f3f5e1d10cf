/**
 * CSV writing (RFC 4180) and the browser download of a CSV file.
 *
 * Exported tables are opened in spreadsheets, which run any cell starting with `=`, `+`,
 * `-` or `@` as a formula (CSV/formula injection). Text cells starting with one of those —
 * or with a tab or carriage return, which some spreadsheets strip before parsing — get a
 * leading `'` so they stay text. Numbers are written as numbers: `-5` is data, not a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/** Prefixes `'` to text a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One CSV field: formula-neutralised (text only), then quoted when RFC 4180 requires it. */
export function csvField(value: unknown): string {
  let text: string
  if (value === null || value === undefined) text = ''
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') text = String(value)
  else text = neutraliseFormula(typeof value === 'string' ? value : String(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * A CSV document: a header line, then one line per row, CRLF-separated as RFC 4180 says.
 * Header labels are text and neutralised like any text cell.
 */
export function toCSV(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvField).join(',')]
  for (const row of rows) lines.push(row.map(csvField).join(','))
  return lines.join('\r\n')
}

/**
 * Saves `csv` as a file through a Blob, an object URL and a temporary `<a download>`.
 * The URL is revoked once the click has been dispatched; the revoke waits a task because
 * some browsers start reading the Blob after the click handler returns.
 *
 * @param parent where the temporary link is attached (it must be in a document to be clicked)
 */
export function downloadCSV(csv: string, filename: string, parent: ParentNode & Node): void {
  const doc = parent.ownerDocument ?? document
  // A byte-order mark makes Excel read the file as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = doc.createElement('a')
  a.href = url
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`
  a.hidden = true
  parent.appendChild(a)
  try {
    a.click()
  } finally {
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}
