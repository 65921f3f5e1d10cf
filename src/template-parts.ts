/**
 * What queries ask of a compiled template (./template-compile.ts) beyond its value: each
 * segment evaluated on its own, for fields that join values by their own rules (a URL
 * refuses objects; a JSON body substitutes by position), and the `X.data` paths its
 * expressions read, for page-load ordering. Here, not on the template, so that an app
 * without queries carries none of it.
 */
import { isBrokenTemplate } from './compiled-code'
import type { DataReference, Resolver } from './compiled-code'
import type { BindingError } from './errors'
import { dataReferencesOf } from './precompiled'
import { checkValue, toBindingError, type CompiledTemplate } from './template-compile'
import type { TemplatePart } from './template-join'

const NO_REFERENCES: readonly DataReference[] = []

/** Evaluates each segment of `template` on its own. Never throws: a failing binding yields its BindingError. */
export function templateParts(template: CompiledTemplate, resolve: Resolver, thisArg?: unknown): TemplatePart[] | BindingError {
  const { code } = template
  if (isBrokenTemplate(code)) return template.evaluate(resolve) as BindingError
  const out: TemplatePart[] = []
  let index = 0
  for (const part of code.segments) {
    if (typeof part === 'string') {
      out.push({ expr: false, value: part })
      continue
    }
    const source = code.codes[index++]!
    try {
      out.push({ expr: true, value: checkValue(part.call(thisArg, resolve), source) })
    } catch (cause) {
      return toBindingError(cause, source)
    }
  }
  return out
}

/** References found from a template's codes (no build emitted them), kept with its compiled code. */
const found = new WeakMap<object, readonly DataReference[]>()

/**
 * The `X.data` / `X.fn.data` paths `template`'s expressions read: what the build emitted,
 * else found from its codes once (templates the run-time compiler made; page load asks on
 * every page shown).
 */
export function templateDataReferences(template: CompiledTemplate): readonly DataReference[] {
  const { code } = template
  const emitted = isBrokenTemplate(code) ? undefined : code.dataReferences
  if (emitted !== undefined) return emitted
  if (code.codes.length === 0) return NO_REFERENCES
  let references = found.get(code)
  if (references === undefined) found.set(code, (references = dataReferencesOf(code.codes.join(';\n'))))
  return references
}
