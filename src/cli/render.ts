/**
 * `ghatna render --widget map --dataset file.json [--lang hi] [--theme dark] [--metric downtime] [--width 800] [--strict]`:
 * a widget as a static SVG, drawn with ECharts' server-side renderer from the same headless models
 * the browser uses (height, bars, layout, option), stamped with title, dataset, date and a summary
 * of the sources. For pages without script: AMP, feed readers, social cards, <noscript>.
 */
import { use, registerMap } from 'echarts/core'
import { MapChart, BarChart, CustomChart } from 'echarts/charts'
import { GridComponent, AriaComponent, GraphicComponent } from 'echarts/components'
import type { EChartsCoreOption } from 'echarts/core'
import { validateDataset } from '../core/validate'
import { describeIssue } from '../core/issues'
import { tallyByRegion } from '../core/aggregate'
import { parsePartialDate } from '../core/dates'
import { localText } from '../core/localText'
import { createGhatnaI18n } from '../i18n'
import { chartLocale, sourceLine, sourceFooter, estimateText, type ChartLocale } from '../charts/locale'
import { themeOf } from '../charts/themes'
import { exportSvg } from '../charts/export'
import { normaliseGeometry } from '../geo/india'
import topology from '../geo/india-36.topo.json'
import type { MapMetric } from '../widgets/IncidentMap/option'
import { mapModel, staticMapOption } from '../widgets/IncidentMap/model'
import { downtimeModel } from '../widgets/DowntimeChart/model'
import { impactModel } from '../widgets/ImpactChart/model'
import { timelineModel } from '../widgets/ResponseTimeline/model'
import type { Lang } from '../core/format'
import { checkChoice, isResult, parseCommand, usageError, type CliResult, type ReadFile, readUtf8 } from './args'

use([MapChart, BarChart, CustomChart, GridComponent, AriaComponent, GraphicComponent])

export const RENDER_USAGE = `Usage: ghatna render --widget map|downtime|impact|timeline --dataset FILE [options] > widget.svg

Draws one widget as a standalone SVG (title, dataset, date and sources in the
picture), for pages without script: AMP, feed readers, social cards, <noscript>.
Problems in the dataset go to stderr and the picture leaves those incidents out.

Options:
  --widget NAME    map, downtime, impact or timeline (required)
  --dataset FILE   a Ghatna dataset, format version 1 (required)
  --lang en|hi     language of the picture (default en)
  --theme light|dark
  --metric incidents|downtime|affected   the map's measure (default incidents)
  --width PX       280 to 4000 (default 800)
  --incident ID    the timeline's incident (default the newest with responses)
  --unit KEY       the impact chart's unit: people, devices, other:<label>
  --strict         draw nothing and exit 1 when the dataset has errors
  -h, --help       this help

Exit status: 0 drawn, 1 nothing drawn (dataset errors), 2 usage error or unreadable file.`

export interface RenderOptions {
  widget: string
  dataset: string
  lang: Lang
  theme: 'light' | 'dark'
  metric: MapMetric
  width: number
  incident?: string
  /** The impact chart's unit (`people`, `devices`, `other:rupees`). */
  unit?: string
  /** Refuse a dataset with errors instead of drawing its valid incidents. */
  strict?: boolean
}

const CHOICES = {
  widget: ['map', 'downtime', 'impact', 'timeline'],
  lang: ['en', 'hi'],
  theme: ['light', 'dark'],
  metric: ['incidents', 'downtime', 'affected'],
} as const

/** The options, `'help'` when help was asked for, or the one-line refusal (exit 2). */
export function parseRenderArgs(args: readonly string[]): RenderOptions | 'help' | CliResult {
  const parsed = parseCommand('render', args, {
    widget: { type: 'string' }, dataset: { type: 'string' }, lang: { type: 'string' }, theme: { type: 'string' },
    metric: { type: 'string' }, width: { type: 'string' }, incident: { type: 'string' }, unit: { type: 'string' }, strict: { type: 'boolean' },
  }, false)
  if (isResult(parsed)) return parsed
  const { values } = parsed
  if (values.help) return 'help'
  for (const key of ['widget', 'lang', 'theme', 'metric'] as const) {
    const refused = checkChoice('render', key, values[key], CHOICES[key])
    if (refused) return refused
  }
  const { widget, dataset } = values as Record<string, string | undefined>
  if (!widget) return usageError('render: --widget is required (map, downtime, impact or timeline). See ghatna render --help.')
  if (!dataset) return usageError('render: --dataset FILE is required. See ghatna render --help.')
  const width = Number(values.width ?? 800)
  if (!Number.isInteger(width) || width < 280 || width > 4000) return usageError(`render: --width must be a whole number from 280 to 4000; found "${String(values.width)}". See ghatna render --help.`)
  return {
    widget, dataset, width,
    metric: (values.metric as MapMetric | undefined) ?? 'incidents',
    lang: values.lang === 'hi' ? 'hi' : 'en',
    theme: values.theme === 'dark' ? 'dark' : 'light',
    ...(typeof values.incident === 'string' && { incident: values.incident }),
    ...(typeof values.unit === 'string' && { unit: values.unit }),
    ...(values.strict === true && { strict: true }),
  }
}

let mapRegistered = false

export interface RenderResult {
  svg?: string
  /** Why nothing was drawn. */
  error?: string
  /** Problems in the dataset, one line each, for stderr: the picture leaves those incidents out. */
  problems: string[]
}

export async function renderWidget(options: RenderOptions, readFile: ReadFile = readUtf8): Promise<RenderResult> {
  const report = validateDataset(readFile(options.dataset))
  if (report.fatal || !report.dataset) return { error: describeIssue(report.fatal ?? report.errors[0]!, options.lang), problems: [] }
  const problems = report.errors.map((issue) => `error: ${describeIssue(issue, options.lang)}`)
  if (options.strict && problems.length > 0) return { error: options.lang === 'hi' ? `डेटासेट में ${problems.length} त्रुटियाँ; --strict के कारण कुछ नहीं बनाया गया।` : `${problems.length} ${problems.length === 1 ? 'error' : 'errors'} in the dataset; nothing drawn (--strict).`, problems }
  const { incidents, agencies, meta } = report.dataset
  const timeZone = meta.timezone ?? 'Asia/Kolkata'
  const i18n = createGhatnaI18n(options.lang)
  const t = i18n.global.t as ChartLocale['t']
  const locale = chartLocale(options.lang, t, timeZone)
  const theme = themeOf(options.theme)
  const { width } = options
  const now = Date.now()

  let option: EChartsCoreOption
  let height: number
  let title: string
  let shown: readonly typeof incidents[number][] = incidents
  const credits: string[] = []
  switch (options.widget) {
    case 'map': {
      if (!mapRegistered) {
        registerMap('ghatna-india', normaliseGeometry(topology).geometry as unknown as Parameters<typeof registerMap>[1])
        mapRegistered = true
      }
      const model = mapModel({ tallies: tallyByRegion(incidents, timeZone), incidents, locale, theme, metric: options.metric, mapName: 'ghatna-india' })
      ;({ option, height } = staticMapOption(model, width, locale, theme, estimateText))
      title = t('map.title')
      credits.push(t('map.attribution'))
      break
    }
    case 'downtime': {
      const model = downtimeModel({ incidents, locale, theme, now, width })
      option = model.option
      height = model.height
      shown = [...new Set(model.drawn.map((row) => row.incident))]
      title = t('downtime.title')
      break
    }
    case 'impact': {
      const model = impactModel({ incidents, agencies, locale, theme, width, ...(options.unit && { unitKey: options.unit }) })
      if (!model.option) return { error: t('impact.summaryNone'), problems }
      option = model.option
      height = model.height
      shown = [...new Set(model.drawn.map((row) => row.incident))]
      title = `${t('impact.title')}: ${model.unit!.label}`
      break
    }
    default: {
      const model = timelineModel({ incidents, agencies, locale, theme, width, ...(options.incident && { incidentId: options.incident }) })
      if (!model.option || !model.incident) return { error: t('timeline.none'), problems }
      option = model.option
      height = model.height
      shown = [model.incident]
      title = `${t('timeline.title')}: ${localText(model.incident.title, options.lang)}`
    }
  }
  const updated = meta.updated ? parsePartialDate(meta.updated, timeZone) : undefined
  const sources = [...new Set(shown.flatMap((incident) => incident.sources.map((source) => sourceLine(source, locale, true))))]
  const svg = await exportSvg(option, width, height, {
    title,
    subtitle: [`${t('app.datasetLabel')}: ${localText(meta.title, options.lang)}${meta.license ? ` (${meta.license})` : ''}${updated ? ` · ${t('app.asOf', { date: locale.format.date(updated) })}` : ''}`],
    footer: [...sourceFooter(sources, locale), ...credits, 'Ghatna'],
  }, theme, estimateText)
  return { svg, problems }
}
