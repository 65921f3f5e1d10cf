import { build } from 'esbuild'
import { jsObjectPlugin } from '../jsobject-plugin'
import { pathToFileURL } from 'node:url'
const entry = process.argv[2]!
const out = '/work/main/node_modules/.cache/scratch-' + Date.now() + '.mjs'
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', plugins: [jsObjectPlugin()], logLevel: 'warning' })
await import(pathToFileURL(out).href)
