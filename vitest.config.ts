import { readFile } from 'node:fs/promises'
import { defineConfig, type Plugin } from 'vitest/config'
import { JS_OBJECT_SUFFIX, jsObjectModule, jsObjectName } from './src/build/js-object-module'

/** Tests load `*.js?jsobject` files through the same ahead-of-time compile as the esbuild build. */
function jsObjects(): Plugin {
  return {
    name: 'smithlet-js-objects',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(JS_OBJECT_SUFFIX)) return null
      const path = id.slice(0, -JS_OBJECT_SUFFIX.length)
      return jsObjectModule(await readFile(path, 'utf8'), jsObjectName(path))
    },
  }
}

// Unit and integration tests run in Node; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser tests live in test/e2e and
// run in real Chromium through playwright-core.
export default defineConfig({
  plugins: [jsObjects()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
