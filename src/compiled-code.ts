/**
 * The shapes of compiled code, shared by the run-time compiler (src/compile.ts and its
 * parts), the code the esbuild plugin emits ahead of time (src/build/compiled-module.ts)
 * and the runtime that calls it. No compiler here: a build in which everything was
 * compiled ahead of time imports this file and not the compiler.
 */

/** Resolves a free name: the app scope first, then `globalThis`. */
export type Resolver = (name: string) => unknown

/** A compiled binding expression; call it with the caller's `this`. */
export type CompiledFn = (this: unknown, $r: Resolver) => unknown

/** A compiled trigger: runs the snippet's statements and resolves with the first one's value. */
export type TriggerFn = (this: unknown, $r: Resolver) => Promise<unknown>

/** A compiled JS object source: returns a fresh object literal each call. */
export type JSObjectFactory = (this: unknown, $r: Resolver) => Record<string, unknown>

/** A `{{ X.data }}`-style reference: `path` is everything before `.data`, `entity` its first name. */
export interface DataReference {
  readonly entity: string
  readonly path: string
}

/** An expression or JS object that cannot be compiled. The message names the problem and what it was in. */
export class CompileError extends Error {
  override readonly name = 'CompileError'
  constructor(
    message: string,
    /** The expression or JS object source as given. */
    readonly source: string,
    /** The JS object's name, for JS object sources. */
    readonly objectName?: string,
    /** 1-based line in `source`, when known. */
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/**
 * What resolvers return for a name that is neither in the scope nor on
 * `globalThis`. Code compiled here turns a read of it into Appsmith's
 * `ReferenceError: X is not defined` (and `typeof X` into "undefined"); a
 * resolver that returns `undefined` instead keeps the old lenient behaviour.
 */
export const MISSING: unique symbol = Symbol.for('smithlet.missing')

/**
 * The symbol under which a compiled JS object carries its name refresher: a
 * non-enumerable function that resolves the object's free names again through
 * the factory's `$r`. Names are first resolved when the factory runs; an
 * entity defined later (a widget registered on mount, a JS object created
 * after this one) is `undefined` until the runtime calls the refresher — so
 * call it before each method call for Appsmith's "sees the live data tree"
 * behaviour. Present only when the object has free names.
 */
export const RESOLVE_NAMES: unique symbol = Symbol.for('smithlet.resolveNames')
/** One piece of a compiled template: literal text, or one binding's compiled function. */
export type TemplateSegment = string | CompiledFn

/**
 * A binding text compiled, carrying its parse as lit-html's compiled templates do: what
 * mount, list items, queries and page load need, so none of them parses or scans. The
 * esbuild plugin emits one for every binding text of an app (`smithlet:compiled`); the
 * run-time compiler (src/template-parse.ts) builds the same from text given at run time.
 * `Name: {{ user.name }}!` is
 * `{ segments: ['Name: ', fn], codes: [' user.name '], names: ['user'], single: false }`.
 */
export interface TemplateSegments {
  /** Literal text and compiled bindings, in order; text without bindings is one string. */
  readonly segments: readonly TemplateSegment[]
  /** Each binding's code as written (between the delimiters, not trimmed), in order. */
  readonly codes: readonly string[]
  /** Names the bindings may read from the scope (what their functions declare), deduplicated. */
  readonly names: readonly string[]
  /**
   * The bindings' `X.data` / `X.fn.data` reads (page-load ordering). The build emits them
   * when there are some; absent, the run-time compiler (if any) reads them from `codes`.
   */
  readonly dataReferences?: readonly DataReference[]
  /** True when the text, trimmed, is exactly one binding: its value keeps its type. */
  readonly single: boolean
}

/** A binding text that cannot be compiled: the error its widget shows, found once. */
export interface BrokenTemplate {
  /** The error's message (a BindingError's). */
  readonly error: string
  /** What it is about: the failing binding's code, or the whole text when it does not parse. */
  readonly expression: string
  /** The bindings that were found, as in {@link TemplateSegments}. */
  readonly codes: readonly string[]
  readonly names: readonly string[]
  /** The compiler's error, when compiled at run time. */
  readonly cause?: unknown
}

/** What a compiler makes of a binding text. */
export type TemplateCode = TemplateSegments | BrokenTemplate

/** True for a {@link BrokenTemplate}. */
export function isBrokenTemplate(template: TemplateCode): template is BrokenTemplate {
  return 'error' in template
}
