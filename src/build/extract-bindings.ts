/**
 * Finds the code a page will compile at run time, so the esbuild plugin can
 * compile it ahead of time: binding expressions and trigger snippets from the
 * `smith-*` elements of a page, and binding expressions from the string
 * literals of query files.
 *
 * Build-time only (Node): it parses HTML with parse5 (./html.ts) and reads literals with
 * the runtime's own scanner. Each function returns what it found plus the
 * problems (a binding that cannot compile), which the plugin reports as
 * warnings: as at run time, a broken binding is an error on its widget, not a
 * page that fails to build.
 */
import { runInNewContext } from 'node:vm'
import { transform } from 'esbuild'
import { expressionSource, triggerSource } from '../compile'
import { lineColumn, scan } from '../scan'
import { hasBinding, parseTemplate } from '../template'
import { widgetElements } from './html'

/** Code found in one file, deduplicated, in first-seen order. */
export interface FoundBindings {
  /** Binding expressions: the exact text between `{{ }}` / `<< >>`, the key the runtime compiles by. */
  readonly expressions: string[]
  /** Trigger snippets: an `on-…` attribute's whole value, the key the runtime compiles triggers by. */
  readonly triggers: string[]
  /** Bindings that will not compile; the runtime shows them as errors on their widget. */
  readonly problems: BindingProblem[]
  /** Whole binding texts (broken ones too): each is seeded with its parse, or its error. */
  readonly templates: string[]
  /** Trigger snippets that will not compile: seeded with their error. */
  readonly brokenTriggers: string[]
  /**
   * False when some text the app will compile may have gone unseen (a file whose string
   * literals could not be read): the build then keeps the run-time compiler.
   */
  readonly complete: boolean
}

/** A binding that cannot be compiled, and where it is. */
export interface BindingProblem {
  readonly message: string
  /** 1-based line in the file, when known. */
  readonly line?: number
}

/** Collects codes, skipping duplicates and code that does not compile. */
class Collector {
  readonly expressions: string[] = []
  readonly triggers: string[] = []
  readonly problems: BindingProblem[] = []
  readonly templates: string[] = []
  readonly brokenTriggers: string[] = []
  complete = true
  readonly #seenTemplates = new Set<string>()
  readonly #seenExpressions = new Set<string>()
  readonly #seenTriggers = new Set<string>()

  /** Adds every binding of a template; `where` names it in problems. */
  template(text: string, where: string, line?: number): void {
    if (!hasBinding(text)) return
    if (!this.#seenTemplates.has(text)) {
      this.#seenTemplates.add(text)
      this.templates.push(text)
    }
    const parsed = parseTemplate(text)
    if (!parsed.ok) {
      this.problems.push({ message: `${where}: ${parsed.error.message}`, line })
      return
    }
    for (const segment of parsed.segments) {
      if (segment.kind !== 'expr' || this.#seenExpressions.has(segment.code)) continue
      this.#seenExpressions.add(segment.code)
      const problem = checkBody(() => expressionSource(segment.code))
      if (problem === null) this.expressions.push(segment.code)
      else this.problems.push({ message: `${where}: ${problem}`, line })
    }
  }

  /** Adds a trigger snippet (an `on-…` value) as the runtime receives it. */
  trigger(snippet: string, where: string, line?: number): void {
    // The runtime ignores blank handlers (see mountWidgets), so there is nothing to compile.
    if (snippet.trim() === '' || this.#seenTriggers.has(snippet)) return
    this.#seenTriggers.add(snippet)
    const problem = checkBody(() => triggerSource(snippet))
    if (problem === null) this.triggers.push(snippet)
    else {
      this.brokenTriggers.push(snippet)
      this.problems.push({ message: `${where}: ${problem}`, line })
    }
  }

  result(): FoundBindings {
    const { expressions, triggers, problems, templates, brokenTriggers, complete } = this
    return { expressions, triggers, problems, templates, brokenTriggers, complete }
  }
}

/**
 * Builds a function body and checks that it parses, here at build time where
 * `new Function` is allowed, so that emitted code never breaks the bundle.
 * Returns null when it compiles, else why not.
 */
function checkBody(body: () => string): string | null {
  try {
    new Function('$r', body())
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * The bindings of every `smith-*` element in a page: each attribute holding
 * `{{ }}` or `<< >>` (its expressions), and each `on-…` attribute (a trigger).
 * Attribute values are read after HTML parsing, so character references
 * (`&amp;`, `&quot;`) are decoded exactly as the browser hands them to the runtime.
 */
export async function bindingsFromHtml(html: string): Promise<FoundBindings> {
  const found = new Collector()
  for (const el of widgetElements(html)) {
    const label = `<${el.tag}${el.name ? ` name="${el.name}"` : ''}>`
    for (const attr of el.attributes) {
      const line = lineColumn(html, attr.offset).line
      if (attr.name.startsWith('on-')) found.trigger(attr.value, `${label} ${attr.name}`, line)
      // Every other attribute: those the runtime leaves alone (class, data-…) rarely hold
      // a binding, and compiling one more than needed is harmless.
      else found.template(attr.value, `${label} ${attr.name}`, line)
    }
  }
  return found.result()
}

/**
 * The bindings in the string literals of a JS or TS source file: query
 * definitions are data whose string fields hold templates, so every string
 * with `{{ }}` or `<< >>` is compiled — wherever it sits. Reading literals
 * instead of running the file means no user code runs at build time and a
 * file may build its queries in a function (modules/auth/queries.ts).
 * Over-including is harmless (an unused seeded function costs a few bytes);
 * a template assembled at run time (`'{{' + x + '}}'`, `${…}`) is not found
 * and falls back to run-time compilation.
 */
export async function bindingsFromSource(source: string, loader: 'js' | 'ts' = 'js'): Promise<FoundBindings> {
  // Types off first, so that the scanner reads plain JavaScript.
  const { code } = await transform(source, { loader, format: 'esm', target: 'es2022' })
  const found = new Collector()
  const result = scan(code, 0, {
    onToken(kind, start, end) {
      const text = code.slice(start, end)
      // A whole template literal starts and ends with a backtick; pieces around `${…}` do not.
      const literal = kind === 'string' || (kind === 'template' && text.length >= 2 && text.startsWith('`') && text.endsWith('`'))
      if (!literal || !hasBinding(text)) return
      const value = decodeLiteral(text)
      const line = lineOf(source, value.slice(0, 40))
      found.template(value, `string ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)}`, line)
    },
  })
  if (!result.ok) {
    found.problems.push({ message: `cannot read the file's string literals: ${result.message}` })
    found.complete = false
  }
  return found.result()
}

/**
 * The bindings in every string of some data (query definitions read from JSON or
 * evaluated): each string with `{{ }}` or `<< >>` is a template the runtime compiles.
 */
export function bindingsFromData(data: unknown, where: string): FoundBindings {
  const found = new Collector()
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') found.template(value, `${where}${path}`)
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`))
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`)
  }
  visit(data, '')
  return found.result()
}

/**
 * The value of one string or template literal token. The scanner has already
 * delimited it as a single literal, so evaluating it runs no code; a fresh
 * context keeps it from seeing anything.
 */
function decodeLiteral(literal: string): string {
  return String(runInNewContext(literal, Object.create(null)))
}

/** 1-based line of the first occurrence of `needle` in `text`, if any. */
function lineOf(text: string, needle: string): number | undefined {
  const at = needle === '' ? -1 : text.indexOf(needle)
  return at < 0 ? undefined : lineColumn(text, at).line
}
