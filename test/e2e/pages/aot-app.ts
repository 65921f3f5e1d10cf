/**
 * The app of aot.html: one JS object (compiled ahead of time through `?jsobject`) and
 * the page's bindings. Whether those bindings were compiled ahead of time depends on the
 * entry point: aot-entry.ts imports `smithlet:compiled` first, runtime-entry.ts does not.
 */
import { createApp } from '../../../src/index'
import '../../../widgets/define'
import Calc from './Calc.js?jsobject'

const app = await createApp({ id: 'e2e-aot', jsObjects: { Calc } }, { storage: null, channel: null })
await app.mount(document.body)
document.title = 'mounted'
