/**
 * The one runtime validator of dataset format v1. It never throws: a file that
 * cannot be used at all gives one `fatal` issue; an invalid incident is left out
 * and listed while every valid incident still loads.
 */
import * as v from 'valibot'
import {
  AgencySchema, IncidentSchema, MetaSchema, ID_PATTERN,
  type Agency, type Incident, type Meta,
} from './schema'
import { lookupRegionCode, REGIONS, REGION_CODES, NATIONAL } from './regions'
import { DEFAULT_TIMEZONE } from './dates'
import { datesOf, shareDates } from './incidentDates'
import { nearest } from './suggest'
import { jsonType, type RuleCode, type ValidationIssue } from './issues'
import { compileFastCheck } from './fastCheck'
import { unitKeyOf } from './quantity'

export interface ValidDataset {
  schemaVersion: 1
  meta: Meta
  agencies: Agency[]
  /** Valid incidents only, region codes normalised to the current ISO codes. */
  incidents: Incident[]
}

export interface ValidationReport {
  /** Set when the file cannot be used at all; `dataset` is then undefined. */
  fatal?: ValidationIssue
  dataset?: ValidDataset
  errors: ValidationIssue[]
  warnings: ValidationIssue[]
  /** Incidents left out, by index in the file. */
  rejected: { index: number; id?: string }[]
  /** How many entries the file's `incidents` array held. */
  incidentCount: number
}

const RULES = new Set<string>([
  'schema-version', 'incidents-array', 'enum', 'region', 'date', 'timezone', 'id-format', 'min-items',
  'empty-text', 'local-text', 'non-negative', 'finite', 'count', 'source-ref', 'url-scheme', 'lang-tag',
])

type PathKey = string | number

/** Most incidents are valid: answered without valibot's copies (see fastCheck.ts); the rest get valibot's detailed issues. */
const isCertainlyValidIncident = compileFastCheck(IncidentSchema)

function pathText(keys: readonly PathKey[]): string {
  return keys.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '')
}

function optionsOf(expected: string | null): string[] {
  return expected ? [...expected.matchAll(/"([^"]*)"/g)].map((m) => m[1]!) : []
}

/** Suggests the region a mistyped code most likely means: `BR`, `in-br`, `Bihar` and `IN-BH` all point to IN-BR. */
export function suggestRegion(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const upper = value.trim().toUpperCase()
  const direct = lookupRegionCode(upper.startsWith('IN-') ? upper : `IN-${upper}`)
  if (direct.kind !== 'unknown' && upper !== '') return direct.code
  const name = value.trim().toLowerCase()
  const byName = REGIONS.find((region) => region.en.toLowerCase() === name || region.hi === value.trim())
  if (byName) return byName.code
  return nearest(upper, [...REGION_CODES, NATIONAL])
}

function fromValibot(issue: v.BaseIssue<unknown>, prefix: readonly PathKey[], incidentId: string | undefined): ValidationIssue {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as PathKey)]
  const base = { severity: 'error' as const, path: pathText(keys), ...(incidentId !== undefined && { incidentId }) }
  let rule: RuleCode
  if (RULES.has(issue.message)) rule = issue.message as RuleCode
  else if (issue.input === undefined) rule = 'required'
  else rule = 'type'
  const found: ValidationIssue = { ...base, rule, ...(issue.input !== undefined && { value: issue.input }) }
  if (rule === 'type') found.expected = issue.expected ?? undefined
  if (rule === 'enum') {
    const options = optionsOf(issue.expected)
    found.expected = options.join(', ')
    const suggestion = typeof issue.input === 'string' ? nearest(issue.input, options) : undefined
    if (suggestion) found.suggestion = suggestion
  }
  if (rule === 'region') {
    const suggestion = suggestRegion(issue.input)
    if (suggestion) found.suggestion = suggestion
  }
  // "IST", "India", "+05:30": all mean the zone the contract defaults to.
  if (rule === 'timezone' && typeof issue.input === 'string' && /^(IST|India|Indian?|Kolkata|Calcutta|(GMT|UTC)?\+0?5:?30)$/i.test(issue.input.trim())) found.suggestion = DEFAULT_TIMEZONE
  if (rule === 'count' && typeof issue.input === 'number') found.rule = issue.input < 0 ? 'non-negative' : 'finite'
  return found
}

/**
 * Keys the schema does not know, per object: warned about once per key and place in the format.
 * `keys` is one stack pushed and popped on the way down, copied only when a key is found: this
 * walks every field of every incident, so it must not allocate per field.
 */
function unknownKeys(value: unknown, schema: v.GenericSchema, keys: PathKey[], found: (path: PathKey[], key: string) => void): void {
  const s = schema as v.GenericSchema & { entries?: Record<string, v.GenericSchema>; item?: v.GenericSchema; wrapped?: v.GenericSchema; pipe?: v.GenericSchema[]; options?: v.GenericSchema[] }
  if (s.type === 'optional' && s.wrapped) return unknownKeys(value, s.wrapped, keys, found)
  if (Array.isArray(value) && s.type === 'array' && s.item) {
    for (let index = 0; index < value.length; index++) {
      keys.push(index)
      unknownKeys(value[index], s.item, keys, found)
      keys.pop()
    }
    return
  }
  if (s.type === 'union' && Array.isArray(s.options)) {
    const objectOption = s.options.find((option) => option.type === 'loose_object' || option.type === 'array')
    if (objectOption && typeof value === 'object' && value !== null) unknownKeys(value, objectOption, keys, found)
    return
  }
  if (s.type !== 'loose_object' || !s.entries || typeof value !== 'object' || value === null || Array.isArray(value)) return
  for (const key in value) {
    // Own entries only: a key such as "constructor" must not find Object's.
    const child = Object.hasOwn(s.entries, key) ? s.entries[key] : undefined
    if (!child) {
      found([...keys], key)
      continue
    }
    // Only objects and arrays can hold keys of their own.
    const entry = (value as Record<string, unknown>)[key]
    if (typeof entry !== 'object' || entry === null) continue
    keys.push(key)
    unknownKeys(entry, child, keys, found)
    keys.pop()
  }
}

function refList(ref: string | string[] | undefined): string[] {
  return ref === undefined ? [] : Array.isArray(ref) ? ref : [ref]
}

interface IncidentCheck {
  incident: Incident
  index: number
  agencyIds: Set<string>
  timezone: string
  issues: ValidationIssue[]
  warnings: ValidationIssue[]
}

/**
 * Rules that span fields: references, date order, ranges, legacy region codes. Returns the incident
 * with region codes normalised: a copy when anything changed, as it may be the caller's own object.
 */
function checkRelations({ incident, index, agencyIds, timezone, issues, warnings }: IncidentCheck): Incident {
  const at = (...keys: PathKey[]) => pathText(['incidents', index, ...keys])
  const incidentId = incident.id
  const error = (rule: RuleCode, keys: PathKey[], extra: Partial<ValidationIssue> = {}) =>
    issues.push({ severity: 'error', rule, path: at(...keys), incidentId, ...extra })

  const sourceIds = incident.sources.map((source) => source.id)
  const seenSources = new Set<string>()
  incident.sources.forEach((source, i) => {
    if (seenSources.has(source.id)) error('duplicate-source', ['sources', i, 'id'], { value: source.id })
    seenSources.add(source.id)
  })
  const checkSourceRef = (ref: string | string[] | undefined, keys: PathKey[]) => {
    const many = Array.isArray(ref)
    refList(ref).forEach((id, i) => {
      if (seenSources.has(id)) return
      const suggestion = nearest(id, sourceIds)
      error('unknown-source', many ? [...keys, i] : keys, { value: id, expected: sourceIds.join(', '), ...(suggestion && { suggestion }) })
    })
  }
  const checkAgencyRef = (ref: unknown, keys: PathKey[]) => {
    // A lowercase id-like string close to a known agency id is a typo; anything else is a one-off name.
    if (typeof ref !== 'string' || agencyIds.has(ref) || !ID_PATTERN.test(ref)) return
    const suggestion = nearest(ref, [...agencyIds])
    if (suggestion) error('unknown-agency', keys, { value: ref, suggestion })
  }
  const normaliseRegion = (code: string, keys: PathKey[]): string => {
    const found = lookupRegionCode(code)
    if (found.kind !== 'legacy') return code
    warnings.push({ severity: 'warning', rule: 'region-legacy', path: at(...keys), incidentId, value: code, suggestion: found.code })
    return found.code
  }

  const regions = [...new Set(incident.regions.map((code, i) => normaliseRegion(code, ['regions', i])))]
  const regionsChanged = regions.length !== incident.regions.length || regions.some((code, i) => code !== incident.regions[i])

  incident.outages?.forEach((outage, i) => {
    checkSourceRef(outage.source, ['outages', i, 'source'])
    if (outage.end === undefined) return
    // Parsed once for the whole pipeline: the tallies, filters and widgets read the same instants.
    const { start, end } = datesOf(incident, timezone).outages[i]!
    // Compared at the precision each was written with: 2021-04 does not end before 2021-04-01T13:00.
    if (end && end.end <= start.start) error('end-before-start', ['outages', i, 'end'], { value: outage.end, expected: outage.start })
  })
  incident.impacts?.forEach((impact, i) => {
    checkSourceRef(impact.source, ['impacts', i, 'source'])
    checkAgencyRef(impact.by, ['impacts', i, 'by'])
    const count = impact.count
    if (typeof count === 'object' && count.min > count.max) error('range-order', ['impacts', i, 'count'], { value: count })
    if (impact.unit === 'other' && impact.unitLabel === undefined) error('unit-label', ['impacts', i, 'unitLabel'])
  })
  ambiguousQuantities(incident, index, warnings)
  let responsesChanged = false
  const responses = incident.responses?.map((response, i) => {
    checkSourceRef(response.source, ['responses', i, 'source'])
    checkAgencyRef(response.agency, ['responses', i, 'agency'])
    const region = response.region && normaliseRegion(response.region, ['responses', i, 'region'])
    if (region === response.region) return response
    responsesChanged = true
    return { ...response, region }
  })
  if (!regionsChanged && !responsesChanged) return incident
  const normalised = { ...incident, regions, ...(responsesChanged ? { responses } : {}) }
  shareDates(incident, normalised)
  return normalised
}

/**
 * Figures of one unit with no measure and different values: one quantity the sources disagree on
 * (412 and 413 towns), or several quantities (5 servers infected, 100 servers in the estate)?
 * Only the author knows; the kit reads them as one, and says so.
 */
function ambiguousQuantities(incident: Incident, index: number, warnings: ValidationIssue[]): void {
  const byUnit = new Map<string, number[]>()
  incident.impacts?.forEach((impact, i) => {
    if (impact.measure !== undefined || impact.count === undefined || impact.status === 'denied') return
    const key = unitKeyOf(impact)
    byUnit.set(key, [...(byUnit.get(key) ?? []), i])
  })
  for (const indices of byUnit.values()) {
    const counts = indices.map((i) => incident.impacts![i]!.count!)
    const values = new Set(counts.map((count) => JSON.stringify(count)))
    if (values.size < 2) continue
    warnings.push({
      severity: 'warning', rule: 'measure-missing', path: pathText(['incidents', index, 'impacts', indices[0]!]), incidentId: incident.id,
      value: counts, expected: indices.map((i) => `impacts[${i}]`).join(', '),
    })
  }
}

/** The header fields that are valid on their own: a bad time zone must not cost the dataset its title. */
function salvageMeta(raw: unknown): Meta {
  const meta: Record<string, unknown> = { title: '' }
  if (typeof raw !== 'object' || raw === null) return meta as Meta
  for (const [key, schema] of Object.entries(MetaSchema.entries)) {
    const result = v.safeParse(schema, (raw as Record<string, unknown>)[key])
    if (result.success && result.output !== undefined) meta[key] = result.output
  }
  return meta as Meta
}

/**
 * Why JSON.parse refused the text, in the kit's own words: engines word (and
 * locate) the error differently, and readers need it in their language.
 */
function jsonFailure(text: string, cause: unknown): Omit<ValidationIssue, 'severity'> {
  const start = text.search(/\S/)
  if (text[start] === '<') return { rule: 'html-page', path: '' }
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/end of (JSON )?(input|data)|EOF/i.test(message)) return { rule: 'truncated', path: '' }
  // V8 gives a position, Firefox a line and column; a file that starts wrong fails at its first character.
  const at = /position (\d+)/.exec(message)
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  let position = at ? Number(at[1]) : undefined
  if (position === undefined && lineColumn) {
    const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1)
    position = lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1
  }
  if (position === undefined && !/[{["\-\dtfn]/.test(text[start] ?? '')) position = start
  if (position === undefined) return { rule: 'not-json', path: '' }
  if (position >= text.trimEnd().length) return { rule: 'truncated', path: '' }
  const before = text.slice(0, position).split('\n')
  const near = text.slice(position, position + 24).split('\n')[0]!
  return { rule: 'not-json', path: '', value: near, location: { line: before.length, column: before.at(-1)!.length + 1 } }
}

function fatal(issue: Omit<ValidationIssue, 'severity'>, warnings: ValidationIssue[] = []): ValidationReport {
  const found: ValidationIssue = { severity: 'error', ...issue }
  return { fatal: found, errors: [found], warnings, rejected: [], incidentCount: 0 }
}

/** JSON text to a value (a leading byte-order mark is tolerated, with a warning), or the report of why it cannot be one. */
export function parseDatasetText(input: string): { data: unknown; warnings: ValidationIssue[] } | { report: ValidationReport } {
  const warnings: ValidationIssue[] = []
  let text = input
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1)
    warnings.push({ severity: 'warning', rule: 'bom', path: '' })
  }
  if (text.trim() === '') return { report: fatal({ rule: 'empty-file', path: '' }, warnings) }
  try {
    return { data: JSON.parse(text), warnings }
  } catch (cause) {
    return { report: fatal(jsonFailure(text, cause), warnings) }
  }
}

/** Parses JSON text (see parseDatasetText) or takes an already-parsed value. */
export function validateDataset(input: unknown): ValidationReport {
  if (typeof input !== 'string') return validateParsed(input, [])
  const parsed = parseDatasetText(input)
  return 'report' in parsed ? parsed.report : validateParsed(parsed.data, parsed.warnings)
}

/** Validates a parsed value; `warnings` holds what parsing already found (a byte-order mark). */
export function validateParsed(data: unknown, warnings: ValidationIssue[]): ValidationReport {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fatal({ rule: 'top-level', path: '', value: jsonType(data) }, warnings)
  }
  const file = data as Record<string, unknown>
  if (file.schemaVersion !== 1) {
    return fatal({ rule: 'schema-version', path: 'schemaVersion', ...(file.schemaVersion !== undefined && { value: file.schemaVersion }) }, warnings)
  }
  if (!Array.isArray(file.incidents)) {
    return fatal({ rule: 'incidents-array', path: 'incidents', ...(file.incidents !== undefined && { value: file.incidents }) }, warnings)
  }

  const errors: ValidationIssue[] = []
  const seenUnknown = new Map<string, ValidationIssue>()
  const noteUnknown = (keys: PathKey[], key: string) => {
    const pattern = pathText([...keys.map((k) => (typeof k === 'number' ? '*' : k)), key]).replace(/\[\*\]/g, '[]')
    const first = seenUnknown.get(pattern)
    if (first) first.count = (first.count ?? 1) + 1
    else {
      const warning: ValidationIssue = { severity: 'warning', rule: 'unknown-key', path: pathText([...keys, key]), value: key, count: 1 }
      seenUnknown.set(pattern, warning)
    }
  }
  for (const key of Object.keys(file)) if (!['schemaVersion', 'meta', 'agencies', 'incidents'].includes(key)) noteUnknown([], key)

  const metaResult = v.safeParse(MetaSchema, file.meta, { abortEarly: false, abortPipeEarly: true })
  const meta: Meta = metaResult.success ? metaResult.output : salvageMeta(file.meta)
  if (!metaResult.success) errors.push(...metaResult.issues.map((issue) => fromValibot(issue, ['meta'], undefined)))
  else unknownKeys(file.meta, MetaSchema, ['meta'], noteUnknown)
  const timezone = meta.timezone ?? DEFAULT_TIMEZONE

  const agencies: Agency[] = []
  if (file.agencies !== undefined && !Array.isArray(file.agencies)) {
    errors.push({ severity: 'error', rule: 'type', path: 'agencies', value: file.agencies, expected: 'Array' })
  } else {
    const agencyIds = new Set<string>()
    ;((file.agencies as unknown[] | undefined) ?? []).forEach((raw, index) => {
      const result = v.safeParse(AgencySchema, raw, { abortEarly: false, abortPipeEarly: true })
      if (!result.success) return errors.push(...result.issues.map((issue) => fromValibot(issue, ['agencies', index], undefined)))
      if (agencyIds.has(result.output.id)) {
        return errors.push({ severity: 'error', rule: 'duplicate-agency', path: `agencies[${index}].id`, value: result.output.id })
      }
      const agency = result.output
      if (agency.region) {
        const found = lookupRegionCode(agency.region)
        if (found.kind === 'legacy') {
          warnings.push({ severity: 'warning', rule: 'region-legacy', path: `agencies[${index}].region`, value: agency.region, suggestion: found.code })
          agency.region = found.code
        }
      }
      unknownKeys(raw, AgencySchema, ['agencies', index], noteUnknown)
      agencyIds.add(agency.id)
      agencies.push(agency)
    })
  }
  const agencyIds = new Set(agencies.map((agency) => agency.id))

  const incidents: Incident[] = []
  const rejected: ValidationReport['rejected'] = []
  const firstIndexOfId = new Map<string, number>()
  file.incidents.forEach((raw: unknown, index: number) => {
    const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined
    // Ids are claimed in file order, even by an incident that fails: the later copy is the duplicate.
    if (rawId !== undefined && !firstIndexOfId.has(rawId)) firstIndexOfId.set(rawId, index)
    const issues: ValidationIssue[] = []
    let checked: Incident | undefined
    // "Yes" from the fast check also means no unknown keys: the walk below is skipped.
    const certain = isCertainlyValidIncident(raw)
    if (certain) checked = raw as Incident
    else {
      const result = v.safeParse(IncidentSchema, raw, { abortEarly: false, abortPipeEarly: true })
      if (result.success) checked = result.output
      else if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        issues.push({ severity: 'error', rule: 'type', path: `incidents[${index}]`, value: raw, expected: 'Object' })
      } else issues.push(...result.issues.map((issue) => fromValibot(issue, ['incidents', index], rawId)))
    }
    if (checked) {
      const earlier = firstIndexOfId.get(checked.id)
      if (earlier !== undefined && earlier !== index) {
        issues.push({ severity: 'error', rule: 'duplicate-id', path: `incidents[${index}].id`, incidentId: checked.id, value: checked.id, expected: `incidents[${earlier}]` })
      }
      const incident = checkRelations({ incident: checked, index, agencyIds, timezone, issues, warnings })
      if (issues.length === 0) {
        if (!certain) unknownKeys(raw, IncidentSchema, ['incidents', index], noteUnknown)
        incidents.push(incident)
      }
    }
    if (issues.length > 0) {
      errors.push(...issues)
      rejected.push({ index, ...(rawId !== undefined && { id: rawId }) })
    }
  })
  warnings.push(...seenUnknown.values())

  return {
    dataset: { schemaVersion: 1, meta, agencies, incidents },
    errors,
    warnings,
    rejected,
    incidentCount: file.incidents.length,
  }
}
