/**
 * Downtime: one bar per outage on a logarithmic axis, so 20 minutes and two weeks
 * are both readable. Approximate outages are hatched and say "about"; ongoing
 * ones run to `now` and say so; an outage whose end was not reported gets no bar,
 * only its label.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import type { OutageSpan } from '../../core/aggregate'
import type { Incident } from '../../core/schema'
import type { DurationUnit } from '../../core/format'
import type { ChartTheme } from '../../charts/themes'
import { text, citedSources, sourceLine, clip, labelsAbove, NAME_LIFT, type ChartLocale } from '../../charts/locale'

export type DowntimeOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>

export interface DowntimeRow {
  outage: OutageSpan
  incident: Incident
}

/** Axis ticks at durations people say, 1 min … 1 year, labelled in their own unit ("1 hour", not "60 min"). */
const TICKS: readonly [minutes: number, unit: DurationUnit, value: number][] = [
  [1, 'minute', 1], [10, 'minute', 10], [60, 'hour', 1], [360, 'hour', 6], [1440, 'day', 1],
  [7 * 1440, 'week', 1], [30 * 1440, 'month', 1], [365 * 1440, 'year', 1],
]

export type OutageState = 'measured' | 'ongoing' | 'end-not-reported'

export function outageState(outage: OutageSpan): OutageState {
  if (outage.ongoing && outage.end === undefined) return 'ongoing'
  return outage.minutes === undefined ? 'end-not-reported' : 'measured'
}

/** Minutes drawn for an outage: measured, or up to `now` when ongoing. */
export function drawnMinutes(outage: OutageSpan, now: number): number | undefined {
  const state = outageState(outage)
  if (state === 'measured') return outage.minutes
  if (state === 'ongoing') return Math.max(1, (now - outage.start.start) / 60_000)
  return undefined
}

export function outageLabel(outage: OutageSpan, locale: ChartLocale, now: number): string {
  const state = outageState(outage)
  if (state === 'end-not-reported') return locale.t('incident.endNotReported')
  const minutes = drawnMinutes(outage, now)!
  const duration = locale.format.duration(minutes, outage.approximate)
  return state === 'ongoing' ? `${locale.t('incident.ongoing')}: ${duration}` : duration
}

/** `names` label the bars: incident and service (model.ts). */
/** `layout`: room for the bar names above the bars and for the durations beside them (model.ts). */
export function buildDowntimeOption(rows: readonly DowntimeRow[], names: readonly string[], locale: ChartLocale, theme: ChartTheme, now: number, summary: string, layout: { nameWidth: number; labelRoom: number }): DowntimeOption {
  const log = (minutes: number) => Math.log10(Math.max(1, minutes))
  const longest = Math.max(1440, ...rows.map((row) => drawnMinutes(row.outage, now) ?? 1))
  // End on the first tick past the longest outage, so no bar runs off the scale.
  const axisMax = log(TICKS.find(([minutes]) => minutes >= longest)?.[0] ?? longest)
  const ticks = TICKS.filter(([minutes]) => log(minutes) <= axisMax + 1e-9)
  const tickLabel = new Map(ticks.map(([minutes, unit, value]) => [log(minutes).toFixed(6), locale.format.unit(unit, value)]))
  return {
    aria: { enabled: true, label: { description: summary } },
    animationDuration: 300,
    grid: { left: 16, right: layout.labelRoom, top: 8, bottom: 44 },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params: unknown) => {
        const row = rows[(params as { dataIndex: number }).dataIndex]
        if (!row) return ''
        const sources = citedSources(row.incident, row.outage.sources).map((source) => `${locale.t('incident.source')}: ${sourceLine(source, locale)}`)
        const note = text(row.incident.outages?.[row.outage.index]?.note, locale)
        return [text(row.incident.title, locale), `${locale.format.date(row.outage.start)} · ${outageLabel(row.outage, locale, now)}`, ...(note ? [clip(note, 160)] : []), ...sources].join('\n')
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: axisMax,
      name: locale.t('chart.downtimeAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: theme.muted },
      axisLabel: { customValues: ticks.map(([minutes]) => log(minutes)), formatter: (value: number) => tickLabel.get(value.toFixed(6)) ?? '', color: theme.muted, hideOverlap: true },
      axisTick: { customValues: ticks.map(([minutes]) => log(minutes)) },
      splitLine: { lineStyle: { color: theme.line, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...names],
      axisLabel: labelsAbove(theme.text, NAME_LIFT, layout.nameWidth),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.line } },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: rows.map((row) => {
          const minutes = drawnMinutes(row.outage, now)
          const state = outageState(row.outage)
          return {
            value: minutes === undefined ? 0 : log(minutes),
            itemStyle: {
              color: theme.categorical[0],
              ...(row.outage.approximate && { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: theme.pattern } }),
              ...(state === 'ongoing' && { borderType: 'dashed', borderColor: theme.text, borderWidth: 1 }),
            },
            label: { show: true, position: 'right', formatter: outageLabel(row.outage, locale, now), color: theme.text },
          }
        }),
      },
    ],
  }
}
