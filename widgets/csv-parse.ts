/**
 * CSV reading (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a trailing newline)
 * for the file picker's `Array` data type: the first row names the columns, each later
 * row becomes an object, as Appsmith gives it. With `dynamicTyping`, numbers and
 * `true`/`false` become numbers and booleans.
 */

/** The rows of a CSV text as arrays of fields. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text // byte-order mark
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        field += c
      }
    } else if (c === '"' && field === '') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += c
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/

function typed(v: string): unknown {
  if (v === 'true') return true
  if (v === 'false') return false
  return NUMBER.test(v.trim()) ? Number(v) : v
}

/** The records of a CSV text with a header row; blank lines are skipped. */
export function parseCsv(text: string, dynamicTyping = true): Record<string, unknown>[] {
  const [header, ...rows] = parseCsvRows(text).filter((r) => !(r.length === 1 && r[0] === ''))
  if (!header) return []
  return rows.map((r) => {
    const record: Record<string, unknown> = {}
    header.forEach((key, i) => {
      const v = r[i] ?? ''
      record[key] = dynamicTyping ? typed(v) : v
    })
    return record
  })
}
