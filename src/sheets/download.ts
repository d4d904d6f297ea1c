/**
 * "Get the data": a dataset as the files a reader downloads, in the workbook layout, so
 * `ghatna import` reads them back to the same dataset. Loaded with `import()` when a reader
 * asks for a file; write-excel-file and papaparse are never part of the dashboard's first paint.
 */
import { datasetToSheets } from './toSheets'
import { writeCsv } from './csv'
import { writeXlsx } from './xlsx'

/** The whole workbook, as .xlsx bytes. */
export function workbookBytes(dataset: unknown): Promise<Uint8Array> {
  return writeXlsx(datasetToSheets(dataset).workbook)
}

/** One sheet as a CSV file (Excel's "CSV UTF-8"), named after its sheet so `ghatna import DIR` knows it. */
export function sheetCsv(dataset: unknown, sheet: string): { name: string; text: string } {
  const table = datasetToSheets(dataset).workbook.sheets.find((candidate) => candidate.name === sheet)
  if (!table) throw new Error(`no sheet named ${sheet}`)
  return { name: `${table.name}.csv`, text: writeCsv(table) }
}
