/**
 * The dashboard's shareable state in the query string. Only what differs from the
 * defaults is written; each parameter parses as valid, invalid (ignored, reported)
 * or missing.
 */
import { INCIDENT_STATUSES, KINDS, SECTORS, type IncidentKind, type IncidentStatus, type Sector } from '../core/schema'
import { PARTIAL_DATE_PATTERN } from '../core/dates'
import { ACCEPTED_REGION_CODES, lookupRegionCode } from '../core/regions'
import type { Lang } from '../core/format'

export type ThemeChoice = 'light' | 'dark' | 'auto'
export type MetricChoice = 'incidents' | 'downtime' | 'affected'

export interface DashboardState {
  lang: Lang
  theme: ThemeChoice
  metric: MetricChoice
  /** A newsroom's own boundaries (GeoJSON or TopoJSON keyed by ISO 3166-2:IN). */
  boundaries?: string
  /** Dataset URL; undefined means the bundled default dataset. */
  dataset?: string
  region?: string
  /** Seconds to wait for the dataset (default 15). */
  timeout?: number
  /** Largest dataset to read, in MB (default 20): big files are slow on phones, so raising it is a choice. */
  maxMb?: number
  sectors: Sector[]
  kinds: IncidentKind[]
  statuses: IncidentStatus[]
  from?: string
  to?: string
}

export const DEFAULT_STATE: DashboardState = { lang: 'en', theme: 'auto', metric: 'incidents', sectors: [], kinds: [], statuses: [] }

const isWebAddress = (value: string) => /^https?:\/\//i.test(value) || /^[./\w-][^:]*$/.test(value)

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

  const theme = params.get('theme')
  if (theme === 'light' || theme === 'dark' || theme === 'auto') state.theme = theme
  else if (theme !== null) invalid.push('theme')

  const metric = params.get('metric')
  if (metric === 'incidents' || metric === 'downtime' || metric === 'affected') state.metric = metric
  else if (metric !== null) invalid.push('metric')

  // Only web addresses: a javascript: or data: URL is not a dataset.
  for (const key of ['dataset', 'boundaries'] as const) {
    const value = params.get(key)
    if (!value) continue
    if (isWebAddress(value)) state[key] = value
    else invalid.push(key)
  }

  const region = params.get('region')
  if (region) {
    const found = ACCEPTED_REGION_CODES.includes(region) ? lookupRegionCode(region) : undefined
    if (found && found.kind !== 'unknown') state.region = found.code
    else invalid.push('region')
  }

  const timeout = params.get('timeout')
  if (timeout !== null) {
    const seconds = Number(timeout)
    if (Number.isFinite(seconds) && seconds >= 1 && seconds <= 300) state.timeout = seconds
    else invalid.push('timeout')
  }
  const maxMb = params.get('maxmb')
  if (maxMb !== null) {
    const megabytes = Number(maxMb)
    if (Number.isFinite(megabytes) && megabytes >= 1 && megabytes <= 500) state.maxMb = megabytes
    else invalid.push('maxmb')
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
  if (state.theme !== DEFAULT_STATE.theme) params.set('theme', state.theme)
  if (state.metric !== DEFAULT_STATE.metric) params.set('metric', state.metric)
  if (state.dataset) params.set('dataset', state.dataset)
  if (state.boundaries) params.set('boundaries', state.boundaries)
  if (state.region) params.set('region', state.region)
  if (state.timeout) params.set('timeout', String(state.timeout))
  if (state.maxMb) params.set('maxmb', String(state.maxMb))
  if (state.sectors.length) params.set('sector', state.sectors.join(','))
  if (state.kinds.length) params.set('kind', state.kinds.join(','))
  if (state.statuses.length) params.set('status', state.statuses.join(','))
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** A config file's keys, as the URL would carry them; lists may be arrays. */
export function configToSearch(config: unknown): string {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return ''
  const params = new URLSearchParams()
  const entries = Object.entries(config as Record<string, unknown>)
  const filters = (config as { filters?: unknown }).filters
  if (typeof filters === 'object' && filters !== null) entries.push(...Object.entries(filters as Record<string, unknown>))
  for (const [key, value] of entries) {
    if (typeof value === 'string') params.set(key, value)
    else if (Array.isArray(value)) params.set(key, value.filter((v) => typeof v === 'string').join(','))
  }
  return params.toString()
}

/**
 * The dashboard's starting state: the config file named by ?config= (dataset,
 * lang, theme, filters, metric), with the URL's own parameters taking precedence.
 */
export async function resolveDashboardState(search: string, fetchImpl: typeof fetch = fetch): Promise<ParsedState & { configError?: string }> {
  const params = new URLSearchParams(search)
  const config = params.get('config')
  if (!config) return parseDashboardState(search)
  if (!isWebAddress(config)) return { ...parseDashboardState(search), invalid: ['config'] }
  try {
    const response = await fetchImpl(config, { credentials: 'omit' })
    if (!response.ok) throw new Error(`the server answered ${response.status}`)
    const merged = new URLSearchParams(configToSearch(await response.json()))
    params.delete('config')
    for (const [key, value] of params) merged.set(key, value)
    return parseDashboardState(merged.toString())
  } catch (cause) {
    return { ...parseDashboardState(search), configError: `${config}: ${cause instanceof Error ? cause.message : String(cause)}` }
  }
}
