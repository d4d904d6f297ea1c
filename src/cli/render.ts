/**
 * `ghatna render --widget map --dataset file.json [--lang hi] [--theme dark] [--metric downtime] [--width 800] [--strict]`:
 * a widget as a static SVG, drawn with ECharts' server-side renderer from the same headless models
 * the browser uses (height, bars, layout, option), stamped with title, dataset, date and a summary
 * of the sources. For pages without script: AMP, feed readers, social cards, <noscript>.
 */
import { use, registerMap, setPlatformAPI } from 'echarts/core'
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
import { isResult, parseCommand, usageError, type CliResult, type ReadFile, readUtf8 } from './args'
import { readSettings, settingDefault, settingNames, SETTINGS, type SettingSpec, type SettingValue } from '../core/settings'

use([MapChart, BarChart, CustomChart, GridComponent, AriaComponent, GraphicComponent])
// Without a canvas ECharts counts every non-Latin letter a full em wide, so Hindi labels were cut to "पु…"
// in room the layout measured for them: it measures with the same estimate the layout uses.
setPlatformAPI({ measureText: (text = '', font = '') => ({ width: estimateText(text, Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12), /\bbold\b|\b[6-9]00\b/.test(font)) }) })

/** `--name VALUE  what it does` for each flag of the contract, so the help lists what parseRenderArgs takes. */
const RENDER_FLAGS = settingNames('cli').sort((a, b) => Number(b === 'widget' || b === 'dataset') - Number(a === 'widget' || a === 'dataset'))
function flagHelp(name: (typeof RENDER_FLAGS)[number]): string {
  const spec: SettingSpec = SETTINGS[name]
  const value = spec.kind === 'flag' ? '' : spec.kind === 'choice' ? ` ${(spec.narrower?.cli?.choices ?? spec.choices).join('|')}` : spec.kind === 'number' ? ` ${spec.unit?.toUpperCase() ?? 'N'}` : ` ${spec.placeholder ?? 'VALUE'}`
  const fallback = settingDefault(name, 'cli')
  const range = spec.kind === 'number' ? ` (${spec.min} to ${spec.max}${fallback === undefined ? '' : `; default ${fallback}`})` : fallback === undefined ? '' : ` (default ${fallback})`
  const flag = `  --${name}${value}`
  const describe = (spec.kind === 'choice' && spec.narrower?.cli?.describe) || spec.describe
  return `${flag.length < 23 ? flag.padEnd(24) : `${flag}\n${''.padEnd(24)}`}${describe}${range}`
}

export const RENDER_USAGE = `Usage: ghatna render --widget map|downtime|impact|timeline --dataset FILE [options] > widget.svg

Draws one widget as a standalone SVG (title, dataset, date and sources in the
picture), for pages without script: AMP, feed readers, social cards, <noscript>.
Problems in the dataset go to stderr and the picture leaves those incidents out.

Options (--widget and --dataset are required):
${RENDER_FLAGS.map(flagHelp).join('\n')}
  -h, --help            this help

Exit status: 0 drawn, 1 nothing drawn (dataset errors), 2 usage error or unreadable file.`

export interface RenderOptions {
  widget: SettingValue<'widget'>
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

/** The options, `'help'` when help was asked for, or the one-line refusal (exit 2). Flags, values and ranges come from the settings contract. */
export function parseRenderArgs(args: readonly string[]): RenderOptions | 'help' | CliResult {
  const flags = Object.fromEntries(RENDER_FLAGS.map((name) => [name, { type: SETTINGS[name].kind === 'flag' ? 'boolean' as const : 'string' as const }]))
  const parsed = parseCommand('render', args, flags, false)
  if (isResult(parsed)) return parsed
  if (parsed.values.help) return 'help'
  const { values, problems } = readSettings(parsed.values, 'cli')
  // A command line is refused rather than drawn with a default: the author is there to fix it.
  const [problem] = problems
  if (problem) return usageError(`render: --${problem.name} must be ${problem.rule}; found "${problem.given}". See ghatna render --help.`)
  const { widget, dataset } = values
  if (!widget) return usageError('render: --widget is required (map, downtime, impact or timeline). See ghatna render --help.')
  if (!dataset) return usageError('render: --dataset FILE is required. See ghatna render --help.')
  return {
    widget, dataset,
    width: values.width ?? settingDefault('width', 'cli')!,
    metric: values.metric ?? settingDefault('metric', 'cli')!,
    lang: values.lang ?? settingDefault('lang', 'cli')!,
    theme: values.theme === 'dark' ? 'dark' : 'light',
    ...(values.incident && { incident: values.incident }),
    ...(values.unit && { unit: values.unit }),
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
