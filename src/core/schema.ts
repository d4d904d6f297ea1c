/**
 * Dataset format v1 (../shared/design/dataset.md) as valibot schemas: the one
 * source for the runtime validator, the TypeScript types and the JSON Schema
 * file (scripts/generate-schema.ts). Each schema's message is a RuleCode, which
 * `validate.ts` turns into a human message with path, value and suggestion.
 */
import * as v from 'valibot'
import { ACCEPTED_REGION_CODES } from './regions'
import { PARTIAL_DATE_PATTERN, isPartialDate, isValidTimeZone } from './dates'

export const SECTORS = [
  'health', 'emergency-services', 'municipal', 'governance', 'identity', 'finance', 'energy',
  'transport', 'telecom', 'education', 'law-enforcement', 'defence', 'other',
] as const
export const KINDS = [
  'ransomware', 'extortion', 'data-leak', 'data-destruction', 'ddos', 'defacement', 'malware',
  'unauthorised-access', 'phishing', 'other',
] as const
export const INCIDENT_STATUSES = ['confirmed', 'claimed', 'disputed', 'denied'] as const
export const IMPACT_UNITS = ['people', 'records', 'accounts', 'patients', 'towns', 'organisations', 'devices', 'services', 'other'] as const
export const IMPACT_STATUSES = ['confirmed', 'estimated', 'claimed', 'denied'] as const
export const RESPONSE_ACTIONS = [
  'detected', 'disclosed', 'complaint', 'investigation', 'advisory', 'statement', 'denial', 'confirmation',
  'containment', 'restoration', 'arrest', 'prosecution', 'parliament', 'other',
] as const
export const AGENCY_LEVELS = ['central', 'state', 'local', 'private', 'judicial', 'international'] as const

export const ID_PATTERN = /^[a-z0-9-]+$/

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'id-format'))

export const LocalTextSchema = v.pipe(
  v.union([
    v.pipe(v.string(), v.minLength(1, 'empty-text')),
    // valibot's record takes arrays too: ["x"] would pass as {"0": "x"}.
    v.pipe(v.custom<object>((text) => typeof text === 'object' && text !== null && !Array.isArray(text), 'local-text'), v.record(v.string(), v.string())),
  ], 'local-text'),
  v.description('A string, or an object of BCP 47 language tag to string, e.g. {"en": "…", "hi": "…"}'),
)

export const PartialDateSchema = v.pipe(
  v.string(),
  v.regex(PARTIAL_DATE_PATTERN, 'date'),
  v.check(isPartialDate, 'date'),
  v.description('ISO 8601 with the precision actually known: 2021, 2021-04, 2021-04-01, 2021-04-01T13:00, 2021-04-01T13:00+05:30'),
)

export const RegionCodeSchema = v.pipe(
  v.picklist(ACCEPTED_REGION_CODES, 'region'),
  v.description('ISO 3166-2:IN code of a state or union territory, or IN for all-India scope'),
)

const SourceRefSchema = v.union([Id, v.pipe(v.array(Id), v.minLength(1, 'min-items'))], 'source-ref')

/** An agency id, or a one-off agency written as LocalText. */
const AgencyRefSchema = LocalTextSchema

const NonNegative = v.pipe(v.number(), v.finite('finite'), v.minValue(0, 'non-negative'))

export const SourceSchema = v.looseObject({
  id: Id,
  publisher: LocalTextSchema,
  title: v.optional(LocalTextSchema),
  url: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/i, 'url-scheme'))),
  date: v.optional(PartialDateSchema),
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'lang-tag'))),
  /** Addition to v1: where a report lacks a headline or publisher, say so here. */
  note: v.optional(LocalTextSchema),
})

export const OutageSchema = v.looseObject({
  service: v.optional(LocalTextSchema),
  start: PartialDateSchema,
  end: v.optional(PartialDateSchema),
  durationMinutes: v.optional(NonNegative),
  ongoing: v.optional(v.boolean()),
  approximate: v.optional(v.boolean()),
  source: v.optional(SourceRefSchema),
  note: v.optional(LocalTextSchema),
})

export const CountRangeSchema = v.looseObject({ min: NonNegative, max: NonNegative })

export const ImpactSchema = v.looseObject({
  count: v.optional(v.union([NonNegative, CountRangeSchema], 'count')),
  unit: v.picklist(IMPACT_UNITS, 'enum'),
  unitLabel: v.optional(LocalTextSchema),
  /**
   * Addition to v1: what is counted, in words ("servers infected", "towns covered by the portal").
   * Two figures of one incident are one quantity (a disagreement) only when unit, unitLabel and measure all match.
   */
  measure: v.optional(v.pipe(LocalTextSchema, v.description('What is counted, in words ("servers infected", "towns covered by the portal"). Two figures of one incident are readings of one quantity, shown as a disagreement, only when unit, unitLabel and measure all match.'))),
  status: v.optional(v.picklist(IMPACT_STATUSES, 'enum')),
  by: v.optional(AgencyRefSchema),
  source: v.optional(SourceRefSchema),
  note: v.optional(LocalTextSchema),
})

export const ResponseSchema = v.looseObject({
  date: PartialDateSchema,
  agency: AgencyRefSchema,
  action: v.picklist(RESPONSE_ACTIONS, 'enum'),
  text: v.optional(LocalTextSchema),
  region: v.optional(RegionCodeSchema),
  source: v.optional(SourceRefSchema),
})

export const IncidentSchema = v.looseObject({
  id: Id,
  title: LocalTextSchema,
  /** Addition to v1: a label of a few words ("AIIMS Delhi ransomware") where a chart names the incident. */
  shortTitle: v.optional(v.pipe(LocalTextSchema, v.description('A few words that name the incident where a chart labels it ("AIIMS Delhi ransomware 2022").'))),
  summary: v.optional(LocalTextSchema),
  regions: v.pipe(v.array(RegionCodeSchema), v.minLength(1, 'min-items')),
  place: v.optional(LocalTextSchema),
  organisation: v.optional(LocalTextSchema),
  service: v.optional(LocalTextSchema),
  sector: v.picklist(SECTORS, 'enum'),
  kinds: v.pipe(v.array(v.picklist(KINDS, 'enum')), v.minLength(1, 'min-items')),
  status: v.picklist(INCIDENT_STATUSES, 'enum'),
  started: PartialDateSchema,
  reported: v.optional(PartialDateSchema),
  outages: v.optional(v.array(OutageSchema)),
  impacts: v.optional(v.array(ImpactSchema)),
  responses: v.optional(v.array(ResponseSchema)),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'min-items')),
  tags: v.optional(v.array(v.string())),
})

export const AgencySchema = v.looseObject({
  id: Id,
  name: LocalTextSchema,
  short: v.optional(LocalTextSchema),
  level: v.picklist(AGENCY_LEVELS, 'enum'),
  region: v.optional(RegionCodeSchema),
})

export const MetaSchema = v.looseObject({
  title: LocalTextSchema,
  description: v.optional(LocalTextSchema),
  publisher: v.optional(LocalTextSchema),
  license: v.optional(v.string()),
  updated: v.optional(PartialDateSchema),
  timezone: v.optional(v.pipe(v.string(), v.check(isValidTimeZone, 'timezone'))),
})

/** The whole file, for the JSON Schema. The validator checks its parts one by one, so one bad incident cannot sink the file. */
export const DatasetSchema = v.looseObject({
  schemaVersion: v.literal(1, 'schema-version'),
  meta: MetaSchema,
  agencies: v.optional(v.array(AgencySchema)),
  incidents: v.array(IncidentSchema, 'incidents-array'),
})

export type LocalText = v.InferOutput<typeof LocalTextSchema>
export type Source = v.InferOutput<typeof SourceSchema>
export type Outage = v.InferOutput<typeof OutageSchema>
export type CountRange = v.InferOutput<typeof CountRangeSchema>
export type Impact = v.InferOutput<typeof ImpactSchema>
export type Response = v.InferOutput<typeof ResponseSchema>
export type Incident = v.InferOutput<typeof IncidentSchema>
export type Agency = v.InferOutput<typeof AgencySchema>
export type Meta = v.InferOutput<typeof MetaSchema>
export type Dataset = v.InferOutput<typeof DatasetSchema>
export type Sector = (typeof SECTORS)[number]
export type IncidentKind = (typeof KINDS)[number]
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]
export type ImpactUnit = (typeof IMPACT_UNITS)[number]
export type ImpactStatus = (typeof IMPACT_STATUSES)[number]
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number]
export type AgencyLevel = (typeof AGENCY_LEVELS)[number]
