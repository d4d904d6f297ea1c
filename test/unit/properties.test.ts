/** Properties that must hold for any input, checked with fast-check. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validateDataset } from '../../src/core/validate'
import { tallyByRegion } from '../../src/core/aggregate'
import { describeIssue } from '../../src/core/issues'
import { REGION_CODES } from '../../src/core/regions'
import { SECTORS, KINDS, INCIDENT_STATUSES, IMPACT_UNITS, IMPACT_STATUSES } from '../../src/core/schema'
import { syntheticDataset } from '../fixtures/synthetic'

const partialDate = fc.oneof(
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
)
const count = fc.oneof(fc.nat(), fc.record({ min: fc.nat({ max: 1000 }), max: fc.integer({ min: 1000, max: 10 ** 9 }) }))
const incident = fc.record({
  id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  title: fc.string({ minLength: 1 }),
  regions: fc.uniqueArray(fc.constantFrom(...REGION_CODES, 'IN'), { minLength: 1, maxLength: 3 }),
  sector: fc.constantFrom(...SECTORS),
  kinds: fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 2 }),
  status: fc.constantFrom(...INCIDENT_STATUSES),
  started: partialDate,
  outages: fc.array(fc.record({ start: partialDate, durationMinutes: fc.nat({ max: 100000 }) }), { maxLength: 2 }),
  impacts: fc.array(fc.record({ unit: fc.constantFrom(...IMPACT_UNITS.filter((u) => u !== 'other')), status: fc.constantFrom(...IMPACT_STATUSES), count }), { maxLength: 3 }),
  sources: fc.constant([{ id: 's', publisher: 'P' }]),
})

describe('validator', () => {
  it('never throws, whatever it is given, and every issue has a message in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json(), fc.record({ schemaVersion: fc.constant(1), meta: fc.anything(), incidents: fc.array(fc.anything(), { maxLength: 5 }) })), (input) => {
        const report = validateDataset(input)
        for (const issue of [...report.errors, ...report.warnings]) {
          expect(describeIssue(issue, 'en').length).toBeGreaterThan(0)
          expect(describeIssue(issue, 'hi').length).toBeGreaterThan(0)
        }
        expect(report.fatal === undefined).toBe(report.dataset !== undefined)
      }),
      { numRuns: 400 },
    )
  })
  it('keeps every valid incident and counts the rest as left out', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 15 }), (incidents) => {
        const report = validateDataset({ schemaVersion: 1, meta: { title: 'x' }, incidents })
        expect(report.dataset!.incidents.length + report.rejected.length).toBe(incidents.length)
      }),
      { numRuns: 200 },
    )
  })
})

describe('aggregation', () => {
  it('never gives negative totals, never counts a national incident in a state, and the states add up', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 25 }), (raw) => {
        const incidents = validateDataset({ schemaVersion: 1, meta: { title: 'x' }, incidents: raw }).dataset!.incidents
        const tallies = tallyByRegion(incidents)
        for (const tally of [...tallies.regions.values(), tallies.national, tallies.states]) {
          expect(tally.incidents).toBeGreaterThanOrEqual(0)
          expect(tally.downtimeMinutes).toBeGreaterThanOrEqual(0)
          for (const unit of Object.values(tally.affected)) expect(unit!.total.min).toBeGreaterThanOrEqual(0)
        }
        const nationalOnly = new Set(incidents.filter((i) => i.regions.every((r) => r === 'IN')).map((i) => i.id))
        for (const tally of tallies.regions.values()) expect(tally.incidentIds.some((id) => nationalOnly.has(id))).toBe(false)
        const stateScoped = incidents.filter((i) => i.regions.some((r) => r !== 'IN'))
        expect(tallies.states.incidents).toBe(stateScoped.length)
        // Summed over states, an incident counts once per state it hit.
        const perState = stateScoped.reduce((n, i) => n + new Set(i.regions.filter((r) => r !== 'IN')).size, 0)
        expect([...tallies.regions.values()].reduce((n, t) => n + t.incidents, 0)).toBe(perState)
      }),
      { numRuns: 200 },
    )
  })
  it('holds on large seeded datasets too', () => {
    const incidents = validateDataset(syntheticDataset({ count: 3000, seed: 11 })).dataset!.incidents
    const tallies = tallyByRegion(incidents)
    expect([...tallies.regions.values()].every((t) => t.downtimeMinutes >= 0)).toBe(true)
    expect(tallies.states.incidents + incidents.filter((i) => i.regions.every((r) => r === 'IN')).length).toBe(incidents.length)
  })
})
