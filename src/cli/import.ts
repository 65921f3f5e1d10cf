/** `smithlet import <source> <dir> [--datasource Name=URL]… [--no-install] [--registry URL] [--id ID]` */
import { parseArgs } from 'node:util'
import { formatReport, importApp, ImportSourceError } from '../import/index'
import { UsageError } from './command'
import type { Command } from './command'

const USAGE = `usage: smithlet import <source> <dir> [options]
  <source>                 an Appsmith export (.json) or a Git-connected app folder
  <dir>                    the smithlet app folder to write (created)
  --datasource Name=URL    the base URL of a datasource (a Git app has none); repeatable
  --no-install             do not install the app's custom JS libraries from npm
  --registry <url>         the npm registry to install them from
  --id <id>                the app id (names its IndexedDB store)`

export const importCommand: Command = {
  summary: 'import an Appsmith export or Git-connected app into an app folder, and report what maps',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { datasource: { type: 'string', multiple: true }, 'no-install': { type: 'boolean' }, registry: { type: 'string' }, id: { type: 'string' } },
    })
    if (positionals.length !== 2) throw new UsageError(`give a source and a folder\n${USAGE}`)
    const datasources: Record<string, string> = {}
    for (const entry of values.datasource ?? []) {
      const at = entry.indexOf('=')
      if (at <= 0) throw new UsageError(`--datasource takes Name=URL, not "${entry}"`)
      const url = entry.slice(at + 1)
      if (!/^https?:\/\//.test(url)) throw new UsageError(`--datasource ${entry.slice(0, at)}: the URL must start with http:// or https://`)
      datasources[entry.slice(0, at)] = url
    }
    if (values.registry !== undefined && !/^https?:\/\//.test(values.registry)) throw new UsageError('--registry: the URL must start with http:// or https://')
    try {
      const report = await importApp(positionals[0]!, positionals[1]!, { datasources, installLibraries: !values['no-install'], registry: values.registry, id: values.id })
      process.stdout.write(formatReport(report))
      return 0
    } catch (error) {
      // Only an unreadable source fails the command; everything else is in the report.
      if (error instanceof ImportSourceError) throw new UsageError(error.message)
      throw error
    }
  },
}
