/**
 * A query's request, built from its definition: the pure half of a query. Fields are
 * compiled once ({@link compileRequest}); each run evaluates them against the scope into
 * a URL and a `RequestInit` ({@link buildRequest}). No state, no I/O: ./query.ts owns
 * the signals, the fetch and the time limit.
 */
import type { Resolver } from './compiled-code'
import { BindingError, QueryError } from './errors'
import type { BodyType, QueryDefinition } from './query'
import { compileTemplate, type CompiledTemplate } from './template-compile'
import { templateParts } from './template-parts'
import { joinScalarText, joinText, smartJsonBody, stringifyForText, type TemplatePart } from './template-join'
import { assertJson } from './smart-json'

/** A query definition with every templated field compiled (and its body's shape checked). */
export interface CompiledRequest {
  readonly name: string
  readonly method: string
  readonly bodyType: BodyType
  readonly smart: boolean
  readonly url: CompiledTemplate
  readonly headers: ReadonlyArray<readonly [string, CompiledTemplate]>
  readonly params: ReadonlyArray<readonly [string, CompiledTemplate]>
  readonly bodyTemplate: CompiledTemplate | undefined
  readonly bodyFields: ReadonlyArray<readonly [string, CompiledTemplate]>
}

/** What evaluating a request needs: the scope and the base for relative URLs. */
export interface RequestContext {
  readonly resolve: Resolver
  readonly baseUrl: string | undefined
}

/** A request that could not be built; the message never quotes the URL or the body. */
export function invalidRequest(name: string, message: string, cause?: unknown): QueryError {
  return new QueryError(`${name}: ${message}`, name, 0, 'invalid_request', undefined, { cause })
}

/** Compiles a definition's fields. Throws a TypeError for a body of the wrong shape. */
export function compileRequest(definition: QueryDefinition): CompiledRequest {
  const { name } = definition
  const method = (definition.method ?? 'GET').toUpperCase()
  const bodyType: BodyType = definition.bodyType ?? (definition.body === undefined ? 'none' : 'json')
  const smart = definition.smartSubstitution !== false
  const url = compileTemplate(definition.url)
  const headers = Object.entries(definition.headers ?? {}).map(([k, v]) => [k, compileTemplate(v)] as const)
  const params = Object.entries(definition.params ?? {}).map(([k, v]) => [k, compileTemplate(v)] as const)
  const body = definition.body
  // A body of the wrong shape would otherwise be dropped silently at run time.
  if (body !== undefined && (bodyType === 'json' || bodyType === 'text') && typeof body !== 'string') {
    throw new TypeError(`query "${name}": a ${bodyType} body is one template string, not a map of fields`)
  }
  if (body !== undefined && (bodyType === 'form' || bodyType === 'multipart') && (body === null || typeof body !== 'object') && typeof body !== 'string') {
    throw new TypeError(`query "${name}": a ${bodyType} body is a map of field templates, or one binding of an object`)
  }
  const bodyTemplate = typeof body === 'string' ? compileTemplate(body) : undefined
  if (bodyTemplate !== undefined && (bodyType === 'form' || bodyType === 'multipart') && !isOneBinding(body as string, bodyTemplate.codes.length)) {
    throw new TypeError(`query "${name}": a ${bodyType} body is a map of field templates, or one binding of an object`)
  }
  const bodyFields = body !== undefined && typeof body === 'object'
    ? Object.entries(body).map(([k, v]) => [k, compileTemplate(v)] as const)
    : []

  return { name, method, bodyType, smart, url, headers, params, bodyTemplate, bodyFields }
}

/**
 * Evaluates the compiled fields with `self` as `this` (`{ params }`): the URL (params
 * appended, credentials refused), the headers, and the body encoded by its type. Throws
 * a QueryError of kind `invalid_request` naming the field that failed.
 */
export function buildRequest(
  request: CompiledRequest,
  context: RequestContext,
  self: { params: Readonly<Record<string, unknown>> },
): { url: URL; init: RequestInit } {
  const { name, method, bodyType, url, headers, params } = request
  const href = text(request, context, 'url', url, self).trim()
  let target: URL
  try {
    target = new URL(href, context.baseUrl)
  } catch (cause) {
    // The URL may carry a token (?authtoken=), so it is not quoted.
    throw invalidRequest(name, 'the url is not a valid URL', cause)
  }
  // fetch refuses such a URL with an error that quotes it whole, query string and all.
  if (target.username !== '' || target.password !== '') {
    throw invalidRequest(name, 'the url holds credentials (user:password@); send them in a header instead')
  }
  for (const [key, template] of params) {
    const value = template.evaluate(context.resolve, self)
    if (value instanceof BindingError) throw invalidRequest(name, `the binding of param "${key}" failed: ${value.message}`, value)
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object') throw invalidRequest(name, `param "${key}" evaluated to an object`)
      target.searchParams.append(key, String(item))
    }
  }
  const headerBag = new Headers()
  for (const [key, template] of headers) {
    const value = template.evaluate(context.resolve, self)
    if (value instanceof BindingError) throw invalidRequest(name, `the binding of header "${key}" failed: ${value.message}`, value)
    if (value === undefined || value === null) continue
    if (typeof value === 'object') throw invalidRequest(name, `header "${key}" evaluated to an object`)
    const headerValue = String(value)
    if (/[\r\n]/.test(headerValue)) throw invalidRequest(name, `header "${key}" contains a line break`)
    try {
      headerBag.set(key, headerValue)
    } catch (cause) {
      throw invalidRequest(name, `header "${key}" is not a valid header`, cause)
    }
  }
  // Plain strings and no empty Headers: fetch re-parses whatever it is given.
  const init: RequestInit = { method, signal: null }
  if (headers.length > 0 || bodyType !== 'none') init.headers = headerBag
  if (bodyType !== 'none' && method !== 'GET' && method !== 'HEAD') {
    init.body = buildBody(request, context, self, headerBag)
  }
  return { url: target, init }
}

function buildBody(r: CompiledRequest, context: RequestContext, self: unknown, headerBag: Headers): BodyInit | undefined {
  const { bodyType, smart, bodyTemplate, bodyFields } = r
  if (bodyType === 'json' || bodyType === 'text') {
    if (bodyTemplate === undefined) return undefined
    let out: string
    if (bodyType === 'json' && smart) {
      out = smartJsonBody(parts(r, context, 'body', bodyTemplate, self))
    } else {
      out = joinText(parts(r, context, 'body', bodyTemplate, self))
    }
    if (bodyType === 'json') {
      if (out.trim() === '') return undefined
      try {
        assertJson(out)
      } catch (cause) {
        throw invalidRequest(r.name, (cause as Error).message, cause)
      }
      if (!headerBag.has('content-type')) headerBag.set('content-type', 'application/json')
    } else if (!headerBag.has('content-type')) headerBag.set('content-type', 'text/plain;charset=UTF-8')
    return out
  }
  const fields: Array<[string, unknown]> = bodyTemplate === undefined
    ? bodyFields.map(([key, template]) => {
      const value = template.evaluate(context.resolve, self)
      if (value instanceof BindingError) throw invalidRequest(r.name, `the binding of body field "${key}" failed: ${value.message}`, value)
      return [key, value]
    })
    : fieldsOf(r, bodyTemplate.evaluate(context.resolve, self))
  if (bodyType === 'form') {
    const form = new URLSearchParams()
    for (const [key, value] of fields) if (value !== undefined) form.append(key, stringifyForText(value))
    return form
  }
  const form = new FormData()
  for (const [key, value] of fields) {
    if (value === undefined) continue
    if (value instanceof Blob) form.append(key, value)
    else form.append(key, stringifyForText(value))
  }
  // fetch sets the multipart boundary itself; a hand-set content-type would lack it.
  headerBag.delete('content-type')
  return form
}

function parts(r: CompiledRequest, context: RequestContext, field: string, template: CompiledTemplate, self: unknown): TemplatePart[] {
  const result = templateParts(template, context.resolve, self)
  if (result instanceof BindingError) throw invalidRequest(r.name, `the ${field} binding failed: ${result.message}`, result)
  return result
}

function text(r: CompiledRequest, context: RequestContext, field: string, template: CompiledTemplate, self: unknown): string {
  const out = joinScalarText(parts(r, context, field, template, self))
  if (out === null) throw invalidRequest(r.name, `the ${field} evaluated to an object; bind a string or number`)
  return out
}

/** A form body written as one binding: its value must be a plain object of fields. */
function fieldsOf(r: CompiledRequest, value: unknown): Array<[string, unknown]> {
  if (value instanceof BindingError) throw invalidRequest(r.name, `the body binding failed: ${value.message}`, value)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest(r.name, `a ${r.bodyType} body binding must evaluate to an object of fields, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`)
  }
  return Object.entries(value)
}

/** True when `text` is exactly one `{{ }}` / `<< >>` binding (whitespace around it allowed). */
function isOneBinding(text: string, codes: number): boolean {
  return codes === 1 && /^\s*(\{\{[\s\S]*\}\}|<<[\s\S]*>>)\s*$/.test(text)
}
