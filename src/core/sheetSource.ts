/**
 * How a widget's `src` names spreadsheet data, and how fetched bytes are told apart,
 * without loading any spreadsheet code: that (src/sheets, papaparse, read-excel-file)
 * is imported only once a source turns out to be sheets.
 *
 * - `src="tracker.xlsx"` (or any address that answers a workbook): one URL, as for JSON.
 * - `src="incidents=URL sources=URL meta=URL …"`: a set of CSV files, one per sheet,
 *   separated by spaces. A published Google Sheet gives one `…/pub?gid=N&single=true&output=csv`
 *   address per sheet and none says which sheet it is, so each is named with `sheet=`
 *   (as `ghatna import` takes them). A URL whose file is named after its sheet
 *   (`…/incidents.csv`) may go without.
 */

/** The sheets of the workbook layout (src/sheets/layout.ts; a unit test keeps the two the same). */
export const SHEET_NAMES_IN_SOURCE = ['meta', 'agencies', 'incidents', 'sources', 'outages', 'impacts', 'responses'] as const

export interface SheetFile {
  /** The sheet it holds, when the source names it. */
  sheet?: string
  url: string
}

export type SheetSetParse = { files: SheetFile[] } | { error: string }

const NAMED = /^([A-Za-z]+)=(.+)$/

/**
 * The CSV set a `src` names, an error saying what is wrong with it, or `undefined` for a
 * single address (JSON, or a workbook or CSV file told by what the server answers).
 */
export function parseSheetSet(src: string): SheetSetParse | undefined {
  const tokens = src.trim().split(/\s+/).filter(Boolean)
  if (tokens.length === 0 || (tokens.length === 1 && !NAMED.test(tokens[0]!))) return undefined
  const files: SheetFile[] = []
  const named = new Set<string>()
  for (const token of tokens) {
    const match = NAMED.exec(token)
    if (!match) {
      files.push({ url: token })
      continue
    }
    const sheet = match[1]!.toLowerCase()
    if (!(SHEET_NAMES_IN_SOURCE as readonly string[]).includes(sheet)) {
      return { error: `"${match[1]}=" does not name a sheet; use one of ${SHEET_NAMES_IN_SOURCE.map((name) => `${name}=`).join(', ')}` }
    }
    if (named.has(sheet)) return { error: `the sheet "${sheet}" is named twice` }
    named.add(sheet)
    files.push({ sheet, url: match[2]! })
  }
  return { files }
}

/** The same set written one way: URLs made absolute against `base`, so two spellings share one store. */
export function sheetSetText(files: readonly SheetFile[], base: string): string {
  return files.map((file) => `${file.sheet ? `${file.sheet}=` : ''}${resolve(file.url, base)}`).join(' ')
}

function resolve(url: string, base: string): string {
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

/**
 * A config file's `"sheets": {"incidents": URL, …}` as a `src`, each URL resolved against the
 * config file's own address; `undefined` when it is not an object of strings.
 */
export function sheetsConfigSource(sheets: unknown, base: string): string | undefined {
  if (typeof sheets !== 'object' || sheets === null || Array.isArray(sheets)) return undefined
  const entries = Object.entries(sheets as Record<string, unknown>)
  if (entries.length === 0 || entries.some(([, url]) => typeof url !== 'string')) return undefined
  return sheetSetText(entries.map(([sheet, url]) => ({ sheet, url: url as string })), base)
}

/** A workbook: said by its Content-Type, or by the ZIP signature every .xlsx starts with (a server may call it octet-stream). */
export function isWorkbook(bytes: Uint8Array, contentType = ''): boolean {
  return /spreadsheetml|ms-excel/i.test(contentType) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
}

/** A CSV file rather than JSON: said by its Content-Type, or by its address when the type says nothing. */
export function isCsv(url: string, contentType = ''): boolean {
  if (/text\/csv|text\/comma-separated|text\/tab-separated/i.test(contentType)) return true
  if (/json/i.test(contentType)) return false
  return /\.csv$/i.test(url.split(/[?#]/)[0]!) || /[?&]output=csv(&|$)/i.test(url)
}

/** One problem of a sheet source, already said in both languages (so the widget needs no sheet code to show it). */
export interface SheetProblem {
  severity: 'error' | 'warning'
  /** The rule code: the JSON validator's, or a `sheet-…` one. */
  rule: string
  en: string
  hi: string
}

/** What the sheet loader (src/sheets/load.ts) answers: the validator's report on what the sheets say, and the problems in their terms. */
export interface SheetRead {
  report: import('./validate').ValidationReport
  problems: SheetProblem[]
}
