import { describe, expect, test } from 'vitest'
import { ChartDataError, chartModel, dataPointAt, palette } from '../../widgets/chart/chart-data'
import { chartJsConfig } from '../../widgets/chart/chartjs-renderer'
import type { RenderOptions } from '../../widgets/chart/chart-data'

const SALES = {
  s1: { seriesName: 'Sales', data: [{ x: 'Mon', y: 10 }, { x: 'Tue', y: '20' }, { x: 'Wed', y: 'n/a' }] },
  s2: { seriesName: 'Costs', color: '#ff0000', data: [{ x: 'Tue', y: 5 }, { x: 'Thu', y: 7 }] },
}

const options = (over: Partial<RenderOptions>): RenderOptions => ({
  chartType: 'LINE_CHART',
  model: chartModel(SALES),
  title: 'Week',
  xAxisName: 'Day',
  yAxisName: 'EUR',
  showDataPointLabel: false,
  primaryColor: '#123456',
  fontFamily: '',
  onClick: () => undefined,
  ...over,
})

describe('chartModel', () => {
  test('labels in first-seen order; values aligned; numeric strings parsed; non-numbers are gaps', () => {
    const m = chartModel(SALES)
    expect(m.labels).toEqual(['Mon', 'Tue', 'Wed', 'Thu'])
    expect(m.series).toEqual([
      { name: 'Sales', color: undefined, values: [10, 20, null, null] },
      { name: 'Costs', color: '#ff0000', values: [null, 5, null, 7] },
    ])
  })

  test('an array of series works; empty data is an empty chart', () => {
    expect(chartModel([{ seriesName: 'A', data: [{ x: 1, y: 2 }] }])).toEqual({ labels: ['1'], series: [{ name: 'A', color: undefined, values: [2] }] })
    expect(chartModel(undefined)).toEqual({ labels: [], series: [] })
  })

  test('malformed data is an error that names the series', () => {
    expect(() => chartModel('nope')).toThrow(ChartDataError)
    expect(() => chartModel({ s1: { seriesName: 'Sales', data: 'x' } })).toThrow(/"Sales" has no data array/)
    expect(() => chartModel({ s1: 5 })).toThrow(/"s1"/)
  })

  test('dataPointAt gives Appsmith\'s selectedDataPoint', () => {
    const m = chartModel(SALES)
    expect(dataPointAt(m, 1, 3)).toEqual({ x: 'Thu', y: 7, seriesTitle: 'Costs' })
    expect(dataPointAt(m, 2, 0)).toBeNull()
    expect(palette('#111', 3)[0]).toBe('#111')
  })
})

describe('chartJsConfig', () => {
  test('line and area: line datasets, area filled; theme colour for series without one', () => {
    const line = chartJsConfig(options({}))
    expect(line.type).toBe('line')
    expect(line.data.datasets.map((d) => [d.label, (d as { fill?: unknown }).fill, (d as { borderColor?: unknown }).borderColor])).toEqual([
      ['Sales', false, '#123456'],
      ['Costs', false, '#ff0000'],
    ])
    expect(chartJsConfig(options({ chartType: 'AREA_CHART' })).data.datasets[0]).toMatchObject({ fill: 'origin' })
  })

  test('column is vertical bars, bar is horizontal with the axis names swapped', () => {
    const column = chartJsConfig(options({ chartType: 'COLUMN_CHART' }))
    expect(column.type).toBe('bar')
    expect(column.options?.indexAxis).toBe('x')
    const bar = chartJsConfig(options({ chartType: 'BAR_CHART' }))
    expect(bar.options?.indexAxis).toBe('y')
    expect((bar.options?.scales?.y as { title: { text: string } }).title.text).toBe('Day')
  })

  test('pie draws the first series, one slice per x', () => {
    const pie = chartJsConfig(options({ chartType: 'PIE_CHART' }))
    expect(pie.type).toBe('pie')
    expect(pie.data.labels).toEqual(['Mon', 'Tue', 'Wed', 'Thu'])
    expect(pie.data.datasets).toHaveLength(1)
    expect(pie.data.datasets[0].data).toEqual([10, 20, null, null])
  })
})
