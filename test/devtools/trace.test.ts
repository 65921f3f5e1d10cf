import { describe, expect, it } from 'vitest'
import { computed, signal, sourcesOf, traceReads } from '../../src/reactive'

describe('traceReads', () => {
  it('lists the signals and computeds a function read directly, in first-read order; sourcesOf looks inside a computed', () => {
    const a = signal(1, { name: 'a' })
    const b = signal(2, { name: 'b' })
    const c = signal(3, { name: 'c' })
    const sum = computed(() => a.value + b.value, { name: 'sum' })
    const { result, reads } = traceReads(() => sum.value + (a.value > 0 ? c.value : 0))
    expect(result).toBe(6)
    expect(reads.map((s) => s.name)).toEqual(['sum', 'a', 'c'])
    expect(sourcesOf(sum).map((s) => s.name)).toEqual(['a', 'b'])
    expect(sourcesOf(a)).toEqual([])
    const { reads: other } = traceReads(() => b.peek())
    expect(other).toEqual([])
  })
})
