import { createServer } from 'node:http'
import { createApp, memoryStorage } from '../../../src/index'
const BODY = JSON.stringify({ ok: true, id: 42 })
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) }); res.end(BODY) }) })
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${(server.address() as any).port}/ping`
const app = await createApp({ id: 'q', queries: [{ name: 'Q', url }] }, { storage: memoryStorage(), channel: null })
const Q = app.scope.Q as any
for (let i = 0; i < 5000; i++) await Q.run()
app.dispose(); server.closeAllConnections(); server.close()
