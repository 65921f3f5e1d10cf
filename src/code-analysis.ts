/**
 * What the compiler learns about a piece of code in one pass of the scanner: the names it
 * may read, and which of their uses are certainly reads of a free name (so the generated
 * code can make a name found nowhere throw, see ./checked-code.ts). There is no scope
 * analysis: the rules are token patterns, conservative where unsure.
 */
import { isReferenceCandidate, scan } from './scan'
import type { ScanFailure, TokenKind } from './scan'

/** What one pass of the scanner learns about a piece of code. */
export interface Analysis {
  readonly names: string[]
  readonly failure: ScanFailure | null
  /** Number of significant tokens. */
  readonly tokens: number
  /** Offset of a final `;` at depth 0 (Appsmith accepts `{{ a; }}`), or -1. */
  readonly trailingSemicolon: number
  /** Free-reference uses to rewrite so that a name found nowhere throws (see MISSING in ./compiled-code.ts). */
  readonly uses: readonly NameUse[]
  /** Names read without a check (declared or assigned in the code): missing means undefined for them. */
  readonly lenient: ReadonlySet<string>
}

/**
 * A use of a free name that the generated code checks: `read` throws Appsmith's
 * `ReferenceError: X is not defined` when X is missing, `typeof` gives
 * "undefined", `shorthand` is `{ X }` in an object literal.
 */
export interface NameUse {
  readonly start: number
  readonly end: number
  readonly mode: 'read' | 'typeof' | 'shorthand'
}

interface Token {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  readonly depth: number
  readonly afterDot: boolean
  readonly inObject: boolean
  readonly text: string
}

/** Words after which a name is declared or is a member name, never a read. */
const DECLARING_WORDS: ReadonlySet<string> = new Set(['let', 'const', 'var', 'function', 'class', 'get', 'set', 'async', 'static', 'import', 'export', 'as', 'break', 'continue'])
const CONTROL_WORDS: ReadonlySet<string> = new Set(['if', 'while', 'for', 'switch', 'with'])
/** An assignment operator right after a name (`=`, `+=`, `??=`…, not `==`, `=>`, `<=`, `>=`). */
const ASSIGNMENT = /^\s*(?:=(?![=>])|(?:\*\*|\+|-|\*|\/|%|<<|>>>?|&&?|\|\|?|\?\?|\^)=|\+\+|--)/

export function analyze(code: string): Analysis {
  const tokens: Token[] = []
  const result = scan(code, 0, {
    onToken(kind, start, end, depth, afterDot, inObject) {
      tokens.push({ kind, start, end, depth, afterDot, inObject, text: kind === 'name' || kind === 'punct' ? code.slice(start, end) : '' })
    },
  })
  let lastSemicolon = -1
  const last = tokens[tokens.length - 1]
  if (last !== undefined && last.kind === 'punct' && last.depth === 0 && last.text === ';') lastSemicolon = last.start
  const names = new Set<string>()
  for (const t of tokens) if (t.kind === 'name' && !t.afterDot && isReferenceCandidate(t.text)) names.add(t.text)
  const analysis = { names: Array.from(names), failure: result.ok ? null : result, tokens: tokens.length, trailingSemicolon: lastSemicolon }
  if (!result.ok || names.size === 0) return { ...analysis, uses: [], lenient: new Set() }
  return { ...analysis, ...classifyUses(code, tokens) }
}

/**
 * Decides, token by token, which name tokens are plain reads of a free name.
 * Conservative: a name declared anywhere in the code (a parameter, `let`,
 * `catch`, destructuring) or assigned to is read without a check, as is every
 * name in code with a `class` (whose bodies look like blocks); only positions
 * where a rewrite is certainly valid JavaScript are rewritten.
 */
function classifyUses(code: string, tokens: readonly Token[]): { uses: NameUse[]; lenient: Set<string> } {
  const lenient = new Set<string>()
  const uses: NameUse[] = []
  // Parameter lists and declaration patterns: every name inside is declared.
  const opens: number[] = []
  const declaringOpen: boolean[] = []
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.kind === 'name' && t.text === 'class') return { uses: [], lenient: new Set(tokens.filter((x) => x.kind === 'name').map((x) => x.text)) }
    if (t.kind !== 'punct') continue
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      const prev = tokens[k - 1]
      opens.push(k)
      declaringOpen.push(prev !== undefined && prev.kind === 'name' && (prev.text === 'let' || prev.text === 'const' || prev.text === 'var' || prev.text === 'catch' || prev.text === 'function'))
    } else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const from = opens.pop()
      const declaring = declaringOpen.pop()
      if (from === undefined) continue
      const next = tokens[k + 1]
      const beforeOpen = tokens[from - 1]
      const params = t.text === ')' && next !== undefined && (next.text === '=>' ||
        (next.text === '{' && !(beforeOpen !== undefined && beforeOpen.kind === 'name' && CONTROL_WORDS.has(beforeOpen.text))))
      if (declaring || params) for (let j = from + 1; j < k; j++) if (tokens[j]!.kind === 'name' && !tokens[j]!.afterDot) lenient.add(tokens[j]!.text)
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.kind !== 'name' || t.afterDot || !isReferenceCandidate(t.text)) continue
    const prev = tokens[k - 1]
    const next = tokens[k + 1]
    const prevText = prev?.text ?? ''
    if (prev !== undefined && prev.kind === 'name' && DECLARING_WORDS.has(prevText)) {
      lenient.add(t.text)
      continue
    }
    if (prevText === ',' && isDeclarationListAt(tokens, k)) {
      lenient.add(t.text)
      continue
    }
    if (next?.text === '=>') {
      lenient.add(t.text)
      continue
    }
    if (prevText === '++' || prevText === '--' || ASSIGNMENT.test(code.slice(t.end, t.end + 5))) {
      lenient.add(t.text)
      continue
    }
    const startsMember = prev === undefined || prevText === '{' || prevText === ',' || prevText === ';' || prevText === '}'
    if (next?.text === ':' && startsMember) continue // an object key or a label
    if (t.inObject && (prevText === '{' || prevText === ',')) {
      if (next?.text === ',' || next?.text === '}') uses.push({ start: t.start, end: t.end, mode: 'shorthand' })
      continue // a method name (`f() {}`), a default in a pattern (`{ a = 1 }`)…
    }
    if (t.inObject && prevText === '*') continue // a generator method
    if (prevText === '(' && (next?.text === 'in' || next?.text === 'of')) {
      lenient.add(t.text)
      continue
    }
    uses.push({ start: t.start, end: t.end, mode: prevText === 'typeof' && prev?.kind === 'name' ? 'typeof' : 'read' })
  }
  const kept = uses.filter((u) => !lenient.has(code.slice(u.start, u.end)))
  return { uses: kept, lenient }
}

/** True when the `,` before `tokens[k]` continues a `let`/`const`/`var` list at the same depth. */
function isDeclarationListAt(tokens: readonly Token[], k: number): boolean {
  const depth = tokens[k]!.depth
  for (let j = k - 2; j >= 0; j--) {
    const t = tokens[j]!
    if (t.depth < depth) return false
    if (t.depth > depth) continue
    if (t.kind === 'punct' && t.text === ';') return false
    if (t.kind === 'name' && (t.text === 'let' || t.text === 'const' || t.text === 'var')) return true
  }
  return false
}