/**
 * The text of the `smithlet:compiled` module: every binding text, expression and trigger
 * of an app as real functions, handed to the runtime with `seedCompiled`. The function
 * bodies are exactly what the runtime would pass to `new Function` (`expressionSource` /
 * `triggerSource`), under the PRELUDE the run-time compiler closes each function over
 * (src/checked-code.ts): one compiler, two places it runs. Each binding text also gets its
 * parse (its segments, codes, names and `X.data` reads, see src/compiled-code.ts), so
 * mount and page load look it up instead of parsing; a text that cannot compile gets the
 * error its widget will show, found here once.
 */
import { compileTrigger, dataReferences, expressionSource, triggerSource } from '../compile'
import { functionText, PRELUDE } from '../checked-code'
import { isBrokenTemplate } from '../compiled-code'
import { parseTemplateCode } from '../template-parse'

/** The import specifier of the virtual module: `import 'smithlet:compiled'`. */
export const COMPILED_MODULE_ID = 'smithlet:compiled'

/** What to compile: binding expression codes, trigger snippets and binding texts, as the runtime keys them. */
export interface CompileInput {
  readonly expressions: readonly string[]
  readonly triggers: readonly string[]
  /** Whole binding texts (attribute values, query fields), each seeded with its parse. */
  readonly templates?: readonly string[]
  /** Trigger snippets that do not compile: seeded with their error. */
  readonly brokenTriggers?: readonly string[]
  /**
   * The run-time compiler's module, imported too when the build could not see every text
   * the app will compile (see FoundBindings.complete); omitted, the bundle has none.
   */
  readonly runtimeCompiler?: string
}

export { functionText } from '../checked-code'

/**
 * ES module text that seeds the runtime. `seedModule` is the specifier of
 * src/precompiled.ts as the bundle resolves it (the same module instance the runtime
 * uses). Exports `expressions`, `triggers` and `templates` too, so tests and tools can
 * inspect what was compiled.
 */
export function compiledModuleSource(input: CompileInput, seedModule: string): string {
  let out = `import { seedCompiled } from ${JSON.stringify(seedModule)};\n`
  if (input.runtimeCompiler !== undefined) out += `import ${JSON.stringify(input.runtimeCompiler)};\n`
  const templates = [...new Set(input.templates ?? [])].map((text) => [text, parseTemplateCode(text)] as const)
  const expressions = new Set(input.expressions)
  for (const [, code] of templates) if (!isBrokenTemplate(code)) for (const c of code.codes) expressions.add(c)
  // The names every function below reads besides $r, made once for the module.
  out += `${PRELUDE}\n`
  out += 'export const expressions = {\n'
  // Computed keys: a code text such as "__proto__" must stay an own property.
  for (const code of expressions) out += `  [${JSON.stringify(code)}]: ${functionText(expressionSource(code))},\n`
  out += '};\nexport const triggers = {\n'
  for (const snippet of new Set(input.triggers)) out += `  [${JSON.stringify(snippet)}]: ${functionText(triggerSource(snippet))},\n`
  out += '};\n'
  const extra: string[] = []
  if (templates.length > 0) {
    out += 'export const templates = {\n'
    for (const [text, code] of templates) out += `  [${JSON.stringify(text)}]: ${templateLiteral(code)},\n`
    out += '};\n'
    extra.push('templates')
  }
  const broken = [...new Set(input.brokenTriggers ?? [])]
  if (broken.length > 0) {
    out += 'export const brokenTriggers = {\n'
    for (const snippet of broken) out += `  [${JSON.stringify(snippet)}]: ${JSON.stringify(triggerError(snippet))},\n`
    out += '};\n'
    extra.push('brokenTriggers')
  }
  out += `seedCompiled({ expressions, triggers${extra.map((name) => `, ${name}`).join('')} });\n`
  return out
}

/** A template's parse as an object literal whose bindings are the `expressions` above. */
function templateLiteral(code: ReturnType<typeof parseTemplateCode>): string {
  const codes = JSON.stringify(code.codes)
  const names = JSON.stringify(code.names)
  if (isBrokenTemplate(code)) return `{ error: ${JSON.stringify(code.error)}, expression: ${JSON.stringify(code.expression)}, codes: ${codes}, names: ${names} }`
  let index = 0
  const segments = code.segments.map((s) => (typeof s === 'string' ? JSON.stringify(s) : `expressions[${JSON.stringify(code.codes[index++])}]`))
  const found = code.codes.length === 0 ? [] : dataReferences(code.codes.join(';\n'))
  const references = found.length === 0 ? '' : `, dataReferences: ${JSON.stringify(found)}`
  return `{ segments: [${segments.join(', ')}], codes: ${codes}, names: ${names}, single: ${code.single}${references} }`
}

/** The message the runtime would give for a trigger that does not compile. */
function triggerError(snippet: string): string {
  try {
    compileTrigger(snippet)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return `The trigger ${JSON.stringify(snippet)} could not be compiled ahead of time`
}
