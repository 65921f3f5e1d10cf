/**
 * What code reads, as the build tools and page-load ordering ask it: the names it may
 * read (`referencedNames`), the names it certainly reads as free references
 * (`freeReads`), and its `X.data` member paths (`dataReferences`).
 */
import { analyze } from './code-analysis'
import { uncheckedCode } from './checked-code'
import type { DataReference } from './compiled-code'
import { isReferenceCandidate, scan } from './scan'

/**
 * Names `code` may read from the scope, in first-use order: the same
 * candidates the compiled function declares. Over-inclusive by design (arrow
 * parameters, object keys, labels): there is no scope analysis.
 */
export function referencedNames(code: string): string[] {
  return analyze(code).names
}

/**
 * Names `code` certainly reads as free references (not keys, parameters or
 * locals), in first-use order. Code the analysis cannot classify (it holds a
 * `class`) gives every candidate, as {@link referencedNames} does.
 */
export function freeReads(code: string): string[] {
  const a = analyze(code)
  if (a.failure !== null) return a.names
  if (a.uses.length === 0 && a.lenient.size === a.names.length && a.names.length > 0) return a.names
  const out = new Set<string>()
  for (const use of a.uses) out.add(code.slice(use.start, use.end))
  return Array.from(out)
}

/**
 * Member paths read as `X.data`, `X.fn.data` (also through `?.`), for
 * ordering page-load actions: `getusers_API.data.results` gives
 * `{ entity: 'getusers_API', path: 'getusers_API' }`,
 * `Auth_Module.getAccessToken.data` gives `{ entity: 'Auth_Module', path:
 * 'Auth_Module.getAccessToken' }`. Only the first `.data` of a chain counts
 * (`Q.data.data` is Q's). Deduplicated by path, first-use order.
 */
export function dataReferences(source: string): DataReference[] {
  const code = uncheckedCode(source)
  const out: DataReference[] = []
  const seen = new Set<string>()
  let chain: string[] | null = null // the names of the member chain being read
  let expectName = false // the previous token was `.`/`?.` on that chain
  scan(code, 0, {
    onToken(kind, start, end, _depth, afterDot) {
      if (kind === 'name') {
        const word = code.slice(start, end)
        if (afterDot && chain !== null && expectName) {
          expectName = false
          if (word === 'data') {
            const path = chain.join('.')
            if (!seen.has(path)) {
              seen.add(path)
              out.push({ entity: chain[0], path })
            }
            chain = null
          } else chain.push(word)
          return
        }
        expectName = false
        chain = !afterDot && isReferenceCandidate(word) ? [word] : null
        return
      }
      const isDot = kind === 'punct' && (end - start === 1 ? code.charCodeAt(start) === 46 : code.startsWith('?.', start))
      if (isDot && chain !== null && !expectName) expectName = true
      else {
        chain = null
        expectName = false
      }
    },
  })
  return out
}