import { describe, expect, it } from 'vitest'
import { hasBinding, parseTemplate, type ExprSegment, type ParsedTemplate, type Segment } from '../../src/template'

/** The segments of a template that must parse. */
function segments(text: string): readonly Segment[] {
  const parsed = parseTemplate(text)
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${parsed.error.message}`)
  return parsed.segments
}

/** The codes of its bindings. */
function codes(text: string): string[] {
  return segments(text)
    .filter((s): s is ExprSegment => s.kind === 'expr')
    .map((s) => s.code)
}

/** The error of a template that must not parse. */
function failure(text: string): { message: string; position: number } {
  const parsed: ParsedTemplate = parseTemplate(text)
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(parsed.segments)}`)
  return parsed.error
}

function single(text: string): boolean {
  const parsed = parseTemplate(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.single
}

describe('parseTemplate: plain text and simple bindings', () => {
  it('text without bindings is one text segment', () => {
    expect(segments('hello world')).toEqual([{ kind: 'text', text: 'hello world' }])
    expect(segments('')).toEqual([{ kind: 'text', text: '' }])
    expect(segments('a } b }} c >> d { e < f')).toEqual([{ kind: 'text', text: 'a } b }} c >> d { e < f' }])
    expect(single('hello')).toBe(false)
  })

  it('splits text and bindings, keeping code exactly and the opener offset', () => {
    expect(segments('Token valid for {{Auth_Module.secondsLeft}} s')).toEqual([
      { kind: 'text', text: 'Token valid for ' },
      { kind: 'expr', code: 'Auth_Module.secondsLeft', start: 16, syntax: '{{' },
      { kind: 'text', text: ' s' },
    ])
  })

  it('treats << >> like {{ }}', () => {
    expect(segments('a << x.y >> b')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'expr', code: ' x.y ', start: 2, syntax: '<<' },
      { kind: 'text', text: ' b' },
    ])
  })

  it('finds several bindings of both syntaxes in one text', () => {
    expect(codes('{{a}}{{b}} and <<c>> then {{ d }}<<e>>')).toEqual(['a', 'b', 'c', ' d ', 'e'])
  })

  it('accepts blank bindings; an empty {{}} is text, as in Appsmith', () => {
    expect(segments('{{}}')).toEqual([{ kind: 'text', text: '{{}}' }])
    expect(segments('a {{}} {{b}}')).toEqual([{ kind: 'text', text: 'a {{}} ' }, { kind: 'expr', code: 'b', start: 7, syntax: '{{' }])
    expect(codes('x {{ }} y << >>')).toEqual([' ', ' '])
    expect(single('{{ }}')).toBe(true)
  })

  it('hasBinding is a cheap opener check', () => {
    expect(hasBinding('{{a}}')).toBe(true)
    expect(hasBinding('x << y')).toBe(true)
    expect(hasBinding('a { b } <c>')).toBe(false)
    expect(hasBinding('')).toBe(false)
  })
})

describe('parseTemplate: single', () => {
  it('is true when the whole text, ignoring surrounding whitespace, is one binding', () => {
    expect(single('{{ a }}')).toBe(true)
    expect(single('  {{ a }}\n\t')).toBe(true)
    expect(single('<<a>>')).toBe(true)
  })
  it('is false for mixed text or several bindings', () => {
    expect(single('x{{ a }}')).toBe(false)
    expect(single('{{ a }}.')).toBe(false)
    expect(single('{{ a }}{{ b }}')).toBe(false)
    expect(single('{{ a }} {{ b }}')).toBe(false)
  })
})

describe('parseTemplate: the scanner decides where a binding ends', () => {
  it('object literals and nested braces', () => {
    expect(codes('{{ {a: 1} }}')).toEqual([' {a: 1} '])
    expect(codes('{{ {a: {b: 1}} }}')).toEqual([' {a: {b: 1}} '])
    expect(codes('{{{a:{b:1}}}}')).toEqual(['{a:{b:1}}'])
    expect(codes('{{ [{a: [1, {b: 2}]}] }}!')).toEqual([' [{a: [1, {b: 2}]}] '])
  })

  it('a closer inside a string does not close', () => {
    expect(codes(`{{ "}}" + '}}' }}`)).toEqual([` "}}" + '}}' `])
    expect(codes(`<< ">>" + '>>' >>`)).toEqual([` ">>" + '>>' `])
    expect(codes(`{{ "a \\" }}" }}`)).toEqual([` "a \\" }}" `])
    expect(codes(`{{ 'it\\'s }}' }}`)).toEqual([` 'it\\'s }}' `])
    expect(codes(`{{ "line\\\ncontinued }}" }}`)).toEqual([` "line\\\ncontinued }}" `])
  })

  it('template literals, with nested ${…} holding objects, strings and templates', () => {
    expect(codes('{{ `}}` }}')).toEqual([' `}}` '])
    expect(codes('{{ `a${ {a:1}.a }b` }}')).toEqual([' `a${ {a:1}.a }b` '])
    expect(codes('{{ `x${ `y${ "}}" + `}}` }` }z` }}')).toEqual([' `x${ `y${ "}}" + `}}` }` }z` '])
    expect(codes('{{ `\\`}}\\${` }}')).toEqual([' `\\`}}\\${` '])
    expect(codes('{{ `${a}}}` }}')).toEqual([' `${a}}}` '])
    expect(codes('{{ `${ {b: `${ {c: 1}.c }`}.b }` }} tail')).toEqual([' `${ {b: `${ {c: 1}.c }`}.b }` '])
  })

  it('block comments hide closers; line comments end at the closer or the line', () => {
    expect(codes('{{ a /* }} */ }}')).toEqual([' a /* }} */ '])
    expect(codes('<< a /* >> */ >>')).toEqual([' a /* >> */ '])
    expect(codes('{{ a // why }} tail')).toEqual([' a // why '])
    expect(codes('{{ a // note\n + b }}')).toEqual([' a // note\n + b '])
    // At depth > 0 the comment runs to the end of the line, as in JS.
    expect(codes('{{ f(a, // }}\n b) }}')).toEqual([' f(a, // }}\n b) '])
  })

  it('regex literals may hold closers and slashes; division is not a regex', () => {
    expect(codes('{{ /}}/.test(x) }}')).toEqual([' /}}/.test(x) '])
    expect(codes('{{ x.replace(/\\//g, "") }}')).toEqual([' x.replace(/\\//g, "") '])
    expect(codes('{{ x.match(/[/}]+/) }}')).toEqual([' x.match(/[/}]+/) '])
    expect(codes('<< s.split(/>>/) >>')).toEqual([' s.split(/>>/) '])
    expect(codes('{{ a / b / c }}')).toEqual([' a / b / c '])
    expect(codes('{{ (a) / 2 + b[0] / 3 }}')).toEqual([' (a) / 2 + b[0] / 3 '])
    expect(codes('{{ a++ / 2 }}')).toEqual([' a++ / 2 '])
    expect(codes('{{ x.return / 2 }}')).toEqual([' x.return / 2 '])
    expect(codes('{{ typeof /}}/ }}')).toEqual([' typeof /}}/ '])
    expect(codes('{{ (() => { return /}}/ })() }}')).toEqual([' (() => { return /}}/ })() '])
    expect(codes('{{ (() => { if (a) /}}/.test(b) })() }}')).toEqual([' (() => { if (a) /}}/.test(b) })() '])
    expect(codes('{{ a ? /}}/ : /x/ }}')).toEqual([' a ? /}}/ : /x/ '])
    expect(codes('{{ `${x}` / 2 }}')).toEqual([' `${x}` / 2 '])
  })

  it('<< >>: a depth-0 >> closes, a parenthesised shift does not', () => {
    expect(codes('<< (a >> 1) >>')).toEqual([' (a >> 1) '])
    expect(codes('<< (a >>> 0) >>')).toEqual([' (a >>> 0) '])
    expect(codes('<< f(x >> 2, [y >> 1]) >>')).toEqual([' f(x >> 2, [y >> 1]) '])
    expect(segments('<< a >> 1 >>')).toEqual([
      { kind: 'expr', code: ' a ', start: 0, syntax: '<<' },
      { kind: 'text', text: ' 1 >>' },
    ])
    expect(codes('<< a << 2 >>')).toEqual([' a << 2 '])
    expect(codes('<< a >= b && c > d >>')).toEqual([' a >= b && c > d '])
    expect(codes('<< items.map(x => x.id) >>')).toEqual([' items.map(x => x.id) '])
  })

  it('inside {{ }} a >> is an operator and << opens nothing', () => {
    expect(codes('{{ a >> 1 << 2 }}')).toEqual([' a >> 1 << 2 '])
    expect(codes('<< {a: 1} >> {{ b }}')).toEqual([' {a: 1} ', ' b '])
  })

  it('unicode and emoji in text, strings and identifiers', () => {
    expect(segments('héllo 👋 {{ "🎉}}" + naïve }} ✓')).toEqual([
      { kind: 'text', text: 'héllo 👋 ' },
      { kind: 'expr', code: ' "🎉}}" + naïve ', start: 9, syntax: '{{' },
      { kind: 'text', text: ' ✓' },
    ])
    expect(codes('{{ 名前.値 }}')).toEqual([' 名前.値 '])
    expect(codes('{{ a👋b }}')).toEqual([' a👋b '])
  })

  it('handles a 10,000-character expression', () => {
    const parts: string[] = []
    for (let k = 0; parts.join(' + ').length < 10_000; k++) parts.push(k % 3 === 0 ? `"}}${k}"` : k % 3 === 1 ? `{v: [${k}]}.v[0]` : `f(${k})`)
    const code = ` ${parts.join(' + ')} `
    expect(code.length).toBeGreaterThan(10_000)
    expect(segments(`x{{${code}}}y`)).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'expr', code, start: 1, syntax: '{{' },
      { kind: 'text', text: 'y' },
    ])
  })
})

describe('parseTemplate: a << that nothing closes is text', () => {
  it('keeps "<< Back" and "<<<" as text; a later >> still closes a binding', () => {
    expect(segments('<< Back')).toEqual([{ kind: 'text', text: '<< Back' }])
    expect(segments('<<<')).toEqual([{ kind: 'text', text: '<<<' }])
    expect(segments('x << y {{ z }}')).toEqual([
      { kind: 'text', text: 'x << y ' },
      { kind: 'expr', code: ' z ', start: 7, syntax: '{{' },
    ])
    expect(segments('<< a >> then <<')).toEqual([
      { kind: 'expr', code: ' a ', start: 0, syntax: '<<' },
      { kind: 'text', text: ' then <<' },
    ])
    expect(failure('{{ a')).toMatchObject({ position: 0 })
  })
})

describe('parseTemplate: errors carry positions', () => {
  it('an unterminated binding points at its opener', () => {
    expect(failure('{{ a')).toMatchObject({ position: 0 })
    expect(failure('{{ a').message).toMatch(/Unterminated binding.*1:1/)
    expect(failure('ok {{ a }} then {{ b')).toMatchObject({ position: 16 })
    expect(failure('<< "a >>"')).toMatchObject({ position: 0 })
    expect(failure('<< (a >>')).toMatchObject({ position: 3 })
    expect(failure('line1\nline2 {{ x').message).toContain('2:7')
    // `{{ a }` has no `}}` at depth 0: the lone `}` is unbalanced.
    expect(failure('{{ a }')).toMatchObject({ position: 5 })
  })

  it('an unbalanced bracket points at the closer that does not match', () => {
    const e = failure('{{ a) }}')
    expect(e.position).toBe(4)
    expect(e.message).toContain('1:5')
    const m = failure('{{ (a }}')
    expect(m.position).toBe(6)
    expect(m.message).toMatch(/"\(" at 1:4/)
    expect(failure('{{ [1, 2) }}').position).toBe(8)
    expect(failure('{{ a } b }}').position).toBe(5)
  })

  it('an unclosed bracket at the end points at the bracket', () => {
    expect(failure('<< f(a >>').position).toBe(4)
    // Here the object closes, then `}` meets the open `[`.
    const e = failure('{{ [1, {a: 2 }}')
    expect(e.position).toBe(14)
    expect(e.message).toMatch(/"\[" at 1:4/)
  })

  it('an unterminated string, template, comment or regex points at its start', () => {
    expect(failure('{{ "abc }}')).toMatchObject({ position: 3 })
    expect(failure("{{ 'abc\n' }}")).toMatchObject({ position: 3 })
    expect(failure('{{ `abc }}')).toMatchObject({ position: 3 })
    expect(failure('{{ `a${ b }}')).toMatchObject({ position: 3 })
    expect(failure('{{ a /* }}')).toMatchObject({ position: 5 })
    expect(failure('{{ /abc }}')).toMatchObject({ position: 3 })
    expect(failure('{{ "abc }}').message).toMatch(/string.*1:4/i)
  })

  it('positions are offsets in the whole template; messages give line:column', () => {
    const e = failure('a\nb\n  {{ x + "oops }}')
    expect(e.position).toBe(13)
    expect(e.message).toContain('3:10')
  })

  it('never throws, even for non-strings', () => {
    expect(() => parseTemplate(undefined as unknown as string)).not.toThrow()
    expect(parseTemplate(42 as unknown as string).ok).toBe(false)
  })
})
