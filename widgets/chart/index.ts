/**
 * `smithlet/widgets/chart`: the chart element, apart from widgets/index.ts on purpose
 * (`smithlet/widgets/chart/define` defines the `smith-chart` tag): the chart element reaches Chart.js and ECharts through `import()`, and a
 * bundler must still see (and, without code splitting, inline) both. An app whose pages
 * have no `<smith-chart>` does not import this module and so neither bundles nor ships
 * any chart code; the app build adds the import for pages that use one.
 */
import { SmithChart } from './chart'

export { SmithChart }
export type { ChartModel, ChartType, DataPoint, Series } from './chart-data'

/** Defines `smith-chart` in a registry unless it is defined already. */
export function defineChart(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (registry && !registry.get('smith-chart')) registry.define('smith-chart', SmithChart)
}

declare global {
  interface HTMLElementTagNameMap {
    'smith-chart': SmithChart
  }
}
