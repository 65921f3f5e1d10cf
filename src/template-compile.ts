/**
 * Templates as the runtime evaluates them: a binding text's compiled code (its segments,
 * codes and names, see ./compiled-code.ts) behind `evaluate`, which joins the segments by
 * Appsmith's rules (one binding keeps its type, mixed text is a string) and turns a throw
 * into a BindingError value. Mount, list items, queries and `app.evaluate` all get their
 * templates here.
 */
import { diagnose } from './diagnostics'
import { isBrokenTemplate } from './compiled-code'
import type { CompiledFn, Resolver, TemplateCode } from './compiled-code'
import { BindingError, isThenable, stacklessBindingError } from './errors'
import { templateCode } from './precompiled'
import { stringifyForText } from './template-join'

/** A template parsed and compiled once, evaluated many times. */
export interface CompiledTemplate {
  /** The template text as written. */
  readonly text: string
  /** The expression sources it holds, in order (for dependency analysis). */
  readonly codes: readonly string[]
  /**
   * Every name its expressions may read from the scope (what the compiled functions
   * declare), deduplicated: found once per template, not once per widget that uses it.
   */
  readonly names: readonly string[]
  /** Its compiled code: what ./template-parts.ts evaluates segment by segment (queries). */
  readonly code: TemplateCode
  /** True when the template holds at least one binding. */
  readonly dynamic: boolean
  /**
   * Evaluates once. Never throws: a throwing or unparsable binding yields a
   * {@link BindingError}. A single binding keeps its type; mixed text is a string.
   */
  evaluate(resolve: Resolver, thisArg?: unknown): unknown
}

// Bounded like the compiler's own caches: templates passed to `app.evaluate` may be
// built at run time, and each entry holds its compiled functions.
const cache = new Map<string, CompiledTemplate>()
const CACHE_LIMIT = 10_000

/**
 * The compiled template for a text (cached by its text: the same binding is set up once):
 * from what the build compiled ahead of time, else from the run-time compiler if the entry
 * installed one (./precompiled.ts). Nothing here parses.
 */
export function compileTemplate(text: string): CompiledTemplate {
  let compiled = cache.get(text)
  if (compiled === undefined) {
    compiled = evaluator(text, templateCode(text))
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(text, compiled)
  }
  return compiled
}

/** The evaluator of a template's compiled code: joins its segments by Appsmith's rules. */
function evaluator(text: string, code: TemplateCode): CompiledTemplate {
  const { codes, names } = code
  if (isBrokenTemplate(code)) {
    const error = new BindingError(code.error, code.expression, undefined, undefined, code.cause === undefined ? undefined : { cause: code.cause })
    return { text, codes, names, code, dynamic: true, evaluate: () => error }
  }
  const parts = code.segments
  if (codes.length === 0) return { text, codes, names, code, dynamic: false, evaluate: () => text }
  if (code.single) {
    const fn = parts.find((p) => typeof p === 'function') as CompiledFn
    const source = codes[0]!
    return {
      text,
      codes,
      names,
      code,
      dynamic: true,
      evaluate(resolve, thisArg) {
        try {
          return checkValue(fn.call(thisArg, resolve), source)
        } catch (cause) {
          return toBindingError(cause, source)
        }
      },
    }
  }
  return {
    text,
    codes,
    names,
    code,
    dynamic: true,
    evaluate(resolve, thisArg) {
      let out = ''
      let index = 0
      for (const part of parts) {
        if (typeof part === 'string') {
          out += part
          continue
        }
        const code = codes[index++]!
        try {
          out += stringifyForText(checkValue(part.call(thisArg, resolve), code))
        } catch (cause) {
          return toBindingError(cause, code)
        }
      }
      return out
    },
  }
}

/** A binding's value, refused when it is a Promise (a trigger bound as data). */
export function checkValue(value: unknown, code: string): unknown {
  if (isThenable(value)) {
    // A data binding is synchronous; a Promise here means a trigger was bound as data
    // (`{{ Api.run() }}`). Swallow its outcome and say what to write instead.
    Promise.resolve(value).catch(() => undefined)
    if (typeof __SMITHLET_DEV__ !== 'boolean' || __SMITHLET_DEV__) diagnose('promise-binding', `{{ ${code.trim()} }} returned a Promise; bind to its result (Api.data, JSObject.fn.data) and run the action from an event or page load`)
    throw new BindingError(
      'A binding returned a Promise: bind to the result (for example Api.data or JSObject.fn.data) and run the action from an event or page load',
      code,
    )
  }
  return value
}

/** What a binding threw, as the BindingError value evaluation yields. */
export function toBindingError(cause: unknown, code: string): BindingError {
  if (cause instanceof BindingError) return cause
  const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : `Uncaught ${String(cause)}`
  return stacklessBindingError(message, code, undefined, undefined, cause)
}

/**
 * Returns a copy of `error` that says where it is bound, with no stack of its own (see
 * stacklessBindingError): when 10,000 bindings fail at once, capturing, copying or
 * formatting stacks was most of the cost. The error the code threw is still its `cause`.
 */
export function locateError(error: BindingError, entity: string, property: string): BindingError {
  return stacklessBindingError(error.message, error.expression, entity, property, error.cause)
}
