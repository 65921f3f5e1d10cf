/** `smithlet build <dir> [--outdir D] [--no-minify]` */
import { parseArgs } from 'node:util'
import type { Message } from 'esbuild'
import { buildApp } from '../build/build-app'
import { printMessages } from '../build/dev-server'
import { formatSizes } from '../build/sizes'
import { UsageError, shortPath } from './command'
import type { Command } from './command'

const USAGE = `usage: smithlet build <dir> [options]
  --outdir <dir>   where the static site goes (default <dir>/dist; emptied first)
  --no-minify      readable output`

export const buildCommand: Command = {
  summary: 'build an app folder into a static site (strict CSP, everything compiled ahead of time)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { outdir: { type: 'string' }, 'no-minify': { type: 'boolean' } },
    })
    if (positionals.length !== 1) throw new UsageError(`give one app folder\n${USAGE}`)
    let result
    try {
      result = await buildApp({ dir: positionals[0]!, outdir: values.outdir, minify: !values['no-minify'] })
    } catch (error) {
      const errors = (error as { errors?: Message[] }).errors
      if (errors) await printMessages(errors, 'error')
      throw error
    }
    await printMessages(result.warnings, 'warning')
    console.log(`smithlet build: ${shortPath(result.outdir)}\n`)
    console.log(formatSizes(result.files.filter((f) => /\.(js|css)$/.test(f.name))))
    return 0
  },
}
