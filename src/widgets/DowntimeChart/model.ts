/**
 * The downtime chart as a headless model: plain inputs (incidents, the UI language, the reader's
 * order) → every outage as a row, the bars drawn (at most MAX_BARS; the table lists all), summary,
 * table, keyboard stops, height and the ECharts option. Used by the component, `ghatna render` and
 * the stories.
 */
import { outageSpans } from '../../core/aggregate'
import { compareDates } from '../../core/dates'
import type { Incident } from '../../core/schema'
import type { ChartTheme } from '../../charts/themes'
import type { KeyboardItem } from '../../charts/keyboard'
import type { TableColumn } from '../../charts/table'
import { text, textCell, citedSources, sourceLine, incidentName, nameWidth, type ChartLocale, type TableCell } from '../../charts/locale'
import { buildDowntimeOption, drawnMinutes, outageLabel, type DowntimeOption, type DowntimeRow } from './option'
import { estimateText, type TextMeasure } from '../../charts/locale'

/** Layout constants, named once. */
export const DOWNTIME_LAYOUT = {
  /** A bar and the line above it that names its incident and service. */
  row: 48,
  /** Axis and its name under the bars. */
  margin: 60,
  minHeight: 180,
  /** Room beside the bars for their durations: at least this, at most this share of the chart. */
  minLabelRoom: 60,
  maxLabelShare: 0.45,
  labelFont: 12,
} as const

/** More bars than this are unreadable and slow on a phone: the rest are in the table. */
export const MAX_BARS = 15

export type DowntimeOrder = 'longest' | 'date'
export const DOWNTIME_ORDERS: readonly DowntimeOrder[] = ['longest', 'date']

export interface DowntimeModelInput {
  incidents: readonly Incident[]
  locale: ChartLocale
  theme: ChartTheme
  /** "Ongoing" bars run to this instant. */
  now: number
  order?: DowntimeOrder
  /** The chart's width in px: how long a bar's name may run, how much room the durations get. */
  width?: number
  measure?: TextMeasure
}

export interface DowntimeModel {
  rows: DowntimeRow[]
  drawn: DowntimeRow[]
  summary: string
  height: number
  columns: TableColumn[]
  tableRows: () => Record<string, TableCell>[]
  keyboard: KeyboardItem[]
  option: DowntimeOption
}

/** What a bar says it is: the incident's short name and the service that was down. */
export function outageName(row: DowntimeRow, locale: ChartLocale): string {
  const service = row.incident.outages?.[row.outage.index]?.service ?? row.incident.service
  const name = incidentName(row.incident, locale)
  return service ? `${name} · ${text(service, locale)}` : name
}

/** Longest first (ongoing ones by time so far; end not reported last), or newest first. */
export function sortOutages(rows: readonly DowntimeRow[], order: DowntimeOrder, now: number): DowntimeRow[] {
  const byDate = (a: DowntimeRow, b: DowntimeRow) => compareDates(b.outage.start, a.outage.start)
  if (order === 'date') return [...rows].sort(byDate)
  return [...rows].sort((a, b) => (drawnMinutes(b.outage, now) ?? -1) - (drawnMinutes(a.outage, now) ?? -1) || byDate(a, b))
}

/** The per-incident groundwork downtimeModel starts with (outages read, their dates parsed), one incident a step: a page does it in slices before the chart's first render. */
export function* prepareDowntime(incidents: readonly Incident[], timeZone: string): Generator<void> {
  for (const incident of incidents) {
    outageSpans(incident, timeZone)
    yield
  }
}

export function downtimeModel({ incidents, locale, theme, now, order = 'longest', width = 600, measure = estimateText }: DowntimeModelInput): DowntimeModel {
  const { t } = locale
  const rows = sortOutages(incidents.flatMap((incident) => outageSpans(incident, locale.format.timeZone).map((outage) => ({ outage, incident }))), order, now)
  const drawn = rows.slice(0, MAX_BARS)
  const measured = rows.filter((row) => drawnMinutes(row.outage, now) !== undefined)
  let summary = t('downtime.summaryNone', { count: rows.length }, rows.length)
  if (measured.length > 0) {
    const longest = measured.reduce((a, b) => (drawnMinutes(b.outage, now)! > drawnMinutes(a.outage, now)! ? b : a))
    summary = t('downtime.summary', { count: rows.length, title: text(longest.incident.title, locale), duration: outageLabel(longest.outage, locale, now) }, rows.length)
  }
  const L = DOWNTIME_LAYOUT
  const names = drawn.map((row) => outageName(row, locale))
  const columns: TableColumn[] = [
    { key: 'incident', label: t('table.incident') },
    { key: 'service', label: t('incident.service') },
    { key: 'start', label: t('incident.started') },
    { key: 'duration', label: t('incident.outages') },
    { key: 'source', label: t('incident.sources') },
  ]
  const tableRows = () =>
    rows.map(({ outage, incident }) => ({
      incident: textCell(incident.title, locale),
      service: textCell(incident.outages?.[outage.index]?.service ?? incident.service, locale),
      start: locale.format.date(outage.start),
      duration: outageLabel(outage, locale, now),
      source: citedSources(incident, outage.sources).map((source) => sourceLine(source, locale)).join('; '),
    }))
  const keyboard = drawn.map((row, dataIndex) => ({
    announcement: `${names[dataIndex]}: ${outageLabel(row.outage, locale, now)}, ${locale.format.date(row.outage.start)}. ${text(row.incident.title, locale)}`,
    seriesIndex: 0,
    dataIndex,
    id: `${row.incident.id}:${row.outage.index}`,
  }))
  return {
    rows, drawn, summary,
    height: Math.max(L.minHeight, drawn.length * L.row + L.margin),
    columns, tableRows, keyboard,
    option: buildDowntimeOption(drawn, names, locale, theme, now, summary, {
      nameWidth: nameWidth(width),
      labelRoom: Math.round(Math.min(width * L.maxLabelShare, Math.max(L.minLabelRoom, 16 + Math.max(0, ...drawn.map((row) => measure(outageLabel(row.outage, locale, now), L.labelFont)))))),
    }),
  }
}
