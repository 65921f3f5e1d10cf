import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { smithletPlugin } from '../../src/build/esbuild-plugin'
import { sizeOf } from '../../src/build/sizes'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

async function bundle(source: string): Promise<{ text: string; gzip: number }> {
  const result = await build({
    absWorkingDir: ROOT,
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'silent',
    plugins: [smithletPlugin()],
  })
  const file = result.outputFiles[0]!
  return { text: file.text, gzip: sizeOf('entry', file.contents).gzip }
}

describe('the OpenID Connect path is loaded only by apps that use it', () => {
  it('authModule alone carries no OIDC code; oidcModule adds it, within a budget (gzipped)', async () => {
    const [plain, oidc] = await Promise.all([
      bundle("export { authModule } from './modules/auth/index.ts'"),
      bundle("export { oidcModule } from './modules/auth/oidc.ts'"),
    ])
    for (const marker of ['code_challenge', 'openid-configuration', 'authOidcRequest']) {
      expect(plain.text).not.toContain(marker)
      expect(oidc.text).toContain(marker)
    }
    // Measured: about 7.2 KiB more than authModule (jose's JWS verification and JWKS, the
    // client, the Oidc JS object); the budget leaves room, not a blank cheque.
    expect(oidc.gzip - plain.gzip).toBeGreaterThan(2_000)
    expect(oidc.gzip - plain.gzip).toBeLessThan(10 * 1024)
  })
})
