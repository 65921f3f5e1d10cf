/**
 * `smithlet <command> [options]`: dispatches to the commands of ./commands.ts; each
 * resolves with its exit code. ./main.ts is the executable that calls it.
 */
import { reportError } from './command'
import { COMMANDS } from './commands'

/** Runs the CLI on `argv` (without node and the script); resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
    console.log('usage: smithlet <command> [options]\n')
    for (const [command, { summary }] of Object.entries(COMMANDS)) console.log(`  ${command.padEnd(width)}  ${summary}`)
    console.log('\nsmithlet <command> --help tells more.')
    return name === undefined ? 1 : 0
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (command === undefined) {
    console.error(`smithlet: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`)
    return 1
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(args)
  } catch (error) {
    reportError(error)
    return 1
  }
}
