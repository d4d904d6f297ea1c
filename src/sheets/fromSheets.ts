/**
 * Sheets → dataset JSON, and the checks in the spreadsheet's terms: the JSON validator
 * runs on what the sheets say, and each problem it finds is pointed back to its sheet,
 * row and column; traps only spreadsheets set are reported where they are found.
 */
import { validateParsed, type ValidationReport } from '../core/validate'
import type { ValidationIssue } from '../core/issues'
import { nearest } from '../core/suggest'
import {
  COUNT_MAX, COUNT_MIN, INCIDENT_REF, SHEET_FIELDS, SHEET_NAMES,
  documentedColumns, headerMeaning, isChildSheet, languageColumn, type ChildSheet, type FieldSpec, type HeaderMeaning, type SheetName,
} from './layout'
import type { RowRef, SheetIssue } from './issues'
import { isEmptyCell, readBoolean, readDate, readNumber, readText, type CellRead, type InputCell, type Trap } from './traps'

/** A sheet as the spreadsheet shows it: `rows[0]` is row 1. */
export interface InputTable {
  name: string
  rows: InputCell[][]
}

export interface SheetImport {
  /** The dataset as the sheets say it, before validation (nothing normalised, nothing left out). */
  data: Record<string, unknown>
  /** Every problem, errors first, in sheet order. */
  issues: SheetIssue[]
  report: ValidationReport
}

type Json = Record<string, unknown>

interface Column {
  index: number
  header: string
  meaning: HeaderMeaning
}

interface SheetRow {
  row: number
  cells: InputCell[]
}

interface ParsedSheet {
  name: SheetName
  /** The name as written in the workbook. */
  label: string
  columns: Column[]
  rows: SheetRow[]
}

/** Where a JSON object came from: its row, and the column each of its keys was read from. */
interface Location {
  sheet: string
  row: number
  columns: Map<string, string>
}

const CHILD_ORDER: ChildSheet[] = ['sources', 'outages', 'impacts', 'responses']

function parseSheet(table: InputTable, name: SheetName, issues: SheetIssue[]): ParsedSheet {
  const sheet: ParsedSheet = { name, label: table.name, columns: [], rows: [] }
  const headerIndex = table.rows.findIndex((row) => row.some((cell) => !isEmptyCell(cell)))
  if (headerIndex < 0) return sheet
  const seen = new Set<string>()
  table.rows[headerIndex]!.forEach((cell, index) => {
    if (isEmptyCell(cell)) return
    const header = String(cell).trim()
    if (seen.has(header)) {
      issues.push({ severity: 'error', rule: 'sheet-duplicate-column', sheet: table.name, row: headerIndex + 1, column: header, value: header })
      return
    }
    seen.add(header)
    sheet.columns.push({ index, header, meaning: headerMeaning(name, header) })
  })
  let last = table.rows.length - 1
  while (last > headerIndex && table.rows[last]!.every(isEmptyCell)) last--
  for (let r = headerIndex + 1; r <= last; r++) {
    const cells = table.rows[r]!
    // Empty rows at the end are what spreadsheets leave behind; one in the middle may mean a table was cut.
    if (cells.every(isEmptyCell)) issues.push({ severity: 'warning', rule: 'sheet-empty-row', sheet: table.name, row: r + 1 })
    else sheet.rows.push({ row: r + 1, cells })
  }
  return sheet
}

class RowReader {
  readonly object: Json = {}
  readonly location: Location
  incidentRef: string | undefined
  constructor(private readonly sheet: ParsedSheet, private readonly row: SheetRow, private readonly report: (issue: SheetIssue) => void) {
    this.location = { sheet: sheet.label, row: row.row, columns: new Map() }
  }

  private cell(column: Column): InputCell {
    return this.row.cells[column.index]
  }

  private trap(column: string, trap: Trap | undefined): void {
    if (trap) this.report({ severity: trap.severity, rule: trap.rule, sheet: this.sheet.label, row: this.row.row, column, value: trap.value, ...(trap.suggestion !== undefined && { suggestion: trap.suggestion }) })
  }

  private filled(predicate: (meaning: HeaderMeaning) => boolean): Column[] {
    return this.sheet.columns.filter((column) => predicate(column.meaning) && !isEmptyCell(this.cell(column)))
  }

  private readWith(column: Column, reader: (cell: InputCell) => CellRead): unknown {
    const read = reader(this.cell(column))
    this.trap(column.header, read.trap)
    return read.value
  }

  read(): void {
    for (const field of SHEET_FIELDS[this.sheet.name]) this.readField(field)
    for (const column of this.filled((meaning) => meaning.kind === 'unknown')) {
      const meaning = column.meaning as Extract<HeaderMeaning, { kind: 'unknown' }>
      const text = this.readWith(column, readText) as string
      let value: unknown = text
      if (meaning.json) {
        try {
          value = JSON.parse(text)
        } catch {
          value = text
        }
      }
      // An own property even for a header such as "__proto__": a sheet must not reach an object's prototype.
      Object.defineProperty(this.object, meaning.key, { value, enumerable: true, writable: true, configurable: true })
      this.location.columns.set(meaning.key, column.header)
    }
    const ref = this.sheet.columns.find((column) => column.meaning.kind === 'incident')
    if (ref && !isEmptyCell(this.cell(ref))) this.incidentRef = String(this.readWith(ref, readText))
  }

  private readField(field: FieldSpec): void {
    const own = (meaning: HeaderMeaning) => meaning.kind === 'field' && meaning.field === field
    const set = (value: unknown, header: string) => {
      this.object[field.key] = value
      this.location.columns.set(field.key, header)
    }
    if (field.kind === 'local' || field.kind === 'agency') {
      const filled = this.filled(own)
      const bare = filled.find((column) => (column.meaning as { lang?: string }).lang === undefined)
      const perLang = filled.filter((column) => column !== bare)
      this.location.columns.set(field.key, (bare ?? perLang[0])?.header ?? (field.kind === 'agency' ? field.key : languageColumn(field.key, 'en')))
      if (bare && perLang.length > 0) {
        this.report({ severity: 'error', rule: 'sheet-text-both', sheet: this.sheet.label, row: this.row.row, column: field.key, expected: field.key })
      }
      if (perLang.length > 0) {
        const text: Record<string, string> = {}
        for (const column of perLang) text[(column.meaning as { lang: string }).lang] = this.readWith(column, readText) as string
        set(text, perLang[0]!.header)
      } else if (bare) set(this.readWith(bare, readText), bare.header)
      return
    }
    if (field.key === 'count' && this.sheet.name === 'impacts') return this.readCount(field)
    const column = this.filled(own)[0]
    if (!column) return void this.location.columns.set(field.key, field.key)
    switch (field.kind) {
      case 'date': return set(this.readWith(column, readDate), column.header)
      case 'number': return set(this.readWith(column, readNumber), column.header)
      case 'boolean': return set(this.readWith(column, readBoolean), column.header)
      case 'list':
      case 'sources': {
        const items = String(this.readWith(column, readText)).split(';').map((item) => item.trim()).filter((item) => item !== '')
        if (items.length === 0) return
        return set(field.kind === 'sources' && items.length === 1 ? items[0] : items, column.header)
      }
      default: return set(this.readWith(column, readText), column.header)
    }
  }

  private readCount(field: FieldSpec): void {
    const find = (kind: HeaderMeaning['kind'], own = false) => this.filled((meaning) => meaning.kind === kind && (!own || (meaning.kind === 'field' && meaning.field === field)))[0]
    const single = find('field', true)
    const min = find('count-min')
    const max = find('count-max')
    this.location.columns.set('count.min', COUNT_MIN)
    this.location.columns.set('count.max', COUNT_MAX)
    this.location.columns.set('count', single ? 'count' : min || max ? COUNT_MIN : 'count')
    if (single && (min || max)) this.report({ severity: 'error', rule: 'sheet-count-both', sheet: this.sheet.label, row: this.row.row, column: 'count' })
    if (single) this.object.count = this.readWith(single, readNumber)
    else if (min || max) {
      this.object.count = {
        ...(min && { min: this.readWith(min, readNumber) }),
        ...(max && { max: this.readWith(max, readNumber) }),
      }
    }
  }
}

function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!))
}

function pathText(keys: readonly (string | number)[]): string {
  return keys.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '')
}

/** The sheets of a workbook (or a folder of CSV files) as a dataset, and every problem found on the way. */
export function sheetsToDataset(tables: readonly InputTable[]): SheetImport {
  const sheetIssues: SheetIssue[] = []
  const sheets = new Map<SheetName, ParsedSheet>()
  for (const table of tables) {
    const name = table.name.trim().toLowerCase()
    if ((SHEET_NAMES as readonly string[]).includes(name) && !sheets.has(name as SheetName)) {
      sheets.set(name as SheetName, parseSheet(table, name as SheetName, sheetIssues))
    } else {
      const suggestion = nearest(name, SHEET_NAMES)
      sheetIssues.push({ severity: 'warning', rule: 'sheet-unknown', sheet: table.name, value: table.name, ...(suggestion && { suggestion }) })
    }
  }
  for (const required of ['meta', 'incidents'] as const) {
    if (!sheets.has(required)) sheetIssues.push({ severity: 'error', rule: 'sheet-missing', sheet: required })
  }

  // Columns every row needs but the sheet lacks: said once, not once per row.
  const missingColumns = new Set<string>()
  for (const sheet of sheets.values()) {
    if (sheet.rows.length === 0) continue
    const needed = [...(isChildSheet(sheet.name) ? [{ key: INCIDENT_REF }] : []), ...SHEET_FIELDS[sheet.name].filter((field) => field.required)]
    for (const field of needed) {
      const present = sheet.columns.some((column) => column.meaning.kind === 'incident' ? field.key === INCIDENT_REF : column.meaning.kind === 'field' && column.meaning.field.key === field.key)
      if (present) continue
      const column = 'kind' in field && field.kind === 'local' ? languageColumn(field.key, 'en') : field.key
      missingColumns.add(`${sheet.label}\u0000${column}`)
      sheetIssues.push({ severity: 'error', rule: 'sheet-column-missing', sheet: sheet.label, column, value: column })
    }
  }

  const locations = new Map<string, Location>()
  const readRow = (sheet: ParsedSheet, row: SheetRow) => {
    const reader = new RowReader(sheet, row, (issue) => sheetIssues.push(issue))
    reader.read()
    return reader
  }

  const data: Json = {}
  const metaSheet = sheets.get('meta')
  if (metaSheet) {
    const [first, ...more] = metaSheet.rows
    const reader = first ? readRow(metaSheet, first) : undefined
    const { schemaVersion, ...meta } = reader?.object ?? {}
    data.schemaVersion = schemaVersion ?? 1
    data.meta = meta
    locations.set('meta', reader?.location ?? { sheet: metaSheet.label, row: 2, columns: new Map() })
    for (const row of more) sheetIssues.push({ severity: 'warning', rule: 'sheet-meta-rows', sheet: metaSheet.label, row: row.row })
  } else data.schemaVersion = 1

  const agencySheet = sheets.get('agencies')
  if (agencySheet && agencySheet.rows.length > 0) {
    data.agencies = agencySheet.rows.map((row, i) => {
      const reader = readRow(agencySheet, row)
      locations.set(`agencies[${i}]`, reader.location)
      return reader.object
    })
  }

  const incidents: Json[] = []
  const indexOfId = new Map<string, number>()
  const incidentSheet = sheets.get('incidents')
  incidentSheet?.rows.forEach((row, i) => {
    const reader = readRow(incidentSheet, row)
    locations.set(`incidents[${i}]`, reader.location)
    const id = reader.object.id
    if (typeof id === 'string') {
      const first = indexOfId.get(id)
      // The validator cannot say it: a second row of one id gets no sources (they go to the first), so it fails before its id is compared.
      if (first !== undefined) {
        sheetIssues.push({ severity: 'error', rule: 'duplicate-id', sheet: incidentSheet.label, row: row.row, column: 'id', value: id, incidentId: id, expectedRows: [{ sheet: incidentSheet.label, row: incidentSheet.rows[first]!.row }] })
      } else indexOfId.set(id, i)
    }
    incidents.push(reader.object)
  })
  data.incidents = incidents

  const ids = [...indexOfId.keys()]
  for (const key of CHILD_ORDER) {
    const sheet = sheets.get(key)
    sheet?.rows.forEach((row) => {
      const reader = readRow(sheet, row)
      const ref = reader.incidentRef
      const index = ref === undefined ? undefined : indexOfId.get(ref)
      if (index === undefined) {
        if (ref === undefined) {
          if (!missingColumns.has(`${sheet.label}\u0000${INCIDENT_REF}`)) sheetIssues.push({ severity: 'error', rule: 'required', sheet: sheet.label, row: row.row, column: INCIDENT_REF })
        } else {
          const suggestion = nearest(ref, ids)
          sheetIssues.push({ severity: 'error', rule: 'sheet-orphan-row', sheet: sheet.label, row: row.row, column: INCIDENT_REF, value: ref, ...(suggestion && { suggestion }) })
        }
        return
      }
      const incident = incidents[index]!
      // A column of the incidents sheet that happens to be named "outages" gives way to the outages sheet.
      if (!Array.isArray(incident[key])) incident[key] = []
      const list = incident[key] as Json[]
      locations.set(`incidents[${index}].${key}[${list.length}]`, reader.location)
      list.push(reader.object)
    })
  }
  incidents.forEach((incident, i) => {
    if (incident.sources !== undefined || typeof incident.id !== 'string' || indexOfId.get(incident.id) !== i) return
    const where = locations.get(`incidents[${i}]`)!
    sheetIssues.push({ severity: 'error', rule: 'sheet-no-sources', sheet: where.sheet, row: where.row, column: 'id', value: incident.id, incidentId: incident.id })
  })

  const report = validateParsed(data, [])
  const trapped = new Set(sheetIssues.map((issue) => `${issue.sheet}\u0000${issue.row}\u0000${issue.column}`))
  const locate = (path: string) => locateIn(locations, path)
  const fromValidator = [...report.errors, ...report.warnings].flatMap((issue): SheetIssue[] => {
    const keys = pathKeys(issue.path)
    // Said already: a sheet or column that is missing, a trap found in the cell, sources that are not there.
    if (keys[0] === 'meta' && !metaSheet) return []
    if (keys[0] === 'incidents' && keys[2] === 'sources' && keys.length === 3) return []
    const at = issue.path === 'schemaVersion' ? { sheet: metaSheet?.label ?? 'meta', row: 2, column: 'schemaVersion' } : locate(issue.path)
    if (at.row !== undefined && trapped.has(`${at.sheet}\u0000${at.row}\u0000${at.column}`)) return []
    if (issue.rule === 'required' && at.column !== undefined && missingColumns.has(`${at.sheet}\u0000${at.column}`)) return []
    return [toSheetIssue(issue, at, locate)]
  })
  const issues = [...sheetIssues, ...fromValidator]
  const order = (issue: SheetIssue) => [issue.severity === 'error' ? 0 : 1, sheetOrder(issue.sheet), issue.row ?? 0] as const
  issues.sort((a, b) => {
    const [x, y] = [order(a), order(b)]
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
  })
  return { data, issues, report }
}

function sheetOrder(sheet: string | undefined): number {
  const index = SHEET_NAMES.indexOf((sheet ?? '').toLowerCase() as SheetName)
  return index < 0 ? -1 : index
}

interface Place {
  sheet?: string
  row?: number
  column?: string
}

/** The row and column a validator path points at: the deepest object read from a row, and the column of the key below it. */
function locateIn(locations: Map<string, Location>, path: string): Place {
  const keys = pathKeys(path)
  for (let end = keys.length; end > 0; end--) {
    const found = locations.get(pathText(keys.slice(0, end)))
    if (!found) continue
    const key = keys[end]
    if (typeof key !== 'string') return { sheet: found.sheet, row: found.row }
    const nested = keys[end + 1]
    const column = (typeof nested === 'string' ? found.columns.get(`${key}.${nested}`) : undefined) ?? found.columns.get(key) ?? key
    return { sheet: found.sheet, row: found.row, column }
  }
  return {}
}

function toSheetIssue(issue: ValidationIssue, at: Place, locate: (path: string) => Place): SheetIssue {
  const { path, ...rest } = issue
  const found: SheetIssue = { ...rest, ...at, path }
  const rowsOf = (paths: string[]): RowRef[] => paths.map(locate).filter((place): place is Required<Place> => place.row !== undefined).map(({ sheet, row }) => ({ sheet, row }))
  if (issue.rule === 'duplicate-id' && issue.expected) found.expectedRows = rowsOf([issue.expected])
  if (issue.rule === 'measure-missing' && issue.expected) {
    const incident = pathKeys(path).slice(0, 2)
    found.expectedRows = rowsOf(issue.expected.split(', ').map((impact) => `${pathText(incident)}.${impact}`))
    found.column = languageColumn('measure', 'en')
  }
  // One end of a range: the other is missing, not the whole count wrong.
  const count = issue.value as Record<string, unknown> | undefined
  if (issue.rule === 'count' && typeof count === 'object' && count !== null && Object.keys(count).length === 1 && ('min' in count || 'max' in count)) {
    found.rule = 'required'
    found.column = 'min' in count ? COUNT_MAX : COUNT_MIN
    delete found.value
  }
  // Lists are separated by ";": "IN-BR, IN-MP" is one item that is neither.
  if ((issue.rule === 'region' || issue.rule === 'enum') && typeof issue.value === 'string' && issue.value.includes(',')) {
    found.suggestion = issue.value.split(',').map((item) => item.trim()).filter((item) => item !== '').join('; ')
  }
  // Spreadsheets write truth values as TRUE and FALSE; authors write yes and no.
  if (issue.rule === 'type' && issue.expected === 'boolean' && typeof issue.value === 'string') {
    const yes = /^(yes|y|1|हाँ|हां)$/i.test(issue.value.trim())
    const no = /^(no|n|0|नहीं)$/i.test(issue.value.trim())
    if (yes || no) found.suggestion = yes ? 'TRUE' : 'FALSE'
  }
  if (issue.rule === 'unknown-key' && found.sheet !== undefined) {
    const suggestion = nearest(String(issue.value), documentedColumns(found.sheet.toLowerCase() as SheetName))
    if (suggestion) found.suggestion = suggestion
  }
  return found
}
