/** Which sheet a CSV file holds, when nothing named it: its file name, or else the columns of its header. */
import { SHEET_NAMES, headerMeaning, type SheetName } from './layout'
import type { InputCell } from './traps'

/** The file name without folder, query or extension: `…/incidents.csv?x=1` → `incidents`. */
function stemOf(label: string): string {
  const path = label.split(/[?#]/)[0]!
  const file = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const dot = file.lastIndexOf('.')
  return (dot > 0 ? file.slice(0, dot) : file).toLowerCase()
}

/** Named by its file name, or by the sheet whose columns its header holds the most of (a published Google Sheet's address says nothing). */
export function sheetOfCsv(label: string, rows: readonly InputCell[][]): string {
  const stem = stemOf(label)
  if ((SHEET_NAMES as readonly string[]).includes(stem)) return stem
  const header = (rows.find((row) => row.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')) ?? []).map((cell) => String(cell ?? '').trim())
  let best: { sheet: SheetName; known: number } | undefined
  for (const sheet of SHEET_NAMES) {
    const known = header.filter((column) => column !== '' && headerMeaning(sheet, column).kind !== 'unknown').length
    if (!best || known > best.known) best = { sheet, known }
  }
  return best && best.known > 0 ? best.sheet : stem
}
