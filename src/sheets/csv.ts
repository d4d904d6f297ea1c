/**
 * CSV files of the workbook layout, one per sheet, through papaparse. Reading decodes the
 * bytes itself so that a file saved in another encoding is said, not silently garbled;
 * writing adds the byte-order mark Excel needs to open UTF-8 (Hindi) correctly.
 */
import Papa from 'papaparse'
import type { InputTable } from './fromSheets'
import type { SheetIssue } from './issues'
import type { Cell, Table } from './toSheets'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The text of a CSV file, and whether it had to be read as Windows-1252 because it is not UTF-8. */
export function decodeCsv(bytes: Uint8Array): { text: string; notUtf8: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  // Excel's "Unicode text" is UTF-16 with a byte-order mark: Unicode all the same.
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notUtf8: false }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notUtf8: false }
  try {
    return { text: utf8.decode(bytes), notUtf8: false }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), notUtf8: true }
  }
}

/** The separator is the one the header row uses: list cells hold ";" too, so guessing from the whole file could pick it. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/))
  const counts = [',', '\t', ';'].map((separator) => [separator, header.split(separator).length] as const)
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0]
}

/** A text that a spreadsheet would run as a formula was written with an apostrophe before it (see writeCsv). */
const GUARDED = /^'+[=+\-@\t\r]/

/** One CSV file as a sheet named `name`. */
export function readCsv(name: string, input: Uint8Array | string): { table: InputTable; issues: SheetIssue[] } {
  const { text, notUtf8 } = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), notUtf8: false } : decodeCsv(input)
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false })
  const rows = parsed.data.map((row) => row.map((cell) => (GUARDED.test(cell) ? cell.slice(1) : cell)))
  const issues: SheetIssue[] = notUtf8 ? [{ severity: 'error', rule: 'sheet-encoding', sheet: name }] : []
  // One problem per row: an unclosed quote gives papaparse's two errors for one slip.
  const quoteRows = new Set(parsed.errors.filter((error) => error.type === 'Quotes' && error.row !== undefined).map((error) => error.row! + 1))
  for (const row of quoteRows) issues.push({ severity: 'error', rule: 'sheet-csv-quotes', sheet: name, row })
  return { table: { name, rows }, issues }
}

function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (typeof cell === 'number') return String(cell)
  // Text must not become a formula on a reader's machine (as in core/csv.ts); readCsv takes the apostrophe off.
  return GUARDED.test(cell) || /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

/** A sheet as CSV text: UTF-8 with a byte-order mark, CRLF line ends, as Excel writes "CSV UTF-8". */
export function writeCsv(table: Table): string {
  const text = Papa.unparse({ fields: table.header, data: table.rows.map((row) => row.map(csvCell)) }, { newline: '\r\n', quotes: false })
  return `\uFEFF${text}\r\n`
}
