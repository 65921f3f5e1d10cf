/**
 * `smithlet dev` (src/build/dev-server.ts) on a starter app folder: every page's URL,
 * public/ files, the proxy to a backend on 127.0.0.1, the URL ready when the server
 * resolves, and live reload only when the output changed.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startDevServer } from '../../src/build/dev-server'
import type { DevServer } from '../../src/build/dev-server'
import { HEADER_CSP } from '../../src/build/page-shell'
import { parseProxySpecs } from '../../src/build/proxy'
import { createApp } from '../../src/cli/create'

let tmp: string
let dir: string
const servers: DevServer[] = []
beforeAll(async () => {
  await mkdir(join(process.cwd(), '.cache'), { recursive: true })
  tmp = await mkdtemp(join(process.cwd(), '.cache', 'dev-server-'))
  dir = await createApp(join(tmp, 'app'))
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

async function start(options: Omit<Parameters<typeof startDevServer>[0], 'dir'> = {}): Promise<DevServer> {
  const server = await startDevServer({ dir, report: () => undefined, ...options })
  servers.push(server)
  return server
}

describe('startDevServer', () => {
  test('serves every page at /<Page>, /<Page>/ and /<Page>/index.html, the assets and public/, under the strict CSP', async () => {
    const server = await start()
    for (const path of ['', 'Home', 'Home/', 'Home/index.html', 'About', 'About/index.html']) {
      const res = await fetch(new URL(path, server.url))
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-security-policy')).toBe(HEADER_CSP)
      const html = await res.text()
      expect(html).toContain('<script type="module" src="/app.js"></script>')
      expect(html).toContain(path.startsWith('About') ? '<title>app · About</title>' : '<title>app · Home</title>')
    }
    expect((await fetch(new URL('app.js', server.url))).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const data = await fetch(new URL('data.json', server.url))
    expect(data.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(((await data.json()) as { items: unknown[] }).items).toHaveLength(3)
    expect((await fetch(new URL('Nope', server.url))).status).toBe(404)
    expect((await fetch(new URL('../../etc/passwd', server.url))).status).toBe(404)
  })

  test('--proxy forwards a prefix to the backend, path, query, method and body kept', async () => {
    const seen: string[] = []
    const backend = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c))
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`)
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-From': 'backend' }).end('{"ok":true}')
      })
    })
    await new Promise<void>((done) => backend.listen(0, '127.0.0.1', done))
    try {
      const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`
      const server = await start({ proxy: parseProxySpecs([`/api=${target}`]) })
      const res = await fetch(new URL('api/rows?page=2', server.url), { method: 'POST', body: 'hello' })
      expect(res.status).toBe(201)
      expect(res.headers.get('x-from')).toBe('backend')
      expect(await res.json()).toEqual({ ok: true })
      expect(seen).toEqual(['POST /api/rows?page=2 hello'])
      expect((await fetch(new URL('apix', server.url))).status).toBe(404) // not under the prefix
    } finally {
      backend.closeAllConnections()
      await new Promise<void>((done) => backend.close(() => done()))
    }
    // A backend that is gone is a 502 that says so.
    const server = await start({ proxy: { '/api': 'http://127.0.0.1:1' } })
    const res = await fetch(new URL('api/x', server.url))
    expect(res.status).toBe(502)
    expect(await res.text()).toMatch(/does not answer/)
  })

  test('parseProxySpecs refuses what is not /prefix=url', () => {
    expect(parseProxySpecs(['/api=http://127.0.0.1:9000', '/auth=http://127.0.0.1:9001'])).toEqual({ '/api': 'http://127.0.0.1:9000', '/auth': 'http://127.0.0.1:9001' })
    expect(() => parseProxySpecs(['api=http://x'])).toThrow(/--proxy \/prefix=/)
    expect(() => parseProxySpecs(['/api'])).toThrow(/--proxy \/prefix=/)
  })

  test('watch: one build id until the output changes; an edit announces a new one', async () => {
    const server = await start({ watch: true })
    const controller = new AbortController()
    const events = await fetch(new URL('__smithlet/events', server.url), { signal: controller.signal })
    const reader = events.body!.getReader()
    const decoder = new TextDecoder()
    const nextId = async (): Promise<string> => {
      const { value } = await reader.read()
      return /data: (\S+)/.exec(decoder.decode(value))![1]!
    }
    const first = await nextId()
    // A rebuild with the same output (touching a file without changing it) announces nothing new.
    const settled = server.nextBuild()
    await writeFile(join(dir, 'js/Counter.js'), `export default {\n  count: 0,\n\n  increment() {\n    this.count++;\n    return this.count;\n  },\n};\n`)
    await settled
    const changed = server.nextBuild()
    await writeFile(join(dir, 'js/Counter.js'), 'export default { count: 5, increment() { this.count++ } }\n')
    await changed
    const second = await nextId()
    expect(second).not.toBe(first)
    controller.abort()
    await reader.cancel().catch(() => undefined)
  })

  test('watch: a first build that fails shows its errors on the page, then the app once it builds', async () => {
    const broken = await createApp(join(tmp, 'broken'))
    await writeFile(join(broken, 'js/Oops.js'), 'export default { f() { return 1 +; } }\n')
    const server = await startDevServer({ dir: broken, watch: true, report: () => undefined })
    servers.push(server)
    const failed = await fetch(server.url)
    expect(failed.status).toBe(500)
    const text = await failed.text()
    expect(text).toContain('Oops')
    expect(text).toContain('/__smithlet/reload.js') // it reloads itself once fixed
    const fixed = server.nextBuild()
    await writeFile(join(broken, 'js/Oops.js'), 'export default { f() { return 1 } }\n')
    await fixed
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<script type="module" src="/app.js"></script>')
  })
})
