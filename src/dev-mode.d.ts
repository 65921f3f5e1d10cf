/**
 * Defined as `false` by `smithlet build` (esbuild `define`), undefined everywhere else:
 * the guard of every dev-only check (see src/diagnostics.ts).
 */
declare const __SMITHLET_DEV__: boolean | undefined

/**
 * Defined as `false` by `smithlet build` for an app folder's production build, whose
 * generated entry is the app's only host and calls none of the host API beyond starting
 * the app (app.watch, app.evaluate, app.errors, app.dispose, RunningApp.navigate and
 * dispose), nor makes the mistakes a host's checks catch (a definition without an id,
 * mounting twice, two pages of one name, no page); `true` in a development build (its
 * devtools read the app); undefined everywhere else (a hand-written host has it all).
 * Guarded in place as `__SMITHLET_DEV__` is: a shared constant (`const HOST_API = …`) is
 * inlined by esbuild only after its dead-code pass, so the guarded code would stay.
 */
declare const __SMITHLET_HOST_API__: boolean | undefined
