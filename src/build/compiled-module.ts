/**
 * The text of the `smithlet:compiled` module: every binding expression and
 * trigger of a page as a real function, handed to the runtime's compile caches
 * with `seedCompiled`. The function bodies are exactly what the runtime would
 * pass to `new Function` (`expressionSource` / `triggerSource`): one compiler,
 * two places it runs.
 */
import { expressionSource, triggerSource } from '../compile'

/** The import specifier of the virtual module: `import 'smithlet:compiled'`. */
export const COMPILED_MODULE_ID = 'smithlet:compiled'

/** What to compile: binding expression codes and trigger snippets, as the runtime keys them. */
export interface CompileInput {
  readonly expressions: readonly string[]
  readonly triggers: readonly string[]
}

/** `function ($r) { <body> }`, the shape `new Function('$r', body)` has. */
export function functionText(body: string): string {
  // The newline keeps a trailing `// comment` in the body from swallowing the brace.
  return `function ($r) { ${body}\n}`
}

/**
 * ES module text that seeds the runtime's compile caches. `compileModule` is
 * the specifier of src/compile.ts as the bundle resolves it (the same module
 * instance the runtime uses). Exports `expressions` and `triggers` too, so
 * tests and tools can inspect what was compiled.
 */
export function compiledModuleSource(input: CompileInput, compileModule: string): string {
  let out = `import { seedCompiled } from ${JSON.stringify(compileModule)};\n`
  out += 'export const expressions = {\n'
  // Computed keys: a code text such as "__proto__" must stay an own property.
  for (const code of new Set(input.expressions)) out += `  [${JSON.stringify(code)}]: ${functionText(expressionSource(code))},\n`
  out += '};\nexport const triggers = {\n'
  for (const snippet of new Set(input.triggers)) out += `  [${JSON.stringify(snippet)}]: ${functionText(triggerSource(snippet))},\n`
  out += '};\nseedCompiled({ expressions, triggers });\n'
  return out
}
