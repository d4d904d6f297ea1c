/**
 * The choropleth of India's 36 states and UTs. Colours come in a few classes on
 * a single-hue ramp (a legend beside the map names them); regions with no
 * incident are grey, never the lightest class. National incidents are not here:
 * the widget shows them as an "All India" figure beside the map.
 */
import type { ComposeOption } from 'echarts/core'
import type { MapSeriesOption } from 'echarts/charts'
import type { TooltipComponentOption, AriaComponentOption } from 'echarts/components'
import { REGIONS, regionName } from '../../core/regions'
import { incidentStart, type RegionTally, type Tallies } from '../../core/aggregate'
import type { Incident } from '../../core/schema'
import type { ChartTheme } from '../../charts/themes'
import { tooltipBase, type TooltipLine } from '../../charts/tooltip'
import { text, sourceLine, type ChartLocale } from '../../charts/locale'

export type MapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | AriaComponentOption>

/**
 * Where the map sits in its box. The first paint's outlines are projected with these same
 * settings at build time (scripts/geo/projection.ts), so the SVG and ECharts' canvas coincide.
 */
export const MAP_LAYOUT = {
  // India spans ~8–37°N: squash longitudes by cos(23°) so the country keeps its familiar shape.
  aspectScale: 0.92,
  layoutCenter: ['50%', '50%'],
  layoutSize: '98%',
} as const
export type MapMetric = 'incidents' | 'downtime' | 'affected'
export const MAP_METRICS: readonly MapMetric[] = ['incidents', 'downtime', 'affected']

export interface RegionFigure {
  code: string
  /** What the colour encodes: incidents, downtime hours, or the upper bound of people affected. */
  value: number
  /** How the figure reads: "2 incidents", "about 3 days of downtime", "1,000–1,500 people affected". */
  label: string
  tally: RegionTally | undefined
}

export function metricValue(tally: RegionTally | undefined, metric: MapMetric): number {
  if (!tally) return 0
  if (metric === 'incidents') return tally.incidents
  if (metric === 'downtime') return tally.downtimeMinutes / 60
  return tally.affected.people?.total.max ?? 0
}

export function metricLabel(tally: RegionTally | undefined, metric: MapMetric, locale: ChartLocale): string {
  const { t, format } = locale
  if (!tally || tally.incidents === 0) return t('map.noData')
  if (metric === 'incidents') return t('metricValue.incidents', { n: format.number(tally.incidents) }, tally.incidents)
  if (metric === 'downtime') return t('metricValue.downtime', { n: format.duration(tally.downtimeMinutes, tally.downtimeApproximate) })
  const people = tally.affected.people?.total
  return t('metricValue.affected', { n: people ? format.range(people, true) : '0' })
}

export function regionFigures(tallies: Tallies, metric: MapMetric, locale: ChartLocale): RegionFigure[] {
  return REGIONS.map(({ code }) => {
    const tally = tallies.regions.get(code)
    return { code, value: metricValue(tally, metric), label: metricLabel(tally, metric, locale), tally }
  })
}

/** Class breaks (lower bounds) that read as round numbers: 1, 2, 5, 10, 20, 50… at most five classes. */
/**
 * Lower bounds of the colour classes: "nice" numbers (1, 2, 5 × 10ⁿ) up to the largest value.
 * Counts (whole numbers) never get a class below 1: 0.5 would read as a second "1".
 */
export function classBreaks(max: number, integers = false): number[] {
  if (max <= 0) return []
  if (max <= 5 && Number.isInteger(max)) return Array.from({ length: max }, (_, i) => i + 1)
  const nice: number[] = []
  for (let power = 10 ** Math.floor(Math.log10(Math.max(max, 1e-9)) - 4); nice.length < 40; power *= 10) nice.push(power, 2 * power, 5 * power)
  const below = nice.filter((n) => n <= max && (!integers || n >= 1))
  return below.slice(-5)
}

/** The classes for the figures on the map: the one place the map and its legend get them from. */
export function breaksFor(figures: readonly Pick<RegionFigure, 'value'>[]): number[] {
  return classBreaks(Math.max(0, ...figures.map((f) => f.value)), figures.every((f) => Number.isInteger(f.value)))
}

/**
 * Legend text per class. A class runs from its lower bound up to the next one, excluded: for
 * counts that is "2–4", not "2–5" (5 opens the next class); for hours it stays "2–5".
 */
export function legendRanges(figures: readonly Pick<RegionFigure, 'value'>[], format: (value: number) => string): string[] {
  const breaks = breaksFor(figures)
  const integers = figures.every((f) => Number.isInteger(f.value))
  const max = Math.max(0, ...figures.map((f) => f.value))
  return breaks.map((lower, index) => {
    const upper = breaks[index + 1]
    if (upper === undefined) return lower >= max ? format(lower) : `${format(lower)}+`
    const last = integers ? upper - 1 : upper
    return last <= lower || (!integers && upper - lower <= 1) ? format(lower) : `${format(lower)}–${format(last)}`
  })
}

export function classIndex(value: number, breaks: readonly number[]): number {
  if (value <= 0) return -1
  let index = 0
  breaks.forEach((lower, i) => {
    if (value >= lower) index = i
  })
  return index
}

export function regionColour(value: number, breaks: readonly number[], theme: ChartTheme): string {
  const index = classIndex(value, breaks)
  if (index < 0) return theme.empty
  // Spread the classes over the ramp so two classes are not two near-identical blues.
  const step = breaks.length <= 1 ? theme.ramp.length - 1 : (index * (theme.ramp.length - 1)) / (breaks.length - 1)
  return theme.ramp[Math.round(step)]!
}

export interface MapData {
  mapName: string
  metric: MapMetric
  figures: RegionFigure[]
  selected: string | undefined
  incidentsById: ReadonlyMap<string, Incident>
  timeZone: string
}

/** What a reader sees on hovering a region: its name, the figure, and its top incidents with sources. */
export function regionTooltip(figure: RegionFigure, data: MapData, locale: ChartLocale): TooltipLine[] {
  const lines: TooltipLine[] = [
    { text: regionName(figure.code, locale.lang), kind: 'title' },
    { text: figure.label, kind: 'figure' },
  ]
  const ids = figure.tally?.incidentIds ?? []
  for (const id of ids.slice(0, 3)) {
    const incident = data.incidentsById.get(id)
    if (!incident) continue
    lines.push({ text: `${text(incident.title, locale)} (${locale.format.date(incidentStart(incident, data.timeZone))})`, kind: 'note' })
    const source = incident.sources[0]
    if (source) lines.push({ text: `${locale.t('incident.source')}: ${sourceLine(source, locale)}`, kind: 'source' })
  }
  if (ids.length > 3) lines.push({ text: `+${ids.length - 3}`, kind: 'note' })
  return lines
}

export function buildMapOption(data: MapData, locale: ChartLocale, theme: ChartTheme, summary: string): MapOption {
  const breaks = breaksFor(data.figures)
  return {
    aria: { enabled: true, label: { description: summary } },
    animationDurationUpdate: 200,
    tooltip: tooltipBase(locale.lang, (dataIndex) => {
      const figure = data.figures[dataIndex]
      return figure ? regionTooltip(figure, data, locale) : []
    }),
    series: [
      {
        type: 'map',
        map: data.mapName,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        ...MAP_LAYOUT,
        layoutCenter: [...MAP_LAYOUT.layoutCenter],
        itemStyle: { borderColor: theme.background, borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: theme.highlight } },
        label: { show: false },
        data: data.figures.map((figure) => ({
          name: figure.code,
          value: figure.value,
          itemStyle: {
            areaColor: regionColour(figure.value, breaks, theme),
            ...(figure.code === data.selected && { borderColor: theme.text, borderWidth: 2.5 }),
          },
        })),
      },
    ],
  }
}
