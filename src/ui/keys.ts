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

/** What a chart tells the element it sits in, so `ghatna-ready` means drawn and not merely loaded. */
export interface ChartReport {
  painted: () => void
  failed: (reason: string) => void
  /** The chart left the page (unmounted): nothing to wait for. */
  gone: () => void
}
/**
 * Provided by an embedded element (embed/GhatnaElement.vue): each chart asks for a report when it
 * mounts; a frame with nothing to draw (no data after filters) says so, and is ready without a chart.
 */
export interface RenderReporter {
  chart: () => ChartReport
  nothingToDraw: () => void
}
export const RENDER_REPORTER: InjectionKey<RenderReporter> = Symbol('ghatna-render-reporter')

/**
 * Provided by a page of several widgets (the dashboard): each widget's first render takes its turn
 * (ui/turns.ts) so the page does not freeze while all of them render at once.
 */
export const RENDER_TURNS: InjectionKey<import('./turns').Turns> = Symbol('ghatna-render-turns')
