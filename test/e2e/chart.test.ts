/**
 * `<smith-chart>` in real Chromium under the strict CSP: Chart.js is fetched only when a
 * chart renders, draws on a canvas, and a click on a column sets `selectedDataPoint` and
 * runs `onDataPointClick`; a CUSTOM_ECHART chart draws the app's ECharts option.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { compositePage } from './composite-page'
import { pagesAndBrowser } from './pages-server'

const e2e = pagesAndBrowser()

/** Non-transparent pixels of the first canvas in the chart, and its box. */
function drawn(page: Page): Promise<{ painted: number; width: number; height: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('smith-chart')!.shadowRoot!.querySelector('canvas')
    if (!canvas) return { painted: 0, width: 0, height: 0 }
    const ctx = canvas.getContext('2d')!
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
    const box = canvas.getBoundingClientRect()
    return { painted, width: box.width, height: box.height }
  })
}

describe('<smith-chart> in Chromium', () => {
  test('a column chart renders, loads its library on demand, and a click selects the data point', async () => {
    const page = await compositePage(e2e, 'chart', '<p>no chart yet</p>')
    const scripts = (): Promise<string[]> => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.slice(r.name.lastIndexOf('/') + 1)))
    const before = await scripts()
    expect(before.filter((s) => s.startsWith('chartjs-renderer') || s.startsWith('echarts'))).toEqual([])

    await page.evaluate(() => {
      const chart = document.createElement('smith-chart') as unknown as HTMLElement & Record<string, unknown>
      chart.setAttribute('name', 'Chart1')
      chart.chartType = 'COLUMN_CHART'
      chart.chartName = 'Sales'
      chart.chartData = { s1: { seriesName: 'Sales', data: [{ x: 'Mon', y: 40 }, { x: 'Tue', y: 100 }] } }
      const log: unknown[] = []
      ;(window as unknown as { clicks: unknown[] }).clicks = log
      chart.addEventListener('smith-trigger', (e) => log.push([(e as CustomEvent).detail.event, (chart.meta as Record<string, { value: unknown }>).selectedDataPoint.value]))
      document.body.append(chart)
    })
    await expect.poll(async () => (await drawn(page)).painted, { timeout: 10_000 }).toBeGreaterThan(1000)
    // The chart's library arrived as scripts the page had not loaded before.
    expect((await scripts()).filter((s) => s.endsWith('.js') && !before.includes(s)).length).toBeGreaterThan(0)
    expect((await scripts()).filter((s) => s.startsWith('echarts'))).toEqual([])
    expect(await page.locator('smith-chart [role="figure"]').getAttribute('aria-label')).toBe('Column chart: Sales, 1 series, 2 points')

    // Tue's column (y = 100, the axis maximum) fills the right half's middle, from the bottom up.
    const { width, height } = await drawn(page)
    await page.locator('smith-chart canvas').click({ position: { x: width * 0.75, y: height * 0.6 } })
    await expect.poll(() => page.evaluate(() => (window as unknown as { clicks: unknown[] }).clicks)).toEqual([
      ['onDataPointClick', { x: 'Tue', y: 100, seriesTitle: 'Sales' }],
    ])
    expect(e2e.browser.cspViolations()).toEqual([])
    expect(e2e.browser.events.filter((e) => e.kind === 'pageerror')).toEqual([])
  })

  test('CUSTOM_ECHART draws the app\'s ECharts option', async () => {
    const page = await compositePage(e2e, 'echart', '<p>custom</p>')
    await page.evaluate(() => {
      const chart = document.createElement('smith-chart') as unknown as HTMLElement & Record<string, unknown>
      chart.chartType = 'CUSTOM_ECHART'
      chart.customEChartConfig = {
        xAxis: { type: 'category', data: ['a', 'b', 'c'] },
        yAxis: { type: 'value' },
        tooltip: {},
        series: [{ type: 'bar', name: 'Counts', data: [3, 5, 9] }],
      }
      document.body.append(chart)
    })
    await expect.poll(async () => (await drawn(page)).painted, { timeout: 15_000 }).toBeGreaterThan(1000)
    expect(e2e.browser.cspViolations()).toEqual([])
  })
})
