/** The one results table: rows, plain-text rendering for the terminal, and markdown for the README. */

/** One figure: ours against the baseline measured in the same run. */
export interface Row {
  /** Which issue the figure answers (2–7). */
  readonly issue: number
  readonly name: string
  /** Our figure, as printed (unit included), or a skip reason. */
  readonly ours: string
  readonly baseline: string
  /** ours / baseline as printed ("0.12×"), or "—" when there is no baseline. */
  readonly ratio: string
  readonly note: string
  /** The raw numbers behind the printed figures, for results.json. */
  readonly data?: Readonly<Record<string, unknown>>
}

/** Formats a ratio of two numbers; "—" when either is missing. */
export function ratio(ours: number | undefined, baseline: number | undefined): string {
  if (ours === undefined || baseline === undefined || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '—'
  const r = ours / baseline
  if (r === 0) return '0×'
  if (r < 0.0001) return `${r.toExponential(1)}×`
  if (r < 0.1) return `${r.toFixed(4).replace(/0+$/, '')}×`
  return `${r.toFixed(2)}×`
}

/** A ratio with its range over rounds: "1.12× (1.05–1.20)". */
export function ratioRange(stats: { median: number; min: number; max: number }): string {
  const f = (r: number): string => (r >= 10 ? r.toFixed(1) : r.toFixed(2))
  if (!Number.isFinite(stats.median)) return '—'
  return `${f(stats.median)}× (${f(stats.min)}–${f(stats.max)})`
}

/** A duration in ms, printed with a unit that keeps 3 significant figures. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`
  if (ms >= 0.001) return `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : ms >= 0.01 ? 1 : 2)} µs`
  return `${(ms * 1e6).toFixed(0)} ns`
}

/** A byte count in KB (1 KB = 1,024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

/** An integer with thousands separators. */
export function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—'
}

const HEADERS = ['#', 'figure', 'smithlet', 'baseline', 'ratio', 'note'] as const

function cells(row: Row): string[] {
  return [String(row.issue), row.name, row.ours, row.baseline, row.ratio, row.note]
}

/** The table as aligned plain text (notes are not padded: they are the last column). */
export function textTable(rows: readonly Row[]): string {
  const all = [HEADERS as readonly string[], ...rows.map(cells)]
  const widths = HEADERS.map((_, i) => (i === HEADERS.length - 1 ? 0 : Math.max(...all.map((r) => [...r[i]!].length))))
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()
  const rule = widths.map((w, i) => '─'.repeat(i === widths.length - 1 ? 20 : w)).join('  ')
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n')
}

/** The table as GitHub markdown, ready to paste into the README. */
export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|')
  const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((h) => (h === '#' ? '--:' : '---')).join('|')}|`]
  for (const row of rows) out.push(`| ${cells(row).map(esc).join(' | ')} |`)
  return out.join('\n')
}
