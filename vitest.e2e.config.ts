import { defineConfig } from 'vitest/config'

// The browser tests: real Chromium through playwright-core — test/e2e against the built
// demo and the demo backend on 127.0.0.1, test/package against the starter app of the
// packed, installed tarball. One file at a time, so the two-core CI machine
// runs one browser and one build at once; generous timeouts, since a test waits for
// real token lifetimes.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/package/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
