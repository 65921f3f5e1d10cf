import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { transform } from 'esbuild'
import { describe, expect, it } from 'vitest'
import {
  CompileError,
  compileExpression,
  compileJSObject,
  compileTrigger,
  dataReferences,
  expressionSource,
  jsObjectSource,
  PRELUDE,
  referencedNames,
  RESOLVE_NAMES,
  triggerSource,
  type Resolver,
} from '../../src/compile'

/** A resolver like the runtime's: the scope first, then globalThis. */
function resolverOver(scope: Record<string, unknown>, log?: string[]): Resolver {
  return (name) => {
    log?.push(name)
    return name in scope ? scope[name] : (globalThis as Record<string, unknown>)[name]
  }
}

function evaluate(code: string, scope: Record<string, unknown> = {}, self?: unknown): unknown {
  return compileExpression(code).call(self, resolverOver(scope))
}

function compileError(fn: () => unknown): CompileError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError)
    return e as CompileError
  }
  throw new Error('expected a CompileError')
}

describe('compileExpression', () => {
  it('evaluates against a resolver over a plain scope', () => {
    const scope = { Table1: { pageNo: 3, selectedRow: { name: 'Ada' } }, getusers_API: { data: { results: [1, 2] } } }
    expect(evaluate('Table1.pageNo * 2', scope)).toBe(6)
    expect(evaluate(' Table1.selectedRow.name ', scope)).toBe('Ada')
    expect(evaluate('getusers_API.data.results.length', scope)).toBe(2)
    expect(evaluate('Table1?.missing?.deep ?? "none"', scope)).toBe('none')
    expect(evaluate('`${Table1.selectedRow.name}!`', scope)).toBe('Ada!')
  })

  it('binds this as the caller says (queries pass { params })', () => {
    expect(evaluate('this.params.id + 1', {}, { params: { id: 41 } })).toBe(42)
    expect(evaluate('this', {})).toBeUndefined() // strict mode: no global this
  })

  it('falls back to globals through the resolver (Math, JSON, Date)', () => {
    expect(evaluate('Math.max(1, x)', { x: 7 })).toBe(7)
    expect(evaluate('JSON.stringify({a: [1]})')).toBe('{"a":[1]}')
    expect(evaluate('new Date(0).getTime()')).toBe(0)
    // …and the scope wins over globalThis.
    expect(evaluate('Math', { Math: 'mine' })).toBe('mine')
  })

  it('arrow parameters shadow scope names; keys are not references', () => {
    const scope = { x: 100, items: [1, 2, 3], k: 10, a: 'scope-a' }
    expect(evaluate('items.map(x => x * k)', scope)).toEqual([10, 20, 30])
    expect(evaluate('items.map((a, i) => a + i)', scope)).toEqual([1, 3, 5])
    expect(evaluate('{a: 1, b: a}', scope)).toEqual({ a: 1, b: 'scope-a' })
    expect(evaluate('(() => { const k = 2; return items.map(v => v * k) })()', scope)).toEqual([2, 4, 6])
  })

  it('returns object literals, not blocks', () => {
    expect(evaluate('{a: 1}')).toEqual({ a: 1 })
    expect(evaluate('{ a: { b: [1, { c: 2 }] } }')).toEqual({ a: { b: [1, { c: 2 }] } })
    expect(evaluate('[{ id: 1 }, { id: 2 }]')).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('allows a trailing line comment, a trailing semicolon, and comment-only code', () => {
    expect(evaluate('1 + 1 // two')).toBe(2)
    expect(evaluate('x // note', { x: 'v' })).toBe('v')
    expect(evaluate('x; // note', { x: 'v' })).toBe('v')
    expect(evaluate('a;', { a: 3 })).toBe(3)
    expect(evaluate('')).toBeUndefined()
    expect(evaluate('   \n ')).toBeUndefined()
    expect(evaluate('/* nothing */')).toBeUndefined()
    expect(evaluate(' ; ')).toBeUndefined()
  })

  it('handles regex literals and division', () => {
    expect(evaluate('/a\\/b/.test(s)', { s: 'xa/b' })).toBe(true)
    expect(evaluate('a / b / 2', { a: 8, b: 2 })).toBe(2)
    expect(evaluate('s.replace(/}}/g, "")', { s: 'x}}y' })).toBe('xy')
  })

  it('resolves exactly its candidate names, once per evaluation', () => {
    const log: string[] = []
    const fn = compileExpression('a.b + c(a) + "d" + e.f')
    expect(fn.call(undefined, resolverOver({ a: { b: 1 }, c: () => 2, e: { f: 3 } }, log))).toBe('3d3')
    expect(log).toEqual(['a', 'c', 'e'])
  })

  it('caches per code string', () => {
    expect(compileExpression('cache_me + 1')).toBe(compileExpression('cache_me + 1'))
  })

  it('a SyntaxError is a CompileError naming the expression', () => {
    const e = compileError(() => compileExpression('a +'))
    expect(e.message).toContain('SyntaxError')
    expect(e.message).toContain('`a +`')
    expect(e.source).toBe('a +')
    // Cached failures throw the same error again.
    expect(compileError(() => compileExpression('a +'))).toBe(e)
  })

  it('code that does not scan is a CompileError (a stray ")" cannot escape the return)', () => {
    expect(compileError(() => compileExpression('a), (b')).message).toMatch(/Unexpected "\)"/)
    expect(compileError(() => expressionSource('"abc')).message).toMatch(/Unterminated string/)
    expect(compileError(() => expressionSource('f(')).message).toMatch(/Unclosed "\("/)
  })

  it('statements are not expressions', () => {
    expect(() => compileExpression('if (a) b')).toThrow(CompileError)
    expect(() => compileExpression('a; b')).toThrow(CompileError)
  })
})

describe('expressionSource', () => {
  it('is the documented shape', () => {
    const read = (n: string): string => `(${n} !== $$M ? ${n} : (() => { throw new ReferenceError("${n} is not defined") })())`
    expect(expressionSource(' Table1.selectedRow.name ')).toBe(
      `"use strict"; let Table1 = $r("Table1"); return (${read('Table1')}.selectedRow.name\n);`,
    )
    expect(expressionSource('1 + 2')).toBe('"use strict"; return (1 + 2\n);')
    expect(expressionSource('')).toBe('"use strict"; return undefined;')
  })

  it('is deterministic and in first-use order', () => {
    const code = 'b + a + `${c}${a}` + b.x + d?.e + f?.[g]'
    const first = expressionSource(code)
    expect(expressionSource(code)).toBe(first)
    expect(first.startsWith('"use strict"; let b = $r("b"), a = $r("a"), c = $r("c"), d = $r("d"), f = $r("f"), g = $r("g"); ')).toBe(true)
  })
})

describe('referencedNames', () => {
  it('lists free identifier candidates, including inside ${…}', () => {
    expect(referencedNames('a.b.c + d["e"] + `x${f + `${g}`}` + h?.i + ...j')).toEqual(['a', 'd', 'f', 'g', 'h', 'j'])
  })
  it('skips keywords, literals, strings, comments, regex and $r', () => {
    expect(
      referencedNames('typeof x === "undefined" ? null : this.y /* z */ // w\n + /q/.test(r) + $r + new Date() + void 0 + NaN'),
    ).toEqual(['x', 'r', 'Date'])
  })
  it('over-includes arrow parameters and object keys (harmless)', () => {
    expect(referencedNames('arr.map(x => ({ key: x }))')).toEqual(['arr', 'x', 'key'])
  })
  it('reads unicode identifiers', () => {
    expect(referencedNames('名前 + café.x + 𝑥')).toEqual(['名前', 'café', '𝑥'])
  })
})

describe('dataReferences', () => {
  it('finds X.data and X.fn.data paths', () => {
    expect(dataReferences('getusers_API.data.results')).toEqual([{ entity: 'getusers_API', path: 'getusers_API' }])
    expect(dataReferences('"Bearer " + Auth_Module.getAccessToken.data')).toEqual([
      { entity: 'Auth_Module', path: 'Auth_Module.getAccessToken' },
    ])
  })
  it('follows ?. and templates, takes the first .data of a chain, and deduplicates', () => {
    expect(dataReferences('Q?.data.data + `${R.x.data}` + Q.data + S.data.y.data')).toEqual([
      { entity: 'Q', path: 'Q' },
      { entity: 'R', path: 'R.x' },
      { entity: 'S', path: 'S' },
    ])
  })
  it('ignores properties, strings, comments and non-chains', () => {
    expect(dataReferences('a.b.data')).toEqual([{ entity: 'a', path: 'a.b' }])
    expect(dataReferences('x.y(z).data + "Q.data" + /* P.data */ f().data + this.fn.data + data')).toEqual([])
  })
  it('reads JS function sources', () => {
    const fn = 'async onPageLoad() { await getusers_API.run(); return getusers_API.data.results.map(r => Users.fetch.data[r]) }'
    expect(dataReferences(fn)).toEqual([
      { entity: 'getusers_API', path: 'getusers_API' },
      { entity: 'Users', path: 'Users.fetch' },
    ])
  })
})

const PAGE_HOOKS = `// PageHooks — runs on page load
/* a block comment
   before the export */
export default {
  count: 0,
  label: "export default { nope }",
  onPageLoad: () => Auth_Module.getAccessToken().then(() => getusers_API.run()),
  async load() {
    const rows = await getusers_API.run()
    return this.format(rows)
  },
  format(rows) { return rows.map(r => r.name.toUpperCase()) },
  bump() { this.count++; return this.count },
};
// trailing comment
`

describe('JS objects', () => {
  const scope = {
    Auth_Module: { getAccessToken: () => Promise.resolve('token') },
    getusers_API: { run: () => Promise.resolve([{ name: 'ada' }, { name: 'bob' }]) },
  }

  it('compiles export default { … } with comments, a trailing ; and async methods calling this', async () => {
    const factory = compileJSObject(PAGE_HOOKS, 'PageHooks')
    const obj = factory.call(undefined, resolverOver(scope)) as Record<string, (...a: unknown[]) => unknown> & { count: number }
    expect(obj.count).toBe(0)
    expect(obj.label).toBe('export default { nope }')
    expect(await obj.onPageLoad()).toEqual([{ name: 'ada' }, { name: 'bob' }])
    expect(await obj.load()).toEqual(['ADA', 'BOB'])
    expect(obj.bump()).toBe(1)
    expect(Object.keys(obj)).toEqual(['count', 'label', 'onPageLoad', 'load', 'format', 'bump'])
  })

  it('returns a fresh object per factory call', () => {
    const factory = compileJSObject('export default { n: [] }', 'Fresh')
    const r = resolverOver({})
    expect(factory.call(undefined, r)).not.toBe(factory.call(undefined, r))
  })

  it('keeps the object literal text unchanged and declares its names', () => {
    const body = jsObjectSource('export default {\n  f() { return Table1.x },\n}', 'A')
    expect(body).toBe(
      '"use strict"; let f = $r("f"), Table1 = $r("Table1"); return Object.defineProperty(({\n' +
        '  f() { return (Table1 !== $$M ? Table1 : (() => { throw new ReferenceError("Table1 is not defined") })()).x },\n}), ' +
        'Symbol.for("smithlet.resolveNames"), { value: () => { f = $r("f"); Table1 = $r("Table1"); } });',
    )
    expect(jsObjectSource('export default{ "a": 1 }', 'B')).toBe('"use strict"; return ({ "a": 1 });')
    expect(jsObjectSource('export default { a: 1 }', 'B')).toBe(jsObjectSource('export default { a: 1 }', 'B'))
  })

  it('resolves names when built, and again through RESOLVE_NAMES (entities defined later)', () => {
    const live: Record<string, unknown> = {}
    const obj = compileJSObject('export default { read() { return Table1 && Table1.selectedRow } }', 'Late').call(
      undefined,
      resolverOver(live),
    ) as { read(): unknown; [RESOLVE_NAMES]?: () => void }
    expect(obj.read()).toBeUndefined()
    live.Table1 = { selectedRow: { id: 7 } }
    expect(obj.read()).toBeUndefined() // still the value seen at build time
    expect(Object.keys(obj)).toEqual(['read']) // the refresher is not enumerable
    obj[RESOLVE_NAMES]!()
    expect(obj.read()).toEqual({ id: 7 })
  })

  it('compiles the seed JS object (fixture) unchanged', async () => {
    const source = readFileSync(new URL('../fixtures/seed-004-js-object.js', import.meta.url), 'utf8')
    const stored: Record<string, unknown> = {}
    const scope = {
      storeValue: (k: string, v: unknown) => {
        stored[k] = v
      },
      appsmith: { store: stored },
      api_authToken: { run: async () => undefined, data: { access_token: 'a.eyJleHAiOjEwfQ.c', refresh_token: 'r' } },
    }
    const obj = compileJSObject(source, 'Auth').call(undefined, resolverOver(scope)) as Record<string, (...a: unknown[]) => unknown>
    await obj.generateAccessToken()
    expect(stored).toEqual({ authAccessToken: 'a.eyJleHAiOjEwfQ.c', authRefreshToken: 'r', authAccessTokenExp: 10_000 })
    expect(dataReferences(source)).toEqual([
      { entity: 'api_authToken', path: 'api_authToken' },
      { entity: 'api_refreshAuthToken', path: 'api_refreshAuthToken' },
    ])
  })

  it('rejects sources that are not export default { … }, naming the object', () => {
    const cases = [
      'export const x = 1',
      'module.exports = { a: 1 }',
      '{ a: 1 }',
      'export default { a: 1 }\nconsole.log(1)',
      'export default { a: 1 };;',
      'export default [1]',
      'exportdefault { a: 1 }',
      'export default',
      '',
      'export default { a: 1',
      '/* unterminated comment export default { a: 1 }',
    ]
    for (const source of cases) {
      const e = compileError(() => jsObjectSource(source, 'PageHooks'))
      expect(e.message).toMatch(/^JS object "PageHooks": /)
      expect(e.objectName).toBe('PageHooks')
    }
    expect(compileError(() => jsObjectSource('export default { a: 1 }\nfoo()', 'X')).message).toMatch(/unexpected text after the object at 2:1/)
  })

  it('a SyntaxError names the object, the property and its line', () => {
    const source = 'export default {\n  ok: 1,\n  broken() {\n    return 1 +;\n  },\n  fine: () => 2,\n}'
    const e = compileError(() => compileJSObject(source, 'PageHooks'))
    expect(e.message).toMatch(/^JS object "PageHooks": SyntaxError: .* in property broken \(line 3\)$/)
    expect(e.line).toBe(3)
  })
})

describe('triggers', () => {
  it('run several statements in order and resolve with the first value, as Appsmith does', async () => {
    const calls: string[] = []
    const scope = {
      storeValue: (k: string) => {
        calls.push(`store ${k}`)
        return 'stored'
      },
      showAlert: (m: string) => calls.push(`alert ${m}`),
    }
    const fn = compileTrigger("{{ storeValue('k', 1); showAlert('saved') }}")
    await expect(fn.call(undefined, resolverOver(scope))).resolves.toBe('stored')
    expect(calls).toEqual(['store k', 'alert saved'])
  })

  it('accept await, bare code, << >>, comments and empty bindings', async () => {
    const r = resolverOver({ Q: { run: async () => 5 } })
    await expect(compileTrigger('{{ await Q.run() }}').call(undefined, r)).resolves.toBe(5)
    await expect(compileTrigger('Q.run()').call(undefined, r)).resolves.toBe(5)
    await expect(compileTrigger('<< Q.run() // go >>').call(undefined, r)).resolves.toBe(5)
    await expect(compileTrigger('{{ }}').call(undefined, r)).resolves.toBeUndefined()
  })

  it('turn a throw into a rejection', async () => {
    await expect(compileTrigger('{{ missing.fn() }}').call(undefined, resolverOver({}))).rejects.toThrow(TypeError)
  })

  it('reject text around the binding and bad code', () => {
    expect(() => triggerSource('go {{ a() }}')).toThrow(/one \{\{ … \}\} binding/)
    expect(() => triggerSource('{{ a() ')).toThrow(CompileError)
    expect(() => triggerSource('a() }')).toThrow(CompileError)
    expect(() => compileTrigger('{{ a( + }}')).toThrow(CompileError)
  })
})

describe('generated code is valid strict-mode module code', () => {
  const expressions = [
    'Table1.selectedRow.name',
    '{a: 1, b: [x, y]}',
    'items.map(x => x * k) // trailing',
    '`t${ {a: `${u}`}.a }`',
    'this.params.id',
    'Math.max(a >> 1, b)',
    '/}}/.test(s) ? 1 : 2',
    '',
    'v;',
  ]
  const triggers = ["{{ storeValue('k', 1); showAlert('saved') }}", '{{ await Q.run() }}']

  it('compiles in an ES module (node --check and esbuild) and runs there', async () => {
    // As the build's module: the prelude once at the top, then the functions.
    const lines = [PRELUDE, 'const out = []']
    const scope = '{ Table1: { selectedRow: { name: "n" } }, x: 1, y: 2, items: [1], k: 3, u: "u", a: 8, b: 1, s: "}}", v: "v", Q: { run: async () => 1 }, storeValue: () => 1, showAlert: () => 0 }'
    lines.push(`const scope = ${scope}`)
    lines.push('const $res = (n) => (n in scope ? scope[n] : globalThis[n])')
    expressions.forEach((code) => {
      lines.push(`out.push((function ($r) { ${expressionSource(code)} }).call({ params: { id: 1 } }, $res))`)
    })
    triggers.forEach((code) => {
      lines.push(`out.push(await (function ($r) { ${triggerSource(code)} }).call(undefined, $res))`)
    })
    lines.push(`const obj = (function ($r) { ${jsObjectSource(PAGE_HOOKS, 'PageHooks')} }).call(undefined, $res)`)
    lines.push('out.push(obj.format([{ name: "z" }]))')
    lines.push('console.log(JSON.stringify(out))')
    const module = lines.join('\n')

    await expect(transform(module, { format: 'esm', loader: 'js' })).resolves.toBeTruthy()

    const dir = mkdtempSync(join(tmpdir(), 'smithlet-compile-'))
    try {
      const file = join(dir, 'generated.mjs')
      writeFileSync(file, module)
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' })
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(JSON.parse(run.stdout)).toEqual([
        'n',
        { a: 1, b: [1, 2] },
        [3],
        'tu',
        1,
        4,
        1,
        null, // undefined, through JSON
        'v',
        1,
        1,
        ['Z'],
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('bodies also compile with new Function under "use strict"', () => {
    for (const code of expressions) expect(() => new Function('$r', `"use strict"; ${expressionSource(code)}`)).not.toThrow()
  })
})
