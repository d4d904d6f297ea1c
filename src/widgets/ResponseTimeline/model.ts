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
import { calendarTicks, type CalendarTick } from '../../core/calendarTicks'
import { responseSteps, incidentStart, type ResponseStep } from '../../core/aggregate'
import { regionName } from '../../core/regions'
import { localText } from '../../core/localText'
import type { Agency, Incident, ResponseAction } from '../../core/schema'
import type { Lag } from '../../core/format'
import type { ChartTheme } from '../../charts/themes'
import type { KeyboardItem } from '../../charts/keyboard'
import { text, textCell, citedSources, sourceLine, type ChartLocale, type TableCell } from '../../charts/locale'
import type { TableColumn } from '../../charts/table'
import { estimateText, type TextMeasure } from '../../charts/textWidth'
import { buildTimelineOption, timelineData, actionLabel, STANDOUT, type TimelineData, type TimelineItem, type TimelineOption } from './option'

/** Layout constants, named once: the component, the CLI and the tests read the same numbers. */
export const TIMELINE_LAYOUT = {
  gridLeft: 8,
  gridRight: 16,
  gridTop: 12,
  /** Room under the plot for tick labels and the axis name. */
  gridBottom: 44,
  /** Each lane starts with a row for its agency's name. */
  laneHeader: 18,
  /** One row of markers and their labels. */
  row: 20,
  /** Space kept between two labels (or a label and a marker) in one row. */
  gap: 6,
  /** Between a marker and its label. */
  labelOffset: 4,
  marker: 6,
  standoutMarker: 8,
  font: 11,
  laneFont: 12,
  /** A tick label needs about this much room: at most width / this many ticks. */
  tickSpacing: 96,
} as const

export const LABEL_FONT = `${TIMELINE_LAYOUT.font}px sans-serif`
export const LANE_FONT = `${TIMELINE_LAYOUT.laneFont}px sans-serif`

export interface PlacedLabel {
  text: string
  /** Where the text starts (align left) or ends (align right), in px from the chart's left edge. */
  x: number
  align: 'left' | 'right'
  width: number
  bold: boolean
}

export interface PlacedItem {
  item: TimelineItem
  /** Marker centre, px from the chart's left edge and top. */
  x: number
  y: number
  /** Right end of the span drawn over a day, month or year. */
  spanEnd: number
  radius: number
  label: PlacedLabel
}

export interface PlacedLane {
  label: string
  top: number
  height: number
}

export interface TimelineLayout {
  width: number
  height: number
  plotLeft: number
  plotRight: number
  min: number
  max: number
  lanes: PlacedLane[]
  /** In the order of `data.items`: the chart's dataIndex. */
  items: PlacedItem[]
  ticks: (CalendarTick & { x: number })[]
}

/** Shortens a text with "…" until it fits `room` px. */
export function fitText(value: string, room: number, measure: (s: string) => number): string {
  if (measure(value) <= room) return value
  const chars = [...value]
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (measure(`${chars.slice(0, mid).join('')}…`) <= room) low = mid
    else high = mid - 1
  }
  return `${chars.slice(0, low).join('')}…`
}

interface Box { left: number; right: number }
const overlaps = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap

/**
 * Lays out lanes and labels for a chart `width` px wide. In each lane, actions are taken in time
 * order and put in the first row where the marker, its span and its label (right of the marker,
 * else left of it) touch nothing already there; a lane grows a row when none has room. A label
 * longer than the whole plot is shortened with "…". So no label is drawn over another, or past an edge.
 */
export function layoutTimeline(data: TimelineData, width: number, locale: ChartLocale, measure: TextMeasure = estimateText): TimelineLayout {
  const L = TIMELINE_LAYOUT
  const plotLeft = L.gridLeft
  const plotRight = Math.max(plotLeft + 40, width - L.gridRight)
  const plotWidth = plotRight - plotLeft
  const first = Math.min(...data.items.map((item) => item.date.start))
  const last = Math.max(...data.items.map((item) => item.date.end))
  const pad = Math.max((last - first) * 0.04, 3_600_000)
  const min = first - pad
  const max = last + pad
  const toX = (time: number) => plotLeft + ((time - min) / (max - min)) * plotWidth

  const placed: PlacedItem[] = new Array(data.items.length)
  const lanes: PlacedLane[] = []
  let top = L.gridTop
  data.lanes.forEach((lane, laneIndex) => {
    const rows: Box[][] = []
    const members = data.items.map((item, index) => ({ item, index })).filter(({ item }) => item.lane === laneIndex)
    members.sort((a, b) => a.item.date.start - b.item.date.start || a.index - b.index)
    const rowOf = new Map<number, number>()
    for (const { item, index } of members) {
      const standout = item.step !== undefined && STANDOUT.has(item.step.response.action)
      const radius = standout ? L.standoutMarker : L.marker
      const x = toX(item.date.start)
      const spanEnd = item.span ? Math.max(x + 4, toX(item.date.end)) : x
      const bold = standout
      const textWidth = (s: string) => measure(s, L.font, bold)
      const full = actionLabel(item, locale)
      const roomRight = plotRight - (x + radius + L.labelOffset)
      const roomLeft = x - radius - L.labelOffset - plotLeft
      const label = fitText(full, Math.max(roomRight, roomLeft), textWidth)
      const w = textWidth(label)
      const own: Box = { left: x - radius, right: Math.max(spanEnd, x + radius) }
      const candidates: PlacedLabel[] = []
      if (w <= roomRight) candidates.push({ text: label, x: x + radius + L.labelOffset, align: 'left', width: w, bold })
      if (w <= roomLeft) candidates.push({ text: label, x: x - radius - L.labelOffset, align: 'right', width: w, bold })
      const boxesOf = (c: PlacedLabel): Box[] => [own, c.align === 'left' ? { left: c.x, right: c.x + c.width } : { left: c.x - c.width, right: c.x }]
      let chosen: { row: number; label: PlacedLabel } | undefined
      for (let row = 0; !chosen; row++) {
        const taken = rows[row] ?? []
        const fit = candidates.find((c) => boxesOf(c).every((box) => taken.every((other) => !overlaps(box, other, L.gap))))
        if (fit) chosen = { row, label: fit }
        else if (taken.length === 0) chosen = { row, label: candidates[0]! }
      }
      ;(rows[chosen.row] ??= []).push(...boxesOf(chosen.label))
      rowOf.set(index, chosen.row)
      placed[index] = { item, x, y: 0, spanEnd, radius, label: chosen.label }
    }
    const rowCount = Math.max(1, rows.length)
    const height = L.laneHeader + rowCount * L.row
    for (const { index } of members) placed[index]!.y = top + L.laneHeader + L.row * (rowOf.get(index)! + 0.5)
    const laneText = fitText(lane.label, plotWidth - 4, (s) => measure(s, L.laneFont))
    lanes.push({ label: laneText, top, height })
    top += height
  })

  // Ticks on calendar boundaries, as many as fit; one whose label would run past the chart is dropped.
  const maxTicks = Math.max(2, Math.floor(plotWidth / L.tickSpacing))
  const tickText = (tick: CalendarTick) => locale.format.date({ text: '', precision: tick.precision, start: tick.value, end: tick.value })
  const rank = { minute: 0, day: 1, month: 2, year: 3 } as const
  const finest = data.items.reduce<CalendarTick['precision']>((p, item) => (rank[item.date.precision] < rank[p] ? item.date.precision : p), 'year')
  const ticks = calendarTicks(min, max, locale.format.timeZone, maxTicks, finest)
    .map((tick) => ({ ...tick, x: toX(tick.value) }))
    .filter((tick) => {
      const half = measure(tickText(tick), L.font) / 2
      return tick.x - half >= 0 && tick.x + half <= width
    })
  return { width, height: top + L.gridBottom, plotLeft, plotRight, min, max, lanes, items: placed, ticks }
}

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
  const candidates = incidents.filter((incident) => (incident.responses?.length ?? 0) > 0)
    .sort((a, b) => incidentStart(b, timeZone).start - incidentStart(a, timeZone).start)
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
  /** "+3 days", "same day". */
  label: string
}

export interface OverviewRow {
  incident: Incident
  started: PartialDate
  cells: Partial<Record<Milestone, OverviewCell>>
  responses: number
}

/** One row per incident with responses: the first complaint, CERT-In step, restoration and denial or confirmation, as lags from its start. */
export function responseOverview(incidents: readonly Incident[], agencies: readonly Agency[], locale: ChartLocale): OverviewRow[] {
  return incidents
    .filter((incident) => (incident.responses?.length ?? 0) > 0)
    .map((incident) => {
      const steps = responseSteps(incident, agencies, locale.format.timeZone)
      const cells: OverviewRow['cells'] = {}
      for (const milestone of MILESTONES) {
        const step = steps.find(MILESTONE_TEST[milestone])
        if (step) cells[milestone] = { lag: step.lag, date: step.date, action: step.response.action, label: locale.format.lag(step.lag) }
      }
      return { incident, started: incidentStart(incident, locale.format.timeZone), cells, responses: steps.length }
    })
    // Newest first, as a newsroom reads a tracker.
    .sort((a, b) => b.started.start - a.started.start)
}
