/**
 * Authoring in a spreadsheet: the workbook layout, dataset JSON ↔ sheets, and the checks
 * in the spreadsheet's terms. Pure code (no Vue, no ECharts); the CSV and XLSX readers
 * and writers live in csv.ts and xlsx.ts, loaded only by what uses them.
 */
import type { Workbook } from './toSheets'
import type { InputTable } from './fromSheets'

export { SHEET_NAMES, SHEET_FIELDS, documentedColumns, type SheetName } from './layout'
export { datasetToSheets, type Cell, type Table, type Workbook, type ExportLoss, type ExportResult } from './toSheets'
export { sheetsToDataset, type InputTable, type SheetImport } from './fromSheets'
export { describeSheetIssue, type SheetIssue, type SheetRuleCode } from './issues'

/** A written workbook as the reader sees it: the header as row 1. */
export function workbookTables(workbook: Workbook): InputTable[] {
  return workbook.sheets.map((table) => ({ name: table.name, rows: [table.header, ...table.rows] }))
}
