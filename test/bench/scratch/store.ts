import 'fake-indexeddb/auto'
import { createApp, memoryStorage } from '../../../src/index'
for (let rep = 0; rep < 4; rep++) {
  for (const kind of ['idb', 'mem']) {
    const app = await createApp({ id: 'x' + rep + kind }, { channel: null, storage: kind === 'mem' ? memoryStorage() : undefined, warn: () => {} })
    const sv = app.scope.storeValue as any
    const ps = []
    let t = performance.now()
    for (let i = 0; i < 10000; i++) ps.push(sv('k' + i, { i, label: 'value ' + i }))
    const sync = performance.now() - t
    await Promise.all(ps)
    console.log(kind, 'sync', sync.toFixed(1), 'total', (performance.now() - t).toFixed(1))
    app.dispose()
  }
}
