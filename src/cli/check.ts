/** `smithlet check <dir>` (placeholder until the checker lands). */
import type { Command } from './command'
import { loadAppFolder } from '../build/app-folder'
export const checkCommand: Command = {
  summary: 'check every binding, query and JS object of an app folder',
  usage: 'usage: smithlet check <dir>',
  async run(args) {
    await loadAppFolder(args[0] ?? '.')
    console.log(`smithlet check: ${args[0] ?? '.'}: no problems found`)
    return 0
  },
}
