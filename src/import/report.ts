/** The import report as the CLI prints it: per page, then datasources, libraries and notes. */
import type { ImportReport } from './import-app'

const list = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'
const sum = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((a, b) => a + b, 0)

/** Plain-text report. */
export function formatReport(report: ImportReport): string {
  const lines = [`smithlet import: ${report.app} (${report.format === 'git' ? 'Git-connected folder' : 'export'}) → ${report.dir}`]
  for (const p of report.pages) {
    const w = p.widgets
    lines.push('', `page ${p.page}`)
    lines.push(`  widgets:      ${sum(w.mapped)} mapped (${list(w.mapped)})`)
    lines.push(`  placeholders: ${sum(w.placeholders)}${sum(w.placeholders) > 0 ? ` (${list(w.placeholders)})` : ''}${w.skippedInside > 0 ? `; ${w.skippedInside} widgets inside them left out` : ''}`)
    lines.push(`  bindings:     ${w.bindings} bound properties, ${w.triggers} event triggers`)
    lines.push(`  JS objects:   ${p.jsObjects.length}${p.jsObjects.length > 0 ? ` (${p.jsObjects.join(', ')})` : ''}`)
    const blocked = Object.entries(p.notRunnable)
    lines.push(`  queries:      ${p.queries.length} mapped${blocked.length > 0 ? `; not runnable in a browser: ${blocked.map(([plugin, names]) => `${plugin} ${names.length} (${names.join(', ')})`).join(', ')}` : ''}`)
    lines.push(`  page load:    ${p.pageLoad.length > 0 ? p.pageLoad.join(' → ') : 'none'}${p.onPageUnload.length > 0 ? `; on unload: ${p.onPageUnload.join(', ')}` : ''}`)
  }
  if (report.datasources.length > 0) {
    lines.push('', 'datasources')
    for (const d of report.datasources) lines.push(`  ${d.key}: ${d.url}${d.fromSource ? '' : ' (not from the source)'}`)
  }
  if (report.libraries.length > 0) {
    lines.push('', 'custom JS libraries')
    for (const l of report.libraries) lines.push(`  ${l.name}${l.version ? `@${l.version}` : ''}: ${l.note}`)
  }
  if (report.notes.length > 0) {
    lines.push('', 'notes')
    for (const n of report.notes) lines.push(`  ${n}`)
  }
  return lines.join('\n') + '\n'
}
