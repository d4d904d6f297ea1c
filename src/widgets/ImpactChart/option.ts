/**
 * Affected population for one unit: each figure a bar on a log axis, its status told by fill
 * pattern, outline and a word, not colour alone; readings of one quantity stand next to each other,
 * and the quantity's range ("412–413") is in the tooltip and the announcement.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import type { ImpactFigure } from '../../core/aggregate'
import type { Agency, Incident } from '../../core/schema'
import type { ChartTheme } from '../../charts/themes'
import { tooltipBase, type TooltipLine } from '../../charts/tooltip'
import { text, citedSources, sourceLine, clip, labelsAbove, NAME_LIFT, type ChartLocale } from '../../charts/locale'
import type { ImpactRow } from './model'

export type ImpactOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>

export function whoGave(incident: Incident, figure: ImpactFigure, agencies: readonly Agency[], locale: ChartLocale): string {
  const by = incident.impacts?.[figure.index]?.by
  if (by === undefined) return ''
  const agency = typeof by === 'string' ? agencies.find((a) => a.id === by) : undefined
  return text(agency ? agency.short ?? agency.name : by, locale)
}

export function figureText(row: ImpactRow, locale: ChartLocale): string {
  return `${locale.format.range(row.figure.count, true)} · ${locale.t(`status.${row.figure.status}`)}`
}

export function impactTooltip(row: ImpactRow, unitLabel: string, agencies: readonly Agency[], locale: ChartLocale): TooltipLine[] {
  const lines: TooltipLine[] = [
    { text: text(row.incident.title, locale), kind: 'title' },
    { text: `${locale.format.range(row.figure.count)} ${unitLabel}${row.measure ? ` (${row.measure})` : ''} · ${locale.t(`status.${row.figure.status}`)}`, kind: 'figure' },
  ]
  const by = whoGave(row.incident, row.figure, agencies, locale)
  if (by) lines.push({ text: `${locale.t('table.by')}: ${by}`, kind: 'note' })
  if (row.disagreement) lines.push({ text: locale.t('impact.disagree', { range: locale.format.range(row.disagreement) }), kind: 'note' })
  const note = text(row.incident.impacts?.[row.figure.index]?.note, locale)
  if (note) lines.push({ text: clip(note, 180), kind: 'note' })
  for (const source of citedSources(row.incident, row.figure.sources)) lines.push({ text: `${locale.t('incident.source')}: ${sourceLine(source, locale)}`, kind: 'source' })
  return lines
}

/** How the chart is laid out for its width (model.ts): room for the bar names above, and for the figures beside the bars. */
export interface ImpactLayout {
  nameWidth: number
  labelRoom: number
}

/** `names` label the bars: incident and measure (model.ts). */
export function buildImpactOption(rows: readonly ImpactRow[], names: readonly string[], unitLabel: string, agencies: readonly Agency[], locale: ChartLocale, theme: ChartTheme, summary: string, layout: ImpactLayout): ImpactOption {
  const colour = theme.categorical[0]!
  const styleFor = (status: ImpactFigure['status']) => {
    switch (status) {
      case 'confirmed':
        return { color: colour, borderColor: colour, borderWidth: 1 }
      case 'estimated':
        return { color: colour, borderColor: colour, borderWidth: 1, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: theme.pattern } }
      case 'claimed':
        return { color: `${colour}40`, borderColor: colour, borderWidth: 1.5, borderType: 'dashed' as const }
      case 'denied':
        return { color: 'transparent', borderColor: theme.text, borderWidth: 1.5, borderType: 'dotted' as const }
      default:
        return { color: `${colour}80`, borderColor: colour, borderWidth: 1 }
    }
  }
  const labels = rows.map((row) => figureText(row, locale))
  return {
    aria: { enabled: true, label: { description: summary } },
    animationDuration: 300,
    tooltip: tooltipBase(locale.lang, (dataIndex) => {
      const row = rows[dataIndex]
      return row ? impactTooltip(row, unitLabel, agencies, locale) : []
    }),
    grid: { left: 16, right: layout.labelRoom, top: 8, bottom: 32 },
    xAxis: {
      type: 'log',
      logBase: 10,
      min: 1,
      max: 10 ** Math.ceil(Math.log10(Math.max(10, ...rows.map((row) => row.figure.count.max)) * 1.01)),
      axisLabel: { formatter: (value: number) => locale.format.compact(value), color: theme.muted, hideOverlap: true },
      splitLine: { lineStyle: { color: theme.line, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...names],
      axisTick: { show: false },
      axisLabel: labelsAbove(theme.text, NAME_LIFT, layout.nameWidth),
      axisLine: { lineStyle: { color: theme.line } },
    },
    series: [{
      type: 'bar',
      barWidth: 14,
      data: rows.map((row, i) => ({
        value: Math.max(1, row.figure.count.max),
        itemStyle: styleFor(row.figure.status),
        // A figure longer than its room ends in "…" rather than running off the chart.
        label: { show: true, position: 'right', formatter: labels[i]!, color: theme.text, width: layout.labelRoom - 8, overflow: 'truncate' },
      })),
    }],
  }
}
