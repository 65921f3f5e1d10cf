/**
 * Appsmith's chart data model, as pure functions: `chartData` (series of `{ x, y }`
 * points) → the labels and aligned values a renderer draws, and the data point a click
 * selects. No charting library is imported here, so the widget and its tests load none.
 */

/** Appsmith's `chartType` values. */
export type ChartType = 'LINE_CHART' | 'BAR_CHART' | 'COLUMN_CHART' | 'AREA_CHART' | 'PIE_CHART' | 'CUSTOM_ECHART' | 'CUSTOM_FUSION_CHART'

/** The built-in types, drawn by the small renderer. */
export const BASIC_CHART_TYPES: ReadonlySet<string> = new Set(['LINE_CHART', 'BAR_CHART', 'COLUMN_CHART', 'AREA_CHART', 'PIE_CHART'])

/** One series as the widget draws it. */
export interface Series {
  name: string
  color?: string
  /** One value per label; null where the series has no point for that x. */
  values: Array<number | null>
}

/** Labels (x values in first-seen order) and the series aligned to them. */
export interface ChartModel {
  labels: string[]
  series: Series[]
}

/** Appsmith's `selectedDataPoint`. */
export interface DataPoint {
  x: unknown
  y: unknown
  seriesTitle: string
  rawEventData?: Record<string, unknown>
}

/** A problem with `chartData`, worded for the person reading the page. */
export class ChartDataError extends Error {
  override name = 'ChartDataError'
}

const toNumber = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/**
 * Normalises `chartData` — Appsmith's `{ id: { seriesName, data: [{ x, y }], color? } }`,
 * or an array of such series — into labels and aligned numeric values. A `y` that is not a
 * number is a gap (null), as in Appsmith's charts; a series that is not an object, or
 * whose `data` is not an array, is an error naming it.
 */
export function chartModel(chartData: unknown): ChartModel {
  if (chartData === null || chartData === undefined || chartData === '') return { labels: [], series: [] }
  if (typeof chartData !== 'object') throw new ChartDataError('Chart data must be an object of series ({ seriesName, data: [{ x, y }] }).')
  const entries = Array.isArray(chartData) ? chartData.map((s, i) => [String(i), s] as const) : Object.entries(chartData)
  const labels: string[] = []
  const index = new Map<string, number>()
  const raw: Array<{ name: string; color?: string; points: Map<number, number | null> }> = []
  for (const [key, s] of entries) {
    if (s === null || typeof s !== 'object') throw new ChartDataError(`Chart series "${key}" must be an object with a data array.`)
    const { seriesName, data, color } = s as { seriesName?: unknown; data?: unknown; color?: unknown }
    if (!Array.isArray(data)) throw new ChartDataError(`Chart series "${typeof seriesName === 'string' ? seriesName : key}" has no data array.`)
    const points = new Map<number, number | null>()
    for (const p of data) {
      if (p === null || typeof p !== 'object') continue
      const label = String((p as { x?: unknown }).x ?? '')
      let at = index.get(label)
      if (at === undefined) {
        at = labels.push(label) - 1
        index.set(label, at)
      }
      points.set(at, toNumber((p as { y?: unknown }).y))
    }
    raw.push({ name: typeof seriesName === 'string' ? seriesName : key, color: typeof color === 'string' && color ? color : undefined, points })
  }
  const series = raw.map(({ name, color, points }) => {
    const values = new Array<number | null>(labels.length)
    for (let i = 0; i < labels.length; i++) values[i] = points.get(i) ?? null
    return { name, color, values }
  })
  return { labels, series }
}

/** The data point at `(seriesIndex, pointIndex)` of a model, as `selectedDataPoint`. */
export function dataPointAt(model: ChartModel, seriesIndex: number, pointIndex: number): DataPoint | null {
  const series = model.series[seriesIndex]
  if (!series || pointIndex < 0 || pointIndex >= model.labels.length) return null
  return { x: model.labels[pointIndex], y: series.values[pointIndex], seriesTitle: series.name }
}

/** Colours for series without one; the first is the theme's primary colour. */
export function palette(primary: string, count: number): string[] {
  const rest = ['#f59e0b', '#10b981', '#ef4444', '#0ea5e9', '#a855f7', '#84cc16', '#ec4899', '#64748b']
  const colours = [primary, ...rest]
  return Array.from({ length: count }, (_, i) => colours[i % colours.length])
}

/** Options every renderer understands. */
export interface RenderOptions {
  chartType: ChartType
  model: ChartModel
  title: string
  xAxisName: string
  yAxisName: string
  showDataPointLabel: boolean
  primaryColor: string
  fontFamily: string
  /** For CUSTOM_ECHART: the ECharts option object, as given. */
  customEChartConfig?: Record<string, unknown>
  /** Called with the clicked point. */
  onClick(point: DataPoint): void
}

/** What a renderer module's `createRenderer` returns. */
export interface ChartRenderer {
  update(options: RenderOptions): void
  destroy(): void
}

/** A renderer module (loaded with a dynamic import). */
export interface RendererModule {
  createRenderer(container: HTMLElement, options: RenderOptions): ChartRenderer
}
