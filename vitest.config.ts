import { defineConfig, type Plugin } from 'vitest/config'
import { JS_OBJECT_SUFFIX, jsObjectModuleFromFile } from './src/build/js-object-module'

/** Tests load `*.js?jsobject` files through the same ahead-of-time compile as the esbuild build. */
function jsObjects(): Plugin {
  return {
    name: 'smithlet-js-objects',
    enforce: 'pre',
    load: (id) => (id.endsWith(JS_OBJECT_SUFFIX) ? jsObjectModuleFromFile(id) : null),
  }
}

// Unit and integration tests run in Node; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser tests live in test/e2e and
// run in real Chromium through playwright-core.
export default defineConfig({
  plugins: [jsObjects()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/package/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
