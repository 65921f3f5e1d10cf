/**
 * The demo app: the host wires the queries, the JS object and Auth_Module together,
 * then binds the page's widgets and runs the page-load hook.
 */
// First: seeds the compile caches with the page's bindings, compiled ahead of time by
// the esbuild plugin, before anything compiles. The page then needs no 'unsafe-eval'.
import 'smithlet:compiled'
import { authModule } from '../modules/auth/index'
import { createApp, type Query } from '../src/index'
import '../widgets/index'
import PageHooks from './js/PageHooks.js?jsobject'
import queries from './queries.js'

const app = await createApp({
  id: 'users-demo',
  queries,
  jsObjects: { PageHooks },
  modules: {
    Auth_Module: authModule({
      loginUrl: '/auth/login',
      refreshUrl: '/auth/token',
      // A session that ends in any tab (a logout elsewhere, a refused refresh) also drops
      // the rows this tab fetched with it: data does not outlive its session.
      onLoggedOut: () => (app.scope.getusers_API as Query).clear(),
    }),
  },
  pageLoad: ['PageHooks.onPageLoad'],
})
await app.mount(document.body)
