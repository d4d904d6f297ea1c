/**
 * The dashboard's shareable state in the query string. Only what differs from the
 * defaults is written; each parameter parses as valid, invalid (ignored, reported)
 * or missing.
 */
import { INCIDENT_STATUSES, KINDS, SECTORS, type IncidentKind, type IncidentStatus, type Sector } from '../core/schema'
import { PARTIAL_DATE_PATTERN } from '../core/dates'
import { ACCEPTED_REGION_CODES, lookupRegionCode } from '../core/regions'
import type { Lang } from '../core/format'

export interface DashboardState {
  lang: Lang
  /** Dataset URL; undefined means the bundled default dataset. */
  dataset?: string
  region?: string
  sectors: Sector[]
  kinds: IncidentKind[]
  statuses: IncidentStatus[]
  from?: string
  to?: string
}

export const DEFAULT_STATE: DashboardState = { lang: 'en', sectors: [], kinds: [], statuses: [] }

export interface ParsedState {
  state: DashboardState
  /** Parameters present but not understood, to report rather than silently drop. */
  invalid: string[]
}

function list<T extends string>(raw: string | null, allowed: readonly T[], name: string, invalid: string[]): T[] {
  if (!raw) return []
  const values = raw.split(',').filter(Boolean)
  const kept = values.filter((value): value is T => (allowed as readonly string[]).includes(value))
  if (kept.length !== values.length) invalid.push(name)
  return kept
}

export function parseDashboardState(search: string): ParsedState {
  const params = new URLSearchParams(search)
  const invalid: string[] = []
  const state: DashboardState = { ...DEFAULT_STATE, sectors: [], kinds: [], statuses: [] }

  const lang = params.get('lang')
  if (lang === 'en' || lang === 'hi') state.lang = lang
  else if (lang !== null) invalid.push('lang')

  const dataset = params.get('dataset')
  if (dataset) {
    // Only web addresses: a javascript: or data: URL is not a dataset.
    if (/^https?:\/\//i.test(dataset) || /^[./\w-][^:]*$/.test(dataset)) state.dataset = dataset
    else invalid.push('dataset')
  }

  const region = params.get('region')
  if (region) {
    const found = ACCEPTED_REGION_CODES.includes(region) ? lookupRegionCode(region) : undefined
    if (found && found.kind !== 'unknown') state.region = found.code
    else invalid.push('region')
  }

  state.sectors = list(params.get('sector'), SECTORS, 'sector', invalid)
  state.kinds = list(params.get('kind'), KINDS, 'kind', invalid)
  state.statuses = list(params.get('status'), INCIDENT_STATUSES, 'status', invalid)
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key)
    if (value === null) continue
    if (PARTIAL_DATE_PATTERN.test(value)) state[key] = value
    else invalid.push(key)
  }
  return { state, invalid }
}

export function serializeDashboardState(state: DashboardState): string {
  const params = new URLSearchParams()
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang)
  if (state.dataset) params.set('dataset', state.dataset)
  if (state.region) params.set('region', state.region)
  if (state.sectors.length) params.set('sector', state.sectors.join(','))
  if (state.kinds.length) params.set('kind', state.kinds.join(','))
  if (state.statuses.length) params.set('status', state.statuses.join(','))
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  const text = params.toString()
  return text ? `?${text}` : ''
}
