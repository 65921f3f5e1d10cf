import 'fake-indexeddb/auto'
import { createStore, promisifyRequest, set } from 'idb-keyval'
const s = createStore('x', 'store')
await set('w', 1, s)
for (const n of [1000, 5000, 10000, 20000]) {
  let t = performance.now()
  await s('readwrite', (st) => { for (let i = 0; i < n; i++) st.put({ i, label: 'v' + i }, 'k' + i); return promisifyRequest(st.transaction) })
  const one = performance.now() - t
  t = performance.now()
  let ticks = 0
  const iv = setInterval(() => ticks++, 0)
  for (let i = 0; i < n; i++) await set('k' + i, { i, label: 'v' + i }, s)
  clearInterval(iv)
  console.log(n, 'one tx', one.toFixed(1), 'ms; sequential', (performance.now() - t).toFixed(1), 'ms')
}
