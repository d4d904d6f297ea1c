/**
 * ghatna for Vue apps: the widgets as components, a plugin that installs what
 * they need, and the data core (validator, aggregation, formatting) with its types.
 * The custom elements are a separate entry: `ghatna/elements`.
 */
import type { App } from 'vue'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from './i18n'
import type { Lang } from './core/format'

export { default as IncidentMap } from './widgets/IncidentMap/IncidentMap.vue'
export { default as DowntimeChart } from './widgets/DowntimeChart/DowntimeChart.vue'
export { default as ImpactChart } from './widgets/ImpactChart/ImpactChart.vue'
export { default as ResponseTimeline } from './widgets/ResponseTimeline/ResponseTimeline.vue'
export { default as FilterBar } from './widgets/FilterBar/FilterBar.vue'
export { default as IncidentList } from './widgets/IncidentList/IncidentList.vue'

export { useDatasetStore, clearFetchCache, setDatasetValidator, pageValidator, openDatasetSource, type DatasetStore, type DatasetSource, type DatasetSourceHandle, type SourceState, type DatasetLoadOptions, type DatasetValidator, type ValidationOutcome, type LoadFailure, type LoadStatus } from './store/dataset'
export { validateDataset, type ValidationReport, type ValidDataset } from './core/validate'
export { describeIssue, type ValidationIssue, type RuleCode } from './core/issues'
export { createFormatter, lagBetween, type Formatter, type FormatOptions, type Lang, type FigureRange, type Lag } from './core/format'
export { parsePartialDate, type PartialDate, type DatePrecision } from './core/dates'
export { tallyByRegion, outageSpans, impactFigures, unitFigures, responseSteps, type Tallies, type RegionTally, type OutageSpan, type ImpactFigure, type ResponseStep } from './core/aggregate'
export { filterIncidents, type IncidentFilters } from './core/filters'
export { REGIONS, NATIONAL, regionName, lookupRegionCode, type Region } from './core/regions'
export { resolveText, localText } from './core/localText'
export type { Dataset, Incident, Outage, Impact, Response, Source, Agency, Meta, LocalText, Sector, IncidentKind, IncidentStatus, ImpactUnit, ImpactStatus, ResponseAction, AgencyLevel } from './core/schema'
export type { ThemeName } from './charts/themes'
export type { MapMetric } from './widgets/IncidentMap/option'

export interface GhatnaPluginOptions {
  lang?: Lang
}

export interface GhatnaPlugin {
  install(app: App): void
  /** Sets the widgets' language; the app's own vue-i18n, if any, is not touched. */
  setLang(lang: Lang): void
  /** The widgets' language now. */
  readonly lang: Lang
}

/**
 * Installs Pinia unless the app has its own (Pinia is a peer dependency: the app's
 * stores and the kit's live in one Pinia), and the kit's private en/hi messages.
 */
export function createGhatna(options: GhatnaPluginOptions = {}): GhatnaPlugin {
  const i18n = createGhatnaI18n(options.lang ?? 'en')
  return {
    get lang() {
      return i18n.global.locale.value
    },
    setLang(lang: Lang) {
      i18n.global.locale.value = lang
    },
    install(app: App) {
      if (!app.config.globalProperties.$pinia) app.use(createPinia())
      app.use(i18n)
    },
  }
}
