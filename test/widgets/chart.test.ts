// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import '../../widgets/chart/define'
import { cleanup, mount, shadow } from './helpers'

afterEach(cleanup)

describe('<smith-chart> (model; drawing is tested in Chromium)', () => {
  test('names the chart for assistive technology', async () => {
    const el = await mount<'smith-chart'>('<smith-chart chart-type="PIE_CHART" chart-name="Share"></smith-chart>', {
      chartData: { a: { seriesName: 'Share', data: [{ x: 'A', y: 1 }, { x: 'B', y: 2 }] } },
    })
    expect(shadow(el).querySelector('[role="figure"]')!.getAttribute('aria-label')).toBe('Pie chart: Share, 1 series, 2 points')
  })

  test('malformed chartData, fusion charts and unknown types are errors in words, not crashes', async () => {
    const el = await mount<'smith-chart'>('<smith-chart></smith-chart>', { chartData: { s1: { seriesName: 'Sales', data: 5 } } })
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toBe('Chart series "Sales" has no data array.')
    el.chartData = {}
    el.chartType = 'CUSTOM_FUSION_CHART'
    await el.updateComplete
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toMatch(/Fusion charts are not supported/)
    el.chartType = 'RADAR' as never
    await el.updateComplete
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toBe('Unknown chart type "RADAR".')
  })

  test('a binding error on chartData is shown in place of the chart', async () => {
    const el = await mount<'smith-chart'>('<smith-chart></smith-chart>', { errors: { chartData: 'ReferenceError: q is not defined' } })
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toBe('ReferenceError: q is not defined')
    expect(shadow(el).querySelector('.plot')).toBeNull()
  })

  test('selectedDataPoint starts empty and resets', async () => {
    const el = await mount<'smith-chart'>('<smith-chart></smith-chart>')
    expect(el.getMeta('selectedDataPoint')).toEqual({})
    el.setMeta('selectedDataPoint', { x: 'a', y: 1, seriesTitle: 's' })
    el.resetMeta()
    expect(el.getMeta('selectedDataPoint')).toEqual({})
  })
})
