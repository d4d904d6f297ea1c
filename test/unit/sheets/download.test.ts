/** "Get the data": what the dashboard shows (validated, filtered) as files that `ghatna import` reads back to the same dataset. */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { validateDataset } from '../../../src/core/validate'
import { filterIncidents } from '../../../src/core/filters'
import { sheetCsv, workbookBytes } from '../../../src/sheets/download'
import { SHEET_NAMES, sheetsToDataset } from '../../../src/sheets'
import { readCsv } from '../../../src/sheets/csv'
import { readXlsx } from '../../../src/sheets/xlsx'

const shown = (file: string, filter = (incidents: readonly unknown[]): readonly unknown[] => incidents) => {
  const dataset = validateDataset(readFileSync(file, 'utf8')).dataset!
  return { schemaVersion: 1, meta: dataset.meta, agencies: dataset.agencies, incidents: filter(dataset.incidents) }
}

describe('Get the data', () => {
  for (const file of ['src/data/incidents.default.json', 'src/data/incidents.real.json']) {
    it(`${file}: the CSV files and the workbook read back to the dataset shown`, async () => {
      const data = shown(file)
      const csv = SHEET_NAMES.map((sheet) => sheetCsv(data, sheet))
      expect(csv.map((entry) => entry.name)).toEqual(SHEET_NAMES.map((sheet) => `${sheet}.csv`))
      const fromCsv = sheetsToDataset(csv.map((entry) => readCsv(entry.name.replace('.csv', ''), new TextEncoder().encode(entry.text)).table))
      expect(fromCsv.issues.filter((issue) => issue.severity === 'error')).toEqual([])
      expect(fromCsv.report.dataset).toEqual(validateDataset(data).dataset)
      const fromXlsx = sheetsToDataset((await readXlsx(await workbookBytes(data))).tables)
      expect(fromXlsx.report.dataset).toEqual(validateDataset(data).dataset)
    }, 30_000)
  }
  it('with a filter, only the incidents shown', () => {
    const data = shown('src/data/incidents.real.json', (incidents) => filterIncidents(incidents as never, { regions: ['IN-MH'] }, 'Asia/Kolkata'))
    const rows = readCsv('incidents', sheetCsv(data, 'incidents').text).table.rows.filter((row) => row.some((cell) => cell !== ''))
    expect(rows.length - 1).toBe(data.incidents.length)
    expect(data.incidents.length).toBe(6)
  })
})
