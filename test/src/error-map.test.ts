import { expect, it } from 'vitest'
import { createErrorMap } from '../../src/error-map'
import { BindingError } from '../../src/errors'
import { effect } from '../../src/reactive'

it('sets, replaces and clears one error per key; a reactive reader re-runs once per change', () => {
  const errors = createErrorMap()
  const a = new BindingError('a failed', 'a')
  const b = new BindingError('b failed', 'b')
  const seen: string[][] = []
  const stop = effect(() => void seen.push(errors.list().map((e) => e.message)))
  errors.set('A.text', a)
  errors.set('A.text', a) // no change: no re-run
  errors.set('B.text', b)
  errors.set('C.text', null) // nothing to clear: no re-run
  errors.set('A.text', null)
  stop()
  expect(seen).toEqual([[], ['a failed'], ['a failed', 'b failed'], ['b failed']])
  expect(errors.size).toBe(1)
})

it('a binding effect that reports errors does not subscribe to the map (no cycle, no re-run)', () => {
  const errors = createErrorMap()
  let runs = 0
  const stop = effect(() => {
    runs++
    errors.set(`X.y${runs}`, new BindingError('x', 'x'))
  })
  errors.set('Other.z', new BindingError('z', 'z'))
  stop()
  expect(runs).toBe(1)
  expect(errors.size).toBe(2)
})
