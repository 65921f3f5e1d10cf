import { describe, expect, it } from 'vitest'
import { smartJsonBody, type TemplatePart } from '../../src/template-join'
import { assertJson, jsonErrorOffset } from '../../src/smart-json'

/** Template parts from alternating text and values: t`{"a": ${1}}`. */
function body(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: TemplatePart[] = []
  strings.forEach((text, i) => {
    parts.push({ expr: false, value: text })
    if (i < values.length) parts.push({ expr: true, value: values[i] })
  })
  return smartJsonBody(parts)
}

describe('smartJsonBody', () => {
  it('writes a value-position binding as JSON of its value', () => {
    expect(body`{"s": ${'x'}, "n": ${1.5}, "b": ${false}, "z": ${null}, "o": ${{ a: [1] }}}`).toBe(
      '{"s": "x", "n": 1.5, "b": false, "z": null, "o": {"a":[1]}}',
    )
  })

  it('never guesses a type from text: "123" and "true" stay strings', () => {
    expect(JSON.parse(body`[${'123'}, ${'true'}, ${'null'}]`)).toEqual(['123', 'true', 'null'])
  })

  it('undefined, NaN, Infinity and functions become null', () => {
    expect(JSON.parse(body`[${undefined}, ${NaN}, ${Infinity}, ${() => 1}]`)).toEqual([null, null, null, null])
  })

  it('escapes a binding inside a JSON string into it', () => {
    const value = 'a "quoted" \\ back\nnew 😀'
    const out = body`{"msg": "before ${value} after", "o": "${{ k: 'v"' }}"}`
    // A string that is exactly one binding is the value itself (Appsmith drops the quotes).
    expect(JSON.parse(out)).toEqual({ msg: `before ${value} after`, o: { k: 'v"' } })
  })

  it('keeps track of strings across escaped quotes and several bindings', () => {
    const out = body`{"a": "x \\" ${'in'}", "b": ${'out'}, "c": "${1}${2}"}`
    expect(JSON.parse(out)).toEqual({ a: 'x " in', b: 'out', c: '12' })
  })

  it('a binding in key position becomes a key', () => {
    expect(JSON.parse(body`{${'dynamic key'}: 1}`)).toEqual({ 'dynamic key': 1 })
  })

  it('uses toJSON (dates become ISO strings)', () => {
    expect(JSON.parse(body`{"d": ${new Date(Date.UTC(2024, 0, 2))}}`)).toEqual({ d: '2024-01-02T00:00:00.000Z' })
  })

  it('a BigInt is a TypeError', () => {
    expect(() => body`{"n": ${10n}}`).toThrow(TypeError)
  })
})

describe('assertJson', () => {
  it('accepts valid JSON', () => {
    expect(() => assertJson('{"a": [1, 2, {"b": null}]}')).not.toThrow()
  })

  it('names the line and column of the fault, and quotes none of the text', () => {
    const secret = 'sk_live_0123456789'
    for (const [text, where] of [
      [`{"token": "${secret}" "next": 1}`, 'line 1, column 32'],
      [`{\n  "token": "${secret}",\n}`, 'line 3, column 1'],
      [`{"token": ${secret}}`, 'line 1, column 11'],
      [`{"token": "${secret}`, 'line 1, column 30'], // the end of the text,
    ] as const) {
      let message = ''
      try {
        assertJson(text)
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).toContain(where)
      expect(message).not.toContain(secret.slice(0, 6))
    }
  })
})

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, for random inputs', () => {
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '"a"', '1', '-', '0', '.5', 'e3', 'true', 'nul', 'null', ' ', '\n', '\\', '\\u00e9', 'x', '\u0001']
    let seed = 12345
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    let valid = 0
    const disagreements: string[] = []
    for (let k = 0; k < 20_000; k++) {
      let text = ''
      const length = rand(10)
      for (let i = 0; i < length; i++) text += pieces[rand(pieces.length)]
      let parses = true
      try {
        JSON.parse(text)
      } catch {
        parses = false
      }
      if (parses) valid++
      if ((jsonErrorOffset(text) === -1) !== parses) disagreements.push(text)
    }
    expect(disagreements).toEqual([])
    expect(valid).toBeGreaterThan(100) // the generator does make valid JSON too
  })

  it('points at the first bad character', () => {
    expect(jsonErrorOffset('[1, 2,]')).toBe(6)
    expect(jsonErrorOffset('{"a" 1}')).toBe(5)
    expect(jsonErrorOffset('1 2')).toBe(2)
  })
})
