/**
 * The bench's own esbuild plugin for `*.js?jsobject` imports: the file is compiled by
 * `jsObjectModule` (src/build/js-object-module.ts), the same compile step vitest and the
 * demo build use, so the benchmarked Auth_Module is the shipped one.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Plugin } from 'esbuild'
import { JS_OBJECT_SUFFIX, jsObjectModule, jsObjectName } from '../../src/build/js-object-module'

export function jsObjectPlugin(): Plugin {
  return {
    name: 'bench-jsobject',
    setup(build) {
      build.onResolve({ filter: /\.js\?jsobject$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path.slice(0, -JS_OBJECT_SUFFIX.length)),
        namespace: 'bench-jsobject',
      }))
      build.onLoad({ filter: /.*/, namespace: 'bench-jsobject' }, async (args) => ({
        contents: jsObjectModule(await readFile(args.path, 'utf8'), jsObjectName(args.path)),
        loader: 'js',
        resolveDir: resolve(args.path, '..'),
        watchFiles: [args.path],
      }))
    },
  }
}
