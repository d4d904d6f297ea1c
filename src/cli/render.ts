/**
 * `ghatna render --widget map --dataset file.json [--lang hi] [--theme dark] [--metric downtime] [--width 800]`:
 * a widget as a static SVG, drawn with ECharts' server-side renderer from the same
 * option builders the browser uses, stamped with title, dataset, date and sources.
 * For pages without script: AMP, feed readers, social cards, <noscript>.
 */
import { readFileSync } from 'node:fs'
import { use, registerMap } from 'echarts/core'
import { MapChart, BarChart, CustomChart } from 'echarts/charts'
import { GridComponent, TitleComponent, AriaComponent } from 'echarts/components'
import type { EChartsCoreOption } from 'echarts/core'
import { validateDataset } from '../core/validate'
import { describeIssue } from '../core/issues'
import { tallyByRegion, outageSpans } from '../core/aggregate'
import { parsePartialDate } from '../core/dates'
import { localText } from '../core/localText'
import { createGhatnaI18n } from '../i18n'
import { chartLocale, sourceLine, type ChartLocale } from '../charts/locale'
import { themeOf } from '../charts/themes'
import { exportSvg } from '../charts/export'
import { normaliseGeometry } from '../geo/india'
import topology from '../geo/india-36.topo.json'
import { buildMapOption, regionFigures, type MapMetric } from '../widgets/IncidentMap/option'
import { buildDowntimeOption, longestOutages, MAX_BARS } from '../widgets/DowntimeChart/option'
import { buildImpactOption, impactPanels, panelHeights } from '../widgets/ImpactChart/option'
import { buildTimelineOption, timelineData, timelineHeight } from '../widgets/ResponseTimeline/option'
import type { Lang } from '../core/format'

use([MapChart, BarChart, CustomChart, GridComponent, TitleComponent, AriaComponent])

export const RENDER_USAGE = `Usage: ghatna render --widget map|downtime|impact|timeline --dataset FILE [--lang en|hi] [--theme light|dark] [--metric incidents|downtime|affected] [--width 800] [--incident ID]`

export interface RenderOptions {
  widget: string
  dataset: string
  lang: Lang
  theme: 'light' | 'dark'
  metric: MapMetric
  width: number
  incident?: string
}

export function parseRenderArgs(args: readonly string[]): RenderOptions | string {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const widget = value('widget')
  const dataset = value('dataset')
  if (!widget || !['map', 'downtime', 'impact', 'timeline'].includes(widget)) return `--widget must be map, downtime, impact or timeline.\n${RENDER_USAGE}`
  if (!dataset) return `--dataset FILE is required.\n${RENDER_USAGE}`
  const metric = value('metric') ?? 'incidents'
  if (!['incidents', 'downtime', 'affected'].includes(metric)) return `--metric must be incidents, downtime or affected.`
  const width = Number(value('width') ?? 800)
  if (!Number.isFinite(width) || width < 280 || width > 4000) return '--width must be between 280 and 4000.'
  const incident = value('incident')
  return {
    widget, dataset, width, metric: metric as MapMetric,
    lang: value('lang') === 'hi' ? 'hi' : 'en',
    theme: value('theme') === 'dark' ? 'dark' : 'light',
    ...(incident && { incident }),
  }
}

let mapRegistered = false

export async function renderWidget(options: RenderOptions, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): Promise<{ svg: string } | { error: string }> {
  const report = validateDataset(readFile(options.dataset))
  if (report.fatal || !report.dataset) return { error: describeIssue(report.fatal ?? report.errors[0]!, options.lang) }
  const { incidents, agencies, meta } = report.dataset
  const timeZone = meta.timezone ?? 'Asia/Kolkata'
  const i18n = createGhatnaI18n(options.lang)
  const t = i18n.global.t as ChartLocale['t']
  const locale = chartLocale(options.lang, t, timeZone)
  const theme = themeOf(options.theme)
  const { width } = options

  let option: EChartsCoreOption
  let height: number
  let title: string
  const credits: string[] = []
  switch (options.widget) {
    case 'map': {
      if (!mapRegistered) {
        registerMap('ghatna-india', normaliseGeometry(topology).geometry as unknown as Parameters<typeof registerMap>[1])
        mapRegistered = true
      }
      const tallies = tallyByRegion(incidents, timeZone)
      const figures = regionFigures(tallies, options.metric, locale)
      option = buildMapOption({ mapName: 'ghatna-india', metric: options.metric, figures, selected: undefined, incidentsById: new Map(), timeZone }, locale, theme, '')
      height = Math.round(width * 1.05)
      title = t('map.title')
      if (tallies.national.incidents) credits.push(t('map.national', { count: tallies.national.incidents }))
      credits.push(t('map.attribution'))
      break
    }
    case 'downtime': {
      const rows = incidents.flatMap((incident) => outageSpans(incident, timeZone).map((outage) => ({ outage, incident })))
      const drawn = longestOutages(rows, MAX_BARS, Date.now())
      option = buildDowntimeOption(drawn, locale, theme, Date.now(), '')
      height = Math.max(180, drawn.length * 46 + 60)
      title = t('downtime.title')
      break
    }
    case 'impact': {
      const { panels } = impactPanels(incidents, locale)
      option = buildImpactOption(panels, agencies, locale, theme, '')
      height = Math.max(120, panelHeights(panels).reduce((a, b) => a + b, 0))
      title = t('impact.title')
      break
    }
    default: {
      const chosen = incidents.find((i) => i.id === options.incident) ?? incidents.find((i) => (i.responses?.length ?? 0) > 0)
      if (!chosen) return { error: t('timeline.none') }
      const data = timelineData(chosen, agencies, locale, timeZone)
      option = buildTimelineOption(data, locale, theme, '')
      height = timelineHeight(data)
      title = `${t('timeline.title')}: ${localText(chosen.title, options.lang)}`
    }
  }
  const updated = meta.updated ? parsePartialDate(meta.updated, timeZone) : undefined
  const sources = [...new Set(incidents.flatMap((incident) => incident.sources.map((source) => sourceLine(source, locale, true))))]
  const svg = await exportSvg(option, width, height, {
    title,
    subtitle: [`${t('app.datasetLabel')}: ${localText(meta.title, options.lang)}${meta.license ? ` (${meta.license})` : ''}${updated ? ` · ${t('app.asOf', { date: locale.format.date(updated) })}` : ''}`],
    footer: [...sources.map((line) => `${t('incident.source')}: ${line}`), ...credits, 'Ghatna'],
  }, theme)
  return { svg }
}
