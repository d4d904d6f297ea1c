/**
 * Every setting a reader or a page can give the kit, defined once: its name, type, allowed values,
 * range and default, and where it can be given. The element attributes, `mount()` options, the
 * iframe page's parameters, config files, the dashboard's URL parameters and `ghatna render`'s flags
 * are all read through `readSettings`, so a name, a range or a default is written only here, and an
 * invalid value is reported with its reason (`theme="drak" is not light, dark, auto or page; using page`),
 * never silently dropped.
 */
import { INCIDENT_STATUSES, KINDS, SECTORS } from './schema'
import { PARTIAL_DATE_PATTERN } from './dates'
import { lookupRegionCode } from './regions'
import { parseSheetSet } from './sheetSource'

/**
 * Where a setting can be given:
 * - `element`: a <ghatna-*> attribute, a `mount()` option, an iframe page parameter and a key of an element's config file;
 * - `dashboard`: a URL parameter of the standalone dashboard and a key of its config file;
 * - `cli`: a flag of `ghatna render`.
 */
export type Surface = 'element' | 'dashboard' | 'cli'

interface Common {
  /** What the reader is told it does (README, `--help`). */
  describe: string
  surfaces: readonly Surface[]
  /** How `--help` names the value (FILE, ID). */
  placeholder?: string
}
export interface ChoiceSetting<T extends string = string> extends Common {
  kind: 'choice'
  choices: readonly T[]
  default?: T
  /** A surface that takes fewer of the choices, with its own default (a picture or the dashboard has no host page to follow). */
  narrower?: Partial<Record<Surface, { choices: readonly T[]; default: T; describe?: string }>>
}
export interface NumberSetting extends Common {
  kind: 'number'
  min: number
  max: number
  integer?: boolean
  default?: number
  /** Shown after the number in messages. */
  unit?: string
  /** A value below `min` is raised to it (and said so) rather than refused. */
  raiseToMin?: boolean
}
export interface ListSetting<T extends string = string> extends Common {
  kind: 'list'
  choices: readonly T[]
}
export interface TextSetting extends Common {
  /**
   * `url`: a web address (http(s) or relative; never javascript: or data:); `source`: a web address, or
   * CSV files one per sheet (`incidents=URL sources=URL …`, src/core/sheetSource.ts); `region`: an
   * ISO 3166-2:IN code; `date`: YYYY, YYYY-MM or YYYY-MM-DD.
   */
  kind: 'text' | 'url' | 'source' | 'region' | 'date'
  /** Other names it is read under (never written). */
  aliases?: readonly string[]
}
export interface FlagSetting extends Common {
  kind: 'flag'
}
export type SettingSpec = ChoiceSetting | NumberSetting | ListSetting | TextSetting | FlagSetting

// Generic over the surfaces too, so the types below know which settings each surface takes.
const choice = <const T extends string, const S extends readonly Surface[]>(spec: Omit<ChoiceSetting<T>, 'kind' | 'surfaces'> & { surfaces: S }) => ({ kind: 'choice' as const, ...spec })
const list = <const T extends string, const S extends readonly Surface[]>(spec: Omit<ListSetting<T>, 'kind' | 'surfaces'> & { surfaces: S }) => ({ kind: 'list' as const, ...spec })
const ELEMENT_AND_DASHBOARD = ['element', 'dashboard'] as const
const EVERYWHERE = ['element', 'dashboard', 'cli'] as const

export const SETTINGS = {
  src: { kind: 'source', surfaces: ELEMENT_AND_DASHBOARD, aliases: ['dataset'], describe: 'the dataset: a JSON file of format version 1, an .xlsx workbook, or CSV files one per sheet (incidents=URL sources=URL …)' },
  config: { kind: 'url', surfaces: ELEMENT_AND_DASHBOARD, describe: 'a JSON config file whose keys are these settings; attributes and URL parameters win over it' },
  lang: choice({ choices: ['en', 'hi'], default: 'en', surfaces: EVERYWHERE, describe: 'language of the widget' }),
  theme: choice({
    choices: ['light', 'dark', 'auto', 'page'], default: 'page', surfaces: EVERYWHERE,
    narrower: { dashboard: { choices: ['light', 'dark', 'auto'], default: 'auto' }, cli: { choices: ['light', 'dark'], default: 'light', describe: 'colours of the picture' } },
    describe: 'page follows the host page (its color-scheme and background), auto the device, or a fixed light or dark',
  }),
  metric: choice({ choices: ['incidents', 'downtime', 'affected'], default: 'incidents', surfaces: EVERYWHERE, describe: "the map's measure" }),
  region: { kind: 'region', surfaces: ELEMENT_AND_DASHBOARD, describe: 'the selected state or union territory (ISO 3166-2:IN, e.g. IN-MP)' },
  from: { kind: 'date', surfaces: ELEMENT_AND_DASHBOARD, describe: 'first date shown (YYYY, YYYY-MM or YYYY-MM-DD)' },
  to: { kind: 'date', surfaces: ELEMENT_AND_DASHBOARD, describe: 'last date shown (YYYY, YYYY-MM or YYYY-MM-DD)' },
  group: { kind: 'text', surfaces: ['element'], describe: 'widgets with the same group and src share the selection and filters' },
  unit: { kind: 'text', surfaces: ['element', 'cli'], placeholder: 'KEY', describe: "the impact chart's unit: people, devices, records, other:<label>" },
  maxmb: { kind: 'number', min: 1, max: 500, default: 20, unit: 'MB', surfaces: ELEMENT_AND_DASHBOARD, describe: 'largest dataset to read (big files are slow on phones)' },
  timeout: { kind: 'number', min: 1, max: 300, default: 15, unit: 'seconds', surfaces: ELEMENT_AND_DASHBOARD, describe: 'how long to wait for the dataset' },
  refresh: { kind: 'number', min: 60, max: 86_400, integer: true, unit: 'seconds', raiseToMin: true, surfaces: ['element'], describe: 're-read the data every so many seconds (at least 60) and update in place' },
  boundaries: { kind: 'url', surfaces: ['dashboard'], describe: "a newsroom's own boundaries (GeoJSON or TopoJSON keyed by ISO 3166-2:IN)" },
  sector: list({ choices: SECTORS, surfaces: ['dashboard'], describe: 'sectors shown, comma-separated' }),
  kind: list({ choices: KINDS, surfaces: ['dashboard'], describe: 'kinds of incident shown, comma-separated' }),
  status: list({ choices: INCIDENT_STATUSES, surfaces: ['dashboard'], describe: 'statuses shown, comma-separated' }),
  widget: choice({ choices: ['map', 'downtime', 'impact', 'timeline'], surfaces: ['cli'], describe: 'the widget to draw' }),
  dataset: { kind: 'text', surfaces: ['cli'], placeholder: 'FILE', describe: 'a Ghatna dataset file, format version 1' },
  width: { kind: 'number', min: 280, max: 4000, integer: true, default: 800, unit: 'px', surfaces: ['cli'], describe: 'width of the picture' },
  incident: { kind: 'text', surfaces: ['cli'], placeholder: 'ID', describe: "the timeline's incident (default the newest with responses)" },
  strict: { kind: 'flag', surfaces: ['cli'], describe: 'draw nothing and exit 1 when the dataset has errors' },
} as const satisfies Record<string, SettingSpec>

export type SettingName = keyof typeof SETTINGS
type Spec<K extends SettingName> = (typeof SETTINGS)[K]
/** The value a setting holds once read. */
export type SettingValue<K extends SettingName> =
  Spec<K> extends { kind: 'choice'; choices: readonly (infer T)[] } ? T
    : Spec<K> extends { kind: 'list'; choices: readonly (infer T)[] } ? T[]
      : Spec<K> extends { kind: 'number' } ? number
        : Spec<K> extends { kind: 'flag' } ? boolean
          : string

export type SettingsOf<S extends Surface> = { [K in SettingName as S extends Spec<K>['surfaces'][number] ? K : never]?: SettingValue<K> }
/** What an element reads: its attributes, `mount()` options, iframe parameters and config file. */
export type ElementSettings = SettingsOf<'element'>
export type DashboardSettings = SettingsOf<'dashboard'>
export type CliSettings = SettingsOf<'cli'>

export function settingNames<S extends Surface>(surface: S): (keyof SettingsOf<S> & SettingName)[] {
  return (Object.keys(SETTINGS) as SettingName[]).filter((name) => (SETTINGS[name].surfaces as readonly Surface[]).includes(surface)) as (keyof SettingsOf<S> & SettingName)[]
}

/** An invalid value and what is used instead. */
export interface SettingProblem {
  name: SettingName
  /** The value as given, as text. */
  given: string
  /** What a valid value is: `light, dark, auto or page`, `a whole number from 280 to 4000`. */
  rule: string
  /** `theme="drak" is not light, dark, auto or page; using page` */
  message: string
}

const orList = (values: readonly (string | number)[]) => (values.length <= 2 ? values.join(' or ') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`)
const isWebAddress = (value: string) => /^https?:\/\//i.test(value) || /^[./\w-][^:]*$/.test(value)

function choicesFor(spec: ChoiceSetting, surface: Surface): { choices: readonly string[]; default?: string } {
  return spec.narrower?.[surface] ?? { choices: spec.choices, default: spec.default }
}

/** The default a surface uses for a setting, if it has one. */
export function settingDefault<K extends SettingName>(name: K, surface: Surface): SettingValue<K> | undefined {
  const spec: SettingSpec = SETTINGS[name]
  if (spec.kind === 'choice') return choicesFor(spec, surface).default as SettingValue<K> | undefined
  if (spec.kind === 'number') return spec.default as SettingValue<K> | undefined
  return undefined
}

/** What went wrong with one value: the rule it breaks, and what is used instead (or a whole sentence, when `is not <rule>` does not fit). */
interface Broken {
  rule: string
  instead: string
  says?: string
}
type Read = { value?: unknown; broken?: Broken; absent?: true }

/** One raw value (text from an attribute, URL or flag; or a typed value from a config file or `mount()`). */
function readOne(name: SettingName, raw: unknown, surface: Surface): Read {
  const spec: SettingSpec = SETTINGS[name]
  if (raw === undefined || raw === null) return { absent: true }
  const text = Array.isArray(raw) ? raw.join(',') : String(raw)
  const using = (fallback: unknown) => (fallback === undefined ? 'ignored' : `using ${String(fallback)}`)
  switch (spec.kind) {
    case 'flag':
      if (typeof raw === 'boolean') return { value: raw }
      return text === '' || text === 'true' ? { value: true } : text === 'false' ? { value: false } : { broken: { rule: 'true or false', instead: using(false) } }
    case 'choice': {
      const { choices, default: fallback } = choicesFor(spec, surface)
      return choices.includes(text) ? { value: text } : { broken: { rule: orList(choices), instead: using(fallback) } }
    }
    case 'number': {
      const value = typeof raw === 'number' ? raw : text.trim() === '' ? Number.NaN : Number(text)
      const unit = spec.unit ? ` ${spec.unit}` : ''
      const rule = `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}${unit}`
      if (!Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) return { broken: { rule, instead: using(spec.default) } }
      if (value < spec.min && value > 0 && spec.raiseToMin) return { value: spec.min, broken: { rule, instead: `using ${spec.min}`, says: `is below ${spec.min}${unit}` } }
      return value < spec.min || value > spec.max ? { broken: { rule, instead: using(spec.default) } } : { value }
    }
    case 'list': {
      const values = Array.isArray(raw) ? raw.map(String) : text.split(',').map((value) => value.trim()).filter(Boolean)
      const kept = values.filter((value) => spec.choices.includes(value))
      const unknown = values.filter((value) => !spec.choices.includes(value))
      if (unknown.length === 0) return { value: kept }
      const rule = `a comma-separated list of ${spec.choices.join(', ')}`
      return { value: kept, broken: { rule, instead: kept.length ? `using ${kept.join(',')}` : 'ignored', says: `has ${orList(unknown.map((value) => `"${value}"`))}, not one of ${spec.choices.join(', ')}` } }
    }
    case 'url':
      return text !== '' && isWebAddress(text) ? { value: text } : { broken: { rule: 'a web address (http, https or a relative path)', instead: 'ignored' } }
    case 'source': {
      // A set whose sheet names are wrong passes: the widget says what is wrong with it, before any request.
      const set = parseSheetSet(text)
      const urls = set && 'files' in set ? set.files.map((file) => file.url) : set ? [] : [text]
      return urls.every(isWebAddress) ? { value: text } : { broken: { rule: 'a web address (http, https or a relative path), or CSV files one per sheet (incidents=URL sources=URL …)', instead: 'ignored' } }
    }
    case 'region': {
      const found = lookupRegionCode(text.trim().toUpperCase())
      return found.kind === 'unknown' ? { broken: { rule: 'an ISO 3166-2:IN code such as IN-MP, or IN for All India', instead: 'ignored' } } : { value: found.code }
    }
    case 'date':
      return PARTIAL_DATE_PATTERN.test(text) ? { value: text } : { broken: { rule: 'a date written YYYY, YYYY-MM or YYYY-MM-DD', instead: 'ignored' } }
    case 'text':
      return text === '' ? { absent: true } : { value: text }
  }
}

export interface ReadSettings<S extends Surface> {
  /** Only the settings given and valid (or raised to their minimum); defaults are not filled in. */
  values: SettingsOf<S>
  problems: SettingProblem[]
  /** Keys that name no setting of this surface (a config file's typo). */
  unknown: string[]
}

/**
 * Reads the settings a surface takes from `source` (attributes, URL parameters, a parsed config file
 * or `mount()` options). An absent or empty value is not a problem; an invalid one is, with its reason.
 */
export function readSettings<S extends Surface>(source: Readonly<Record<string, unknown>>, surface: S): ReadSettings<S> {
  const values: Record<string, unknown> = {}
  const problems: SettingProblem[] = []
  const names = settingNames(surface)
  const known = new Set<string>(names)
  for (const name of names) {
    const spec: SettingSpec = SETTINGS[name]
    const key = [name, ...('aliases' in spec && spec.aliases ? spec.aliases : [])].find((candidate) => source[candidate] !== undefined && source[candidate] !== null)
    for (const alias of 'aliases' in spec && spec.aliases ? spec.aliases : []) known.add(alias)
    if (key === undefined) continue
    const raw = source[key]
    if (raw === '' && SETTINGS[name].kind !== 'flag') continue
    const { value, broken } = readOne(name, raw, surface)
    if (value !== undefined) values[name] = value
    if (broken) {
      const given = Array.isArray(raw) ? raw.join(',') : String(raw)
      problems.push({ name, given, rule: broken.rule, message: `${key}="${given}" ${broken.says ?? `is not ${broken.rule}`}; ${broken.instead}` })
    }
  }
  const unknown = Object.keys(source).filter((key) => !known.has(key))
  return { values: values as SettingsOf<S>, problems, unknown }
}
