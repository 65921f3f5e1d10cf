/** `smithlet dev <dir> [--port N] [--proxy /api=http://127.0.0.1:9000] [--no-watch] [--no-csp]` */
import { parseArgs } from 'node:util'
import { loadAppFolder } from '../build/app-folder'
import { startDevServer } from '../build/dev-server'
import { parseProxySpecs } from '../build/proxy'
import { STRICT_CSP } from '../build/page-shell'
import { UsageError, portOption } from './command'
import type { Command } from './command'

const USAGE = `usage: smithlet dev <dir> [options]
  --port <n>              port on 127.0.0.1 (default 8787; 0 = any free port)
  --proxy /prefix=<url>   forward requests under /prefix to a backend (repeatable), e.g. --proxy /api=http://127.0.0.1:9000
  --no-watch              build once, no live reload
  --no-csp                serve without the strict Content-Security-Policy header`

export const devCommand: Command = {
  summary: 'serve an app folder on 127.0.0.1 with live reload',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        proxy: { type: 'string', multiple: true },
        'no-watch': { type: 'boolean' },
        'no-csp': { type: 'boolean' },
      },
    })
    if (positionals.length !== 1) throw new UsageError(`give one app folder\n${USAGE}`)
    const dir = positionals[0]!
    const port = portOption(values.port, 8787)
    const proxy = parseProxySpecs(values.proxy ?? [])
    const watch = !values['no-watch']
    // A broken folder is reported at once, before anything listens.
    await loadAppFolder(dir)
    const server = await startDevServer({ dir, port, proxy, watch, csp: !values['no-csp'] })
    // Printed only now: the first build has settled, so the page is ready.
    console.log(`smithlet dev: ${server.url}`)
    for (const [prefix, target] of Object.entries(proxy)) console.log(`  ${prefix} → ${target}`)
    console.log(`  ${watch ? `watching ${dir} (the page reloads itself)` : 'not watching'}; ${values['no-csp'] ? 'no CSP header' : `CSP: ${STRICT_CSP}`}`)
    await new Promise<void>((done) => {
      const stop = (): void => void server.close().then(done, done)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  },
}
