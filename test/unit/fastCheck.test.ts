/**
 * The fast check must agree with valibot on every input: "yes" only where valibot
 * accepts and returns an equal object. Checked on real and synthetic incidents,
 * the malformed corpus, and every single-field mutation of real incidents.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import * as v from 'valibot'
import { compileFastCheck } from '../../src/core/fastCheck'
import { IncidentSchema, AgencySchema } from '../../src/core/schema'
import { validateDataset } from '../../src/core/validate'
import { syntheticDataset } from '../fixtures/synthetic'

const fastIncident = compileFastCheck(IncidentSchema)
const defaultDataset = JSON.parse(readFileSync(new URL('../../src/data/incidents.default.json', import.meta.url), 'utf8'))
const corpusFolder = new URL('../fixtures/malformed/files/', import.meta.url)

function corpusIncidents(): unknown[] {
  const found: unknown[] = []
  for (const file of readdirSync(corpusFolder)) {
    try {
      const data = JSON.parse(readFileSync(new URL(file, corpusFolder), 'utf8').replace(/^\uFEFF/, ''))
      if (Array.isArray(data?.incidents)) found.push(...data.incidents)
    } catch {
      // not JSON: nothing to check here
    }
  }
  return found
}

const BAD_VALUES: unknown[] = [
  undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', 'IN-XX', '2021-02-30', '2021-13', 'IST',
  'javascript:alert(1)', true, [], [''], {}, { en: 1 }, { en: '' }, { min: 5, max: 2 }, { min: -1, max: 2 },
  JSON.parse('{"__proto__": {"en": "x"}}'), JSON.parse('{"constructor": "x"}'),
]

/** Every copy of `value` with one field (at any depth) replaced by one bad value, or removed. */
function* mutations(value: unknown): Generator<unknown> {
  if (typeof value !== 'object' || value === null) return
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)
  const copyOf = () => (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>
  for (const key of keys) {
    const original = (value as Record<string | number, unknown>)[key]
    for (const bad of BAD_VALUES) {
      const copy = copyOf()
      if (bad === undefined && !Array.isArray(value)) delete copy[key]
      else copy[key] = bad
      yield copy
    }
    for (const inner of mutations(original)) {
      const copy = copyOf()
      copy[key] = inner
      yield copy
    }
  }
}

function expectAgreement(input: unknown, schema: v.GenericSchema = IncidentSchema, fast = fastIncident): void {
  const result = v.safeParse(schema, input)
  const verdict = fast(input)
  if (verdict) {
    expect(result.success, JSON.stringify(input)).toBe(true)
    expect(result.output, 'valibot returns the same object as given').toEqual(input)
  } else if (result.success && schema === IncidentSchema) {
    // "Not sure" is allowed only where valibot's copy differs from the input (keys it drops) or a key is unknown.
    const unknownKey = validateDataset({ ...defaultDataset, incidents: [input] }).warnings.some((warning) => warning.rule === 'unknown-key')
    if (!unknownKey) expect(result.output, JSON.stringify(input)).not.toEqual(input)
  }
}

describe('the fast incident check', () => {
  it('accepts every incident of the bundled dataset and of a synthetic one, like valibot', () => {
    const incidents = [...defaultDataset.incidents, ...syntheticDataset({ count: 500 }).incidents]
    for (const incident of incidents) {
      expect(fastIncident(incident), (incident as { id: string }).id).toBe(true)
      expectAgreement(incident)
    }
  })

  it('agrees with valibot on every incident of the malformed corpus', () => {
    const incidents = corpusIncidents()
    expect(incidents.length).toBeGreaterThan(50)
    for (const incident of incidents) expectAgreement(incident)
    expect(incidents.filter((incident) => fastIncident(incident)).length).toBeGreaterThan(0)
    expect(incidents.filter((incident) => !fastIncident(incident)).length).toBeGreaterThan(20)
  })

  it('agrees with valibot on every one-field mutation of the real incidents', () => {
    let refused = 0
    let count = 0
    for (const incident of defaultDataset.incidents) {
      for (const mutated of mutations(incident)) {
        count += 1
        expectAgreement(mutated)
        if (!fastIncident(mutated)) refused += 1
      }
    }
    expect(count).toBeGreaterThan(5000)
    // Most mutations break the incident: the check must say so, not pass them.
    expect(refused / count).toBeGreaterThan(0.5)
  })

  it('agrees on agencies too (a second schema shape)', () => {
    const fastAgency = compileFastCheck(AgencySchema)
    for (const agency of defaultDataset.agencies) {
      expect(fastAgency(agency)).toBe(true)
      for (const mutated of mutations(agency)) expectAgreement(mutated, AgencySchema, fastAgency)
    }
  })

  it('answers "not sure" for a key the schema does not name, so the validator warns about it', () => {
    const incident = { ...defaultDataset.incidents[0], internalRef: 'X-1' }
    expect(fastIncident(incident)).toBe(false)
    const report = validateDataset({ ...defaultDataset, incidents: [incident, { ...incident, id: 'second' }] })
    expect(report.dataset!.incidents).toHaveLength(2)
    expect(report.warnings.filter((warning) => warning.rule === 'unknown-key').map((warning) => [warning.path, warning.count])).toEqual([['incidents[0].internalRef', 2]])
  })

  it('answers "not sure" for a key valibot leaves out, so the validator copies through valibot', () => {
    const incident = { ...defaultDataset.incidents[0], title: JSON.parse('{"en": "x", "__proto__": {"polluted": true}}') }
    expect(fastIncident(incident)).toBe(false)
    const report = validateDataset({ ...defaultDataset, incidents: [incident] })
    expect(report.dataset!.incidents).toHaveLength(1)
    expect(Object.hasOwn(report.dataset!.incidents[0]!.title as object, '__proto__')).toBe(false)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})

describe('validation keeps the caller’s objects as they were', () => {
  it('normalises a legacy region code in a copy, not in the object given', () => {
    const incident = { ...defaultDataset.incidents[0], regions: ['IN-OR'], responses: [{ ...defaultDataset.incidents[0].responses[0], region: 'IN-OR' }] }
    const report = validateDataset({ ...defaultDataset, incidents: [incident] })
    expect(report.dataset!.incidents[0]!.regions).toEqual(['IN-OD'])
    expect(report.dataset!.incidents[0]!.responses![0]!.region).toBe('IN-OD')
    expect(incident.regions).toEqual(['IN-OR'])
    expect(incident.responses[0]!.region).toBe('IN-OR')
  })

  it('keeps a valid incident without a legacy code as the very object parsed (no copy)', () => {
    const incident = defaultDataset.incidents[0]
    const report = validateDataset({ ...defaultDataset, incidents: [incident] })
    expect(report.dataset!.incidents[0]).toBe(incident)
  })
})
