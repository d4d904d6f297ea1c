/**
 * The dashboard's shareable state in the query string, read and written through the settings
 * contract (src/core/settings.ts): the same names, values and messages as the elements' attributes
 * and config files. Only what differs from the defaults is written.
 */
import { readSettings, settingDefault, type DashboardSettings, type SettingProblem, type SettingValue } from '../core/settings'
import { settingText } from '../core/settingText'

/** The settings the dashboard always has a value for. */
type WithDefaults = 'lang' | 'metric'
export type DashboardState = Omit<DashboardSettings, WithDefaults | 'theme' | 'sector' | 'kind' | 'status' | 'config'> & {
  [K in WithDefaults]: SettingValue<K>
} & {
  /** The dashboard is its own page, so `page` is not among its themes (the contract's narrower choices). */
  theme: Exclude<SettingValue<'theme'>, 'page'>
  sector: SettingValue<'sector'>
  kind: SettingValue<'kind'>
  status: SettingValue<'status'>
}
export type ThemeChoice = DashboardState['theme']
export type MetricChoice = DashboardState['metric']

export const DEFAULT_STATE: DashboardState = {
  lang: settingDefault('lang', 'dashboard')!,
  theme: settingDefault('theme', 'dashboard')! as ThemeChoice,
  metric: settingDefault('metric', 'dashboard')!,
  sector: [], kind: [], status: [],
}

export interface ParsedState {
  state: DashboardState
  /** Parameters given but not valid, each with its reason and what is used instead. */
  problems: SettingProblem[]
  /** Parameters that name no setting. */
  unknown: string[]
}

function stateOf(values: DashboardSettings): DashboardState {
  const { config: _config, ...rest } = values
  return { ...DEFAULT_STATE, ...rest, sector: values.sector ?? [], kind: values.kind ?? [], status: values.status ?? [] } as DashboardState
}

const recordOf = (params: URLSearchParams) => Object.fromEntries(params)

export function parseDashboardState(search: string): ParsedState {
  const { values, problems, unknown } = readSettings(recordOf(new URLSearchParams(search)), 'dashboard')
  return { state: stateOf(values), problems, unknown }
}

export function serializeDashboardState(state: DashboardState): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(state)) {
    const text = settingText(value)
    if (text !== undefined && text !== settingText(DEFAULT_STATE[key as keyof DashboardState])) params.set(key, text)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The dashboard's starting state: the config file named by ?config= (one JSON object whose keys are
 * the settings, as in the URL; lists may be arrays), with the URL's own parameters taking precedence.
 */
export async function resolveDashboardState(search: string, fetchImpl: typeof fetch = fetch): Promise<ParsedState & { configError?: string }> {
  const params = recordOf(new URLSearchParams(search))
  const fromUrl = readSettings(params, 'dashboard')
  const config = fromUrl.values.config
  if (!config) return parseDashboardState(search)
  try {
    const response = await fetchImpl(config, { credentials: 'omit' })
    if (!response.ok) throw new Error(`the server answered ${response.status}`)
    const raw = (await response.json()) as unknown
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('a config file is one JSON object of settings')
    const fromFile = readSettings(raw as Record<string, unknown>, 'dashboard')
    const { config: _config, ...fileValues } = fromFile.values
    return {
      state: stateOf({ ...fileValues, ...fromUrl.values }),
      problems: [...fromFile.problems.map((problem) => ({ ...problem, message: `config ${config}: ${problem.message}` })), ...fromUrl.problems],
      unknown: [...fromFile.unknown.map((key) => `${key} (in ${config})`), ...fromUrl.unknown],
    }
  } catch (cause) {
    return { ...parseDashboardState(search), configError: `${config}: ${cause instanceof Error ? cause.message : String(cause)}` }
  }
}
