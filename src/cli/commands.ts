/**
 * The `smithlet` subcommands. Adding one is one import and one entry here (e.g.
 * `import: importCommand` from ./import.ts, built on src/import/).
 */
import { buildCommand } from './build'
import { checkCommand } from './check'
import type { Command } from './command'
import { createCommand } from './create'
import { devCommand } from './dev'
import { importCommand } from './import'

/** Every subcommand by name, in the order `smithlet --help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  create: createCommand,
  dev: devCommand,
  build: buildCommand,
  check: checkCommand,
  import: importCommand,
}
