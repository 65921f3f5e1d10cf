/** `smithlet check <dir>`: every binding, trigger, query template and JS object; exit 1 on errors. */
import { parseArgs } from 'node:util'
import { checkAppFolder } from '../build/check'
import { UsageError, shortPath } from './command'
import type { Command } from './command'

const USAGE = `usage: smithlet check <dir>
  Compiles every binding, trigger, query template and JS object of the app folder and
  reports each parse error and each unknown name as file:line:col: message. Exit code 1
  when there is any.`

export const checkCommand: Command = {
  summary: 'check every binding, query and JS object of an app folder (file:line:col, exit 1 on errors)',
  usage: USAGE,
  async run(args) {
    const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} })
    if (positionals.length !== 1) throw new UsageError(`give one app folder\n${USAGE}`)
    const problems = await checkAppFolder(positionals[0]!)
    for (const p of problems) console.log(`${shortPath(p.file)}:${p.line}:${p.column}: ${p.message}`)
    if (problems.length > 0) {
      console.log(`\nsmithlet check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
      return 1
    }
    console.log(`smithlet check: ${positionals[0]}: no problems found`)
    return 0
  },
}
