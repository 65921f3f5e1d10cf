/**
 * The free names of a piece of JavaScript, for `smithlet check`: parsed with acorn
 * (a real parser: the runtime's scanner only tokenises), so that a syntax error has its
 * exact position and a name is reported only where it is read as a variable — not as a
 * property (`a.b`, `{ b: 1 }`), a label, or a name the code declares itself (a
 * parameter, `const`, a function). A name declared anywhere in the code counts as
 * declared everywhere in it: the check never reports a name that might be bound, at the
 * price of missing a use outside its block. `typeof X` is never reported (it is safe).
 * Calls `navigateTo('Page', …)` with a literal target are listed, so the check can tell
 * a page that does not exist.
 */
import { parse } from 'acorn'

/** A name read as a variable, and where (offset in the analysed code). */
export interface NameUse {
  readonly name: string
  readonly offset: number
}

/** A `navigateTo('Page', …)` call with a literal target, and where the target is. */
export interface Navigation {
  readonly target: string
  readonly offset: number
}

/** What {@link freeNames} found: a syntax error, or the free names and the literal navigateTo targets. */
export type Analysis =
  | { readonly ok: true; readonly uses: readonly NameUse[]; readonly navigations: readonly Navigation[] }
  | { readonly ok: false; readonly message: string; readonly offset: number }

/** How the code is written: a binding expression, trigger statements, or a module (a JS object file). */
export type CodeKind = 'expression' | 'trigger' | 'module'

interface AstNode {
  readonly type: string
  readonly start: number
  readonly end: number
  readonly [key: string]: unknown
}

/** The code as the runtime compiles it, and where the user's code starts in it. */
function wrap(code: string, kind: CodeKind): { text: string; at: number } {
  if (kind === 'expression') return { text: `(${code}\n)`, at: 1 }
  // As src/compile.ts's triggerSource: statements after `const $$result =` in an async function.
  const head = '(async () => { const $$result = '
  if (kind === 'trigger') return { text: `${head}${code}\n; })`, at: head.length }
  return { text: code, at: 0 }
}

/** Parses `code` and lists its free names; see the file comment. */
export function freeNames(code: string, kind: CodeKind): Analysis {
  const { text, at } = wrap(code, kind)
  let ast: AstNode
  try {
    ast = parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: kind !== 'module' }) as unknown as AstNode
  } catch (error) {
    const e = error as SyntaxError & { pos?: number }
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '')
    return { ok: false, message, offset: Math.min(Math.max((e.pos ?? at) - at, 0), code.length) }
  }
  const declared = new Set<string>()
  const uses: NameUse[] = []
  const navigations: Navigation[] = []
  visit(ast, null, '', declared, uses, navigations)
  const inCode = (offset: number): boolean => offset >= at && offset < at + code.length
  const free = uses.filter((u) => !declared.has(u.name) && inCode(u.offset))
  return {
    ok: true,
    uses: free.map((u) => ({ name: u.name, offset: u.offset - at })),
    // navigateTo shadowed by a local of the same name is not the global.
    navigations: declared.has('navigateTo') ? [] : navigations.filter((n) => inCode(n.offset)).map((n) => ({ target: n.target, offset: n.offset - at })),
  }
}

/** Collects the names a binding pattern declares. */
function declare(pattern: AstNode | null | undefined, declared: Set<string>): void {
  if (!pattern) return
  switch (pattern.type) {
    case 'Identifier':
      declared.add(pattern.name as string)
      break
    case 'ObjectPattern':
      for (const p of pattern.properties as AstNode[]) declare(p.type === 'RestElement' ? p : (p.value as AstNode), declared)
      break
    case 'ArrayPattern':
      for (const e of pattern.elements as Array<AstNode | null>) declare(e, declared)
      break
    case 'RestElement':
      declare(pattern.argument as AstNode, declared)
      break
    case 'AssignmentPattern':
      declare(pattern.left as AstNode, declared)
      break
  }
}

function visit(node: AstNode, parent: AstNode | null, key: string, declared: Set<string>, uses: NameUse[], navigations: Navigation[]): void {
  switch (node.type) {
    case 'CallExpression': {
      const callee = node.callee as AstNode
      const first = (node.arguments as AstNode[])[0]
      if (callee.type === 'Identifier' && callee.name === 'navigateTo' && first?.type === 'Literal' && typeof first.value === 'string') {
        navigations.push({ target: first.value, offset: first.start })
      }
      break
    }
    case 'VariableDeclarator':
      declare(node.id as AstNode, declared)
      break
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.id) declare(node.id as AstNode, declared)
      for (const p of node.params as AstNode[]) declare(p, declared)
      break
    case 'ClassDeclaration':
    case 'ClassExpression':
      if (node.id) declare(node.id as AstNode, declared)
      break
    case 'CatchClause':
      declare(node.param as AstNode | null, declared)
      break
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      declare(node.local as AstNode, declared)
      return
    case 'Identifier':
      if (isReference(node, parent, key)) uses.push({ name: node.name as string, offset: node.start })
      return
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      if (node.body) visit(node.body as AstNode, node, 'body', declared, uses, navigations)
      return
    case 'MetaProperty':
      return
    case 'UnaryExpression':
      // `typeof X` is safe for any X.
      if (node.operator === 'typeof' && (node.argument as AstNode).type === 'Identifier') return
      break
    case 'ExportSpecifier':
      return
  }
  for (const [childKey, value] of Object.entries(node)) {
    if (childKey === 'type' || childKey === 'start' || childKey === 'end' || childKey === 'loc') continue
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, node, childKey, declared, uses, navigations)
    } else if (isNode(value)) visit(value, node, childKey, declared, uses, navigations)
  }
}

function isNode(value: unknown): value is AstNode {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string'
}

/** Whether an identifier is read as a variable where it stands. */
function isReference(node: AstNode, parent: AstNode | null, key: string): boolean {
  if (parent === null) return true
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed === true
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      // A shorthand `{ a }` reads `a` (its value); a key is a name, unless computed.
      if (key === 'key') return parent.computed === true || (parent.shorthand === true && parent.value === node)
      return true
    default:
      return true
  }
}
