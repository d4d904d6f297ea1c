/** The validation worker's answer: indices for incidents kept as parsed, whole copies for the rest. */
import { describe, expect, it } from 'vitest'
import { answerFor, incidentsFrom } from '../../src/store/workerAnswer'
import { validateDataset } from '../../src/core/validate'
import { tallyByRegion } from '../../src/core/aggregate'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))

describe('the validation worker’s answer', () => {
  const dataset = datasetWith([
    minimalIncident({ id: 'broken', regions: ['IN-XX'] }),
    minimalIncident({ id: 'one', title: { en: 'Kept', hi: 'रखी गई' } }),
    minimalIncident({ id: 'legacy', regions: ['IN-OR'] }),
  ])

  it('names incidents kept as parsed by their index in the file, and sends normalised ones whole', () => {
    const answer = answerFor(7, encode(dataset))
    expect(answer.id).toBe(7)
    expect(answer.report.dataset!.incidents).toEqual([])
    expect(answer.kept).toEqual([1, expect.objectContaining({ id: 'legacy', regions: ['IN-OD'] })])
    expect(answer.report.rejected).toEqual([{ index: 0, id: 'broken' }])
  })

  it('carries the whole dataset’s tallies, as the page would count them', () => {
    const answer = answerFor(8, encode(dataset))
    expect(answer.tallies).toEqual(tallyByRegion(validateDataset(JSON.stringify(dataset)).dataset!.incidents))
    expect([...answer.tallies!.regions.keys()].sort()).toEqual(['IN-BR', 'IN-OD'])
  })

  it('rebuilds on the page exactly what validating there would give', () => {
    const answer = answerFor(1, encode(dataset))
    const inFile = JSON.parse(JSON.stringify(dataset)).incidents
    const incidents = incidentsFrom(answer.kept!, inFile)!
    expect(incidents[0]).toBe(inFile[1])
    expect({ ...answer.report, dataset: { ...answer.report.dataset!, incidents } }).toEqual(validateDataset(JSON.stringify(dataset)))
  })

  it('carries a fatal report and a byte-order mark warning as the page would', () => {
    expect(answerFor(2, encode('{"schemaVersion": 1,')).report).toEqual(validateDataset('{"schemaVersion": 1,'))
    const withBom = answerFor(3, encode('\uFEFF' + JSON.stringify(datasetWith([minimalIncident()]))))
    expect(withBom.report.warnings.map((warning) => warning.rule)).toEqual(['bom'])
    expect(withBom.kept).toEqual([0])
  })

  it('refuses to rebuild from a parse that does not match (the page then validates itself)', () => {
    expect(incidentsFrom([0, 5], [{}])).toBeUndefined()
  })
})
