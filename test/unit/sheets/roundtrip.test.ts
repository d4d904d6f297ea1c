import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { validateDataset } from '../../../src/core/validate'
import { datasetToSheets, sheetsToDataset, workbookTables } from '../../../src/sheets'

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
