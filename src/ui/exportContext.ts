/** What an export says about itself: active filters, "as of", the dataset's licence and the sources behind the rows. */
import { localText } from '../core/localText'
import { parsePartialDate } from '../core/dates'
import { regionName } from '../core/regions'
import type { Formatter } from '../core/format'
import type { DatasetStore } from '../store/dataset'
import type { Incident } from '../core/schema'
import { sourceLine, type ChartLocale } from '../charts/locale'

type Translate = (key: string, params?: Record<string, unknown>) => string

export function describeFilters(store: DatasetStore, t: Translate, lang: string): string {
  const parts: string[] = []
  const { filters } = store
  if (filters.from || filters.to) parts.push(`${t('filter.period')}: ${filters.from ?? '…'}–${filters.to ?? '…'}`)
  if (filters.sectors?.length) parts.push(`${t('filter.sector')}: ${filters.sectors.map((v) => t(`sector.${v}`)).join(', ')}`)
  if (filters.kinds?.length) parts.push(`${t('filter.kind')}: ${filters.kinds.map((v) => t(`kind.${v}`)).join(', ')}`)
  if (filters.statuses?.length) parts.push(`${t('filter.status')}: ${filters.statuses.map((v) => t(`status.${v}`)).join(', ')}`)
  if (store.selectedRegion) parts.push(`${t('filter.region')}: ${regionName(store.selectedRegion, lang)}`)
  return `${t('filter.title')}: ${parts.length ? parts.join('; ') : t('filter.all')}`
}

export function asOf(store: DatasetStore, format: Formatter, t: Translate): string {
  const updated = store.meta?.updated ? parsePartialDate(store.meta.updated, store.timeZone) : undefined
  return t('app.asOf', { date: updated ? format.date(updated) : format.date({ text: '', precision: 'day', start: Date.now(), end: Date.now() }) })
}

export function datasetLine(store: DatasetStore, lang: string, t: Translate): string {
  const title = localText(store.meta?.title, lang) || store.source
  return `${t('app.datasetLabel')}: ${title}${store.meta?.license ? ` (${store.meta.license})` : ''}`
}

/**
 * The first `limit` of sourceLines, and whether there are more: what a printed widget lists. Stops
 * reading incidents once it has them (a filter change on 10 000 incidents wrote out every source
 * of the first 500, in each of four widgets, to print 30).
 */
export function firstSourceLines(incidents: readonly Incident[], locale: ChartLocale, limit: number): { lines: string[]; more: boolean } {
  const lines = new Set<string>()
  for (const incident of incidents) {
    for (const source of incident.sources) {
      const line = sourceLine(source, locale, true)
      if (lines.has(line)) continue
      if (lines.size === limit) return { lines: [...lines], more: true }
      lines.add(line)
    }
  }
  return { lines: [...lines], more: false }
}

/** Each source behind the given incidents once: "Publisher, headline, date, URL". */
export function sourceLines(incidents: readonly Incident[], locale: ChartLocale): string[] {
  return [...new Set(incidents.flatMap((incident) => incident.sources.map((source) => sourceLine(source, locale, true))))]
}
