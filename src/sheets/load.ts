/**
 * The widgets' and the dashboard's way into the sheets: fetched or picked bytes (CSV files,
 * or an .xlsx workbook) → the validator's report and every problem in the spreadsheet's
 * terms, said in English and Hindi. Loaded with `import()` only when a source is sheets,
 * so a JSON embed never downloads it, papaparse or read-excel-file.
 */
import type { ValidationReport } from '../core/validate'
import { isWorkbook, type SheetProblem, type SheetRead } from '../core/sheetSource'
import { sheetsToDataset, type InputTable } from './fromSheets'
import { describeSheetIssue, type SheetIssue } from './issues'
import { readCsv } from './csv'
import { readXlsx } from './xlsx'
import { sheetOfCsv } from './naming'

export interface SheetBytes {
  /** The URL or file name, for messages. */
  label: string
  /** The sheet, when the source named it (`incidents=URL`). */
  sheet?: string
  bytes: Uint8Array
  contentType?: string
}

/** A report that says the input is no dataset at all; the problems say why. */
function unusable(): ValidationReport {
  return { fatal: { severity: 'error', rule: 'top-level', path: '' }, errors: [], warnings: [], rejected: [], incidentCount: 0 }
}

function problemOf(issue: SheetIssue): SheetProblem {
  return { severity: issue.severity, rule: issue.rule, en: describeSheetIssue(issue, 'en'), hi: describeSheetIssue(issue, 'hi') }
}

export async function readSheetFiles(files: readonly SheetBytes[]): Promise<SheetRead> {
  const tables: InputTable[] = []
  const issues: SheetIssue[] = []
  for (const file of files) {
    if (isWorkbook(file.bytes, file.contentType)) {
      const workbook = await readXlsx(file.bytes)
      tables.push(...workbook.tables)
      issues.push(...workbook.issues)
      continue
    }
    const { table, issues: found } = readCsv(file.label, file.bytes)
    const name = file.sheet ?? sheetOfCsv(file.label, table.rows)
    tables.push({ name, rows: table.rows })
    issues.push(...found.map((issue) => ({ ...issue, sheet: name })))
  }
  if (issues.some((issue) => issue.rule === 'sheet-unreadable')) return { report: unusable(), problems: issues.map(problemOf) }
  const result = sheetsToDataset(tables)
  return { report: result.report, problems: [...issues, ...result.issues].map(problemOf) }
}
