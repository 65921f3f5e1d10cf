/**
 * The executables as a user runs them: `smithlet dev <dir>` prints its URL only once the
 * first build has settled (so the page it names is ready at once), and stops on
 * SIGTERM; `npm start`'s script (demo/start.ts) serves the demo with its backend behind
 * the proxy.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../src/cli/create'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
let tmp: string
const children: ChildProcess[] = []
beforeAll(async () => {
  await mkdir(join(ROOT, '.cache'), { recursive: true })
  tmp = await mkdtemp(join(ROOT, '.cache', 'executables-'))
})
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** Starts a TypeScript entry with tsx; resolves with the first URL it prints. */
function startScript(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  return new Promise((done, fail) => {
    let out = ''
    let err = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)
      if (url) done({ child, url: url[0] })
    })
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk))
    child.on('exit', (code) => fail(new Error(`${script} exited ${code} before printing a URL:\n${out}\n${err}`)))
  })
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.on('exit', (code) => done(code))))
}

describe('the executables', () => {
  test('smithlet dev: the printed URL serves the built app at once; SIGTERM stops it with 0', async () => {
    const dir = await createApp(join(tmp, 'app'))
    const { child, url } = await startScript('src/cli/main.ts', ['dev', dir, '--port', '0', '--proxy', '/api=http://127.0.0.1:9'])
    const [page, script] = await Promise.all([fetch(url), fetch(new URL('app.js', url))])
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/__smithlet/reload.js')
    expect(script.status).toBe(200)
    expect((await script.text()).length).toBeGreaterThan(10_000)
    expect((await fetch(new URL('api/x', url))).status).toBe(502) // the proxy is on, its backend is not
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
  })

  test('npm start (demo/start.ts): the demo page and its backend on one origin', async () => {
    const { child, url } = await startScript('demo/start.ts', ['--port', '0', '--no-watch'])
    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(new URL('api/rows', url))).status).toBe(401) // the backend, through the proxy
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
  })
})
