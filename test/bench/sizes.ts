/**
 * Issue 7: gzipped sizes. Each bundle is built with esbuild (bundle, minify, browser,
 * esm, the `?jsobject` compile) and gzipped with node:zlib at level 9. Built apps
 * (test/support/feature-apps.ts) are built as `smithlet build` builds them, and carry only
 * the parts of the runtime and the widgets they use: the smallest app (texts only: no Lit),
 * the smallest app with a Lit widget (a text and a button), a small app of four common
 * widgets, and the whole runtime, each beside the peers.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/build/build-app'
import { createApp } from '../../src/cli/create'
import type { Row } from './report'
import { kb, ratio } from './report'
import { gzippedBundle as bundleSize } from '../support/gzip-bundle'
import { BUTTON_APP, MINIMAL_APP, WIDGETS_APP, appFolder } from '../support/feature-apps'

/** JS + CSS of an app folder built as `smithlet build` builds it. */
async function builtAppSize(dir: string): Promise<{ raw: number; gzip: number; files: string[] }> {
  const { files } = await buildApp({ dir, outdir: join(dir, 'dist') })
  const shipped = files.filter((f) => /\.(m?js|css)$/.test(f.name))
  return { raw: shipped.reduce((n, f) => n + f.bytes, 0), gzip: shipped.reduce((n, f) => n + f.gzip, 0), files: shipped.map((f) => f.name) }
}

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
  const peers = `alpinejs ${kb(alpine.gzip)} · petite-vue ${kb(petite.gzip)} · lit alone ${kb(lit.gzip)}`
  const versus = (gzip: number): string => `${ratio(gzip, alpine.gzip)} · ${ratio(gzip, petite.gzip)} · ${ratio(gzip, lit.gzip)}`
  // A built app is minified twice (esbuild, then terser: src/build/minify.ts); its peers are too.
  const [alpineT, petiteT, litT] = await Promise.all(["export { default } from 'alpinejs'\n", "export * from 'petite-vue'\n", "export * from 'lit'\n"].map((entry) => bundleSize(root, entry, { terser: true })))
  const builtPeers = `alpinejs ${kb(alpineT!.gzip)} · petite-vue ${kb(petiteT!.gzip)} · lit alone ${kb(litT!.gzip)} (esbuild + terser, as smithlet build)`
  const versusBuilt = (gzip: number): string => `${ratio(gzip, alpineT!.gzip)} · ${ratio(gzip, petiteT!.gzip)} · ${ratio(gzip, litT!.gzip)}`
  const apps = await mkdtemp(join(tmpdir(), 'smithlet-bench-apps-'))
  let minimal: Awaited<ReturnType<typeof builtAppSize>>
  let button: Awaited<ReturnType<typeof builtAppSize>>
  let widgets: Awaited<ReturnType<typeof builtAppSize>>
  try {
    minimal = await builtAppSize(await appFolder(join(apps, 'minimal'), MINIMAL_APP))
    button = await builtAppSize(await appFolder(join(apps, 'button'), BUTTON_APP))
    widgets = await builtAppSize(await appFolder(join(apps, 'widgets'), WIDGETS_APP))
  } finally {
    await rm(apps, { recursive: true, force: true })
  }
  const rows: Row[] = [
    {
      issue: 14,
      name: 'a minimal built app (one text bound to the store: runtime + smith-text; a text needs no Lit), JS + CSS, gzipped',
      ours: kb(minimal.gzip),
      baseline: builtPeers,
      ratio: versusBuilt(minimal.gzip),
      note: `${kb(minimal.raw)} minified; smithlet build of test/support/feature-apps.ts MINIMAL_APP (${minimal.files.join(', ')}): only the runtime parts its code uses; ratios vs alpinejs · petite-vue · lit`,
      data: minimal,
    },
    {
      issue: 14,
      name: 'the smallest built app with a Lit widget (a text + a button: runtime + widgets + lit), JS + CSS, gzipped',
      ours: kb(button.gzip),
      baseline: builtPeers,
      ratio: versusBuilt(button.gzip),
      note: `${kb(button.raw)} minified; smithlet build of BUTTON_APP (${button.files.join(', ')}); ratios vs alpinejs · petite-vue · lit`,
      data: button,
    },
    {
      issue: 14,
      name: 'a built app with text + input + button + table, JS + CSS, gzipped',
      ours: kb(widgets.gzip),
      baseline: builtPeers,
      ratio: versusBuilt(widgets.gzip),
      note: `${kb(widgets.raw)} minified; smithlet build of WIDGETS_APP (${widgets.files.join(', ')}); ratios vs alpinejs · petite-vue · lit`,
      data: widgets,
    },
    {
      issue: 7,
      name: 'runtime bundle (src + widgets + lit), gzipped',
      ours: kb(runtime.gzip),
      baseline: peers,
      ratio: versus(runtime.gzip),
      note: `${kb(runtime.raw)} minified; the whole runtime: every export of src/index (every optional part, the run-time compiler) and widgets/index; each bundled alike (esbuild bundle+minify, browser esm; gzip -9, node:zlib); lit is part of ours; ratios vs alpinejs · petite-vue · lit`,
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
