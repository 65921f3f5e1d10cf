/**
 * `npm start`: the demo app with its backend (demo/server.ts), rebuilt and reloaded on change.
 *
 * ```sh
 * npm start                          # http://127.0.0.1:8787/
 * npm start -- --ttl 10              # 10-second access tokens: watch a refresh happen
 * npm start -- --port 9000 --no-watch --no-csp
 * npm start -- --oidc --ttl 20       # sign in by redirect at an embedded OpenID Connect issuer
 * ```
 */
import { parseArgs } from 'node:util'
import type { Message } from 'esbuild'
import { printMessages } from '../src/build/dev-server'
import { STRICT_CSP } from '../src/build/page-shell'
import { startDemoServer } from './server'
import type { DemoServer } from './server'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      ttl: { type: 'string', default: '60' },
      watch: { type: 'boolean' }, // the default; accepted for explicit scripts
      'no-watch': { type: 'boolean' },
      'no-csp': { type: 'boolean' },
      oidc: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log('npm start -- [--port 8787] [--ttl <seconds of access, default 60>] [--no-watch] [--no-csp] [--oidc]')
    return
  }
  const port = Number(values.port)
  const ttlSeconds = Number(values.ttl)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number')
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error('--ttl must be a whole number of seconds, at least 1')
  const watch = !values['no-watch']
  const csp = !values['no-csp']
  let server: DemoServer
  try {
    server = await startDemoServer({ port, ttlSeconds, watch, csp, oidc: values.oidc === true })
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (errors) await printMessages(errors, 'error')
    else console.error(`smithlet demo: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
    return
  }
  console.log(`smithlet demo: ${server.url}`)
  if (server.issuer) {
    console.log(`  sign in by redirect at the OpenID Connect issuer ${server.issuer.issuer} (oidc-provider; any name and password)`)
    console.log(`  opaque access tokens last ${ttlSeconds} s; refresh tokens rotate; logout revokes and ends the session there`)
  } else {
    console.log(`  sign in as demo@smithlet.dev / demo-password; each access grant lasts ${ttlSeconds} s`)
  }
  console.log(`  ${watch ? 'watching demo/ for changes (the page reloads itself)' : 'not watching'}; ${csp ? `CSP: ${STRICT_CSP}` : 'no CSP header'}`)
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

await main()
