/**
 * The malformed-dataset corpus: every file gives the exact message a reader
 * sees (English and Hindi) and keeps every valid incident.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { validateDataset } from '../../src/core/validate'
import { describeIssue } from '../../src/core/issues'
import { CORPUS, largeDatasetWithOneBad } from '../fixtures/malformed/generate'
import { MALFORMED_CASES } from '../fixtures/malformed/expected'

const folder = new URL('../fixtures/malformed/files/', import.meta.url)

describe('the malformed corpus', () => {
  it('holds at least 40 files, each written by the generator and each with an expected outcome', () => {
    const files = readdirSync(folder).sort()
    expect(files.length).toBeGreaterThanOrEqual(40)
    expect(files).toEqual(Object.keys(CORPUS).sort())
    expect(MALFORMED_CASES.map((c) => c.file).sort()).toEqual(files)
    for (const file of files) expect(readFileSync(new URL(file, folder), 'utf8'), file).toBe(CORPUS[file])
  })

  for (const expected of MALFORMED_CASES) {
    it(`${expected.file}: ${expected.outcome}`, () => {
      const report = validateDataset(readFileSync(new URL(expected.file, folder), 'utf8'))
      const shown = report.fatal ?? report.errors[0] ?? report.warnings[0]
      expect(shown, 'something is reported').toBeDefined()
      expect(describeIssue(shown!, 'en')).toBe(expected.en)
      expect(describeIssue(shown!, 'hi')).toBe(expected.hi)
      expect(report.dataset?.incidents.map((incident) => incident.id) ?? []).toEqual(expected.valid)
      switch (expected.outcome) {
        case 'fatal':
          expect(report.dataset).toBeUndefined()
          break
        case 'left-out':
          expect(report.rejected).toEqual([expect.objectContaining({ index: 1 })])
          expect(expected.valid).toEqual(['first-ambulance', 'third-leak'])
          break
        case 'reported':
          expect(report.rejected).toEqual([])
          expect(report.errors.length).toBeGreaterThan(0)
          break
        case 'warned':
          expect(report.errors).toEqual([])
          expect(report.warnings.length).toBeGreaterThan(0)
      }
    })
  }

  it('a bad time zone costs the dataset nothing but the time zone', () => {
    const report = validateDataset(CORPUS['meta-timezone-bad.json']!)
    expect(report.dataset!.meta.title).toEqual({ en: 'Corpus base', hi: 'कॉर्पस आधार' })
    expect(report.dataset!.meta.timezone).toBeUndefined()
  })

  it('5 MB of valid incidents with one bad one: that one is left out and named, the rest load', () => {
    const { text, badId } = largeDatasetWithOneBad()
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024)
    const report = validateDataset(text)
    expect(report.incidentCount).toBe(7500)
    expect(report.rejected).toEqual([{ index: 3700, id: badId }])
    expect(report.dataset!.incidents).toHaveLength(7499)
    expect(report.errors.map((issue) => describeIssue(issue))).toEqual([
      `incident "${badId}", incidents[3700].outages[0].end: "2019-01-01" is before start "2021-03-02T15:10+05:30"; an outage cannot end before it begins.`,
    ])
  })
})
