import { describe, expect, it } from 'vitest'
import { validateDataset } from '../../src/core/validate'
import { describeIssue, type ValidationIssue } from '../../src/core/issues'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

const messages = (issues: ValidationIssue[], lang: 'en' | 'hi' = 'en') => issues.map((issue) => describeIssue(issue, lang))

/** Validates one incident and returns the error messages it earned. */
function errorsFor(overrides: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const report = validateDataset(datasetWith([minimalIncident(overrides)], extra))
  return messages(report.errors)
}

describe('a file that cannot be used at all', () => {
  it('says where the JSON breaks, in its own words in both languages', () => {
    const report = validateDataset('{\n  "schemaVersion": 1,\n  "meta": {},,\n}')
    expect(report.dataset).toBeUndefined()
    expect(describeIssue(report.fatal!)).toBe('The file is not valid JSON: the error is at line 3, column 14, near ",". Check it with a JSON linter or `ghatna validate`.')
    expect(describeIssue(report.fatal!, 'hi')).toBe('फ़ाइल मान्य JSON नहीं है: त्रुटि पंक्ति 3, स्तंभ 14 पर, "," के पास है। इसे JSON लिंटर या `ghatna validate` से जाँचें।')
  })
  it('tells a cut-off file and an HTML page from other bad JSON', () => {
    expect(validateDataset('{"schemaVersion": 1,').fatal!.rule).toBe('truncated')
    expect(validateDataset('{"schemaVersion": 1, "meta": {"title": "cut').fatal!.rule).toBe('truncated')
    expect(validateDataset('\n <!DOCTYPE html><title>Sign in</title>').fatal!.rule).toBe('html-page')
  })
  it('explains a wrong top level, version or missing incidents', () => {
    expect(messages(validateDataset('[]').errors)).toEqual(['The top level must be a JSON object with "schemaVersion", "meta" and "incidents"; found an array.'])
    expect(messages(validateDataset({ schemaVersion: 2, meta: {}, incidents: [] }).errors)).toEqual([
      'schemaVersion: "schemaVersion" must be 1; found 2. This kit reads format version 1.',
    ])
    expect(messages(validateDataset({ schemaVersion: 1, meta: { title: 'x' } }).errors, 'hi')).toEqual([
      'incidents: "incidents" घटनाओं की सूची (array) होनी चाहिए (ख़ाली भी चलेगी); मिला कोई "incidents" नहीं।',
    ])
    expect(messages(validateDataset('   ').errors)).toEqual(['The file is empty: expected a JSON dataset.'])
  })
  it('tolerates a byte-order mark, with a warning', () => {
    const report = validateDataset('\uFEFF' + JSON.stringify(datasetWith([minimalIncident()])))
    expect(report.dataset!.incidents).toHaveLength(1)
    expect(report.warnings.map((w) => w.rule)).toEqual(['bom'])
  })
})

describe('an invalid incident is left out and listed; valid ones load', () => {
  it('keeps the valid incident beside a broken one', () => {
    const report = validateDataset(datasetWith([minimalIncident({ id: 'good' }), minimalIncident({ id: 'bad', sector: 'helth' })]))
    expect(report.dataset!.incidents.map((i) => i.id)).toEqual(['good'])
    expect(report.rejected).toEqual([{ index: 1, id: 'bad' }])
    expect(messages(report.errors)).toEqual([
      'incident "bad", incidents[1].sector: "helth" is not allowed; use one of: health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other. Did you mean "health"?',
    ])
  })

  it.each([
    [{ title: undefined }, 'incident "test-incident", incidents[0].title: is required but missing.'],
    [{ title: 42 }, 'incident "test-incident", incidents[0].title: must be a string or an object of language to text, like {"en": "…", "hi": "…"}; found 42.'],
    [{ id: 'Bihar 102' }, 'incident "Bihar 102", incidents[0].id: "Bihar 102" is not a valid id: use only lowercase letters a-z, digits and hyphens.'],
    [{ regions: ['IN-BH'] }, 'incident "test-incident", incidents[0].regions[0]: "IN-BH" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope). Did you mean "IN-BR"?'],
    [{ regions: ['Bihar'] }, 'incident "test-incident", incidents[0].regions[0]: "Bihar" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope). Did you mean "IN-BR"?'],
    [{ regions: ['IN-XX'] }, 'incident "test-incident", incidents[0].regions[0]: "IN-XX" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope).'],
    [{ regions: [] }, 'incident "test-incident", incidents[0].regions: must list at least one entry.'],
    [{ kinds: ['ransomwear'] }, 'incident "test-incident", incidents[0].kinds[0]: "ransomwear" is not allowed; use one of: ransomware, extortion, data-leak, data-destruction, ddos, defacement, malware, unauthorised-access, phishing, other. Did you mean "ransomware"?'],
    [{ status: 'rumoured' }, 'incident "test-incident", incidents[0].status: "rumoured" is not allowed; use one of: confirmed, claimed, disputed, denied.'],
    [{ started: '1 April 2021' }, 'incident "test-incident", incidents[0].started: "1 April 2021" is not a date of known precision: write 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 or 2021-04-01T13:00+05:30.'],
    [{ started: '2021-02-30' }, 'incident "test-incident", incidents[0].started: "2021-02-30" is not a date of known precision: write 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 or 2021-04-01T13:00+05:30.'],
    [{ sources: [] }, 'incident "test-incident", incidents[0].sources: must list at least one entry.'],
    [{ sources: [{ id: 's1', publisher: 'X', url: 'javascript:alert(1)' }] }, 'incident "test-incident", incidents[0].sources[0].url: "javascript:alert(1)" is not an http or https address; other links are refused.'],
    [{ sources: [{ id: 's1', publisher: 'X' }, { id: 's1', publisher: 'Y' }] }, 'incident "test-incident", incidents[0].sources[1].id: "s1" is used by two sources of this incident; source ids must be unique within an incident.'],
    [{ outages: [{ start: '2021-04-02', end: '2021-04-01' }] }, 'incident "test-incident", incidents[0].outages[0].end: "2021-04-01" is before start "2021-04-02"; an outage cannot end before it begins.'],
    [{ outages: [{ start: '2021-04-01', durationMinutes: -5 }] }, 'incident "test-incident", incidents[0].outages[0].durationMinutes: -5 is negative; counts and durations must be 0 or more.'],
    [{ outages: [{ start: '2021-04-01', source: 's2' }] }, 'incident "test-incident", incidents[0].outages[0].source: "s2" is not the id of a source of this incident (its sources: s1). Did you mean "s1"?'],
    [{ impacts: [{ unit: 'people', count: -1 }] }, 'incident "test-incident", incidents[0].impacts[0].count: -1 is negative; counts and durations must be 0 or more.'],
    [{ impacts: [{ unit: 'people', count: 1e400 }] }, 'incident "test-incident", incidents[0].impacts[0].count: Infinity is not a finite number.'],
    [{ impacts: [{ unit: 'people', count: { min: 10, max: 5 } }] }, 'incident "test-incident", incidents[0].impacts[0].count: the range is reversed: min 10 is greater than max 5.'],
    [{ impacts: [{ unit: 'people', count: '5 lakh' }] }, 'incident "test-incident", incidents[0].impacts[0].count: must be a number of 0 or more, or a range {"min": n, "max": m}; found "5 lakh".'],
    [{ impacts: [{ unit: 'other', count: 5 }] }, 'incident "test-incident", incidents[0].impacts[0].unitLabel: is required when unit is "other": say what was counted.'],
    [{ responses: [{ date: '2021-04-02', agency: 'cert-inn', action: 'statement' }] }, 'incident "test-incident", incidents[0].responses[0].agency: "cert-inn" is not the id of an agency in "agencies"; for a one-off agency write its name instead. Did you mean "cert-in"?'],
    [{ responses: [{ date: '2021-04-02', agency: 'CERT-In', action: 'denied' }] }, 'incident "test-incident", incidents[0].responses[0].action: "denied" is not allowed; use one of: detected, disclosed, complaint, investigation, advisory, statement, denial, confirmation, containment, restoration, arrest, prosecution, parliament, other. Did you mean "denial"?'],
    [{ tags: 'ransom' }, 'incident "test-incident", incidents[0].tags: must be an array; found "ransom".'],
    [{ outages: [{ start: '2021-04-01', ongoing: 'yes' }] }, 'incident "test-incident", incidents[0].outages[0].ongoing: must be true or false; found "yes".'],
  ])('%j → one clear message', (overrides, message) => {
    const extra = { agencies: [{ id: 'cert-in', name: 'CERT-In', level: 'central' }] }
    // 1e400 parses to Infinity only from text, as it would from a file.
    const input = JSON.stringify(datasetWith([minimalIncident(overrides)], extra)).replace('"count":null', '"count":1e400')
    const report = validateDataset(input)
    expect(messages(report.errors)).toEqual([message])
    expect(report.dataset!.incidents).toHaveLength(0)
  })

  it('flags duplicate ids at the later copy', () => {
    const report = validateDataset(datasetWith([minimalIncident(), minimalIncident()]))
    expect(messages(report.errors)).toEqual(['incident "test-incident", incidents[1].id: "test-incident" is already the id of incidents[0]; incident ids must be unique in the file.'])
    expect(report.dataset!.incidents).toHaveLength(1)
  })

  it('refuses a list where text in several languages belongs (valibot alone took ["x"] as {"0": "x"})', () => {
    expect(errorsFor({ title: ['Ransomware at 102'] })).toEqual([
      'incident "test-incident", incidents[0].title: must be a string or an object of language to text, like {"en": "…", "hi": "…"}; found ["Ransomware at 102"].',
    ])
  })

  it('says the same in Hindi', () => {
    expect(messages(validateDataset(datasetWith([minimalIncident({ regions: ['IN-BH'] })])).errors, 'hi')).toEqual([
      'घटना "test-incident", incidents[0].regions[0]: "IN-BH" किसी राज्य या केंद्रशासित प्रदेश का ISO 3166-2:IN कोड नहीं है (अखिल भारत के लिए IN लिखें)। क्या आपका आशय "IN-BR" था?',
    ])
  })
})

describe('lenient rules: warned, not rejected', () => {
  it('normalises codes withdrawn in 2023 and the pre-2020 DNH/DD codes', () => {
    const report = validateDataset(datasetWith([minimalIncident({ regions: ['IN-OR', 'IN-DN', 'IN-DD'] })]))
    expect(report.errors).toEqual([])
    expect(report.dataset!.incidents[0]!.regions).toEqual(['IN-OD', 'IN-DH'])
    expect(messages(report.warnings)).toEqual([
      'incident "test-incident", incidents[0].regions[0]: "IN-OR" is an old code; read as "IN-OD". Update the file to the current code.',
      'incident "test-incident", incidents[0].regions[1]: "IN-DN" is an old code; read as "IN-DH". Update the file to the current code.',
      'incident "test-incident", incidents[0].regions[2]: "IN-DD" is an old code; read as "IN-DH". Update the file to the current code.',
    ])
  })

  it('keeps unknown keys and warns once per key', () => {
    const report = validateDataset(datasetWith([minimalIncident({ severity: 'high', id: 'a' }), minimalIncident({ severity: 'low', id: 'b' })]))
    expect(report.dataset!.incidents[1]!.severity).toBe('low')
    expect(messages(report.warnings)).toEqual(['incidents[0].severity: unknown key "severity" is kept but not used by this kit (2 places in the file).'])
  })

  it('accepts a one-off agency written as a name', () => {
    const report = validateDataset(datasetWith([minimalIncident({ responses: [{ date: '2021-04-02', agency: 'police', action: 'arrest' }, { date: '2021-04-02', agency: { en: 'Patna police', hi: 'पटना पुलिस' }, action: 'arrest' }] })]))
    expect(report.errors).toEqual([])
  })

  it('reports meta errors without dropping incidents', () => {
    const report = validateDataset({ schemaVersion: 1, meta: { title: 'x', timezone: 'India/Delhi' }, incidents: [minimalIncident()] })
    expect(messages(report.errors)).toEqual(['meta.timezone: "India/Delhi" is not an IANA time zone name such as "Asia/Kolkata".'])
    expect(report.dataset!.incidents).toHaveLength(1)
  })
})

describe('what a figure counts (measure)', () => {
  const warningsFor = (impacts: object[]) => validateDataset(datasetWith([minimalIncident({ id: 'hospital', impacts })])).warnings
  it('asks whether different figures of one unit without a measure are one quantity or several, in both languages', () => {
    const warnings = warningsFor([{ unit: 'devices', count: 5 }, { unit: 'devices', count: 100 }, { unit: 'people', count: 3, measure: 'staff questioned' }])
    expect(messages(warnings)).toEqual([
      'incident "hospital", incidents[0].impacts[0]: impacts[0], impacts[1] give different figures ([5,100]) of one unit with no "measure": is this one quantity or several? Add "measure" to each impact (e.g. "servers infected", "servers in the estate"); until then they are shown as sources that disagree.',
    ])
    expect(messages(warnings, 'hi')).toEqual([
      'घटना "hospital", incidents[0].impacts[0]: impacts[0], impacts[1] एक ही इकाई के अलग-अलग आँकड़े ([5,100]) देते हैं, पर "measure" नहीं है: यह एक ही मात्रा है या कई? हर impact में "measure" जोड़ें (जैसे "संक्रमित सर्वर", "कुल सर्वर"); तब तक इन्हें असहमत स्रोतों की तरह दिखाया जाता है।',
    ])
  })
  it('says nothing when the figures agree, carry measures, or are of different "other" labels', () => {
    expect(warningsFor([{ unit: 'towns', count: 413 }, { unit: 'towns', count: 413 }])).toEqual([])
    expect(warningsFor([{ unit: 'devices', count: 5, measure: 'servers infected' }, { unit: 'devices', count: 100, measure: 'servers in the estate' }])).toEqual([])
    expect(warningsFor([{ unit: 'other', unitLabel: 'rupees', count: 5 }, { unit: 'other', unitLabel: 'claims', count: 9 }])).toEqual([])
    // A shortTitle and a measure are part of the format: no unknown-key warning.
    expect(validateDataset(datasetWith([minimalIncident({ shortTitle: { en: 'Short', hi: 'छोटा' }, impacts: [{ unit: 'people', count: 1, measure: 'people' }] })])).warnings).toEqual([])
  })
})
