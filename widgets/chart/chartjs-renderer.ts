/**
 * The built-in charts (line, area, column, bar, pie) drawn with Chart.js, loaded with a
 * dynamic import by `<smith-chart>` only. Only the controllers, elements and scales these
 * five types use are registered, so the bundle carries nothing else (measured: ~66 KiB
 * gzipped, against ~197 KiB for ECharts with the same charts; uPlot has no pie or bars).
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js'
import type { ChartConfiguration, ChartEvent, ActiveElement } from 'chart.js'
import { palette } from './chart-data'
import type { ChartRenderer, RenderOptions } from './chart-data'

Chart.register(LineController, BarController, PieController, LineElement, BarElement, ArcElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Filler, Title)

/** The Chart.js configuration for the widget's options. */
export function chartJsConfig(o: RenderOptions): ChartConfiguration {
  const { labels, series } = o.model
  const colours = palette(o.primaryColor, Math.max(series.length, labels.length))
  const font = { family: o.fontFamily || undefined }
  const title = { display: o.title !== '', text: o.title, font: { ...font, size: 16 } }
  if (o.chartType === 'PIE_CHART') {
    // A pie shows its first series, one slice per x, as Appsmith's does.
    const first = series[0]
    return {
      type: 'pie',
      data: { labels, datasets: first ? [{ label: first.name, data: first.values, backgroundColor: colours.slice(0, labels.length) }] : [] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { title, legend: { position: 'bottom', labels: { font } } } },
    }
  }
  const horizontal = o.chartType === 'BAR_CHART'
  const line = o.chartType === 'LINE_CHART' || o.chartType === 'AREA_CHART'
  const axis = (text: string) => ({ title: { display: text !== '', text, font } })
  return {
    type: line ? 'line' : 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.name,
        data: s.values,
        borderColor: s.color ?? colours[i],
        backgroundColor: line && o.chartType === 'AREA_CHART' ? `${s.color ?? colours[i]}55` : s.color ?? colours[i],
        fill: o.chartType === 'AREA_CHART' ? 'origin' : false,
        tension: 0.2,
        spanGaps: true,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'nearest', intersect: !line },
      scales: horizontal ? { x: axis(o.yAxisName), y: axis(o.xAxisName) } : { x: axis(o.xAxisName), y: axis(o.yAxisName) },
      plugins: { title, legend: { display: series.length > 1, position: 'bottom', labels: { font } } },
    },
  }
}

/** Draws the chart on a new `<canvas>` in `container`. */
export function createRenderer(container: HTMLElement, initial: RenderOptions): ChartRenderer {
  const canvas = document.createElement('canvas')
  canvas.setAttribute('role', 'img')
  container.append(canvas)
  let options = initial
  const onClick = (_event: ChartEvent, elements: ActiveElement[]): void => {
    const hit = elements[0]
    if (!hit) return
    const series = options.chartType === 'PIE_CHART' ? 0 : hit.datasetIndex
    const s = options.model.series[series]
    if (!s) return
    options.onClick({ x: options.model.labels[hit.index], y: s.values[hit.index], seriesTitle: s.name })
  }
  const build = (o: RenderOptions): ChartConfiguration => {
    const config = chartJsConfig(o)
    config.options = { ...config.options, onClick }
    return config
  }
  let chart = new Chart(canvas, build(options))
  return {
    update(next) {
      const sameType = next.chartType === options.chartType
      options = next
      if (!sameType) {
        chart.destroy()
        chart = new Chart(canvas, build(next))
        return
      }
      const config = build(next)
      chart.data = config.data
      chart.options = config.options ?? {}
      chart.update()
    },
    destroy() {
      chart.destroy()
      canvas.remove()
    },
  }
}
