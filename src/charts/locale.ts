import type { Formatter, Lang } from '../core/format'
import { createFormatter } from '../core/format'
import { localText, resolveText, type LocalText } from '../core/localText'
import type { Incident, Source } from '../core/schema'
import { parsePartialDate } from '../core/dates'

/** What an option builder needs of the UI language: translated words and formatters. No Vue. */
export interface ChartLocale {
  lang: Lang
  format: Formatter
  /** vue-i18n's t: named parameters, and a count that picks the plural form. */
  t: (key: string, params?: Record<string, unknown>, plural?: number) => string
}

export function chartLocale(lang: Lang, t: ChartLocale['t'], timeZone?: string): ChartLocale {
  return { lang, t, format: createFormatter({ lang, ...(timeZone && { timeZone }) }) }
}

export function text(value: LocalText | undefined, locale: ChartLocale): string {
  return localText(value, locale.lang)
}

/** Where a chart names an incident: its short title, else its title shortened to a label's length. */
export function incidentName(incident: Incident, locale: ChartLocale, max = 48): string {
  return incident.shortTitle !== undefined ? text(incident.shortTitle, locale) : clip(text(incident.title, locale), max)
}

/** A table cell: plain text in the UI language, or text that fell back to another language and says which. */
export type TableCell = string | { text: string; lang: string }

/** Dataset text for a table cell, marked with its language when it is not the UI's (screen readers switch voice). */
export function textCell(value: LocalText | undefined, locale: ChartLocale): TableCell {
  const resolved = resolveText(value, locale.lang)
  return resolved.lang && resolved.lang !== locale.lang ? { text: resolved.text, lang: resolved.lang } : resolved.text
}

export function cellText(cell: TableCell | undefined): string {
  return cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text
}

/** The sources an outage, impact or response cites, or all the incident's sources when it cites none. */
export function citedSources(incident: Incident, refs: readonly string[]): Source[] {
  const cited = incident.sources.filter((source) => refs.includes(source.id))
  return cited.length > 0 ? cited : incident.sources
}

/**
 * A source as readers see it: "Publisher, date" for tooltips and tables; with
 * `full`, "Publisher, headline, date, URL" for exports, where nothing links back.
 */
export function sourceLine(source: Source, locale: ChartLocale, full = false): string {
  const date = source.date ? parsePartialDate(source.date, locale.format.timeZone) : undefined
  const parts = [text(source.publisher, locale), full ? text(source.title, locale) : '', date ? locale.format.date(date) : '', full ? readableUrl(source.url) : '']
  return parts.filter(Boolean).join(', ')
}

/** A URL as a reader can read it off paper: percent-escapes of non-Latin text decoded (the link is the same). */
function readableUrl(url: string | undefined): string {
  if (!url) return ''
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/** Keeps labels short on narrow screens; the full text is in the tooltip and the table. */
export function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value
}

/**
 * How far a bar's name sits above the bar's centre: clear of the figure printed beside the bar
 * (12 px text centred on it) with the taller Devanagari line box, and of the bar above.
 */
export const NAME_LIFT = 15

/** Room for a bar's name, which sits above the bar across the chart (left and right padding kept). */
export const nameWidth = (chartWidth: number) => Math.max(120, chartWidth - 24)

/**
 * Category labels drawn inside the plot, just above their bar or lane: they need
 * no left margin, so a 320 px phone keeps its width for the bars. `lift` is how
 * far above the band's centre the label's baseline sits; `width` is how much of the chart's width it may take
 * (a longer label ends in "…": the tooltip, the announcement and the table have it whole).
 */
export function labelsAbove(color: string, lift: number, width = 280) {
  return { inside: true, align: 'left' as const, verticalAlign: 'bottom' as const, margin: 0, padding: [0, 0, lift, 2], width, overflow: 'truncate' as const, color, fontSize: 12 }
}

/** Sources named under an image export; the rest are counted ("180 sources; the first 8:"). */
export const SOURCES_LISTED = 8

/** The footer lines of a picture: every source when few, else how many and the first SOURCES_LISTED. */
export function sourceFooter(lines: readonly string[], locale: ChartLocale): string[] {
  const listed = lines.slice(0, SOURCES_LISTED)
  const heading = lines.length > listed.length
    ? locale.t('render.sourcesSome', { count: locale.format.number(lines.length), shown: listed.length })
    : locale.t('render.sourcesAll', { count: locale.format.number(lines.length) })
  return [heading, ...listed]
}

/** Width of a text in px at a font size; the browser measures with a canvas, Node estimates. */
export type TextMeasure = (value: string, fontSize: number, bold?: boolean) => number

/**
 * An over-estimate for where there is no canvas (Node, `ghatna render`): about 0.56 em a Latin
 * lower-case letter, 0.66 em a capital or digit, 0.62 em a Devanagari letter. Layouts made with it
 * leave a little room to spare rather than letting text collide.
 */
export const estimateText: TextMeasure = (value, fontSize, bold = false) => {
  let width = 0
  for (const char of value) width += /[\u0900-\u097F]/.test(char) ? 0.62 : /[A-Z0-9+−–@%#&WM]/.test(char) ? 0.68 : /[ il.,:;'|!()[\]]/.test(char) ? 0.34 : 0.56
  return width * fontSize * (bold ? 1.08 : 1)
}
