/**
 * The map as a headless model: tallies (from the store or the CLI) → each region's figure, the
 * colour classes and their legend, the All-India figure, summary, table, keyboard stops and the
 * ECharts option; and, for a static picture with no HTML around it, the legend and All-India
 * figure drawn into the chart. Used by the component, `ghatna render` and the stories.
 */
import type { Tallies } from '../../core/aggregate'
import { REGIONS, NATIONAL, regionName } from '../../core/regions'
import type { Incident } from '../../core/schema'
import type { ChartTheme } from '../../charts/themes'
import type { KeyboardItem } from '../../charts/keyboard'
import type { TableColumn } from '../../charts/table'
import type { ChartLocale, TableCell } from '../../charts/locale'
import { wrap } from '../../charts/wrap'
import { buildMapOption, breaksFor, legendRanges, metricLabel, regionColour, regionFigures, type MapMetric, type MapOption, type RegionFigure } from './option'

/** Layout of the static picture (`ghatna render`), named once. */
export const MAP_STATIC_LAYOUT = {
  /** The map's height for its width. */
  aspect: 1.05,
  legendRow: 22,
  swatch: 14,
  pad: 12,
} as const

export interface MapModelInput {
  tallies: Tallies
  /** The incidents the tallies count, for tooltips and the summary. */
  incidents: readonly Incident[]
  locale: ChartLocale
  theme: ChartTheme
  metric: MapMetric
  selected?: string
  /** The registered map's name; no option until it is known. */
  mapName?: string
}

export interface LegendEntry { range: string; colour: string }

export interface MapModel {
  figures: RegionFigure[]
  /** Each region's fill, by code: what the first paint's outlines and ECharts' canvas both show. */
  colours: ReadonlyMap<string, string>
  legend: LegendEntry[]
  /** "2 incidents", for the All-India figure beside (or under) the map. */
  national: string
  nationalIncidents: number
  summary: string
  columns: TableColumn[]
  tableRows: () => Record<string, TableCell>[]
  keyboard: (KeyboardItem & { code: string })[]
  option: MapOption | undefined
}

/** One list format per locale on the page: made once, not at every change of the map. */
const listFormats = new Map<string, Intl.ListFormat>()
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale)
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })))
  return format
}

export function mapModel({ tallies, incidents, locale, theme, metric, selected, mapName }: MapModelInput): MapModel {
  const { t } = locale
  const figures = regionFigures(tallies, metric, locale)
  const breaks = breaksFor(figures)
  const ranges = legendRanges(figures, locale.format.number)
  const colours = new Map(figures.map((figure) => [figure.code, regionColour(figure.value, breaks, theme)]))
  const legend = breaks.map((lower, index) => ({ range: ranges[index]!, colour: regionColour(lower, breaks, theme) }))
  const national = tallies.national

  const hit = figures.filter((f) => f.value > 0)
  const nationalText = national.incidents > 0 ? ` ${t('map.national', { count: national.incidents }, national.incidents)}` : ''
  let summary = `${t('map.summaryNone')}${nationalText}`.trim()
  if (hit.length > 0) {
    const max = Math.max(...hit.map((f) => f.value))
    const tops = hit.filter((f) => f.value === max)
    const list = listFormat(locale.format.locale)
    // A tie is said as a tie: "Bihar and Madhya Pradesh had 1 incident each", never "the most" for one of them.
    const sentence = tops.length > 1
      ? t('map.summaryTie', { regions: list.format(tops.map((f) => regionName(f.code, locale.lang))), value: tops[0]!.label, count: hit.length })
      : t('map.summary', { region: regionName(tops[0]!.code, locale.lang), value: tops[0]!.label, regions: hit.length }, hit.length)
    // Whether any official denied: a reader should know a figure is contested before reading the map.
    const denied = incidents.filter((incident) => incident.status === 'denied' || incident.responses?.some((r) => r.action === 'denial')).length
    summary = `${sentence}${nationalText}${denied ? ` ${t('map.denials', { count: denied }, denied)}` : ''}`
  }

  const columns: TableColumn[] = [
    { key: 'region', label: t('table.region') },
    { key: 'incidents', label: t('table.incidents'), numeric: true },
    { key: 'downtime', label: t('table.downtime'), numeric: true },
    { key: 'affected', label: t('table.affected'), numeric: true },
  ]
  const tableRows = () =>
    [...tallies.regions.values(), ...(national.incidents ? [national] : [])].map((tally) => ({
      region: regionName(tally.region, locale.lang),
      incidents: locale.format.number(tally.incidents),
      downtime: tally.downtimeMinutes ? locale.format.duration(tally.downtimeMinutes, tally.downtimeApproximate) : '–',
      affected: tally.affected.people ? locale.format.range(tally.affected.people.total) : '–',
    }))

  // Every state and UT, in alphabetical order of the UI language, announced with its figure. Built when
  // first read: only ECharts' chart, loaded behind the first paint, steps through them, and sorting by the
  // language's collation is the first paint's only use of Intl.Collator (~40 ms to set up at 4× CPU).
  const buildKeyboard = () => figures
    .map((figure, dataIndex) => ({
      code: figure.code,
      announcement: `${regionName(figure.code, locale.lang)}: ${figure.label}${selected === figure.code ? `, ${t('map.selectedShort')}` : ''}`,
      seriesIndex: 0,
      dataIndex,
      name: regionName(figure.code, locale.lang),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale.lang))
    .map(({ name: _name, ...item }) => item)

  const incidentsById = new Map(incidents.map((incident) => [incident.id, incident]))
  let keyboard: MapModel['keyboard'] | undefined
  return {
    figures, colours, legend,
    national: metricLabel(national, metric, locale),
    nationalIncidents: national.incidents,
    summary, columns, tableRows,
    get keyboard() {
      return (keyboard ??= buildKeyboard())
    },
    option: mapName ? buildMapOption({ mapName, metric, figures, selected, incidentsById, timeZone: locale.format.timeZone }, locale, theme, summary) : undefined,
  }
}

/** The small UTs, listed beside the map where a thumb can reach them. */
export const SMALL_REGIONS = new Set(REGIONS.filter((region) => region.small).map((region) => region.code))
export { NATIONAL }

/**
 * The map for a static picture: the map in the top part, then the All-India figure and the legend
 * drawn as ECharts graphics, wrapped to the width. Returns the option and the picture's height.
 */
export function staticMapOption(model: MapModel, width: number, locale: ChartLocale, theme: ChartTheme, measure: (text: string, size: number) => number): { option: MapOption; height: number } {
  const L = MAP_STATIC_LAYOUT
  const mapHeight = Math.round(width * L.aspect)
  const elements: Record<string, unknown>[] = []
  let y = mapHeight + L.pad
  const nationalLine = `${locale.t('region.national')}: ${model.national} (${locale.t('region.nationalNote')})`
  // Wrapped here, with the same estimate the rest of the picture uses, so the legend below knows where it ends.
  for (const line of wrap(nationalLine, width - 2 * L.pad, (s) => measure(s, 13) * 1.08)) {
    elements.push({ type: 'text', left: L.pad, top: y, style: { text: line, fill: theme.text, font: 'bold 13px sans-serif' } })
    y += 18
  }
  y += 8
  const entries = [...model.legend, { range: locale.t('map.noData'), colour: theme.empty }]
  let x = L.pad
  for (const entry of entries) {
    const w = L.swatch + 6 + measure(entry.range, 12) + 16
    if (x + w > width - L.pad && x > L.pad) {
      x = L.pad
      y += L.legendRow
    }
    elements.push({ type: 'rect', left: x, top: y, shape: { width: L.swatch, height: L.swatch }, style: { fill: entry.colour, stroke: theme.line } })
    elements.push({ type: 'text', left: x + L.swatch + 6, top: y + 1, style: { text: entry.range, fill: theme.text, font: '12px sans-serif' } })
    x += w
  }
  y += L.legendRow
  const option = model.option!
  const series = (option.series as Record<string, unknown>[]).map((s) => ({ ...s, layoutCenter: ['50%', mapHeight / 2], layoutSize: mapHeight * 0.98 }))
  return { option: { ...option, series, graphic: elements } as MapOption, height: y + L.pad }
}
