/**
 * `smithlet/widgets/chart/define`: importing this module defines `smith-chart` (unless it
 * is defined already). Only apps with a chart import it; see ./index.ts.
 */
import { defineChart } from './index'

export * from './index'

defineChart()
