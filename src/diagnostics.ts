/**
 * Dev-only diagnostics: warnings for the mistakes people make, each with a code and a
 * README anchor (as Lit's `issueWarning` does).
 *
 * Every call site is guarded by the expression
 * `typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__` written out in place: true
 * when nothing defines the flag (tests, `smithlet dev`), and folded to `false` where
 * `smithlet build` defines `__SMITHLET_DEV__` as `false`. It must be the expression, not
 * an imported constant: esbuild folds a define within the module that uses it, before it
 * decides what is used, so the guarded call and this whole module drop out of a
 * production bundle; an imported `DEV_MODE` would fold too late and leave them in.
 */

/** The diagnostics, by code; the README has a section for each (`#promise-binding`, …). */
export const DIAGNOSTICS = {
  'promise-binding': 'A data binding returned a Promise',
  'event-attribute': 'An event attribute without the on- prefix',
  'duplicate-name': 'A widget name used twice',
  'query-in-binding': 'A query run from a data binding',
} as const

export type DiagnosticCode = keyof typeof DIAGNOSTICS

/** Where diagnostics go: the app's `warn` (set by createApp), else the console. */
let sink: (message: string) => void = (message) => console.warn(message)
/** Messages already given, so a binding re-evaluated 1,000 times warns once. */
const given = new Set<string>()
/** Depth of data-binding evaluations now running (dev only). */
let bindingDepth = 0

/** Sends diagnostics to `warn` (the app's warning option). */
export function setDiagnosticSink(warn: (message: string) => void): void {
  sink = warn
}

/** Gives a diagnostic once per distinct message. Call only under `if (DEV_MODE)`. */
export function diagnose(code: DiagnosticCode, message: string): void {
  const text = `smithlet [${code}]: ${message} (README.md#${code})`
  if (given.has(text)) return
  if (given.size > 1_000) given.clear()
  given.add(text)
  sink(text)
}

/** Runs a data binding's evaluation, so queries started inside it can be told apart. */
export function evaluatingBinding<T>(evaluate: () => T): T {
  bindingDepth++
  try {
    return evaluate()
  } finally {
    bindingDepth--
  }
}

/** True while a data binding evaluates. */
export function inDataBinding(): boolean {
  return bindingDepth > 0
}
