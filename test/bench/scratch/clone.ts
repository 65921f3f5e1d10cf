import { chromium } from 'playwright-core'
const ctx = await chromium.launchPersistentContext('/tmp/chr-scratch-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await ctx.newPage()
console.log(await page.evaluate(() => {
  const N = 10000; const out: any = {}
  let t = performance.now(); for (let i = 0; i < N; i++) structuredClone({ i, label: 'value ' + i }); out.cloneObj = (performance.now() - t) / N * 1000
  t = performance.now(); for (let i = 0; i < N; i++) structuredClone(i); out.clonePrim = (performance.now() - t) / N * 1000
  return out
}))
await ctx.close()
