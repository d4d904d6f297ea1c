/**
 * The workbook layout of dataset format v1: one sheet per kind of row, one column per
 * field. The converters, the checks, the templates and the README table all read it.
 */

export const SHEET_NAMES = ['meta', 'agencies', 'incidents', 'sources', 'outages', 'impacts', 'responses'] as const
export type SheetName = (typeof SHEET_NAMES)[number]

/**
 * How a cell becomes a JSON value.
 * - `text`: a string as written;
 * - `local`: LocalText: `key` holds a text the same in every language (a proper name), or
 *   `key_en`, `key_hi`, `key_<tag>` hold one text per language;
 * - `agency`: an agency id or a one-off name in `key`, or a one-off name per language in `key_<tag>`;
 * - `date`: a PartialDate, written as text;
 * - `number`, `boolean`;
 * - `list`: items separated by `;`;
 * - `sources`: one source id, or several separated by `;`.
 */
export type ColumnKind = 'text' | 'local' | 'agency' | 'date' | 'number' | 'boolean' | 'list' | 'sources'

export interface FieldSpec {
  /** The JSON key, and the column header (or the stem of the headers, for `local` and `agency`). */
  key: string
  kind: ColumnKind
  required?: boolean
  /** For the README: what goes in the column. */
  doc: string
}

/** The child sheets name their incident in this column. */
export const INCIDENT_REF = 'incident_id'
/** An impact's count range `{min, max}` is written in two columns beside `count`. */
export const COUNT_MIN = 'count_min'
export const COUNT_MAX = 'count_max'
/** Languages every template and export carries, whether or not the data has them. */
export const BASE_LANGS = ['en', 'hi'] as const

export const SHEET_FIELDS: Record<SheetName, readonly FieldSpec[]> = {
  meta: [
    { key: 'schemaVersion', kind: 'number', doc: '1 (empty reads as 1)' },
    { key: 'title', kind: 'local', required: true, doc: 'the dataset\'s title' },
    { key: 'description', kind: 'local', doc: 'a few sentences' },
    { key: 'publisher', kind: 'local', doc: 'who publishes it' },
    { key: 'license', kind: 'text', doc: 'e.g. CC-BY-4.0' },
    { key: 'updated', kind: 'date', doc: 'last update, e.g. 2026-11-23' },
    { key: 'timezone', kind: 'text', doc: 'IANA name; empty means Asia/Kolkata' },
  ],
  agencies: [
    { key: 'id', kind: 'text', required: true, doc: 'lowercase id (a-z, 0-9, -), unique' },
    { key: 'name', kind: 'local', required: true, doc: 'full name' },
    { key: 'short', kind: 'local', doc: 'short name for charts' },
    { key: 'level', kind: 'text', required: true, doc: 'central, state, local, private, judicial, international' },
    { key: 'region', kind: 'text', doc: 'ISO 3166-2:IN code, e.g. IN-MP' },
  ],
  incidents: [
    { key: 'id', kind: 'text', required: true, doc: 'lowercase id (a-z, 0-9, -), unique; the other sheets\' incident_id' },
    { key: 'title', kind: 'local', required: true, doc: 'headline-length' },
    { key: 'shortTitle', kind: 'local', doc: 'a few words naming the incident in charts' },
    { key: 'summary', kind: 'local', doc: 'a few sentences' },
    { key: 'regions', kind: 'list', required: true, doc: 'ISO 3166-2:IN codes separated by ;, or IN for national scope' },
    { key: 'place', kind: 'local', doc: 'city or district' },
    { key: 'organisation', kind: 'local', doc: 'whose system was hit' },
    { key: 'service', kind: 'local', doc: 'the public service affected' },
    { key: 'sector', kind: 'text', required: true, doc: 'health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other' },
    { key: 'kinds', kind: 'list', required: true, doc: 'separated by ;: ransomware, extortion, data-leak, data-destruction, ddos, defacement, malware, unauthorised-access, phishing, other' },
    { key: 'status', kind: 'text', required: true, doc: 'confirmed, claimed, disputed, denied' },
    { key: 'started', kind: 'date', required: true, doc: 'when it began: 2021, 2021-04, 2021-04-01, 2021-04-01T13:00' },
    { key: 'reported', kind: 'date', doc: 'first public report' },
    { key: 'tags', kind: 'list', doc: 'free labels separated by ;' },
  ],
  sources: [
    { key: 'id', kind: 'text', required: true, doc: 'lowercase id, unique within its incident' },
    { key: 'publisher', kind: 'local', required: true, doc: 'who published the report' },
    { key: 'title', kind: 'local', doc: 'the report\'s headline' },
    { key: 'url', kind: 'text', doc: 'http or https address' },
    { key: 'date', kind: 'date', doc: 'publication date' },
    { key: 'lang', kind: 'text', doc: 'language tag: hi, en, …' },
    { key: 'note', kind: 'local', doc: 'e.g. "headline not in the saved copy"' },
  ],
  outages: [
    { key: 'service', kind: 'local', doc: 'the service that was down' },
    { key: 'start', kind: 'date', required: true, doc: 'when it went down' },
    { key: 'end', kind: 'date', doc: 'when it came back' },
    { key: 'durationMinutes', kind: 'number', doc: 'when only a duration is known' },
    { key: 'ongoing', kind: 'boolean', doc: 'TRUE while still down' },
    { key: 'approximate', kind: 'boolean', doc: 'TRUE for "about 20 minutes", "until Tuesday"' },
    { key: 'source', kind: 'sources', doc: 'source id(s) of this incident, separated by ;' },
    { key: 'note', kind: 'local', doc: 'anything else' },
  ],
  impacts: [
    { key: 'count', kind: 'number', doc: 'the figure (digits only), or leave empty and use count_min/count_max' },
    { key: 'unit', kind: 'text', required: true, doc: 'people, records, accounts, patients, towns, organisations, devices, services, other' },
    { key: 'unitLabel', kind: 'local', doc: 'what was counted, when unit is other' },
    { key: 'measure', kind: 'local', doc: 'what is counted, in words ("servers infected")' },
    { key: 'status', kind: 'text', doc: 'confirmed, estimated, claimed, denied' },
    { key: 'by', kind: 'agency', doc: 'who gave the figure: an agency id, or a name' },
    { key: 'source', kind: 'sources', doc: 'source id(s) of this incident, separated by ;' },
    { key: 'note', kind: 'local', doc: 'e.g. "lakhs of people" when no number was given' },
  ],
  responses: [
    { key: 'date', kind: 'date', required: true, doc: 'when the agency acted' },
    { key: 'agency', kind: 'agency', required: true, doc: 'an agency id, or the name of a one-off agency' },
    { key: 'action', kind: 'text', required: true, doc: 'detected, disclosed, complaint, investigation, advisory, statement, denial, confirmation, containment, restoration, arrest, prosecution, parliament, other' },
    { key: 'text', kind: 'local', doc: 'what it did, in words' },
    { key: 'region', kind: 'text', doc: 'where, when it differs from the incident\'s' },
    { key: 'source', kind: 'sources', doc: 'source id(s) of this incident, separated by ;' },
  ],
}

/** Sheets whose rows belong to an incident, in the order of the incident's keys. */
export const CHILD_SHEETS = { sources: 'sources', outages: 'outages', impacts: 'impacts', responses: 'responses' } as const
export type ChildSheet = keyof typeof CHILD_SHEETS

export function isChildSheet(sheet: SheetName): sheet is ChildSheet {
  return sheet in CHILD_SHEETS
}

/** A language column: `title_en`, `title_hi`, `title_pt-BR`. */
export function languageColumn(key: string, lang: string): string {
  return `${key}_${lang}`
}

const LANG_SUFFIX = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/

/** What a header means in a sheet: a field (and a language, for texts), the count range, the incident link, or nothing known. */
export type HeaderMeaning =
  | { kind: 'field'; field: FieldSpec; lang?: string }
  | { kind: 'count-min' } | { kind: 'count-max' } | { kind: 'incident' }
  | { kind: 'unknown'; key: string; json: boolean }

/** Unknown keys with a value other than a string travel as JSON in a column `key:json`. */
export const JSON_SUFFIX = ':json'

export function headerMeaning(sheet: SheetName, header: string): HeaderMeaning {
  if (isChildSheet(sheet) && header === INCIDENT_REF) return { kind: 'incident' }
  if (sheet === 'impacts' && header === COUNT_MIN) return { kind: 'count-min' }
  if (sheet === 'impacts' && header === COUNT_MAX) return { kind: 'count-max' }
  const fields = SHEET_FIELDS[sheet]
  const exact = fields.find((field) => field.key === header)
  if (exact) return { kind: 'field', field: exact }
  const cut = header.indexOf('_')
  if (cut > 0) {
    const stem = header.slice(0, cut)
    const lang = header.slice(cut + 1)
    const field = fields.find((f) => f.key === stem && (f.kind === 'local' || f.kind === 'agency'))
    if (field && LANG_SUFFIX.test(lang)) return { kind: 'field', field, lang }
  }
  if (header.endsWith(JSON_SUFFIX)) return { kind: 'unknown', key: header.slice(0, -JSON_SUFFIX.length), json: true }
  return { kind: 'unknown', key: header, json: false }
}

/** Every column a sheet can have with the base languages, in the order exports and templates write them. */
export function documentedColumns(sheet: SheetName, langs: readonly string[] = BASE_LANGS): string[] {
  const columns: string[] = isChildSheet(sheet) ? [INCIDENT_REF] : []
  for (const field of SHEET_FIELDS[sheet]) {
    const perLang = langs.map((lang) => languageColumn(field.key, lang))
    // Most texts differ by language, so their columns come first; an agency is mostly named by its id.
    if (field.kind === 'local') columns.push(...perLang, field.key)
    else if (field.kind === 'agency') columns.push(field.key, ...perLang)
    else columns.push(field.key)
    if (sheet === 'impacts' && field.key === 'count') columns.push(COUNT_MIN, COUNT_MAX)
  }
  return columns
}
