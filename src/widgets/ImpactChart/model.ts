/**
 * The affected-population chart as a headless model. A real dataset counts dozens of different
 * things (people, records, servers, rupees of ransom), so the chart draws one unit at a time, chosen
 * by the reader (people-like units first), with its largest figures; the table has every figure.
 * Every bar names its incident and what was counted (its measure). Figures are shown as sources
 * that disagree only when they are readings of one quantity: same unit, unit label and measure.
 */
import { impactFigures, quantityFigures, disagrees, type ImpactFigure, type IncidentQuantity } from '../../core/aggregate'
import type { Agency, ImpactUnit, Incident } from '../../core/schema'
import type { FigureRange } from '../../core/format'
import type { ChartTheme } from '../../charts/themes'
import type { KeyboardItem } from '../../charts/keyboard'
import type { TableColumn } from '../../charts/table'
import { text, textCell, citedSources, sourceLine, incidentName, nameWidth, type ChartLocale, type TableCell } from '../../charts/locale'
import { buildImpactOption, figureText, whoGave, type ImpactLayout, type ImpactOption } from './option'
import { estimateText, type TextMeasure } from '../../charts/locale'

/** Layout constants, named once. */
export const IMPACT_LAYOUT = {
  /** A bar and the line above it that names its incident and measure. */
  row: 48,
  /** Room beside the bars for their figures: at least this, at most this share of the chart. */
  minLabelRoom: 90,
  maxLabelShare: 0.5,
  labelFont: 12,
  /** Axis labels under the bars. */
  margin: 40,
  minHeight: 120,
} as const

/** Bars drawn for one unit; the table lists the rest. */
export const MAX_BARS = 12

/** Units that count people come first in the chooser: what readers ask first is "how many people?". */
const UNIT_ORDER: readonly ImpactUnit[] = ['people', 'patients', 'accounts', 'records', 'organisations', 'towns', 'services', 'devices', 'other']

export interface ImpactRow {
  incident: Incident
  figure: ImpactFigure & { count: FigureRange }
  /** What was counted ("servers infected"); empty when the dataset does not say. */
  measure: string
  /** The incident's range for this quantity when its sources disagree. */
  disagreement?: FigureRange
}

export interface ImpactUnitGroup {
  key: string
  unit: ImpactUnit
  label: string
  rows: ImpactRow[]
  incidents: number
}

export interface Disagreement {
  unitKey: string
  incident: Incident
  measure: string
  unitLabel: string
  range: FigureRange
  readings: number
}

export interface UncountedImpact {
  incident: Incident
  figure: ImpactFigure
}

export interface ImpactModelInput {
  incidents: readonly Incident[]
  agencies: readonly Agency[]
  locale: ChartLocale
  theme: ChartTheme
  /** The reader's unit (a unit key: `people`, `other:rupees`); the first in the chooser otherwise. */
  unitKey?: string
  /** The chart's width in px: how long a bar's name may run, how much room the figures get. */
  width?: number
  measure?: TextMeasure
}

export interface ImpactModel {
  /** The chooser, people-like units first. */
  units: ImpactUnitGroup[]
  unit: ImpactUnitGroup | undefined
  /** The bars: the chosen unit's largest figures, an incident's readings of one quantity side by side. */
  drawn: ImpactRow[]
  /** Every counted figure, all units. */
  all: ImpactRow[]
  uncounted: UncountedImpact[]
  /** Only readings of one quantity that differ: of the chosen unit, and how many in the other units. */
  disagreements: Disagreement[]
  otherDisagreements: number
  summary: string
  height: number
  columns: TableColumn[]
  tableRows: () => Record<string, TableCell>[]
  keyboard: KeyboardItem[]
  option: ImpactOption | undefined
}

/** The line above a bar: "AIIMS Delhi ransomware · servers infected". */
export function barName(row: ImpactRow, locale: ChartLocale): string {
  const name = incidentName(row.incident, locale)
  return row.measure ? `${name} · ${row.measure}` : name
}

/** The per-incident groundwork impactModel starts with (each figure and quantity read), one incident a step: a page does it in slices before the chart's first render. */
export function* prepareImpact(incidents: readonly Incident[]): Generator<void> {
  for (const incident of incidents) {
    impactFigures(incident)
    quantityFigures(incident)
    yield
  }
}

/** Groups every counted figure by unit, and notes the quantities whose readings differ. */
export function impactGroups(incidents: readonly Incident[], locale: ChartLocale): { units: ImpactUnitGroup[]; uncounted: UncountedImpact[]; disagreements: Disagreement[] } {
  const byUnit = new Map<string, ImpactUnitGroup>()
  const uncounted: UncountedImpact[] = []
  const disagreements: Disagreement[] = []
  // One translation per unit, not one per figure (100 000 calls to t() cost most of a second).
  const unitNames = new Map<ImpactUnit, string>()
  const unitName = (unit: ImpactUnit) => unitNames.get(unit) ?? unitNames.set(unit, locale.t(`unit.${unit}`)).get(unit)!
  for (const incident of incidents) {
    const quantities = new Map<string, IncidentQuantity>(quantityFigures(incident).map((q) => [q.quantityKey, q]))
    const seen = new Set<string>()
    const incidentUnits = new Set<string>()
    for (const figure of impactFigures(incident)) {
      if (!figure.count) {
        uncounted.push({ incident, figure })
        continue
      }
      const impact = incident.impacts![figure.index]!
      const unitLabel = figure.unit === 'other' ? text(impact.unitLabel, locale) : unitName(figure.unit)
      let group = byUnit.get(figure.unitKey)
      if (!group) byUnit.set(figure.unitKey, (group = { key: figure.unitKey, unit: figure.unit, label: unitLabel, rows: [], incidents: 0 }))
      if (!incidentUnits.has(figure.unitKey)) {
        incidentUnits.add(figure.unitKey)
        group.incidents += 1
      }
      const quantity = quantities.get(figure.quantityKey)
      const measure = text(impact.measure, locale)
      const disagreement = quantity && disagrees(quantity) ? quantity.range : undefined
      group.rows.push({ incident, figure: figure as ImpactRow['figure'], measure, ...(disagreement && { disagreement }) })
      if (quantity && disagreement && !seen.has(quantity.quantityKey)) {
        seen.add(quantity.quantityKey)
        disagreements.push({ unitKey: figure.unitKey, incident, measure, unitLabel, range: disagreement, readings: quantity.figures.length })
      }
    }
  }
  const units = [...byUnit.values()].sort((a, b) =>
    UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit) || b.rows.length - a.rows.length || a.label.localeCompare(b.label, locale.lang))
  return { units, uncounted, disagreements }
}

/**
 * The bars of one unit: quantities by their largest reading, an incident's readings of one quantity
 * kept together, until MAX_BARS (a quantity with more readings than that still shows whole).
 */
export function largestRows(group: ImpactUnitGroup): ImpactRow[] {
  const byQuantity = new Map<string, { rows: ImpactRow[]; peak: number }>()
  for (const row of group.rows) {
    const key = `${row.incident.id}|${row.figure.quantityKey}`
    const quantity = byQuantity.get(key)
    if (quantity) {
      quantity.rows.push(row)
      quantity.peak = Math.max(quantity.peak, row.figure.count.max)
    } else byQuantity.set(key, { rows: [row], peak: row.figure.count.max })
  }
  const ordered = [...byQuantity.values()].sort((a, b) => b.peak - a.peak)
  const drawn: ImpactRow[] = []
  for (const { rows } of ordered) {
    if (drawn.length > 0 && drawn.length + rows.length > MAX_BARS) break
    drawn.push(...rows.sort((a, b) => b.figure.count.max - a.figure.count.max))
  }
  return drawn
}

/** Room beside the bars for the longest figure ("8.5–13.6 crore · Claimed"), within half the chart so the bars stay readable. */
export function impactLayout(rows: readonly ImpactRow[], width: number, locale: ChartLocale, measure: TextMeasure): ImpactLayout {
  const L = IMPACT_LAYOUT
  const longest = Math.max(0, ...rows.map((row) => measure(figureText(row, locale), L.labelFont)))
  return { nameWidth: nameWidth(width), labelRoom: Math.round(Math.min(width * L.maxLabelShare, Math.max(L.minLabelRoom, longest + 16))) }
}

export function impactModel({ incidents, agencies, locale, theme, unitKey, width = 600, measure = estimateText }: ImpactModelInput): ImpactModel {
  const { t } = locale
  const { units, uncounted, disagreements } = impactGroups(incidents, locale)
  const unit = units.find((group) => group.key === unitKey) ?? units[0]
  const drawn = unit ? largestRows(unit) : []
  const all = units.flatMap((group) => group.rows)
  let summary = t('impact.summaryNone')
  if (unit && drawn.length > 0) {
    const largest = drawn[0]!
    summary = t('impact.summary', {
      count: all.length,
      units: units.length,
      unit: unit.label,
      figure: locale.format.range(largest.figure.count, true),
      status: t(`status.${largest.figure.status}`),
      title: text(largest.incident.title, locale),
    })
  }
  const columns: TableColumn[] = [
    { key: 'incident', label: t('table.incident') },
    { key: 'measure', label: t('table.measure') },
    { key: 'figure', label: t('table.figure'), numeric: true },
    { key: 'unit', label: t('table.unit') },
    { key: 'status', label: t('table.status') },
    { key: 'by', label: t('table.by') },
    { key: 'disagree', label: t('table.disagree') },
    { key: 'source', label: t('incident.sources') },
  ]
  const unitLabelOf = new Map(units.map((group) => [group.key, group.label]))
  const tableRows = () => [
    ...all.map((row) => ({
      incident: textCell(row.incident.title, locale),
      measure: textCell(row.incident.impacts?.[row.figure.index]?.measure, locale),
      figure: locale.format.range(row.figure.count),
      unit: unitLabelOf.get(row.figure.unitKey) ?? '',
      status: t(`status.${row.figure.status}`),
      by: whoGave(row.incident, row.figure, agencies, locale),
      disagree: row.disagreement ? locale.format.range(row.disagreement, true) : '',
      source: citedSources(row.incident, row.figure.sources).map((source) => sourceLine(source, locale)).join('; '),
    })),
    ...uncounted.map(({ incident, figure }) => ({
      incident: textCell(incident.title, locale),
      measure: textCell(incident.impacts?.[figure.index]?.measure, locale),
      figure: t('incident.noCount'),
      unit: figure.unit === 'other' ? text(incident.impacts?.[figure.index]?.unitLabel, locale) : t(`unit.${figure.unit}`),
      status: t(`status.${figure.status}`),
      by: whoGave(incident, figure, agencies, locale),
      disagree: '',
      source: citedSources(incident, figure.sources).map((source) => sourceLine(source, locale)).join('; '),
    })),
  ]
  const names = drawn.map((row) => barName(row, locale))
  const keyboard = drawn.map((row, dataIndex) => ({
    announcement: `${names[dataIndex]}: ${locale.format.range(row.figure.count)} ${unit!.label}, ${t(`status.${row.figure.status}`)}${row.disagreement ? `; ${t('impact.disagree', { range: locale.format.range(row.disagreement) })}` : ''}. ${text(row.incident.title, locale)}`,
    seriesIndex: 0,
    dataIndex,
    id: `${row.incident.id}:${row.figure.index}`,
  }))
  return {
    units, unit, drawn, all, uncounted, summary,
    disagreements: disagreements.filter((d) => d.unitKey === unit?.key),
    otherDisagreements: disagreements.filter((d) => d.unitKey !== unit?.key).length,
    height: Math.max(IMPACT_LAYOUT.minHeight, drawn.length * IMPACT_LAYOUT.row + IMPACT_LAYOUT.margin),
    columns, tableRows, keyboard,
    option: unit && drawn.length > 0 ? buildImpactOption(drawn, names, unit.label, agencies, locale, theme, summary, impactLayout(drawn, width, locale, measure)) : undefined,
  }
}
