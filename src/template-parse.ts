/**
 * The run-time compile of a binding text: parse it (./template.ts), compile each binding
 * (./compile-expression.ts) and find the names it reads, giving the same
 * {@link TemplateCode} the esbuild plugin emits ahead of time. Part of the run-time
 * compiler (./runtime-compiler.ts installs it); the plugin calls it at build time too, so
 * both places agree on a text's segments, names and errors.
 */
import { referencedNames } from './code-names'
import { compileExpression } from './compile-expression'
import { CompileError } from './compiled-code'
import type { TemplateCode, TemplateSegment } from './compiled-code'
import { parseTemplate } from './template'

const NO_NAMES: readonly string[] = []

/** Parses and compiles `text`. Never throws: what cannot parse or compile is a BrokenTemplate. */
export function parseTemplateCode(text: string): TemplateCode {
  const parsed = parseTemplate(text)
  if (!parsed.ok) return { error: `Cannot parse binding: ${parsed.error.message}`, expression: text, codes: [], names: NO_NAMES }
  const codes: string[] = []
  const segments: TemplateSegment[] = []
  let failure: { message: string; expression: string; cause: unknown } | null = null
  for (const segment of parsed.segments) {
    if (segment.kind === 'text') {
      segments.push(segment.text)
      continue
    }
    codes.push(segment.code)
    try {
      segments.push(compileExpression(segment.code))
    } catch (cause) {
      failure ??= { message: cause instanceof CompileError ? cause.message : String(cause), expression: segment.code, cause }
    }
  }
  const names = namesOf(codes)
  if (failure !== null) return { error: failure.message, expression: failure.expression, codes, names, cause: failure.cause }
  // No `dataReferences`: only page load asks, and the template finds them when it does.
  return { segments, codes, names, single: parsed.single }
}

function namesOf(codes: readonly string[]): readonly string[] {
  if (codes.length === 0) return NO_NAMES
  if (codes.length === 1) return referencedNames(codes[0]!)
  return [...new Set(codes.flatMap(referencedNames))]
}
