/**
 * How the app-folder tools say what is wrong: an {@link AppFolderError} names the file,
 * where in it (line:column, when there is one) and what to do, printed as
 * `file:line:col: message` by the CLI and `smithlet check`.
 */
import { basename, relative } from 'node:path'
import { lineColumn } from '../scan'

/** A problem with an app folder: the file, where in it, and what is wrong. */
export class AppFolderError extends Error {
  override readonly name = 'AppFolderError'
  constructor(
    message: string,
    /** Absolute path of the file at fault, when there is one. */
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
  }
}

/** `file:line:col: message` (or `file: message`), the form `smithlet check` and the CLI print. */
export function formatAppFolderError(error: AppFolderError, cwd = process.cwd()): string {
  if (error.file === undefined) return error.message
  const where = relative(cwd, error.file) || error.file
  const pos = error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`
  return `${where}${pos}: ${error.message}`
}

/** `text` parsed as JSON; a syntax error is an AppFolderError at its line:column. */
export function parseJsonFile(text: string, file: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /position (\d+)/.exec(message)
    const pos = at ? lineColumn(text, Number(at[1])) : undefined
    throw new AppFolderError(`${basename(file)} is not valid JSON: ${message}`, file, pos?.line, pos?.column)
  }
}

/** `file` relative to `root`, with forward slashes (how messages name a file). */
export function rel(root: string, file: string): string {
  return relative(root, file).split('\\').join('/')
}
