/**
 * Run the demo backend from a shell:
 *
 *   node --import tsx demo/backend/cli.ts --port 8787 --ttl 60 --shape appsmith --format jwt
 *
 * Prints the URL and the demo credentials (never a token), and stops cleanly
 * on SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util'
import { startBackend } from './server'
import { DEMO_USER } from './users'
import type { BackendOptions, TokenFormat, TokenShape } from './types'

const USAGE = `usage: node --import tsx demo/backend/cli.ts [options]
  --port <n>          port on 127.0.0.1 (default 8787; 0 = any free port)
  --ttl <s>           access-token lifetime in seconds (default 60)
  --refresh-ttl <s>   refresh-token lifetime in seconds (default 604800)
  --shape <s>         appsmith | xano | bravo (default appsmith)
  --format <f>        jwt | jwe (default jwt)
  --rows <n>          number of generated rows (default 10000)
  --no-rotate         keep refresh tokens valid across refreshes
  --help              show this text`

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer`)
  return Number(raw)
}

/** Parse argv into backend options; throws with a readable message on bad input. */
function parseCliArgs(argv: string[]): BackendOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      ttl: { type: 'string' },
      'refresh-ttl': { type: 'string' },
      shape: { type: 'string' },
      format: { type: 'string' },
      rows: { type: 'string' },
      'no-rotate': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) return 'help'
  const shape = values.shape ?? 'appsmith'
  if (!['appsmith', 'xano', 'bravo'].includes(shape)) throw new Error('--shape must be appsmith, xano or bravo')
  const format = values.format ?? 'jwt'
  if (!['jwt', 'jwe'].includes(format)) throw new Error('--format must be jwt or jwe')
  return {
    port: integer('port', values.port) ?? 8787,
    accessTokenTtlSeconds: integer('ttl', values.ttl),
    refreshTokenTtlSeconds: integer('refresh-ttl', values['refresh-ttl']),
    rowCount: integer('rows', values.rows),
    shape: shape as TokenShape,
    tokenFormat: format as TokenFormat,
    rotateRefreshTokens: !values['no-rotate'],
  }
}

async function main(): Promise<void> {
  let options: BackendOptions | 'help'
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (options === 'help') {
    console.log(USAGE)
    return
  }
  const backend = await startBackend(options)
  console.log(`smithlet demo backend listening on ${backend.url}`)
  console.log(`  shape=${backend.shape} format=${backend.tokenFormat} ttl=${options.accessTokenTtlSeconds ?? 60}s`)
  console.log(`  demo login: ${DEMO_USER.email} / ${DEMO_USER.password}`)
  const stop = () => {
    backend.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

await main()
