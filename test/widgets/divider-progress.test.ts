// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { clampProgress } from '../../widgets/progress'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)

test('divider: a separator with orientation, stroke and thickness through CSSOM', async () => {
  const el = await mount<'smith-divider'>('<smith-divider orientation="vertical" stroke-style="dashed" thickness="3" color="red"></smith-divider>')
  const line = shadow(el).querySelector('[role="separator"]')!
  expect(line.getAttribute('aria-orientation')).toBe('vertical')
  expect(line.classList.contains('dashed')).toBe(true)
  expect(el.style.getPropertyValue('--divider-thickness')).toBe('3px')
  el.strokeStyle = 'url(javascript:1)'
  await el.updateComplete
  expect(line.classList.contains('solid')).toBe(true)
})

test('progress: a progressbar with its value; linear width through CSSOM; circular ring', async () => {
  const el = await mount<'smith-progress'>('<smith-progress name="Load" progress="40" show-result></smith-progress>')
  const bar = shadow(el).querySelector('[role="progressbar"]')!
  expect(bar.getAttribute('aria-valuenow')).toBe('40')
  expect(bar.getAttribute('aria-label')).toBe('Load')
  expect(el.style.getPropertyValue('--progress')).toBe('40%')
  expect(shadow(el).querySelector('.result')?.textContent).toBe('40%')
  el.progressType = 'circular'
  el.progress = 150
  await el.updateComplete
  expect(shadow(el).querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('100')
  expect(Number(shadow(el).querySelector('circle.ring')!.getAttribute('stroke-dashoffset'))).toBe(0)
  el.isIndeterminate = true
  await el.updateComplete
  expect(shadow(el).querySelector('[role="progressbar"]')!.hasAttribute('aria-valuenow')).toBe(false)
})

test('progress: steps split the track', async () => {
  const el = await mount<'smith-progress'>('<smith-progress progress="50" steps="4"></smith-progress>')
  expect(shadow(el).querySelectorAll('.steps span')).toHaveLength(4)
  expect(clampProgress('x')).toBe(0)
  expect(clampProgress(-5)).toBe(0)
})
