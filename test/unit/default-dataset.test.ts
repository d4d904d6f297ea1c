/** The bundled dataset must carry what the four seed reports say, each fact with its source. */
import { describe, expect, it } from 'vitest'
import defaultDataset from '../../src/data/incidents.default.json'
import { validateDataset } from '../../src/core/validate'
import { outageSpans, responseSteps, unitFigures, tallyByRegion } from '../../src/core/aggregate'
import { createFormatter } from '../../src/core/format'
import { localText } from '../../src/core/localText'
import type { Incident } from '../../src/core/schema'

const report = validateDataset(defaultDataset)
const dataset = report.dataset!
const incident = (id: string): Incident => dataset.incidents.find((i) => i.id === id)!
const en = createFormatter({ lang: 'en' })
const hi = createFormatter({ lang: 'hi' })

describe('default dataset', () => {
  it('is valid, with no warnings, and every text in English and Hindi', () => {
    expect(report.errors).toEqual([])
    expect(report.warnings).toEqual([])
    expect(dataset.incidents.map((i) => i.id)).toEqual([
      'bihar-102-ambulance-ransomware-2021',
      'mp-e-nagar-palika-attack-2023',
      'cowin-telegram-bot-leak-2023',
      'cowin-150-million-claim-2021',
    ])
    for (const i of dataset.incidents) {
      for (const text of [i.title, i.summary, i.service]) {
        expect(typeof text === 'object' && text.en && text.hi, `${i.id}: ${JSON.stringify(text)}`).toBeTruthy()
      }
    }
  })

  it('cites a source for every outage, impact and response', () => {
    for (const i of dataset.incidents) {
      const ids = new Set(i.sources.map((s) => s.id))
      for (const part of [...(i.outages ?? []), ...(i.impacts ?? []), ...(i.responses ?? [])]) {
        expect(part.source && ids.has(part.source as string), `${i.id}: ${JSON.stringify(part)}`).toBe(true)
      }
    }
  })

  it('Bihar 102: 1 Apr 2021, about 20 minutes down, ransom in dollars, FIR at Patliputra', () => {
    const bihar = incident('bihar-102-ambulance-ransomware-2021')
    expect(bihar.regions).toEqual(['IN-BR'])
    expect(bihar.started).toBe('2021-04-01')
    expect(bihar.kinds).toEqual(['ransomware', 'extortion'])
    const [outage] = outageSpans(bihar)
    expect(en.duration(outage!.minutes!, outage!.approximate)).toBe('about 20 min')
    expect(hi.duration(outage!.minutes!, outage!.approximate)).toBe('लगभग 20 मिनट')
    expect(localText(bihar.summary, 'en')).toMatch(/dollars/)
    expect(localText(bihar.summary, 'en')).toMatch(/backup server/)
    const fir = bihar.responses!.find((r) => r.action === 'complaint')!
    expect(localText(fir.text, 'en')).toBe('FIR filed at Patliputra police station, Patna.')
    expect(bihar.sources[0]!.date).toBe('2021-04-01T20:44')
  })

  it('MP e-Nagar Palika: December 2023, 413 towns in the body and 412 in the headline, both kept', () => {
    const mp = incident('mp-e-nagar-palika-attack-2023')
    expect(mp.regions).toEqual(['IN-MP'])
    expect(mp.started).toBe('2023-12')
    const [towns] = unitFigures(mp)
    expect(towns!.unit).toBe('towns')
    expect(en.range(towns!.range)).toBe('412–413')
    expect(towns!.figures.map((f) => [f.count!.min, f.status])).toEqual([[413, 'confirmed'], [412, 'claimed']])
    const [outage] = outageSpans(mp)
    // "Shut until Tuesday": 23 → 26 Dec 2023, kept at day precision and approximate.
    expect([outage!.start.text, outage!.end!.text, outage!.approximate]).toEqual(['2023-12-23', '2023-12-26', true])
    expect(en.duration(outage!.minutes!, outage!.approximate)).toBe('about 3 days')
    const agencies = responseSteps(mp, dataset.agencies).filter((s) => s.response.action === 'restoration').map((s) => s.agency?.id)
    expect(agencies).toEqual(['cert-in', 'mp-cyber-police', 'mpsedc'])
    expect(localText(mp.summary, 'en')).toMatch(/tape every three days/)
    expect(localText(mp.summary, 'en')).toMatch(/no trace of a data leak/)
  })

  it('CoWIN Telegram bot 2023: national scope, arrest in Patna, denial, CERT-In and ministry reviews', () => {
    const cowin = incident('cowin-telegram-bot-leak-2023')
    expect(cowin.regions).toEqual(['IN'])
    expect(cowin.status).toBe('disputed')
    expect(cowin.started).toBe('2023-06')
    const actions = responseSteps(cowin, dataset.agencies).map((s) => `${s.response.action}@${s.agency?.id ?? localText(s.response.agency, 'en')}${s.response.region ? `/${s.response.region}` : ''}`)
    expect(actions).toEqual([
      'statement@Opposition parties',
      'denial@govt-of-india',
      'investigation@cert-in',
      'investigation@mohfw',
      'arrest@Police (force not named in the report)/IN-BR',
      'arrest@Police (force not named in the report)/IN-BR',
    ])
    expect(localText(cowin.responses![5]!.text, 'en')).toMatch(/minor brother/)
    expect(localText(cowin.responses![1]!.text, 'hi')).toMatch(/निराधार/)
  })

  it('CoWIN 150 million claim 2021: claimed by hackers, denied by the ministry and the EGVAC chair', () => {
    const claim = incident('cowin-150-million-claim-2021')
    expect(claim.regions).toEqual(['IN'])
    expect(claim.status).toBe('denied')
    const [people] = unitFigures(claim)
    expect(en.compact(people!.range.max)).toBe('15 crore')
    expect(hi.compact(people!.range.max)).toBe('15 करोड़')
    expect(people!.figures[0]!.status).toBe('claimed')
    const steps = responseSteps(claim, dataset.agencies)
    expect(steps.filter((s) => s.response.action === 'denial').map((s) => s.agency!.id)).toEqual(['mohfw', 'egvac'])
    // The May 2021 "cannot be hacked" statement predates the claim.
    expect(en.lag(steps[0]!.lag)).toBe('−1 month')
    expect(steps.find((s) => s.agency?.id === 'cert-in')!.response.action).toBe('investigation')
  })

  it('keeps national incidents out of the states', () => {
    const tallies = tallyByRegion(dataset.incidents)
    expect([...tallies.regions.keys()].sort()).toEqual(['IN-BR', 'IN-MP'])
    expect(tallies.national.incidents).toBe(2)
    expect(tallies.states.incidents).toBe(2)
  })
})
