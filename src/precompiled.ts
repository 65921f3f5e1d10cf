/**
 * Where the runtime gets compiled code: first what the build compiled ahead of time
 * (seeded by the esbuild plugin's `smithlet:compiled` module), then the run-time compiler
 * if the entry point installed one (src/runtime-compiler.ts; the plain `smithlet` entry
 * does, for hand-written hosts that mount plain HTML or pass JS objects as source text).
 *
 * The runtime imports this file, never the compiler: a build whose every binding was
 * compiled ahead of time (the generated entry of `smithlet build`) ships neither the
 * scanner nor `new Function`. Without a compiler, text the build did not see is an error
 * that says so, on the widget or action that needed it.
 */
import { CompileError } from './compiled-code'
import type { CompiledFn, DataReference, JSObjectFactory, TemplateCode, TriggerFn } from './compiled-code'

/** The run-time compiler, as src/runtime-compiler.ts installs it. */
export interface RuntimeCompiler {
  /** Parses and compiles a binding text. Never throws: a broken text is a BrokenTemplate. */
  template(text: string): TemplateCode
  /** Compiles a trigger snippet. Throws CompileError. */
  trigger(snippet: string): TriggerFn
  /** Compiles a JS object's `export default { … }` source. Throws CompileError. */
  jsObject(source: string, name: string): JSObjectFactory
  /** The `X.data` reads of some code (a JS function's source), for page-load ordering. */
  dataReferences(code: string): DataReference[]
}

let compiler: RuntimeCompiler | null = null

/** Installs the run-time compiler (src/runtime-compiler.ts does, when imported). */
export function installCompiler(runtimeCompiler: RuntimeCompiler): void {
  compiler = runtimeCompiler
}

// What the build compiled, by the exact text the runtime looks up. Never evicted: under a
// strict CSP a seeded function that fell out could not be compiled again.
const seededExpressions = new Map<string, CompiledFn>()
const seededTriggers = new Map<string, TriggerFn>()
const seededTemplates = new Map<string, TemplateCode>()
const brokenTriggers = new Map<string, string>()

/** Ahead-of-time compiled code, keyed by the exact text the runtime compiles. */
export interface SeededFunctions {
  /** Binding expressions (the text between `{{ }}` / `<< >>`), each `function ($r) { <expressionSource(code)> }`. */
  readonly expressions?: Readonly<Record<string, CompiledFn>>
  /** Trigger snippets (an `on-…` attribute's whole value), each `function ($r) { <triggerSource(snippet)> }`. */
  readonly triggers?: Readonly<Record<string, TriggerFn>>
  /** Binding texts (an attribute's or a query field's whole value), each with its parse. */
  readonly templates?: Readonly<Record<string, TemplateCode>>
  /** Trigger snippets that do not compile, each with the error running it gives. */
  readonly brokenTriggers?: Readonly<Record<string, string>>
}

/**
 * Seeds the runtime with code compiled ahead of time (the `smithlet:compiled` module of
 * the esbuild plugin calls this), so a built app finds its bindings and triggers without
 * parsing or `new Function` and runs under a CSP without `'unsafe-eval'`. Call it before
 * the app is created; later calls add to the seed.
 */
export function seedCompiled(functions: SeededFunctions): void {
  for (const [code, fn] of Object.entries(functions.expressions ?? {})) seededExpressions.set(code, fn)
  for (const [snippet, fn] of Object.entries(functions.triggers ?? {})) seededTriggers.set(snippet, fn)
  for (const [text, template] of Object.entries(functions.templates ?? {})) seededTemplates.set(text, template)
  for (const [snippet, message] of Object.entries(functions.brokenTriggers ?? {})) brokenTriggers.set(snippet, message)
}

/** The seeded function of a binding expression's code, if the build compiled it. */
export function seededExpression(code: string): CompiledFn | undefined {
  return seededExpressions.get(code)
}

/** The seeded function of a trigger snippet, if the build compiled it. */
export function seededTrigger(snippet: string): TriggerFn | undefined {
  return seededTriggers.get(snippet)
}

const NONE: readonly string[] = []

// Said of text a build without a run-time compiler was not given ahead of time.
const NOT_COMPILED = ' was not compiled ahead of time and this build has no run-time compiler'

/** A binding text as compiled code: the build's, else the run-time compiler's, else an error saying neither has it. */
export function templateCode(text: string): TemplateCode {
  const seeded = seededTemplates.get(text)
  if (seeded !== undefined) return seeded
  // Text with no opener is itself (a query's plain URL): nothing to compile, even here.
  if (typeof text === 'string' && !text.includes('{{') && !text.includes('<<')) return { segments: [text], codes: NONE, names: NONE, single: false }
  if (compiler !== null) return compiler.template(text)
  return { error: `The binding ${JSON.stringify(text)}${NOT_COMPILED}`, expression: String(text), codes: [], names: [] }
}

/** A trigger snippet's function: the build's, else the run-time compiler's. Throws CompileError. */
export function triggerFunction(snippet: string): TriggerFn {
  const seeded = seededTriggers.get(snippet)
  if (seeded !== undefined) return seeded
  if (compiler !== null) return compiler.trigger(snippet)
  const broken = brokenTriggers.get(snippet)
  if (broken !== undefined) throw new CompileError(broken, snippet)
  throw new CompileError(`The trigger ${JSON.stringify(snippet)}${NOT_COMPILED}`, snippet)
}

/** A JS object source's factory, from the run-time compiler. Throws CompileError. */
export function jsObjectFactory(source: string, name: string): JSObjectFactory {
  if (compiler !== null) return compiler.jsObject(source, name)
  throw new CompileError(`JS object ${JSON.stringify(name)}${NOT_COMPILED} (import its file with ?jsobject)`, source, name)
}

/** `X.data` reads of code the build did not describe; none without a run-time compiler. */
export function dataReferencesOf(code: string): readonly DataReference[] {
  return code === '' || compiler === null ? [] : compiler.dataReferences(code)
}
