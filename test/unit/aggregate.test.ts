import { describe, expect, it } from 'vitest'
import { tallyByRegion, outageSpans, responseSteps } from '../../src/core/aggregate'
import { filterIncidents } from '../../src/core/filters'
import { validateDataset } from '../../src/core/validate'
import { createFormatter } from '../../src/core/format'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

const incidents = validateDataset(
  datasetWith([
    minimalIncident({
      id: 'bihar-a', regions: ['IN-BR'], started: '2021-04-01T13:00', sector: 'health',
      outages: [{ start: '2021-04-01T13:00', end: '2021-04-01T13:20' }, { start: '2021-04-05' }],
      impacts: [{ unit: 'people', count: 1000, status: 'confirmed' }, { unit: 'people', count: 1500, status: 'estimated' }, { unit: 'records', count: 50000, status: 'claimed' }],
      responses: [{ date: '2021-04-03', agency: 'Police', action: 'complaint' }, { date: '2021-04-01T13:20', agency: 'Operator', action: 'restoration' }],
    }),
    minimalIncident({
      id: 'bihar-mp', regions: ['IN-BR', 'IN-MP'], started: '2022-01', sector: 'municipal', kinds: ['ddos'], status: 'claimed',
      outages: [{ start: '2022-01-10', durationMinutes: 2880 }],
      impacts: [{ unit: 'people', count: { min: 200, max: 400 }, status: 'claimed' }, { unit: 'people', count: 9999, status: 'denied' }],
    }),
    minimalIncident({ id: 'national', regions: ['IN'], started: '2023-06', impacts: [{ unit: 'people', count: 150000000, status: 'claimed' }] }),
  ]),
).dataset!.incidents

describe('tallyByRegion', () => {
  const tallies = tallyByRegion(incidents)
  it('counts each state an incident hit, and national incidents only as All India', () => {
    expect(tallies.regions.get('IN-BR')!.incidents).toBe(2)
    expect(tallies.regions.get('IN-MP')!.incidentIds).toEqual(['bihar-mp'])
    expect(tallies.national.incidentIds).toEqual(['national'])
    expect(tallies.states.incidents).toBe(2)
    expect([...tallies.regions.values()].some((t) => t.incidentIds.includes('national'))).toBe(false)
  })
  it('adds known downtime and counts outages with no reported end apart', () => {
    const bihar = tallies.regions.get('IN-BR')!
    expect(bihar.downtimeMinutes).toBe(20 + 2880)
    expect(bihar.openOutages).toBe(1)
    expect(bihar.downtimeApproximate).toBe(false)
    expect(tallies.regions.get('IN-MP')!.downtimeApproximate).toBe(false)
  })
  it('keeps units apart, spans disagreeing figures, and leaves denied figures out of totals', () => {
    const bihar = tallies.regions.get('IN-BR')!
    expect(bihar.affected.people!.total).toEqual({ min: 1000 + 200, max: 1500 + 400 })
    expect(bihar.affected.records!.total).toEqual({ min: 50000, max: 50000 })
    expect(bihar.affected.people!.byStatus).toEqual({
      confirmed: { min: 1000, max: 1000 }, estimated: { min: 1500, max: 1500 }, claimed: { min: 200, max: 400 }, denied: { min: 9999, max: 9999 },
    })
  })
})

describe('outages and responses', () => {
  it('marks an outage with no end as open, not zero and not ongoing', () => {
    const [, open] = outageSpans(incidents[0]!)
    expect(open!.minutes).toBeUndefined()
    expect(open!.ongoing).toBe(false)
  })
  it('sorts responses by date and labels lags from the start', () => {
    const en = createFormatter({ lang: 'en' })
    const steps = responseSteps(incidents[0]!, [])
    expect(steps.map((s) => [s.response.action, en.lag(s.lag)])).toEqual([['restoration', '+20 min'], ['complaint', '+2 days']])
  })
})

describe('filterIncidents', () => {
  const ids = (filters: Parameters<typeof filterIncidents>[1]) => filterIncidents(incidents, filters).map((i) => i.id)
  it('filters by region, sector, kind, status and period', () => {
    expect(ids({})).toEqual(['bihar-a', 'bihar-mp', 'national'])
    expect(ids({ regions: ['IN-MP'] })).toEqual(['bihar-mp'])
    expect(ids({ regions: ['IN'] })).toEqual(['national'])
    expect(ids({ sectors: ['municipal'] })).toEqual(['bihar-mp'])
    expect(ids({ kinds: ['ddos'] })).toEqual(['bihar-mp'])
    expect(ids({ statuses: ['claimed'] })).toEqual(['bihar-mp'])
    expect(ids({ from: '2022', to: '2022' })).toEqual(['bihar-mp'])
    // A month-precision start overlaps a period that touches the month.
    expect(ids({ from: '2023-06-30' })).toEqual(['national'])
    expect(ids({ to: '2021-04-01' })).toEqual(['bihar-a'])
    expect(ids({ sectors: ['health', 'municipal'], statuses: ['claimed'] })).toEqual(['bihar-mp'])
  })
  it('hands back the dataset’s own array when nothing narrows it (no copy of 100 000 incidents)', () => {
    expect(filterIncidents(incidents, {})).toBe(incidents)
    expect(filterIncidents(incidents, { regions: [], sectors: [], kinds: [], statuses: [] })).toBe(incidents)
    expect(filterIncidents(incidents, { sectors: ['health'] })).not.toBe(incidents)
  })
})

describe('what a filter change does not redo', () => {
  it('derives an incident’s outage spans once per time zone and hands out the same result', () => {
    const bihar = incidents.find((incident) => incident.id === 'bihar-a')!
    const first = outageSpans(bihar)
    expect(outageSpans(bihar)).toBe(first)
    const london = outageSpans(bihar, 'Europe/London')
    expect(london).not.toBe(first)
    // 13:00 in Kolkata and 13:00 in London (BST) are 4 h 30 min apart.
    expect(london[0]!.start.start - first[0]!.start.start).toBe(4.5 * 3_600_000)
    expect(outageSpans(bihar)).not.toBe(london)
  })

  it('gives the same tallies on a second pass over the same incidents (cached figures are not altered by adding)', () => {
    const once = tallyByRegion(incidents)
    const twice = tallyByRegion(incidents)
    expect(twice).toEqual(once)
  })
})
