import { defineConfig } from 'vitest/config'

// Unit and integration tests run in Node; DOM tests opt into happy-dom with a
// `// @vitest-environment happy-dom` comment. Browser tests live in test/e2e and
// run in real Chromium through playwright-core (see test/e2e/README.md).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
