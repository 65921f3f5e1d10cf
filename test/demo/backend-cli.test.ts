import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { DEMO_USER } from '../../demo/backend'

// The command runs in a child process, as a user would start it; port 0 avoids clashes.
describe('demo/backend/cli.ts', () => {
  it('prints the URL, serves the API, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/backend/cli.ts', '--port', '0', '--ttl', '30', '--shape', 'bravo', '--format', 'jwe'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let output = ''
      child.stdout.setEncoding('utf8')
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
          if (match) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)))
      })
      const res = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_USER.email, password: DEMO_USER.password }),
      })
      const body = await res.json()
      expect(Object.keys(body).sort()).toEqual(['accessToken', 'refreshToken'])
      expect(body.accessToken.split('.')).toHaveLength(5)
      expect(output).not.toContain(body.accessToken.slice(0, 6))
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      expect((await exited)[0]).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('rejects a bad option with usage and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/backend/cli.ts', '--format', 'xml'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(stderr).toContain('--format must be jwt or jwe')
    expect(stderr).toContain('usage:')
  })
})
