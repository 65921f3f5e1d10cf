import { expect, test } from 'vitest'
import { parseDateAs } from '../../widgets/date-format'

test('parseDateAs reads numeric moment formats in local time; a mismatch, an impossible date or a named token is undefined', () => {
  expect(parseDateAs('20/02/1990', 'DD/MM/YYYY')?.toDateString()).toBe(new Date(1990, 1, 20).toDateString())
  const t = parseDateAs('1990-02-20 10:30', 'YYYY-MM-DD HH:mm')!
  expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([1990, 1, 20, 10, 30])
  expect(parseDateAs('2.3.24', 'D.M.YY')?.toDateString()).toBe(new Date(2024, 2, 2).toDateString())
  expect(parseDateAs('2x3x24', 'D.M.YY')).toBeUndefined()
  expect(parseDateAs('31/02/1990', 'DD/MM/YYYY')).toBeUndefined()
  expect(parseDateAs('1990-02-20', 'DD/MM/YYYY')).toBeUndefined()
  expect(parseDateAs('Feb 2', 'MMM D')).toBeUndefined()
})
