/**
 * Defined as `false` by `smithlet build` (esbuild `define`), undefined everywhere else:
 * the guard of every dev-only check (see src/diagnostics.ts).
 */
declare const __SMITHLET_DEV__: boolean | undefined
