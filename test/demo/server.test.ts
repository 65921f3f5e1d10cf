/**
 * The demo, composed (demo/server.ts): `smithlet dev demo` with the demo backend behind
 * its proxy, so page and API share one origin on 127.0.0.1, under the strict CSP.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { STRICT_CSP } from '../../src/build/page-shell'
import { startDemoServer } from '../../demo/server'
import type { DemoServer } from '../../demo/server'

const servers: DemoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(options: Parameters<typeof startDemoServer>[0]): Promise<DemoServer> {
  const server = await startDemoServer({ report: () => undefined, ...options })
  servers.push(server)
  return server
}

describe('startDemoServer (demo/server.ts)', () => {
  test('serves the built page and proxies the backend on one loopback URL, with the strict CSP', async () => {
    const server = await start({ ttlSeconds: 5 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.backend.url + '/').not.toBe(server.url)

    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe("script-src 'self'; style-src 'self'; frame-ancestors 'none'")
    const html = await page.text()
    expect(html).toContain('<script type="module" src="/app.js"></script>')
    expect(html).toContain('<link rel="stylesheet" href="/app.css">')
    expect(html).toContain('<title>smithlet · users demo</title>')
    expect(html).not.toContain('__smithlet') // no reload client without watch

    const script = await fetch(new URL('app.js', server.url))
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const js = await script.text()
    expect(js.length).toBeGreaterThan(10_000)
    expect(js).not.toContain('sourceMappingURL') // minified production build
    expect((await fetch(new URL('app.css', server.url))).headers.get('content-type')).toBe('text/css; charset=utf-8')

    // The API answers through the proxy; its token lifetime is the one asked for.
    expect((await fetch(new URL('api/rows', server.url))).status).toBe(401)
    const login = await fetch(new URL('auth/login', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'demo@smithlet.dev', password: 'demo-password' }),
    })
    expect(login.status).toBe(200)
    expect(((await login.json()) as { expires_in: number }).expires_in).toBe(5)
    expect(server.backend.counters['POST /auth/login']).toBe(1)
    expect((await fetch(new URL('nope.js', server.url))).status).toBe(404)
    expect((await fetch(new URL('__smithlet/events', server.url))).status).toBe(404)
  })

  test('csp: false sends no policy; a string sends that one', async () => {
    const open = await start({ csp: false })
    expect((await fetch(open.url)).headers.get('content-security-policy')).toBeNull()
    const custom = await start({ csp: `${STRICT_CSP}; object-src 'none'` })
    expect((await fetch(custom.url)).headers.get('content-security-policy')).toBe("script-src 'self'; style-src 'self'; object-src 'none'")
  })

  test('watch mode adds a reload client, served as a file, and announces builds on an event stream', async () => {
    const server = await start({ watch: true })
    const html = await (await fetch(server.url)).text()
    expect(html).toContain('<script type="module" src="/__smithlet/reload.js"></script>')
    const client = await fetch(new URL('__smithlet/reload.js', server.url))
    expect(client.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await client.text()).toContain("new EventSource(\"/__smithlet/events\")")

    const controller = new AbortController()
    const events = await fetch(new URL('__smithlet/events', server.url), { signal: controller.signal })
    expect(events.headers.get('content-type')).toBe('text/event-stream')
    const reader = events.body!.getReader()
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toMatch(/^event: build\ndata: \S+\n\n/)
    controller.abort()
    await reader.cancel().catch(() => undefined)
  })

  test('close() stops the server; it is idempotent', async () => {
    const server = await start({})
    await Promise.all([server.close(), server.close()])
    await expect(fetch(server.url)).rejects.toThrow()
  })
})
