/**
 * The response timeline as a headless model: plain inputs (an incident, the agencies, the UI
 * language, the chart's width and a way to measure text) → lanes laid out so that no label is
 * drawn over another or past the plot, axis ticks on calendar boundaries, the chart's height, its
 * summary, table and keyboard stops, and the ECharts option. The component, `ghatna render` and the
 * stories all use it.
 *
 * Also the overview across incidents: per incident, how long until the first complaint, CERT-In's
 * involvement, restoration, and the first denial or confirmation.
 */
import type { PartialDate } from '../../core/dates'
import { responseSteps, incidentStart, type ResponseStep } from '../../core/aggregate'
import { regionName } from '../../core/regions'
import { localText } from '../../core/localText'
import type { Agency, Incident, ResponseAction } from '../../core/schema'
import type { Lag } from '../../core/format'
import type { ChartTheme } from '../../charts/themes'
import type { KeyboardItem } from '../../charts/keyboard'
import { text, textCell, citedSources, sourceLine, type ChartLocale, type TableCell } from '../../charts/locale'
import type { TableColumn } from '../../charts/table'
import type { TextMeasure } from '../../charts/locale'
import { buildTimelineOption, type TimelineOption } from './option'
import { timelineData, actionLabel, type TimelineData } from './data'
import { layoutTimeline, type TimelineLayout } from './layout'

export interface TimelineModelInput {
  incidents: readonly Incident[]
  agencies: readonly Agency[]
  locale: ChartLocale
  theme: ChartTheme
  /** The reader's choice; the first incident with responses otherwise. */
  incidentId?: string
  /** The chart's width in px. */
  width: number
  measure?: TextMeasure
}

export interface TimelineModel {
  /** Incidents that have responses, newest first (as the overview): what the picker lists. */
  candidates: Incident[]
  incident: Incident | undefined
  data: TimelineData | undefined
  layout: TimelineLayout | undefined
  summary: string
  height: number
  columns: TableColumn[]
  rows: () => Record<string, TableCell>[]
  keyboard: KeyboardItem[]
  option: TimelineOption | undefined
}

export function timelineModel({ incidents, agencies, locale, theme, incidentId, width, measure }: TimelineModelInput): TimelineModel {
  const { t } = locale
  const timeZone = locale.format.timeZone
  // Each start looked up once, not twice per comparison.
  const candidates = incidents.filter((incident) => (incident.responses?.length ?? 0) > 0)
    .map((incident) => ({ incident, start: incidentStart(incident, timeZone).start }))
    .sort((a, b) => b.start - a.start)
    .map(({ incident }) => incident)
  const incident = candidates.find((i) => i.id === incidentId) ?? candidates[0]
  const data = incident ? timelineData(incident, agencies, locale, locale.format.timeZone) : undefined
  const layout = data ? layoutTimeline(data, width, locale, measure) : undefined
  let summary = t('timeline.none')
  if (data) {
    const steps = data.items.flatMap((item) => (item.step ? [item.step] : []))
    const agencyCount = new Set(data.lanes.slice(1).map((lane) => lane.key)).size
    const denials = steps.filter((step) => step.response.action === 'denial').length
    const firstDate = locale.format.date(steps[0]!.date)
    const lastDate = locale.format.date(steps.at(-1)!.date)
    summary = t(firstDate === lastDate ? 'timeline.summaryOneDate' : 'timeline.summary', {
      title: text(data.incident.title, locale), first: firstDate, last: lastDate,
      actions: t('timeline.actions', { count: steps.length }, steps.length), agencies: t('timeline.agencies', { count: agencyCount }, agencyCount),
    })
    if (denials) summary = `${summary} ${t('timeline.denials', { count: denials }, denials)}`
  }
  const columns: TableColumn[] = [
    { key: 'date', label: t('table.date') },
    { key: 'lag', label: t('table.lag') },
    { key: 'agency', label: t('table.agency') },
    { key: 'action', label: t('table.action') },
    { key: 'text', label: t('table.note') },
    { key: 'source', label: t('incident.sources') },
  ]
  const rows = () =>
    (data?.items ?? []).flatMap((item) => {
      if (!item.step) return []
      const { step } = item
      return [{
        date: locale.format.date(step.date),
        lag: locale.format.lag(step.lag),
        agency: (step.agency ? text(step.agency.name, locale) : text(step.response.agency, locale)) + (step.response.region ? ` (${regionName(step.response.region, locale.lang)})` : ''),
        action: t(`action.${step.response.action}`),
        text: textCell(step.response.text, locale),
        source: citedSources(data!.incident, step.sources).map((source) => sourceLine(source, locale)).join('; '),
      }]
    })
  const keyboard = (data?.items ?? []).map((item, dataIndex) => ({
    announcement: `${data!.lanes[item.lane]!.label}: ${actionLabel(item, locale)}, ${locale.format.date(item.date)}. ${text(item.step?.response.text, locale)}`,
    seriesIndex: 0,
    dataIndex,
    id: `${data!.incident.id}:${item.step?.index ?? 'start'}`,
  }))
  return {
    candidates, incident, data, layout, summary,
    height: layout?.height ?? 200,
    columns, rows, keyboard,
    option: data && layout ? buildTimelineOption(data, layout, locale, theme, summary) : undefined,
  }
}

/** The lags newsrooms write about, in the overview's column order. */
export const MILESTONES = ['complaint', 'cert-in', 'restoration', 'official-word'] as const
export type Milestone = (typeof MILESTONES)[number]

/** CERT-In by its id in the contract's examples, or by name where a dataset writes it as a one-off agency. */
const isCertIn = (step: ResponseStep) =>
  step.agency?.id === 'cert-in' || /\bCERT-?In\b/i.test(step.agency ? `${localText(step.agency.short, 'en')} ${localText(step.agency.name, 'en')}` : localText(step.response.agency, 'en'))

const MILESTONE_TEST: Record<Milestone, (step: ResponseStep) => boolean> = {
  complaint: (step) => step.response.action === 'complaint',
  'cert-in': isCertIn,
  restoration: (step) => step.response.action === 'restoration',
  'official-word': (step) => step.response.action === 'denial' || step.response.action === 'confirmation',
}

export interface OverviewCell {
  lag: Lag
  date: PartialDate
  action: ResponseAction
}

export interface OverviewRow {
  incident: Incident
  started: PartialDate
  cells: Partial<Record<Milestone, OverviewCell>>
  responses: number
}

/**
 * Each incident's row, kept beside it: a filter change re-sorts rows, it does not work out every lag
 * again. Rows hold lags, not their words: only the rows shown are put in words (overviewLabel).
 */
const overviewRows = new WeakMap<Incident, { agencies: readonly Agency[]; timeZone: string; row: OverviewRow }>()

export function overviewRow(incident: Incident, agencies: readonly Agency[], timeZone: string): OverviewRow {
  const known = overviewRows.get(incident)
  if (known && known.agencies === agencies && known.timeZone === timeZone) return known.row
  const steps = responseSteps(incident, agencies, timeZone)
  const cells: OverviewRow['cells'] = {}
  for (const milestone of MILESTONES) {
    const step = steps.find(MILESTONE_TEST[milestone])
    if (step) cells[milestone] = { lag: step.lag, date: step.date, action: step.response.action }
  }
  const row = { incident, started: incidentStart(incident, timeZone), cells, responses: steps.length }
  overviewRows.set(incident, { agencies, timeZone, row })
  return row
}

/** "+3 days", "same day": a cell of the overview in words. */
export const overviewLabel = (cell: OverviewCell, locale: ChartLocale): string => locale.format.lag(cell.lag)

/**
 * The per-incident groundwork of the timeline and its overview (start dates, each response's date
 * and lag), one incident a step: a page does it in slices before the widget's first render.
 */
export function* prepareTimeline(incidents: readonly Incident[], agencies: readonly Agency[], timeZone: string): Generator<void> {
  for (const incident of incidents) {
    incidentStart(incident, timeZone)
    if (incident.responses?.length) overviewRow(incident, agencies, timeZone)
    yield
  }
}

/** One row per incident with responses: the first complaint, CERT-In step, restoration and denial or confirmation, as lags from its start. */
export function responseOverview(incidents: readonly Incident[], agencies: readonly Agency[], timeZone: string): OverviewRow[] {
  return incidents
    .filter((incident) => (incident.responses?.length ?? 0) > 0)
    .map((incident) => overviewRow(incident, agencies, timeZone))
    // Newest first, as a newsroom reads a tracker.
    .sort((a, b) => b.started.start - a.started.start)
}
