import type { EChartsType, EChartsCoreOption } from 'echarts/core'
import type { InjectionKey } from 'vue'

/**
 * Provided by a page that shows the dataset's partial-load notice once for all
 * its widgets (the dashboard); a widget embedded alone shows the notice itself.
 */
export const DATASET_NOTICE_SHOWN: InjectionKey<boolean> = Symbol('ghatna-dataset-notice-shown')

/** How a widget's frame reaches the chart inside it, to export what it shows. */
export interface ChartHandle {
  chart: () => EChartsType | undefined
  option: () => EChartsCoreOption
}
export const CHART_REGISTRY: InjectionKey<(handle: ChartHandle | undefined) => void> = Symbol('ghatna-chart-registry')
