/**
 * One incident's agency responses on a time axis that starts at the incident:
 * a row per agency, grouped by level (central, state, local, private…), each
 * action a marker whose shape says its type and whose label gives the lag
 * ("+2 days"). Denials and confirmations are larger and labelled in bold. A date
 * known only to the month or year is drawn as a span over that period.
 */
import type { ComposeOption } from 'echarts/core'
import type { CustomSeriesOption } from 'echarts/charts'
import type { TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import { TIMELINE_LAYOUT, LABEL_FONT, LANE_FONT, type TimelineLayout } from './layout'
import { ACTION_SHAPES, type Shape, type TimelineData, type TimelineItem } from './data'
import { regionName } from '../../core/regions'
import type { ChartTheme } from '../../charts/themes'
import { tooltipBase, type TooltipLine } from '../../charts/tooltip'
import { text, citedSources, sourceLine, clip, type ChartLocale } from '../../charts/locale'

// Derived from the series option rather than imported from the full 'echarts' entry.
type RenderItem = Extract<NonNullable<CustomSeriesOption['renderItem']>, (...args: never[]) => unknown>
type CustomSeriesRenderItemParams = Parameters<RenderItem>[0]
type CustomSeriesRenderItemReturn = ReturnType<RenderItem>

export type TimelineOption = ComposeOption<CustomSeriesOption | TooltipComponentOption | AriaComponentOption>

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

function colourFor(item: TimelineItem, theme: ChartTheme): string {
  const action = item.step?.response.action
  if (!action) return theme.muted
  if (action === 'denial') return theme.categorical[5]!
  if (action === 'confirmation') return theme.categorical[2]!
  return theme.categorical[0]!
}

type Children = NonNullable<Extract<CustomSeriesRenderItemReturn, { type: 'group' }>['children']>

/**
 * The chart drawn from a layout (model.ts) in pixels: no axes of ECharts' own, so the positions
 * the layout checked for collisions are the positions drawn, in the browser and in `ghatna render`.
 */
export function buildTimelineOption(data: TimelineData, layout: TimelineLayout, locale: ChartLocale, theme: ChartTheme, summary: string): TimelineOption {
  const tickText = (tick: TimelineLayout['ticks'][number]) => locale.format.date({ text: '', precision: tick.precision, start: tick.value, end: tick.value })
  const plotBottom = layout.lanes.reduce((bottom, lane) => Math.max(bottom, lane.top + lane.height), 0)
  return {
    aria: { enabled: true, label: { description: summary } },
    animation: false,
    tooltip: tooltipBase(locale.lang, (dataIndex) => {
      const item = data.items[dataIndex]
      return item ? timelineTooltip(item, data, locale) : []
    }),
    series: [
      {
        type: 'custom',
        coordinateSystem: 'none',
        data: data.items.map((_, index) => index),
        renderItem: (params: CustomSeriesRenderItemParams): CustomSeriesRenderItemReturn => {
          const placed = layout.items[params.dataIndex]!
          const { item, x, y, radius, label } = placed
          const colour = colourFor(item, theme)
          const shape = item.step ? ACTION_SHAPES[item.step.response.action] : 'diamond'
          const children: Children = []
          if (item.span) children.push({ type: 'rect', shape: { x, y: y - 5, width: Math.max(4, placed.spanEnd - x), height: 10, r: 3 }, style: { fill: `${colour}33`, stroke: colour, lineWidth: 1 } })
          children.push({ type: 'path', shape: { pathData: shapePath(shape, x, y, radius) }, style: { fill: label.bold ? colour : theme.background, stroke: colour, lineWidth: label.bold ? 2.5 : 1.5 } })
          children.push({ type: 'text', style: { text: label.text, x: label.x, y, align: label.align, verticalAlign: 'middle', fill: theme.text, font: `${label.bold ? 'bold ' : ''}${LABEL_FONT}` } })
          return { type: 'group', children }
        },
      },
      {
        // Lanes, their names, the calendar ticks and the axis name: one silent drawing under the actions.
        type: 'custom',
        coordinateSystem: 'none',
        silent: true,
        z: 1,
        data: [0],
        renderItem: (): CustomSeriesRenderItemReturn => {
          const children: Children = []
          for (const lane of layout.lanes) {
            children.push({ type: 'line', shape: { x1: layout.plotLeft, y1: lane.top, x2: layout.plotRight, y2: lane.top }, style: { stroke: theme.line, lineWidth: 1 } })
            children.push({ type: 'text', style: { text: lane.label, x: layout.plotLeft + 2, y: lane.top + TIMELINE_LAYOUT.laneHeader / 2 + 1, verticalAlign: 'middle', fill: theme.text, font: LANE_FONT } })
          }
          children.push({ type: 'line', shape: { x1: layout.plotLeft, y1: plotBottom, x2: layout.plotRight, y2: plotBottom }, style: { stroke: theme.line, lineWidth: 1 } })
          for (const tick of layout.ticks) {
            children.push({ type: 'line', shape: { x1: tick.x, y1: layout.lanes[0]?.top ?? 0, x2: tick.x, y2: plotBottom + 4 }, style: { stroke: theme.line, lineWidth: 1, lineDash: [3, 3] } })
            children.push({ type: 'text', style: { text: tickText(tick), x: tick.x, y: plotBottom + 7, align: 'center', verticalAlign: 'top', fill: theme.muted, font: LABEL_FONT } })
          }
          children.push({ type: 'text', style: { text: locale.t('chart.timeAxis'), x: (layout.plotLeft + layout.plotRight) / 2, y: plotBottom + 26, align: 'center', verticalAlign: 'top', fill: theme.muted, font: LABEL_FONT } })
          return { type: 'group', children }
        },
      },
    ],
  }
}
