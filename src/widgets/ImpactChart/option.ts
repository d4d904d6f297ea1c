/**
 * Affected population: one panel per unit (people, towns, records…), so figures
 * of different units are never on one scale or summed. Each figure is a bar on a
 * log axis; its status is told by fill pattern, outline and a word, not colour
 * alone. Figures the sources disagree on stand next to each other, and the
 * incident's range ("412–413") is in the label and tooltip.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import { impactFigures, unitFigures, type ImpactFigure } from '../../core/aggregate'
import type { Agency, ImpactUnit, Incident } from '../../core/schema'
import type { FigureRange } from '../../core/format'
import type { ChartTheme } from '../../charts/themes'
import { tooltipBase, type TooltipLine } from '../../charts/tooltip'
import { text, citedSources, sourceLine, clip, labelsAbove, type ChartLocale } from '../../charts/locale'

export type ImpactOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>

export interface ImpactRow {
  incident: Incident
  figure: ImpactFigure & { count: FigureRange }
  /** The incident's range for this unit when its sources disagree. */
  disagreement?: FigureRange
}

export interface ImpactPanel {
  unit: ImpactUnit
  unitLabel: string
  rows: ImpactRow[]
  /** Figures of this unit not drawn (the table lists them all). */
  hidden: number
}

/** Per unit, the incidents with the largest figures are drawn; all of an incident's figures stay together. */
export const MAX_INCIDENTS_PER_PANEL = 8

export interface UncountedImpact {
  incident: Incident
  figure: ImpactFigure
}

/** Groups counted figures into one panel per unit, largest first; lists the uncounted apart. */
export function impactPanels(incidents: readonly Incident[], locale: ChartLocale): { panels: ImpactPanel[]; uncounted: UncountedImpact[]; all: { row: ImpactRow; unitLabel: string }[] } {
  const byUnit = new Map<ImpactUnit, ImpactPanel>()
  const uncounted: UncountedImpact[] = []
  // One translation per unit, not one per figure (100 000 calls to t() cost most of a second).
  const unitNames = new Map<ImpactUnit, string>()
  const unitName = (unit: ImpactUnit) => unitNames.get(unit) ?? unitNames.set(unit, locale.t(`unit.${unit}`)).get(unit)!
  for (const incident of incidents) {
    const ranges = new Map(unitFigures(incident).map((f) => [f.unit, f]))
    for (const figure of impactFigures(incident)) {
      if (!figure.count) {
        uncounted.push({ incident, figure })
        continue
      }
      const impact = incident.impacts![figure.index]!
      const unitLabel = figure.unit === 'other' ? text(impact.unitLabel, locale) : unitName(figure.unit)
      const key = figure.unit === 'other' ? (`other:${unitLabel}` as ImpactUnit) : figure.unit
      let panel = byUnit.get(key)
      if (!panel) byUnit.set(key, (panel = { unit: figure.unit, unitLabel, rows: [], hidden: 0 }))
      const range = ranges.get(figure.unit)
      const disagrees = range && range.figures.length > 1 && range.range.min !== range.range.max
      panel.rows.push({ incident, figure: figure as ImpactRow['figure'], ...(disagrees && { disagreement: range.range }) })
    }
  }
  const panels = [...byUnit.values()]
  const all = panels.flatMap((panel) => panel.rows.map((row) => ({ row, unitLabel: panel.unitLabel })))
  const largest = (panel: ImpactPanel) => Math.max(...panel.rows.map((row) => row.figure.count.max))
  for (const panel of panels) {
    const peak = new Map<string, number>()
    for (const row of panel.rows) peak.set(row.incident.id, Math.max(peak.get(row.incident.id) ?? 0, row.figure.count.max))
    const kept = new Set([...peak.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_INCIDENTS_PER_PANEL).map(([id]) => id))
    panel.hidden = panel.rows.filter((row) => !kept.has(row.incident.id)).length
    panel.rows = panel.rows
      .filter((row) => kept.has(row.incident.id))
      .sort((a, b) => peak.get(b.incident.id)! - peak.get(a.incident.id)! || a.incident.id.localeCompare(b.incident.id) || b.figure.count.max - a.figure.count.max)
  }
  panels.sort((a, b) => largest(b) - largest(a))
  return { panels, uncounted, all }
}

export function figureText(row: ImpactRow, locale: ChartLocale): string {
  return `${locale.format.range(row.figure.count, true)} · ${locale.t(`status.${row.figure.status}`)}`
}

export function whoGave(incident: Incident, figure: ImpactFigure, agencies: readonly Agency[], locale: ChartLocale): string {
  const by = incident.impacts?.[figure.index]?.by
  if (by === undefined) return ''
  const agency = typeof by === 'string' ? agencies.find((a) => a.id === by) : undefined
  return text(agency ? agency.short ?? agency.name : by, locale)
}

export function impactTooltip(row: ImpactRow, panel: ImpactPanel, agencies: readonly Agency[], locale: ChartLocale): TooltipLine[] {
  const lines: TooltipLine[] = [
    { text: text(row.incident.title, locale), kind: 'title' },
    { text: `${locale.format.range(row.figure.count)} ${panel.unitLabel} · ${locale.t(`status.${row.figure.status}`)}`, kind: 'figure' },
  ]
  const by = whoGave(row.incident, row.figure, agencies, locale)
  if (by) lines.push({ text: `${locale.t('table.by')}: ${by}`, kind: 'note' })
  if (row.disagreement) lines.push({ text: locale.t('impact.disagree', { range: locale.format.range(row.disagreement) }), kind: 'note' })
  const note = text(row.incident.impacts?.[row.figure.index]?.note, locale)
  if (note) lines.push({ text: clip(note, 180), kind: 'note' })
  for (const source of citedSources(row.incident, row.figure.sources)) lines.push({ text: `${locale.t('incident.source')}: ${sourceLine(source, locale)}`, kind: 'source' })
  return lines
}

const PANEL_HEADER = 28
const ROW = 44

export function panelHeights(panels: readonly ImpactPanel[]): number[] {
  return panels.map((panel) => PANEL_HEADER + panel.rows.length * ROW + 24)
}

const LABEL_ROOM_MIN = 118
const LABEL_ROOM_MAX = 220
/** Charts this narrow (px) keep the smallest label room. */
const NARROW_CHART = 440

export function buildImpactOption(panels: readonly ImpactPanel[], agencies: readonly Agency[], locale: ChartLocale, theme: ChartTheme, summary: string): ImpactOption {
  const heights = panelHeights(panels)
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0))
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
  const rows = panels.flatMap((panel) => panel.rows.map((row) => ({ row, panel })))
  const labels = new Map(rows.map(({ row }) => [row, figureText(row, locale)]))
  // Room beside the bars for the longest figure ("9.2 crore–14.9 crore · Claimed" was cut off at 118 px):
  // about 6.5 px a character at 12 px. A narrow chart (a phone) keeps 118 px, or its bars would vanish.
  const labelRoom = Math.round(Math.min(LABEL_ROOM_MAX, Math.max(LABEL_ROOM_MIN, 16 + 6.5 * Math.max(0, ...[...labels.values()].map((label) => label.length)))))
  const offsets = panels.map((_, i) => panels.slice(0, i).reduce((n, p) => n + p.rows.length, 0))
  return {
    aria: { enabled: true, label: { description: summary } },
    animationDuration: 300,
    tooltip: tooltipBase(locale.lang, (dataIndex, name) => {
      const panelIndex = Number(name.split(':')[0])
      const entry = rows[offsets[panelIndex]! + dataIndex]
      return entry ? impactTooltip(entry.row, entry.panel, agencies, locale) : []
    }),
    title: panels.map((panel, i) => ({ text: panel.unitLabel, top: tops[i], left: 10, textStyle: { fontSize: 13, color: theme.text, fontWeight: 'bold' } })),
    grid: panels.map((_, i) => ({ left: 16, right: labelRoom, top: tops[i]! + PANEL_HEADER, height: heights[i]! - PANEL_HEADER - 24 })),
    media: [{ query: { maxWidth: NARROW_CHART }, option: { grid: panels.map(() => ({ right: LABEL_ROOM_MIN })) } }],
    xAxis: panels.map((panel, i) => ({
      type: 'log',
      gridIndex: i,
      logBase: 10,
      min: 1,
      max: 10 ** Math.ceil(Math.log10(Math.max(10, ...panel.rows.map((row) => row.figure.count.max)) * 1.01)),
      axisLabel: { formatter: (value: number) => locale.format.compact(value), color: theme.muted, hideOverlap: true },
      splitLine: { lineStyle: { color: theme.line, type: 'dashed' } },
    })),
    yAxis: panels.map((panel, i) => ({
      type: 'category',
      gridIndex: i,
      inverse: true,
      data: panel.rows.map((row) => `${i}:${row.incident.id}:${row.figure.index}`),
      axisTick: { show: false },
      axisLabel: {
        ...labelsAbove(theme.text, 9),
        formatter: (_: string, index: number) => {
          const row = panel.rows[index]
          return row ? text(row.incident.service ?? row.incident.title, locale) : ''
        },
      },
      axisLine: { lineStyle: { color: theme.line } },
    })),
    series: panels.map((panel, i) => ({
      type: 'bar',
      xAxisIndex: i,
      yAxisIndex: i,
      barWidth: 14,
      data: panel.rows.map((row) => ({
        value: Math.max(1, row.figure.count.max),
        itemStyle: styleFor(row.figure.status),
        label: { show: true, position: 'right', formatter: labels.get(row)!, color: theme.text },
      })),
    })),
  }
}
