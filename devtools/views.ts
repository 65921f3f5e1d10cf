/**
 * The panel's tab bodies, as pure template functions of what the panel computed: no
 * state here, so each view reads as what it shows.
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { BindingError } from '../src/errors'
import type { BindingRecord, PageLoadRecord } from '../src/inspect'
import type { DependencyRow } from './dependencies'
import type { EntityGroup } from './entities'
import { containsSecret, type SecretRules } from './mask'
import type { QueryLogEntry } from './session'
import { pathKey, type TreeNode } from './tree'

/** Callbacks of the Entities view. */
export interface TreeHandlers {
  readonly search: string
  readonly expanded: ReadonlySet<string>
  onSearch(text: string): void
  onToggle(path: readonly string[]): void
  onCopy(path: readonly string[]): void
  onExplain(name: string): void
}

/** The Entities tab: search box, then the groups with their rows. */
export function renderTree(groups: readonly EntityGroup[], rows: readonly TreeNode[], on: TreeHandlers): TemplateResult {
  const groupOf = new Map<string, string>()
  for (const group of groups) for (const name of group.names) groupOf.set(name, group.label)
  let lastGroup = ''
  const searching = on.search.trim() !== ''
  return html`<input type="search" aria-label="Search entities by name or path" placeholder="Search: Table1.selectedRow"
      .value=${on.search} @input=${(e: Event) => on.onSearch((e.target as HTMLInputElement).value)} />
    <ul role="tree" aria-label="Entities">
      ${rows.map((row) => {
        const group = row.depth === 0 && !searching ? groupOf.get(row.key) ?? '' : ''
        const heading = group !== '' && group !== lastGroup ? ((lastGroup = group), html`<li class="group" role="presentation">${group}</li>`) : nothing
        const open = on.expanded.has(pathKey(row.path))
        const label = searching ? row.path.join('.') : row.key
        return html`${heading}<li role="treeitem" aria-level=${row.depth + 1} aria-expanded=${row.expandable ? String(open) : nothing}
            class="row indent-${Math.min(row.depth, 7)}" data-path=${row.path.join('.')}>
          ${row.expandable && !searching
            ? html`<button class="toggle" aria-label="${open ? 'Collapse' : 'Expand'} ${row.path.join('.')}" @click=${() => on.onToggle(row.path)}>${open ? '▾' : '▸'}</button>`
            : html`<span class="toggle"></span>`}
          <button class="key" title="Copy {{ ${row.path.join('.')} }}" aria-label="Copy the path ${row.path.join('.')} as a binding"
            @click=${() => on.onCopy(row.path)}>${label}</button>
          <span class="value t-${row.type}">${row.preview}</span>
          ${row.depth === 0 ? html`<button class="note" aria-label="What reads ${row.key}" @click=${() => on.onExplain(row.key)}>readers</button>` : nothing}
        </li>`
      })}
    </ul>`
}

/**
 * The Errors tab: one row per binding error, with its source location, and one per failed
 * action (event, page-load action, query run) with the code it ran and its technical message.
 */
export function renderErrors(
  errors: readonly BindingError[],
  bindings: ReadonlyMap<string, BindingRecord>,
  on: { onPick(key: string): void; onExplain(key: string): void },
): TemplateResult {
  if (errors.length === 0) return html`<p class="note">No errors.</p>`
  return html`<table aria-label="Errors">
    <thead><tr><th>where</th><th>widget</th><th>binding</th><th>message</th><th></th></tr></thead>
    <tbody>
      ${errors.map((error) => {
        const key = `${error.entity ?? ''}.${error.property ?? ''}`
        const action = error.kind === 'action'
        const record = action ? undefined : bindings.get(key)
        // An action's row highlights the widget that fired it (an event's), when it has bindings.
        const pick = action ? [...bindings.values()].find((b) => b.widget === error.entity)?.key ?? key : key
        return html`<tr class="error-row ${action ? 'action-row' : ''}" tabindex="0" data-key=${key} @click=${() => on.onPick(pick)}
            @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), on.onPick(pick))}>
          <td class="location">${action ? 'failed action' : record?.location ?? '(unknown location)'}</td>
          <td>${key}</td>
          <td><code>${record?.template ?? error.expression}</code></td>
          <td class="t-error">${error.message}</td>
          <td>${action ? nothing : html`<button class="note" @click=${(e: Event) => (e.stopPropagation(), on.onExplain(key))}>dependencies</button>`}</td>
        </tr>`
      })}
    </tbody>
  </table>`
}

/** The Queries tab: the run log, newest first; each body collapsible. */
export function renderQueries(entries: readonly QueryLogEntry[], rules: SecretRules | null): TemplateResult {
  if (entries.length === 0) return html`<p class="note">No query has run yet.</p>`
  return html`<table aria-label="Query runs">
    <thead><tr><th>query</th><th>request</th><th>status</th><th>time</th><th>size</th><th>started by</th></tr></thead>
    <tbody>
      ${[...entries].reverse().map((entry) => {
        const outcome = entry.outcome
        const status = outcome === undefined ? 'running…' : outcome.status === null ? (outcome.error ?? 'failed') : String(outcome.status)
        return html`<tr class="query-row" data-query=${entry.name}>
          <td>${entry.name}</td>
          <td><code>${entry.method} ${entry.path}</code></td>
          <td class=${outcome?.ok ? 'status-ok' : outcome ? 'status-bad' : ''}>${status}</td>
          <td>${outcome ? `${Math.round(outcome.durationMs)} ms` : ''}</td>
          <td>${outcome?.size == null ? '' : formatBytes(outcome.size)}</td>
          <td>${entry.cause}</td>
        </tr>
        ${outcome && outcome.body !== undefined
          ? html`<tr><td colspan="6"><details><summary>response body</summary><pre>${maskedJson(outcome.body, rules)}</pre></details></td></tr>`
          : nothing}`
      })}
    </tbody>
  </table>`
}

/** The Dependencies tab: pick a binding; see what it read, or what reads an entity. */
export function renderBody(
  selected: string,
  dependencies: readonly DependencyRow[],
  readers: readonly string[],
  bindings: ReadonlyMap<string, BindingRecord>,
  on: { onSelect(key: string): void },
): TemplateResult {
  const record = bindings.get(selected)
  return html`<label>Binding or entity:
      <input type="search" list="smith-devtools-bindings" aria-label="A binding (Widget.property) or an entity name" .value=${selected}
        @change=${(e: Event) => on.onSelect((e.target as HTMLInputElement).value.trim())} />
    </label>
    <datalist id="smith-devtools-bindings">${[...bindings.keys()].map((k) => html`<option value=${k}></option>`)}</datalist>
    ${record
      ? html`<p><code>${record.template}</code> <span class="note">${record.location ?? ''}</span></p>
          <p class="note">Read on its last evaluation:</p>
          <ul class="dependencies">
            ${dependencies.map((d) => html`<li class="row"><span class="key">${d.name}</span><span class="value">${d.preview}</span>
              ${d.via.length ? html`<span class="note">← ${d.via.join(', ')}</span>` : nothing}</li>`)}
          </ul>`
      : selected
        ? html`<p class="note">Bindings that read ${selected}:</p>
            <ul class="readers">${readers.length ? readers.map((k) => html`<li><button class="key" @click=${() => on.onSelect(k)}>${k}</button></li>`) : html`<li class="note">none</li>`}</ul>`
        : html`<p class="note">Pick a binding to see what it read, or an entity to see what reads it.</p>`}`
}

/** The Page load tab: each action with its level, start, duration and outcome. */
export function renderPageLoad(records: readonly PageLoadRecord[]): TemplateResult {
  if (records.length === 0) return html`<p class="note">No page-load action has run.</p>`
  const start = Math.min(...records.map((r) => r.startedAt))
  return html`<table aria-label="Page-load actions">
    <thead><tr><th>level</th><th>action</th><th>start</th><th>duration</th><th>outcome</th></tr></thead>
    <tbody>
      ${[...records].sort((a, b) => a.level - b.level || a.startedAt - b.startedAt).map((r) => html`<tr class="page-load-row">
        <td>${r.level}</td><td>${r.id}</td><td>+${Math.round(r.startedAt - start)} ms</td><td>${Math.round(r.durationMs)} ms</td>
        <td class=${r.outcome === 'ok' ? 'status-ok' : 'status-bad'}>${r.outcome === 'ok' ? 'ok' : `error: ${r.error ?? ''}`}</td>
      </tr>`)}
    </tbody>
  </table>`
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`
}

/** Keys whose values are credentials wherever they appear in a body. */
const CREDENTIAL_KEY = /token|authorization|cookie|secret|password/i

/** A body as indented JSON with secrets and credential-named fields masked (length only). */
export function maskedJson(value: unknown, rules: SecretRules | null): string {
  try {
    const text = JSON.stringify(
      value,
      (key: string, v: unknown) => {
        if (key === '' || v === null || v === undefined) return v
        if (typeof v === 'string' && (CREDENTIAL_KEY.test(key) || (rules !== null && containsSecret(v, rules)))) {
          return `•••••• (masked, ${v.length} characters)`
        }
        return v
      },
      2,
    )
    return text ?? String(value)
  } catch {
    return '(not JSON-serialisable)'
  }
}
