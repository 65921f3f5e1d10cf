/**
 * `<smith-chart>`: Appsmith's CHART_WIDGET — line, bar, column, area and pie charts from
 * `chartData`, or the app's own ECharts option (`CUSTOM_ECHART`).
 *
 * ```html
 * <smith-chart name="Chart1" chart-type="COLUMN_CHART" chart-name="Sales"
 *              chart-data="{{ { s1: { seriesName: 'Sales', data: getSales.data } } }}"
 *              on-data-point-click="{{showAlert(Chart1.selectedDataPoint.x)}}"></smith-chart>
 * ```
 *
 * The charting libraries are loaded with dynamic imports when a chart first renders —
 * Chart.js for the built-in types, full ECharts for `CUSTOM_ECHART` — so this element
 * costs an app about 2 KiB and an app without a chart never fetches chart code (with the
 * build's code splitting on, each library is a chunk of its own).
 */
import { css, html } from 'lit'
import type { PropertyDeclarations, TemplateResult } from 'lit'
import { SmithElement, baseStyles } from '../smith-element'
import { BASIC_CHART_TYPES, ChartDataError, chartModel } from './chart-data'
import type { ChartModel, ChartRenderer, ChartType, DataPoint, RenderOptions, RendererModule } from './chart-data'

type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

const TYPE_NAMES: Record<string, string> = {
  LINE_CHART: 'Line chart',
  BAR_CHART: 'Bar chart',
  COLUMN_CHART: 'Column chart',
  AREA_CHART: 'Area chart',
  PIE_CHART: 'Pie chart',
  CUSTOM_ECHART: 'Chart',
}

/** Which renderer module draws a chart type; `null` for types smithlet cannot draw. */
function rendererFor(type: string): 'chartjs' | 'echarts' | null {
  if (BASIC_CHART_TYPES.has(type)) return 'chartjs'
  if (type === 'CUSTOM_ECHART') return 'echarts'
  return null
}

// One import per library for the whole page, shared by every chart.
const loaders: Record<'chartjs' | 'echarts', () => Promise<RendererModule>> = {
  chartjs: () => import('./chartjs-renderer'),
  echarts: () => import('./echarts-renderer'),
}
const loaded = new Map<string, Promise<RendererModule>>()
function load(kind: 'chartjs' | 'echarts'): Promise<RendererModule> {
  let p = loaded.get(kind)
  if (!p) {
    p = loaders[kind]()
    p.catch(() => loaded.delete(kind)) // a failed load (network) may be retried by the next render
    loaded.set(kind, p)
  }
  return p
}

/**
 * A chart widget.
 *
 * Properties: `chartType`, `chartData`, `chartName`, `xAxisName`, `yAxisName`,
 * `showDataPointLabel`, `customEChartConfig`.
 * Meta: `selectedDataPoint` (`{ x, y, seriesTitle, rawEventData? }`).
 * Events: `onDataPointClick`.
 */
export class SmithChart extends SmithElement {
  static override properties: PropertyDeclarations = {
    chartType: { type: String, attribute: 'chart-type' },
    chartData: { attribute: 'chart-data' },
    chartName: { type: String, attribute: 'chart-name' },
    xAxisName: { type: String, attribute: 'x-axis-name' },
    yAxisName: { type: String, attribute: 'y-axis-name' },
    showDataPointLabel: { type: Boolean, attribute: 'show-data-point-label' },
    customEChartConfig: { attribute: 'custom-e-chart-config' },
  }

  static override metaDefaults: Record<string, unknown> = { selectedDataPoint: {} }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: relative;
        height: 300px;
        font-family: var(--smith-font, inherit);
      }
      .plot {
        position: relative;
        width: 100%;
        height: 100%;
      }
      .plot > canvas,
      .plot > .echarts {
        width: 100%;
        height: 100%;
      }
      .status {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        margin: 0;
        color: #555;
        pointer-events: none;
      }
      .status[hidden] {
        display: none;
      }
    `,
  ]

  /** `LINE_CHART`, `BAR_CHART` (horizontal), `COLUMN_CHART`, `AREA_CHART`, `PIE_CHART`, `CUSTOM_ECHART`. */
  declare chartType: ChartType
  /** `{ id: { seriesName, data: [{ x, y }], color? } }`. */
  declare chartData: unknown
  /** The chart's title. */
  declare chartName: string
  declare xAxisName: string
  declare yAxisName: string
  declare showDataPointLabel: boolean
  /** For `CUSTOM_ECHART`: an ECharts option object. */
  declare customEChartConfig: unknown

  #renderer: ChartRenderer | null = null
  #rendererKind: string | null = null
  /** Bumped on every draw request, so a slow import never draws stale options. */
  #generation = 0
  #status: LoadStatus = 'idle'
  /** The element the renderer draws in; a re-render after an error replaces it. */
  #plot: HTMLElement | null = null

  constructor() {
    super()
    this.chartType = 'LINE_CHART'
    this.chartData = {}
    this.chartName = ''
    this.xAxisName = ''
    this.yAxisName = ''
    this.showDataPointLabel = false
    this.customEChartConfig = {}
  }

  /** The normalised data, or the message for data that cannot be drawn. */
  #model(): ChartModel | string {
    try {
      return chartModel(this.chartData)
    } catch (e) {
      return e instanceof ChartDataError ? e.message : 'Chart data cannot be drawn.'
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#generation++
    this.#renderer?.destroy()
    this.#renderer = null
    this.#rendererKind = null
  }

  #select = (point: DataPoint): void => {
    this.setMeta('selectedDataPoint', point)
    this.trigger('onDataPointClick')
  }

  #options(model: ChartModel): RenderOptions {
    const style = getComputedStyle(this)
    const config = this.customEChartConfig
    return {
      chartType: this.chartType,
      model,
      title: this.chartName ?? '',
      xAxisName: this.xAxisName ?? '',
      yAxisName: this.yAxisName ?? '',
      showDataPointLabel: !!this.showDataPointLabel,
      primaryColor: style.getPropertyValue('--smith-primary').trim() || '#553de9',
      fontFamily: style.getPropertyValue('--smith-font').trim(),
      customEChartConfig: config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {},
      onClick: this.#select,
    }
  }

  protected override updated(): void {
    void this.#draw()
  }

  async #draw(): Promise<void> {
    const generation = ++this.#generation
    const model = this.#model()
    const kind = rendererFor(this.chartType)
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot')
    if (typeof model === 'string' || kind === null || plot === null || this.errorFor('chartData') !== undefined) {
      this.#renderer?.destroy()
      this.#renderer = null
      this.#rendererKind = null
      return
    }
    if (this.#renderer && this.#rendererKind === kind && this.#plot === plot) {
      this.#renderer.update(this.#options(model))
      return
    }
    this.#setStatus('loading')
    let module: RendererModule
    try {
      module = await load(kind)
    } catch {
      if (generation === this.#generation) this.#setStatus('failed')
      return
    }
    if (generation !== this.#generation || !this.isConnected) return
    this.#renderer?.destroy()
    this.#renderer = module.createRenderer(plot, this.#options(model))
    this.#plot = plot
    this.#rendererKind = kind
    this.#setStatus('ready')
  }

  #setStatus(status: LoadStatus): void {
    if (this.#status === status) return
    this.#status = status
    // The status line is outside the plot, which the renderer owns; re-rendering it never
    // touches the chart's canvas.
    const line = this.renderRoot.querySelector('.status')
    if (line) line.textContent = status === 'loading' ? 'Loading chart…' : status === 'failed' ? 'The chart could not be loaded. Reload the page to try again.' : ''
    line?.toggleAttribute('hidden', status === 'ready' || status === 'idle')
  }

  /** The accessible name: the type, the title and the amount of data. */
  #label(model: ChartModel): string {
    const type = TYPE_NAMES[this.chartType] ?? 'Chart'
    const title = this.chartName ? `: ${this.chartName}` : ''
    if (this.chartType === 'CUSTOM_ECHART') return `${type}${title}`
    return `${type}${title}, ${model.series.length} series, ${model.labels.length} points`
  }

  protected override render(): TemplateResult {
    const error = this.errorFor('chartData') ?? this.errorFor('chartType') ?? this.errorFor('customEChartConfig')
    if (error !== undefined) return this.renderError(error)
    if (this.chartType === 'CUSTOM_FUSION_CHART') return this.renderError('Fusion charts are not supported; use a custom ECharts chart (CUSTOM_ECHART) instead.')
    if (rendererFor(this.chartType) === null) return this.renderError(`Unknown chart type "${String(this.chartType)}".`)
    const model = this.#model()
    if (typeof model === 'string') return this.renderError(model)
    return html`<div class="plot" part="plot" role="figure" aria-label=${this.#label(model)}></div>
      <p class="status" aria-live="polite" ?hidden=${this.#status === 'ready' || this.#status === 'idle'}></p>`
  }
}
