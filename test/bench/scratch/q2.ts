import { createServer } from 'node:http'
import { createApp, memoryStorage } from '../../../src/index'
const BODY = JSON.stringify({ ok: true, id: 42 })
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) }); res.end(BODY) }) })
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${(server.address() as any).port}/ping`
let fetchTime = 0
const timedFetch: typeof fetch = async (i, init) => { const t = performance.now(); const r = await fetch(i, init); fetchTime += performance.now() - t; return r }
const app = await createApp({ id: 'q', queries: [{ name: 'Q', url }] }, { storage: memoryStorage(), channel: null, fetch: timedFetch })
const Q = app.scope.Q as any
const variants: Record<string, () => Promise<unknown>> = {
  tsig: async () => { const r = await fetch(url, { signal: AbortSignal.timeout(10000) }); return r.json() },
  signal: async () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 10000); try { return (await fetch(url, { signal: c.signal })).json() } finally { clearTimeout(t) } },
  Q: () => Q.run(),
}
const times: Record<string, number[]> = {}
for (let i = 0; i < 1500; i++) for (const [k, f] of Object.entries(variants)) { const t = performance.now(); await f(); if (i >= 200) (times[k] ??= []).push(performance.now() - t) }
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1] }
for (const [k, v] of Object.entries(times)) console.log(k.padEnd(8), (med(v) * 1000).toFixed(0), 'µs')
console.log('Q: time inside fetch (headers arrive) avg', (fetchTime / 1500 * 1000).toFixed(0), 'µs')
app.dispose(); server.closeAllConnections(); server.close()
