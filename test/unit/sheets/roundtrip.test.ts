import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { validateDataset } from '../../../src/core/validate'
import { datasetToSheets, sheetsToDataset, workbookTables } from '../../../src/sheets'
import { readCsv, writeCsv } from '../../../src/sheets/csv'
import { readXlsx, writeXlsx } from '../../../src/sheets/xlsx'

const malformedDir = 'test/fixtures/malformed/files'
const validFixtures = readdirSync(malformedDir).filter((file) => {
  const report = validateDataset(readFileSync(`${malformedDir}/${file}`, 'utf8'))
  return !report.fatal && report.errors.length === 0
})

const files = ['src/data/incidents.default.json', 'src/data/incidents.real.json', ...validFixtures.map((file) => `${malformedDir}/${file}`)]

describe('JSON → sheets → JSON', () => {
  it('finds the valid files of the malformed corpus', () => {
    expect(validFixtures).toEqual(['bom-and-valid.json', 'region-legacy-2023.json', 'region-legacy-dadra.json', 'unknown-keys.json'])
  })
  it.each(files)('%s comes back equal, without a loss or an error', (file) => {
    const data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    const { workbook, losses } = datasetToSheets(data)
    expect(losses).toEqual([])
    const back = sheetsToDataset(workbookTables(workbook))
    expect(back.data).toStrictEqual(data)
    expect(back.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })
})

describe('JSON → CSV files / .xlsx → JSON', () => {
  it.each(files)('%s through CSV text', (file) => {
    const data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    const { workbook } = datasetToSheets(data)
    const tables = workbook.sheets.map((table) => {
      const bytes = new TextEncoder().encode(writeCsv(table))
      const { table: read, issues } = readCsv(table.name, bytes)
      expect(issues).toEqual([])
      return read
    })
    const back = sheetsToDataset(tables)
    expect(back.data).toStrictEqual(data)
    expect(back.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })
  it.each(files)('%s through an .xlsx file', async (file) => {
    const data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    const bytes = await writeXlsx(datasetToSheets(data).workbook)
    const { tables, issues } = await readXlsx(bytes)
    expect(issues).toEqual([])
    const back = sheetsToDataset(tables)
    expect(back.data).toStrictEqual(data)
    expect(back.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })
})
