/**
 * Builds the package into dist/ (npm's `prepack` runs it, so `npm pack` ships it):
 * every TypeScript file of src/, widgets/ and modules/ as its own ES module (.js,
 * imports rewritten to the .js files beside it, dependencies left as imports) and its
 * declarations (.d.ts, by tsc), in the same tree as the source. The esbuild plugin
 * finds the runtime at the same relative place in dist/ as in the source.
 * JS object files imported with `?jsobject` (modules/auth/Main.js) are compiled ahead
 * of time into `<Name>.jsobject.js`, so the package needs no plugin to be imported.
 * The starter app of `smithlet create` is copied as it is.
 *
 * ```sh
 * npm run build:package
 * ```
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { JS_OBJECT_SUFFIX, jsObjectModuleFromFile } from '../src/build/js-object-module'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
/** Source folders shipped in the package. */
const SOURCES = ['src', 'widgets', 'modules', 'devtools'].filter((d) => existsSync(join(ROOT, d)))
/** Not compiled: copied (the starter) or not shipped. */
const SKIP = [join(ROOT, 'src/cli/starter')]

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (SKIP.includes(path)) continue
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)))
    else if (entry.name.endsWith('.ts')) out.push(path)
  }
  return out
}

/** The .js specifier of a relative import: `./app` → `./app.js`, `./dir` → `./dir/index.js`. */
function jsSpecifier(specifier: string, fromDir: string): string {
  const target = resolve(fromDir, specifier)
  if (existsSync(`${target}.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.ts'))) return `${specifier}/index.js`
  if (specifier.endsWith('.js') && existsSync(target)) return specifier
  throw new Error(`cannot map the import "${specifier}" of ${relative(ROOT, fromDir)} to a file`)
}

/** Keeps every import an import, pointing at the compiled file beside it. */
function externalImports(jsObjects: Set<string>): Plugin {
  return {
    name: 'external-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined
        if (args.path.endsWith(JS_OBJECT_SUFFIX)) {
          const file = resolve(args.resolveDir, args.path.slice(0, -JS_OBJECT_SUFFIX.length))
          jsObjects.add(file)
          return { path: `./${basename(file, '.js')}.jsobject.js`, external: true }
        }
        if (args.path.startsWith('.')) return { path: jsSpecifier(args.path, args.resolveDir), external: true }
        return { path: args.path, external: true }
      })
    },
  }
}

/** Adds `.js` to the relative specifiers of a declaration file. */
function rewriteDeclaration(text: string, fromDir: string): string {
  return text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\2/g, (match, lead: string, quote: string, spec: string) => {
    if (spec.endsWith('.js')) return match
    try {
      return `${lead}${quote}${jsSpecifier(spec, fromDir)}${quote}`
    } catch {
      return match
    }
  })
}

async function declarationFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await declarationFiles(path)))
    else if (entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

async function main(): Promise<void> {
  await rm(DIST, { recursive: true, force: true })
  const files = (await Promise.all(SOURCES.map((d) => sourceFiles(join(ROOT, d))))).flat()
  const code = files.filter((f) => !f.endsWith('.d.ts'))
  const jsObjects = new Set<string>()
  await build({
    absWorkingDir: ROOT,
    entryPoints: code,
    outdir: DIST,
    outbase: ROOT,
    bundle: true, // with every import external: one output per file, imports resolved by the plugin
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
    plugins: [externalImports(jsObjects)],
  })
  for (const file of jsObjects) {
    const out = join(DIST, relative(ROOT, dirname(file)), `${basename(file, '.js')}.jsobject.js`)
    await writeFile(out, await jsObjectModuleFromFile(file))
  }
  // Declarations, by the TypeScript compiler, into the same tree.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.package.json')], { stdio: 'inherit' })
  for (const file of files.filter((f) => f.endsWith('.d.ts'))) {
    await mkdir(dirname(join(DIST, relative(ROOT, file))), { recursive: true })
    await cp(file, join(DIST, relative(ROOT, file)))
  }
  for (const file of await declarationFiles(DIST)) {
    const source = join(ROOT, relative(DIST, dirname(file)))
    await writeFile(file, rewriteDeclaration(await readFile(file, 'utf8'), source))
  }
  await cp(join(ROOT, 'src/cli/starter'), join(DIST, 'src/cli/starter'), { recursive: true })
  await chmod(join(DIST, 'src/cli/main.js'), 0o755)
  console.log(`package built into ${relative(process.cwd(), DIST) || 'dist'}: ${code.length} modules`)
}

await main()
