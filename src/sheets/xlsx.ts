/**
 * The workbook as an .xlsx file: read-excel-file reads and write-excel-file writes (both
 * small, fflate inside, maintained; the `universal` builds run in Node and the browser).
 */
import readExcelFile from 'read-excel-file/universal'
import writeExcelFile, { type CellObject } from 'write-excel-file/universal'
import type { InputTable } from './fromSheets'
import type { InputCell } from './traps'
import type { SheetIssue } from './issues'
import type { Cell, Workbook } from './toSheets'

/** Every sheet of an .xlsx file, each as the rows a person sees (row 1 first), texts untrimmed. */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer): Promise<{ tables: InputTable[]; issues: SheetIssue[] }> {
  // A copy: a Node Buffer may be a view into a larger shared pool, and `.slice()` on a Buffer does not copy.
  const buffer = bytes instanceof Uint8Array ? new Uint8Array(bytes).buffer : bytes
  try {
    const sheets = await readExcelFile(buffer, { trim: false })
    return { tables: sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data as InputCell[][] })), issues: [] }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return { tables: [], issues: [{ severity: 'error', rule: 'sheet-unreadable', expected: reason }] }
  }
}

function xlsxCell(cell: Cell): CellObject | null {
  if (cell === null) return null
  if (typeof cell === 'number') return { value: cell, type: Number }
  if (typeof cell === 'boolean') return { value: cell, type: Boolean }
  // Text format ("@") keeps what an author types over it as typed: 2021-04 stays 2021-04, not a day number.
  return { value: cell, type: String, format: '@' }
}

/** The workbook as .xlsx bytes: header row bold and frozen, texts as text cells, figures as numbers. */
export async function writeXlsx(workbook: Workbook): Promise<Uint8Array> {
  const sheets = workbook.sheets.map((table) => {
    return {
      sheet: table.name,
      stickyRowsCount: 1,
      columns: table.header.map((header) => ({ width: Math.min(40, Math.max(10, header.length + 2)) })),
      data: [
        table.header.map((header) => ({ value: header, type: String, fontWeight: 'bold' as const })),
        ...table.rows.map((row) => row.map(xlsxCell)),
      ],
    }
  })
  const blob = await writeExcelFile(sheets).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
