/**
 * Dataset JSON → sheets (tables of cells), the workbook layout of layout.ts. Anything
 * the sheets cannot carry exactly is listed in `losses`, never dropped silently.
 */
import {
  BASE_LANGS, COUNT_MAX, COUNT_MIN, INCIDENT_REF, JSON_SUFFIX, SHEET_FIELDS, SHEET_NAMES,
  documentedColumns, languageColumn, type ChildSheet, type FieldSpec, type SheetName,
} from './layout'

export type Cell = string | number | boolean | null

/** One sheet: its header (row 1) and its data rows (row 2 on). */
export interface Table {
  name: string
  header: string[]
  rows: Cell[][]
}

export interface Workbook {
  sheets: Table[]
}

/** What a sheet cannot hold as the JSON has it; the value is read back in a form of the same meaning, or not at all. */
export interface ExportLoss {
  /** JSON path, as the validator writes it. */
  path: string
  reason: 'empty-text' | 'list-separator' | 'one-item-list' | 'empty-list' | 'nested-key' | 'top-level-key' | 'not-text'
}

export interface ExportResult {
  workbook: Workbook
  losses: ExportLoss[]
}

type Json = Record<string, unknown>
type Row = Map<string, Cell>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

class SheetWriter {
  readonly rows: Row[] = []
  private readonly extra: string[] = []
  constructor(readonly name: SheetName, private readonly langs: Set<string>, private readonly losses: ExportLoss[]) {}

  add(object: Json, path: string, incidentId?: string): void {
    const row: Row = new Map()
    if (incidentId !== undefined) row.set(INCIDENT_REF, incidentId)
    const known = new Set(SHEET_FIELDS[this.name].map((field) => field.key))
    for (const field of SHEET_FIELDS[this.name]) {
      if (object[field.key] !== undefined) this.write(row, field, object[field.key], `${path}.${field.key}`)
    }
    for (const [key, value] of Object.entries(object)) {
      if (known.has(key) || value === undefined || this.childKey(key)) continue
      const header = typeof value === 'string' ? key : `${key}${JSON_SUFFIX}`
      if (!this.extra.includes(header)) this.extra.push(header)
      row.set(header, typeof value === 'string' ? value : JSON.stringify(value))
    }
    this.rows.push(row)
  }

  /** Keys an incident holds as rows of other sheets. */
  private childKey(key: string): boolean {
    return this.name === 'incidents' && (key === 'sources' || key === 'outages' || key === 'impacts' || key === 'responses')
  }

  private write(row: Row, field: FieldSpec, value: unknown, path: string): void {
    const loss = (reason: ExportLoss['reason']): void => void this.losses.push({ path, reason })
    switch (field.kind) {
      case 'local':
      case 'agency':
        if (typeof value === 'string') {
          if (value.trim() === '') loss('empty-text')
          row.set(field.key, value)
        } else if (isObject(value)) {
          const entries = Object.entries(value)
          if (entries.length === 0) loss('empty-text')
          for (const [lang, text] of entries) {
            this.langs.add(lang)
            if (typeof text !== 'string' || text.trim() === '') loss('empty-text')
            row.set(languageColumn(field.key, lang), typeof text === 'string' ? text : String(text))
          }
        } else loss('not-text')
        return
      case 'list':
      case 'sources': {
        if (field.kind === 'sources' && typeof value === 'string') return void row.set(field.key, value)
        if (!Array.isArray(value)) return loss('not-text')
        if (value.length === 0) loss('empty-list')
        if (field.kind === 'sources' && value.length === 1) loss('one-item-list')
        value.forEach((item, i) => {
          if (typeof item !== 'string' || item.includes(';') || item.trim() !== item || item === '') this.losses.push({ path: `${path}[${i}]`, reason: 'list-separator' })
        })
        return void row.set(field.key, value.map(String).join('; '))
      }
      case 'number':
        if (field.key === 'count' && isObject(value)) {
          row.set(COUNT_MIN, value.min as Cell)
          row.set(COUNT_MAX, value.max as Cell)
          if (Object.keys(value).some((key) => key !== 'min' && key !== 'max')) loss('nested-key')
          return
        }
        return void row.set(field.key, value as Cell)
      case 'boolean':
        return void row.set(field.key, value as Cell)
      default:
        if (typeof value !== 'string') loss('not-text')
        row.set(field.key, typeof value === 'string' ? value : String(value))
    }
  }

  table(): Table {
    const others = [...this.langs].filter((lang) => !(BASE_LANGS as readonly string[]).includes(lang)).sort()
    const header = documentedColumns(this.name, [...BASE_LANGS, ...others])
    for (const row of this.rows) for (const column of row.keys()) if (!header.includes(column) && !this.extra.includes(column)) this.extra.push(column)
    header.push(...this.extra)
    return { name: this.name, header, rows: this.rows.map((row) => header.map((column) => row.get(column) ?? null)) }
  }
}

const CHILD_KEYS: ChildSheet[] = ['sources', 'outages', 'impacts', 'responses']

/** A dataset (as parsed from JSON; a valid one converts without losses) as the seven sheets. */
export function datasetToSheets(data: unknown): ExportResult {
  const losses: ExportLoss[] = []
  const file = isObject(data) ? data : {}
  const langs = new Set<string>()
  const writers = Object.fromEntries(SHEET_NAMES.map((name) => [name, new SheetWriter(name, langs, losses)])) as Record<SheetName, SheetWriter>
  for (const key of Object.keys(file)) if (!['schemaVersion', 'meta', 'agencies', 'incidents'].includes(key)) losses.push({ path: key, reason: 'top-level-key' })

  writers.meta.add({ schemaVersion: file.schemaVersion, ...(isObject(file.meta) ? file.meta : {}) }, 'meta')
  if (Array.isArray(file.agencies)) {
    if (file.agencies.length === 0) losses.push({ path: 'agencies', reason: 'empty-list' })
    file.agencies.forEach((agency, i) => writers.agencies.add(isObject(agency) ? agency : {}, `agencies[${i}]`))
  }
  const incidents = Array.isArray(file.incidents) ? file.incidents : []
  incidents.forEach((raw, i) => {
    const incident = isObject(raw) ? raw : {}
    const path = `incidents[${i}]`
    writers.incidents.add(incident, path)
    const id = typeof incident.id === 'string' ? incident.id : ''
    for (const key of CHILD_KEYS) {
      const children = incident[key]
      if (children === undefined) continue
      if (!Array.isArray(children) || children.length === 0) {
        losses.push({ path: `${path}.${key}`, reason: 'empty-list' })
        continue
      }
      children.forEach((child, j) => writers[key].add(isObject(child) ? child : {}, `${path}.${key}[${j}]`, id))
    }
  })
  return { workbook: { sheets: SHEET_NAMES.map((name) => writers[name].table()) }, losses }
}
