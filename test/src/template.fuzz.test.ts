import { describe, expect, it } from 'vitest'
import { mulberry32 as prng } from '../../demo/backend/prng'
import { CompileError, compileExpression, dataReferences, expressionSource, referencedNames, triggerSource, type Resolver } from '../../src/compile'
import { scanExpressionEnd } from '../../src/scan'
import { CLOSER, hasBinding, parseTemplate, type Segment } from '../../src/template'
import { isBoundAttribute } from '../../src/widget-contract'

function reconstruct(segments: readonly Segment[]): string {
  let out = ''
  for (const s of segments) out += s.kind === 'text' ? s.text : s.syntax + s.code + CLOSER[s.syntax]
  return out
}

/** The offset in the input where segment `k` begins. */
function offsetOf(segments: readonly Segment[], k: number): number {
  return reconstruct(segments.slice(0, k)).length
}

/** Checks everything that must hold for any input; returns whether it parsed. */
function checkAnyInput(text: string, label: string): boolean {
  let parsed: ReturnType<typeof parseTemplate>
  try {
    parsed = parseTemplate(text)
  } catch (e) {
    throw new Error(`${label}: parseTemplate threw ${String(e)} for ${JSON.stringify(text)}`)
  }
  if (!parsed.ok) {
    const { position, message } = parsed.error
    expect(Number.isInteger(position) && position >= 0 && position <= text.length, `${label}: position ${position}`).toBe(true)
    expect(message, label).toMatch(/\d+:\d+/)
    // The defensive catch in parseTemplate must never be what answered.
    expect(message, label).not.toMatch(/^Cannot parse template/)
    return false
  }
  expect(reconstruct(parsed.segments), `${label}: round trip`).toBe(text)
  let exprs = 0
  let blank = true
  parsed.segments.forEach((s, k) => {
    if (s.kind === 'text') {
      // Any opener in text would have started a binding, but for a `<<` that no `>>` follows.
      // `{{}}` is text (Appsmith never evaluates an empty snippet); no other opener is.
      expect(s.text.replaceAll('{{}}', '').includes('{{'), `${label}: opener left in text`).toBe(false)
      const at = offsetOf(parsed.segments, k)
      for (let i = s.text.indexOf('<<'); i >= 0; i = s.text.indexOf('<<', i + 1)) {
        expect(text.includes('>>', at + i + 2), `${label}: a closable << left in text`).toBe(false)
      }
      const next = parsed.ok ? parsed.segments[k + 1] : undefined
      if (next?.kind === 'expr') expect(s.text.endsWith(next.syntax[0]), `${label}: opener found late`).toBe(false)
      if (s.text.trim() !== '') blank = false
      return
    }
    exprs++
    expect(text.startsWith(s.syntax + s.code + CLOSER[s.syntax], s.start), `${label}: start offset`).toBe(true)
    // The binding's code, rescanned on its own, ends exactly at its closer.
    const alone = s.syntax + s.code + CLOSER[s.syntax]
    const r = scanExpressionEnd(alone, 2, CLOSER[s.syntax])
    expect(r.ok && r.end === alone.length - 2, `${label}: rescan of ${JSON.stringify(alone)}`).toBe(true)
  })
  expect(parsed.single, `${label}: single`).toBe(exprs === 1 && blank)
  return true
}

const PIECES = [
  '{', '}', '{{', '}}', '<', '>', '<<', '>>', "'", '"', '`', '/', '*', '//', '/*', '*/', '\n', '${', '$',
  '(', ')', '[', ']', '\\', ' ', ' ', 'a', 'b', 'x1', '_$', '.', '?.', ',', ':', ';', '=', '=>', '+', '++',
  '1', '0.5', 'return', 'typeof', 'if', 'this', 'é', '名', '👋', '🎉', '\u2028', '\r\n', '\t', '#', '@', '0x', 'e+',
]

// Fewer quotes and comment starters, so that more inputs parse and hold bindings.
const FRIENDLY = ['{{', '}}', '<<', '>>', '{', '}', '(', ')', ' ', 'a', 'b.c', '1', '>', '<', ' / ', '"}}"', "'>>'",
  '`${ {a: "}}"} }`', '/*}}*/', '/}}/', '+', '=>', ',', ':', 'é', '👋', '\n', 'return']

describe('parseTemplate fuzz', () => {
  it('never throws on random mixes of delimiters, quotes, comments and unicode; ok results round-trip', () => {
    let okCount = 0
    let errorCount = 0
    let bindingCount = 0
    for (let seed = 1; seed <= 30_000; seed++) {
      const rnd = prng(seed)
      const alphabet = seed % 3 === 0 ? FRIENDLY : PIECES
      const length = Math.floor(rnd() * 40)
      let text = ''
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(rnd() * alphabet.length)]
      if (checkAnyInput(text, `seed ${seed}`)) {
        okCount++
        if (hasBinding(text)) bindingCount++
      } else errorCount++
    }
    // Every outcome must be well represented, or the generator is not exercising the parser.
    expect(okCount).toBeGreaterThan(3_000)
    expect(bindingCount).toBeGreaterThan(1_000)
    expect(errorCount).toBeGreaterThan(3_000)
  })

  it('isBoundAttribute, which does not parse, agrees with parseTemplate on random texts', () => {
    let bound = 0
    let lookalike = 0
    for (let seed = 1; seed <= 30_000; seed++) {
      const rnd = prng(seed)
      const alphabet = seed % 3 === 0 ? FRIENDLY : PIECES
      const length = Math.floor(rnd() * 40)
      let text = ''
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(rnd() * alphabet.length)]
      const parsed = parseTemplate(text)
      const expected = !parsed.ok || parsed.segments.some((s) => s.kind === 'expr')
      expect(isBoundAttribute(text), `seed ${seed}: ${JSON.stringify(text)}`).toBe(expected)
      if (expected) bound++
      else if (hasBinding(text)) lookalike++
    }
    // Both answers must be well represented, including text that only looks like a binding.
    expect(bound).toBeGreaterThan(3_000)
    expect(lookalike).toBeGreaterThan(300)
  })

  it('never throws on random single characters from the whole BMP and astral planes', () => {
    const rnd = prng(0xc0ffee)
    for (let n = 0; n < 3_000; n++) {
      let text = '{{ '
      const length = Math.floor(rnd() * 12)
      for (let k = 0; k < length; k++) {
        const astral = rnd() < 0.2
        const cp = astral ? 0x10000 + Math.floor(rnd() * 0xfffff) : Math.floor(rnd() * 0xffff)
        // Lone surrogates included on purpose: the parser must cope.
        text += astral ? String.fromCodePoint(cp) : String.fromCharCode(cp)
      }
      text += rnd() < 0.5 ? ' }}' : ''
      checkAnyInput(text, `unicode ${n}`)
    }
  })
})

describe('compile fuzz', () => {
  it('the source generators and analyses throw nothing but CompileError on random code', () => {
    for (let seed = 1; seed <= 5_000; seed++) {
      const rnd = prng(seed * 7919)
      const length = Math.floor(rnd() * 30)
      let code = ''
      for (let k = 0; k < length; k++) code += PIECES[Math.floor(rnd() * PIECES.length)]
      expect(() => referencedNames(code)).not.toThrow()
      expect(() => dataReferences(code)).not.toThrow()
      for (const generate of [expressionSource, triggerSource]) {
        try {
          generate(code)
        } catch (e) {
          expect(e, `seed ${seed}: ${JSON.stringify(code)}`).toBeInstanceOf(CompileError)
        }
      }
      try {
        compileExpression(code)
      } catch (e) {
        expect(e, `seed ${seed}: ${JSON.stringify(code)}`).toBeInstanceOf(CompileError)
      }
    }
  })
})

/**
 * Random valid expressions built from the pieces that trip naive scanners:
 * strings and regexes holding closers, templates with nested substitutions,
 * object literals, comments, parenthesised shifts. Each comes with nothing at
 * depth 0 that a `}}` or `>>` closer could match.
 */
function expressionGenerator(rnd: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const tricky = ['}}', '>>', '{{', '<<', '${', '`', "\\'", '\\"', '//', '/*', 'é', '👋', '}', '{', ')', '(']
  const str = (): string => {
    const q = pick(["'", '"'])
    let body = ''
    for (let k = Math.floor(rnd() * 4); k > 0; k--) body += pick(tricky.filter((t) => t !== q && t !== '\\' + q).concat(['\\' + q]))
    return q + body + q
  }
  const regex = (): string => pick(['/}}/', '/>>/g', '/[/}]+/', '/a\\/b/i', '/\\}\\}/', '/[>]{2}/'])
  const gen = (depth: number): string => {
    const leaf = depth > 3 || rnd() < 0.3
    if (leaf) return pick([() => String(Math.floor(rnd() * 100)), str, () => pick(['v1', 'v2', 'v3']), () => 'null', () => 'true'])()
    switch (Math.floor(rnd() * 11)) {
      case 0:
        return `{ a: ${gen(depth + 1)}, "b}}": { c: ${gen(depth + 1)} } }`
      case 1:
        return `[${gen(depth + 1)}, ${gen(depth + 1)}]`
      case 2:
        return '`t' + pick(['}}', '>>', '\\`', '{', '']) + '${ ' + gen(depth + 1) + ' }' + pick(['}}', '>>', '']) + '`'
      case 3:
        return `(${gen(depth + 1)} >> ${Math.floor(rnd() * 4)})`
      case 4:
        return `${regex()}.test(${str()})`
      case 5:
        return `(${gen(depth + 1)}) /* }} >> */ + ${gen(depth + 1)}`
      case 6:
        return `[${gen(depth + 1)}].map(x => ({ k: x, s: ${str()} }))`
      case 7:
        return `(() => { const o = { z: ${gen(depth + 1)} }; return o.z })()`
      case 8:
        return `${gen(depth + 1)} // a } b > c\n`
      case 9:
        return `String(${gen(depth + 1)}).length / 2`
      default:
        return `(${gen(depth + 1)} ? ${gen(depth + 1)} : ${gen(depth + 1)})`
    }
  }
  return gen
}

describe('parseTemplate + compileExpression on generated valid expressions', () => {
  const scope: Record<string, unknown> = { v1: 1, v2: 'two', v3: [3] }
  const resolve: Resolver = (name) => (name in scope ? scope[name] : (globalThis as Record<string, unknown>)[name])
  const direct = (code: string): unknown => new Function('v1', 'v2', 'v3', `return (${code}\n)`)(scope.v1, scope.v2, scope.v3)

  it('finds exactly the bindings written, and they evaluate as plain JS does', () => {
    const rnd = prng(2024)
    const gen = expressionGenerator(rnd)
    const textPieces = ['', ' ', 'Hi ', 'a } b ', ' > ', 'ünï 👋 ', '\n', '} ', '> ', 'x']
    for (let n = 0; n < 1_500; n++) {
      const count = 1 + Math.floor(rnd() * 3)
      const codes: string[] = []
      let text = textPieces[Math.floor(rnd() * textPieces.length)]
      for (let k = 0; k < count; k++) {
        const syntax = rnd() < 0.5 ? '{{' : '<<'
        let code = ` ${gen(0)} `
        // A `//` comment at depth 0 must end before the closer; the generator
        // ends it with a newline already.
        if (syntax === '<<' && code.trimEnd().endsWith('>')) code += ' '
        codes.push(code)
        text += syntax + code + CLOSER[syntax] + textPieces[Math.floor(rnd() * textPieces.length)]
      }
      const parsed = parseTemplate(text)
      if (!parsed.ok) throw new Error(`case ${n}: ${parsed.error.message} in ${JSON.stringify(text)}`)
      const found = parsed.segments.flatMap((s) => (s.kind === 'expr' ? [s.code] : []))
      expect(found, `case ${n}: ${JSON.stringify(text)}`).toEqual(codes)
      for (const code of codes) {
        const ours = compileExpression(code).call(undefined, resolve)
        expect(JSON.stringify(ours), `case ${n}: ${JSON.stringify(code)}`).toBe(JSON.stringify(direct(code)))
      }
    }
  })
})
