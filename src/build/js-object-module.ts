import { readFile } from 'node:fs/promises'
import { functionText, PRELUDE } from '../checked-code'
import { compileJSObject, jsObjectSource } from '../compile'
import { jsObjectDataReferences } from './js-object-references'

/** The import suffix that marks a JS object file: `import Main from './Main.js?jsobject'`. */
export const JS_OBJECT_SUFFIX = '?jsobject'

/**
 * The ES module text for a JS object file, compiled ahead of time: the same body
 * the runtime would build with `new Function`, emitted as a real function, so the
 * bundle needs no `'unsafe-eval'`; and each property's `X.data` reads, so page load
 * orders the object's functions without scanning their source (which a minifier may
 * have renamed). Throws the compiler's error naming the object (and, for a syntax error
 * the engine finds, the property and its line), as the runtime would.
 */
export function jsObjectModule(source: string, name: string): string {
  const body = jsObjectSource(source, name)
  try {
    // Build time only: a syntax error is named here, not as esbuild's bare parse error in a generated module.
    new Function('$r', body)
  } catch (error) {
    if (error instanceof SyntaxError) compileJSObject(source, name)
    throw error
  }
  const references = jsObjectDataReferences(source, name)
  return `${PRELUDE}\nexport default { name: ${JSON.stringify(name)}, dataReferences: ${JSON.stringify(references)}, factory: ${functionText(body)} };\n`
}

/**
 * {@link jsObjectModule} for a file on disk, named after the file. `path` may carry the
 * `?jsobject` suffix: the esbuild plugin, the vitest config and the benchmark all load
 * JS object files through this one function.
 */
export async function jsObjectModuleFromFile(path: string): Promise<string> {
  const file = path.endsWith(JS_OBJECT_SUFFIX) ? path.slice(0, -JS_OBJECT_SUFFIX.length) : path
  return jsObjectModule(await readFile(file, 'utf8'), jsObjectName(file))
}

/** The JS object's name from its file path: `demo/js/PageHooks.js` → `PageHooks`. */
export function jsObjectName(path: string): string {
  const file = path.replace(/\?.*$/, '').split(/[\\/]/).pop() ?? 'JSObject'
  return file.replace(/\.[^.]+$/, '')
}
