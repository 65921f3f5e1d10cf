import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { createServer } from 'node:http'
const r = await build({ entryPoints: ['test/bench/browser/page.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, minify: true, logLevel: 'warning' })
const js = r.outputFiles[0]!.text
console.log('page bundle', js.length)
const server = createServer((req, res) => { if (req.url === '/page.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(js) } else { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><body><script type="module" src="/page.js"></script>') } })
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
const ctx = await chromium.launchPersistentContext('/tmp/chr-scratch-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await ctx.newPage()
page.on('console', (m) => console.log('console:', m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e))
await page.goto(`http://127.0.0.1:${(server.address() as any).port}/`)
await page.waitForFunction(() => document.title === 'ready')
let t = Date.now()
console.log(JSON.stringify(await page.evaluate(() => (window as any).bench.store(10000, 1))), (Date.now() - t) + 'ms wall')
await ctx.close(); server.close()
