/**
 * `CUSTOM_ECHART`: the app's own ECharts option object (`customEChartConfig`), drawn by
 * the full ECharts build — any series type may appear in it — loaded with a dynamic import
 * only when a chart of that type renders.
 *
 * Under a strict CSP (`style-src 'self'`) ECharts' HTML tooltips would carry inline
 * `style` attributes that the browser refuses, so tooltips render as rich text on the
 * canvas unless the config says otherwise.
 */
import { init } from 'echarts'
import type { ECharts, EChartsOption } from 'echarts'
import type { ChartRenderer, RenderOptions } from './chart-data'

function option(o: RenderOptions): EChartsOption {
  const config = { ...(o.customEChartConfig ?? {}) } as Record<string, unknown>
  const tooltip = config.tooltip
  if (tooltip && typeof tooltip === 'object' && !Array.isArray(tooltip) && !('renderMode' in tooltip)) {
    config.tooltip = { ...tooltip, renderMode: 'richText' }
  }
  return config as EChartsOption
}

/** Draws the custom ECharts option in `container`. */
export function createRenderer(container: HTMLElement, initial: RenderOptions): ChartRenderer {
  const host = document.createElement('div')
  host.className = 'echarts'
  host.setAttribute('role', 'img')
  container.append(host)
  let options = initial
  const chart: ECharts = init(host, undefined, { renderer: 'canvas' })
  chart.setOption(option(initial), true)
  chart.on('click', (p) => {
    const { name, value, seriesName, seriesIndex, dataIndex, data } = p as unknown as Record<string, unknown>
    options.onClick({
      x: name,
      y: value,
      seriesTitle: typeof seriesName === 'string' ? seriesName : '',
      rawEventData: { seriesIndex, dataIndex, data, name, value, seriesName },
    })
  })
  const resize = new ResizeObserver(() => chart.resize())
  resize.observe(container)
  return {
    update(next) {
      options = next
      chart.setOption(option(next), true)
    },
    destroy() {
      resize.disconnect()
      chart.dispose()
      host.remove()
    },
  }
}
