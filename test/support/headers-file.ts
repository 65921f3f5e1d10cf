/**
 * A `_headers` file (Netlify's and Cloudflare Pages' format) as such a host applies it:
 * a path line, then indented `Name: value` lines; `*` in a path matches anything; every
 * matching rule adds its headers (two rules setting one header both send it, which is
 * why the build writes one policy per path). For serving a build in tests as it would be.
 */

interface Rule {
  readonly pattern: RegExp
  readonly headers: ReadonlyArray<readonly [string, string]>
}

/** The headers `path` gets, each name with every value the matching rules give it. */
export function headersFileMatcher(text: string): (path: string) => Record<string, string[]> {
  const rules: Array<{ pattern: RegExp; headers: Array<[string, string]> }> = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
      rules.push({ pattern, headers: [] })
      continue
    }
    const colon = line.indexOf(':')
    const rule = rules[rules.length - 1]
    if (colon < 0 || rule === undefined) throw new Error(`_headers: not a header line: ${JSON.stringify(line)}`)
    rule.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()])
  }
  const frozen: readonly Rule[] = rules
  return (path) => {
    const out: Record<string, string[]> = {}
    for (const rule of frozen) {
      if (!rule.pattern.test(path)) continue
      for (const [name, value] of rule.headers) (out[name] ??= []).push(value)
    }
    return out
  }
}
