import { jsObjectSource } from '../compile'

/** The import suffix that marks a JS object file: `import Main from './Main.js?jsobject'`. */
export const JS_OBJECT_SUFFIX = '?jsobject'

/**
 * The ES module text for a JS object file, compiled ahead of time: the same body
 * the runtime would build with `new Function`, emitted as a real function, so the
 * bundle needs no `'unsafe-eval'`. Throws the compiler's error naming the object.
 */
export function jsObjectModule(source: string, name: string): string {
  const body = jsObjectSource(source, name)
  return `export default { name: ${JSON.stringify(name)}, factory: function ($r) { ${body}\n} };\n`
}

/** The JS object's name from its file path: `demo/js/PageHooks.js` → `PageHooks`. */
export function jsObjectName(path: string): string {
  const file = path.replace(/\?.*$/, '').split(/[\\/]/).pop() ?? 'JSObject'
  return file.replace(/\.[^.]+$/, '')
}
