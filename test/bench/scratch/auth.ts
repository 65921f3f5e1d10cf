import { auth, authApp, backend, countingStorage, CREDENTIALS } from '../../helpers/auth-harness'
import { createLockManager } from '../../helpers/locks'
const b = await backend({ accessTokenTtlSeconds: 3600 })
const app = await authApp(b, { credentials: CREDENTIALS }, { storage: countingStorage(), locks: createLockManager() })
const A = auth(app) as any
await A.getAccessToken()
const appsmith = app.scope.appsmith as any
const N = 200000
const time = async (name: string, f: () => unknown, isAsync = false) => {
  for (let i = 0; i < 20000; i++) isAsync ? await f() : f()
  const t = performance.now()
  for (let i = 0; i < N; i++) isAsync ? await f() : f()
  console.log(name.padEnd(40), ((performance.now() - t) / N * 1e6).toFixed(0), 'ns')
}
await time('await getAccessToken()', () => A.getAccessToken(), true)
await time('await read', async () => appsmith.store.authAccessToken, true)
await time('verifyAccessTokenExpired()', () => A.verifyAccessTokenExpired())
await time('marginMs()', () => A.marginMs())
await time('store read authAccessToken', () => appsmith.store.authAccessToken)
await time('A.checkedToken (variable)', () => A.checkedToken)
await time('A.ticking', () => A.ticking)
await time('Date.now() via scope', () => (app.scope.Date as any).now())
app.dispose(); await b.close()
process.exit(0)
