/**
 * What a `smithlet` subcommand is, and how the CLI reports failures. Each command
 * lives in its own file and is listed in ./commands.ts.
 */
import { relative } from 'node:path'
import { AppFolderError, formatAppFolderError } from '../build/app-folder'

/** One subcommand: `smithlet <name> …`. */
export interface Command {
  /** One line for `smithlet --help`. */
  readonly summary: string
  /** Its usage text, for `smithlet <name> --help` and wrong arguments. */
  readonly usage: string
  /** Runs with the arguments after the command name; resolves with the exit code. */
  run(args: readonly string[]): Promise<number>
}

/** A failure the user can fix, reported as one plain message (no stack trace). */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Prints an error the way the CLI does: `file:line:col: message` for app folders, plain words otherwise. */
export function reportError(error: unknown): void {
  if (error instanceof AppFolderError) console.error(`smithlet: ${formatAppFolderError(error)}`)
  else if (error instanceof UsageError) console.error(`smithlet: ${error.message}`)
  else if (error instanceof Error && 'errors' in error && Array.isArray((error as { errors: unknown }).errors)) {
    // esbuild's failure: its messages were printed where they happened; say what failed.
    console.error(`smithlet: the build failed (${(error as { errors: unknown[] }).errors.length} error(s) above)`)
  } else console.error(`smithlet: ${error instanceof Error ? error.message : String(error)}`)
}

/** A port number from a flag, or a UsageError. */
export function portOption(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be a port number (0-65535), not "${raw}"`)
  return port
}

/** A path as the user would type it: relative to the working directory when under it, else absolute. */
export function shortPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel
}
