/**
 * One incident's agency responses on a time axis that starts at the incident:
 * a row per agency, grouped by level (central, state, local, private…), each
 * action a marker whose shape says its type and whose label gives the lag
 * ("+2 days"). Denials and confirmations are larger and labelled in bold. A date
 * known only to the month or year is drawn as a span over that period.
 */
import type { ComposeOption } from 'echarts/core'
import type { CustomSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import { responseSteps, incidentStart, type ResponseStep } from '../../core/aggregate'
import type { PartialDate } from '../../core/dates'
import { AGENCY_LEVELS, type Agency, type AgencyLevel, type Incident, type ResponseAction } from '../../core/schema'
import { regionName } from '../../core/regions'
import type { ChartTheme } from '../../charts/themes'
import { tooltipBase, type TooltipLine } from '../../charts/tooltip'
import { text, citedSources, sourceLine, clip, labelsAbove, type ChartLocale } from '../../charts/locale'

// Derived from the series option rather than imported from the full 'echarts' entry.
type RenderItem = Extract<NonNullable<CustomSeriesOption['renderItem']>, (...args: never[]) => unknown>
type CustomSeriesRenderItemParams = Parameters<RenderItem>[0]
type CustomSeriesRenderItemAPI = Parameters<RenderItem>[1]
type CustomSeriesRenderItemReturn = ReturnType<RenderItem>

export type TimelineOption = ComposeOption<CustomSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>

export interface TimelineLane {
  key: string
  label: string
  level: AgencyLevel | 'incident' | 'one-off'
}

export interface TimelineItem {
  lane: number
  /** Position among items sharing a lane and overlapping in time, so none hides another. */
  slot: number
  slots: number
  date: PartialDate
  /** Drawn as a span over its period when the date is known only to the day, month or year. */
  span: boolean
  step?: ResponseStep
}

export interface TimelineData {
  incident: Incident
  lanes: TimelineLane[]
  items: TimelineItem[]
  start: PartialDate
}

type Shape = 'circle' | 'triangle' | 'diamond' | 'square' | 'cross'

/** Marker shape by what the action is: outcomes of law (square), official word (triangle/diamond), the rest (circle). */
export const ACTION_SHAPES: Record<ResponseAction, Shape> = {
  detected: 'circle', disclosed: 'circle', complaint: 'square', investigation: 'circle', advisory: 'circle',
  statement: 'circle', denial: 'triangle', confirmation: 'diamond', containment: 'cross', restoration: 'cross',
  arrest: 'square', prosecution: 'square', parliament: 'circle', other: 'circle',
}
const STANDOUT = new Set<ResponseAction>(['denial', 'confirmation'])
const LEVEL_ORDER: readonly (AgencyLevel | 'one-off')[] = [...AGENCY_LEVELS, 'one-off']

function agencyKey(step: ResponseStep, locale: ChartLocale): { key: string; label: string; level: AgencyLevel | 'one-off' } {
  if (step.agency) return { key: step.agency.id, label: text(step.agency.short ?? step.agency.name, locale), level: step.agency.level }
  const name = text(step.response.agency, locale)
  return { key: `one-off:${name}`, label: name, level: 'one-off' }
}

export function timelineData(incident: Incident, agencies: readonly Agency[], locale: ChartLocale, timeZone: string): TimelineData {
  const steps = responseSteps(incident, agencies, timeZone)
  const start = incidentStart(incident, timeZone)
  const byKey = new Map<string, TimelineLane>()
  for (const step of steps) {
    const { key, label, level } = agencyKey(step, locale)
    if (!byKey.has(key)) byKey.set(key, { key, label: `${label} · ${locale.t(level === 'one-off' ? 'level.other' : `level.${level}`)}`, level })
  }
  const agencyLanes = [...byKey.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level as AgencyLevel) - LEVEL_ORDER.indexOf(b.level as AgencyLevel))
  const lanes: TimelineLane[] = [{ key: 'incident', label: locale.t('timeline.start'), level: 'incident' }, ...agencyLanes]
  const laneIndex = new Map(lanes.map((lane, i) => [lane.key, i]))

  const items: TimelineItem[] = [
    { lane: 0, slot: 0, slots: 1, date: start, span: start.precision !== 'minute' },
    ...steps.map((step) => ({
      lane: laneIndex.get(agencyKey(step, locale).key)!,
      slot: 0,
      slots: 1,
      date: step.date,
      span: step.date.precision !== 'minute',
      step,
    })),
  ]
  // Items in one lane whose periods overlap share the lane's height.
  for (let lane = 0; lane < lanes.length; lane++) {
    const inLane = items.filter((item) => item.lane === lane)
    const groups: TimelineItem[][] = []
    for (const item of inLane) {
      const group = groups.find((g) => g.some((other) => other.date.start < item.date.end && item.date.start < other.date.end))
      if (group) group.push(item)
      else groups.push([item])
    }
    for (const group of groups) group.forEach((item, i) => Object.assign(item, { slot: i, slots: group.length }))
  }
  return { incident, lanes, items, start }
}

export function actionLabel(item: TimelineItem, locale: ChartLocale): string {
  if (!item.step) return locale.format.date(item.date)
  return `${locale.t(`action.${item.step.response.action}`)} ${locale.format.lag(item.step.lag)}`
}

export function timelineTooltip(item: TimelineItem, data: TimelineData, locale: ChartLocale): TooltipLine[] {
  if (!item.step) return [{ text: locale.t('timeline.start'), kind: 'title' }, { text: locale.format.date(item.date), kind: 'figure' }, { text: text(data.incident.title, locale), kind: 'note' }]
  const { step } = item
  const agency = step.agency ? text(step.agency.name, locale) : text(step.response.agency, locale)
  const lines: TooltipLine[] = [
    { text: `${locale.t(`action.${step.response.action}`)}: ${agency}`, kind: 'title' },
    { text: `${locale.format.date(step.date)} (${locale.format.lag(step.lag)})`, kind: 'figure' },
  ]
  if (step.response.region) lines.push({ text: regionName(step.response.region, locale.lang), kind: 'note' })
  const said = text(step.response.text, locale)
  if (said) lines.push({ text: clip(said, 200), kind: 'note' })
  for (const source of citedSources(data.incident, step.sources)) lines.push({ text: `${locale.t('incident.source')}: ${sourceLine(source, locale)}`, kind: 'source' })
  return lines
}

function shapePath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'triangle': return `M${x},${y + r}L${x - r},${y - r * 0.8}L${x + r},${y - r * 0.8}Z`
    case 'diamond': return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`
    case 'square': return `M${x - r * 0.8},${y - r * 0.8}h${r * 1.6}v${r * 1.6}h${-r * 1.6}Z`
    case 'cross': return `M${x - r},${y - r / 3}h${r * 2 / 3}v${-r * 2 / 3}h${r * 2 / 3}v${r * 2 / 3}h${r * 2 / 3}v${r * 2 / 3}h${-r * 2 / 3}v${r * 2 / 3}h${-r * 2 / 3}v${-r * 2 / 3}h${-r * 2 / 3}Z`
    default: return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`
  }
}

const RANK: Record<PartialDate['precision'], number> = { minute: 0, day: 1, month: 2, year: 3 }

/** Tick labels at a precision that suits the range, and never finer than the finest date drawn. */
export function axisPrecision(rangeMs: number, items: readonly TimelineItem[]): PartialDate['precision'] {
  const byRange: PartialDate['precision'] = rangeMs < 2 * 86_400_000 ? 'minute' : rangeMs < 120 * 86_400_000 ? 'day' : 'month'
  const finest = items.reduce<PartialDate['precision']>((p, item) => (RANK[item.date.precision] < RANK[p] ? item.date.precision : p), 'year')
  return RANK[finest] > RANK[byRange] ? finest : byRange
}

function axisDate(locale: ChartLocale, precision: PartialDate['precision']) {
  return (value: number) => locale.format.date({ text: '', precision, start: value, end: value })
}

const TIMELINE_MARGIN = 62

/** Chart height: every lane tall enough for the actions stacked in it. */
export function timelineHeight(data: TimelineData | undefined): number {
  if (!data) return 200
  const perLane = data.lanes.map((_, lane) => Math.max(1, ...data.items.filter((item) => item.lane === lane).map((item) => item.slots)))
  // Category bands are equal, so every lane gets the height of the fullest one, plus a line for its label.
  return Math.max(200, data.lanes.length * (20 + Math.max(...perLane) * 20) + TIMELINE_MARGIN)
}

/**
 * Where an action's label goes: right of its marker, or left of it when it would run past the plot's
 * right edge (the last action of an incident was cut off). About 6 px a character at 11 px.
 */
export function labelPlacement(markerX: number, radius: number, label: string, plotRight: number): { x: number; align: 'left' | 'right' } {
  const fitsRight = markerX + radius + 4 + label.length * 6 <= plotRight
  return fitsRight ? { x: markerX + radius + 4, align: 'left' } : { x: markerX - radius - 4, align: 'right' }
}

export function buildTimelineOption(data: TimelineData, locale: ChartLocale, theme: ChartTheme, summary: string): TimelineOption {
  const first = Math.min(...data.items.map((item) => item.date.start))
  const last = Math.max(...data.items.map((item) => item.date.end))
  const precision = axisPrecision(last - first, data.items)
  const pad = Math.max((last - first) * 0.04, 3_600_000)
  const DAY = 86_400_000
  const minInterval = precision === 'minute' ? undefined : precision === 'day' ? DAY : precision === 'month' ? 28 * DAY : 365 * DAY
  const colourFor = (item: TimelineItem) => {
    const action = item.step?.response.action
    if (!action) return theme.muted
    if (action === 'denial') return theme.categorical[5]!
    if (action === 'confirmation') return theme.categorical[2]!
    return theme.categorical[0]!
  }
  return {
    aria: { enabled: true, label: { description: summary } },
    animation: false,
    tooltip: tooltipBase(locale.lang, (dataIndex) => {
      const item = data.items[dataIndex]
      return item ? timelineTooltip(item, data, locale) : []
    }),
    grid: { left: 8, right: 16, top: 12, bottom: 44 },
    xAxis: {
      type: 'time',
      min: first - pad,
      max: last + pad,
      name: locale.t('chart.timeAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: theme.muted },
      ...(minInterval && { minInterval }),
      axisLabel: { formatter: axisDate(locale, precision), color: theme.muted, hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: theme.line, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.lanes.map((lane) => lane.label),
      // The lane's name sits at the top of its band, above the markers.
      axisLabel: labelsAbove(theme.text, Math.max(4, (timelineHeight(data) - TIMELINE_MARGIN) / data.lanes.length / 2 - 14)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.line } },
      splitLine: { show: true, lineStyle: { color: theme.line } },
    },
    series: [
      {
        type: 'custom',
        encode: { x: [0, 1], y: 2 },
        data: data.items.map((item) => [item.date.start, item.date.end, item.lane, item.slot, item.slots]),
        renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
          const item = data.items[params.dataIndex]!
          const [x0, laneY] = api.coord([item.date.start, item.lane]) as [number, number]
          const [x1] = api.coord([item.date.end, item.lane]) as [number, number]
          const band = (api.size!([0, 1]) as number[])[1]!
          // The top 18 px of each band hold the lane's label.
          const slotHeight = (band - 18) / item.slots
          const y = laneY - band / 2 + 18 + slotHeight * (item.slot + 0.5)
          const colour = colourFor(item)
          const standout = item.step && STANDOUT.has(item.step.response.action)
          const r = standout ? 8 : 6
          const shape = item.step ? ACTION_SHAPES[item.step.response.action] : 'diamond'
          const children: NonNullable<Extract<CustomSeriesRenderItemReturn, { type: 'group' }>['children']> = []
          if (item.span) {
            children.push({ type: 'rect', shape: { x: x0, y: y - 5, width: Math.max(4, x1 - x0), height: 10, r: 3 }, style: { fill: `${colour}33`, stroke: colour, lineWidth: 1 } })
          }
          children.push({ type: 'path', shape: { pathData: shapePath(shape, x0, y, r) }, style: { fill: standout ? colour : theme.background, stroke: colour, lineWidth: standout ? 2.5 : 1.5 } })
          const label = actionLabel(item, locale)
          const { x: plotLeft, width: plotWidth } = params.coordSys as unknown as { x: number; width: number }
          const place = labelPlacement(x0, r, label, plotLeft + plotWidth)
          children.push({
            type: 'text',
            style: { text: label, x: place.x, align: place.align, y, fill: theme.text, font: `${standout ? 'bold ' : ''}11px sans-serif`, verticalAlign: 'middle' },
          })
          return { type: 'group', children }
        },
      },
    ],
  }
}
