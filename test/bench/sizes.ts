/**
 * Issue 7: gzipped sizes. Each bundle is built with esbuild (bundle, minify, browser,
 * esm, the `?jsobject` compile) and gzipped with node:zlib at level 9.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/build/build-app'
import { createApp } from '../../src/cli/create'
import type { Row } from './report'
import { kb, ratio } from './report'
import { gzippedBundle as bundleSize } from '../support/gzip-bundle'

export async function benchSizes(root: string, log: (message: string) => void): Promise<Row[]> {
  log('sizes: bundling the runtime and the auth module')
  // Everything both entry points export, so nothing is tree-shaken away.
  const runtime = await bundleSize(root, "export * from './src/index'\nexport * from './widgets/index'\n")
  const authOnly = await bundleSize(root, "export * from './modules/auth/index'\n")
  const withOidc = await bundleSize(root, "export * from './modules/auth/oidc'\n")
  // The peers, bundled the same way from their npm packages.
  const alpine = await bundleSize(root, "export { default } from 'alpinejs'\n")
  const petite = await bundleSize(root, "export * from 'petite-vue'\n")
  const lit = await bundleSize(root, "export * from 'lit'\n")
  const rows: Row[] = [
    {
      issue: 7,
      name: 'runtime bundle (src + widgets + lit), gzipped',
      ours: kb(runtime.gzip),
      baseline: `alpinejs ${kb(alpine.gzip)} · petite-vue ${kb(petite.gzip)} · lit alone ${kb(lit.gzip)}`,
      ratio: `${ratio(runtime.gzip, alpine.gzip)} · ${ratio(runtime.gzip, petite.gzip)}`,
      note: `${kb(runtime.raw)} minified; every export of src/index and widgets/index; each bundled alike (esbuild bundle+minify, browser esm; gzip -9, node:zlib); lit is part of ours`,
      data: { runtime, alpine, petite, lit },
    },
    {
      issue: 7,
      name: 'auth module (Main.js + Refresh.js + tokens.ts + queries + jose decode), gzipped',
      ours: kb(authOnly.gzip),
      baseline: '—',
      ratio: '—',
      note: `${kb(authOnly.raw)} minified; on top of the runtime (imports only its types)`,
      data: authOnly,
    },
    {
      issue: 11,
      name: 'auth module + OpenID Connect path (modules/auth/oidc), gzipped',
      ours: kb(withOidc.gzip),
      baseline: kb(authOnly.gzip),
      ratio: `+${kb(withOidc.gzip - authOnly.gzip)}`,
      note: 'only apps that import modules/auth/oidc pay for it (jose JWS verify + JWKS, the client, Oidc.js)',
      data: withOidc,
    },
  ]
  // The starter app (smithlet create), built as smithlet build does, in a temporary folder.
  const dir = await mkdtemp(join(tmpdir(), 'smithlet-bench-size-'))
  try {
    const app = await createApp(join(dir, 'starter'))
    const { files } = await buildApp({ dir: app, outdir: join(dir, 'dist') })
    const shipped = files.filter((f) => /\.(m?js|css)$/.test(f.name))
    const raw = shipped.reduce((n, f) => n + f.bytes, 0)
    const gzip = shipped.reduce((n, f) => n + f.gzip, 0)
    rows.push({
      issue: 7,
      name: "the starter app's build (smithlet create + build: JS + CSS), gzipped",
      ours: kb(gzip),
      baseline: '—',
      ratio: '—',
      note: `${kb(raw)} minified; ${shipped.map((f) => f.name).join(', ')}`,
      data: { raw, gzip, files: shipped.map((f) => f.name) },
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return rows
}
