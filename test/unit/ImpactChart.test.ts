import { describe, expect, it } from 'vitest'
import { impactTooltip } from '../../src/widgets/ImpactChart/option'
import { impactModel, impactLayout, MAX_BARS, IMPACT_LAYOUT } from '../../src/widgets/ImpactChart/model'
import { validateDataset } from '../../src/core/validate'
import { THEMES } from '../../src/charts/themes'
import { datasetWith, minimalIncident } from '../fixtures/minimal'
import { seed, testLocale } from '../fixtures/locale'

type Bar = { value: number; itemStyle: { decal?: unknown; borderType?: string; color: string }; label: { formatter: string } }
const bars = (model: ReturnType<typeof impactModel>) => (model.option!.series as { data: Bar[] }[])[0]!.data
const names = (model: ReturnType<typeof impactModel>) => (model.option!.yAxis as { data: string[] }).data
const en = testLocale('en')
const model = (incidents = seed.incidents, unitKey?: string, locale = en) => impactModel({ incidents, agencies: seed.agencies, locale, theme: THEMES.light, ...(unitKey && { unitKey }) })

describe('impact model', () => {
  it('offers one unit at a time, people first, and lists figures without a number separately', () => {
    const m = model()
    expect(m.units.map((unit) => [unit.key, unit.label, unit.rows.length])).toEqual([['people', 'people', 1], ['towns', 'towns', 2]])
    expect(m.unit!.key).toBe('people')
    expect(m.uncounted.map((u) => u.incident.id)).toEqual(['bihar-102-ambulance-ransomware-2021', 'cowin-telegram-bot-leak-2023'])
    expect(m.summary).toBe('3 figures in 2 units, never added across units. Shown: people; the largest, 15 crore people (Claimed), Hackers claim a database of 150 million CoWIN users; Health Ministry denies any breach.')
  })
  it('names each bar by its incident and what was counted, and styles status by outline and pattern, not colour alone', () => {
    const towns = model(seed.incidents, 'towns')
    expect(names(towns)).toEqual(['MP e-Nagar Palika attack · towns covered by the portal', 'MP e-Nagar Palika attack · towns covered by the portal'])
    expect(bars(towns).map((bar) => bar.label.formatter)).toEqual(['413 · Confirmed', '412 · Claimed'])
    expect(bars(towns)[0]!.itemStyle.borderType).toBeUndefined()
    expect(bars(towns)[1]!.itemStyle.borderType).toBe('dashed')
    expect(bars(model(seed.incidents, undefined, testLocale('hi')))[0]!.label.formatter).toBe('15 करोड़ · दावा')
    expect(names(model(seed.incidents, undefined, testLocale('hi')))).toEqual(['कोविन 15 करोड़ का दावा · बिक्री के लिए पेश डेटाबेस के उपयोगकर्ता'])
  })
  it('shows readings of one quantity as sources that disagree, with the range', () => {
    // Listed with the unit they are in; the other units say how many they hold.
    expect(model().disagreements).toEqual([])
    expect(model().otherDisagreements).toBe(1)
    const towns = model(seed.incidents, 'towns')
    expect(towns.disagreements.map((d) => [d.incident.id, d.measure, d.range, d.readings])).toEqual([['mp-e-nagar-palika-attack-2023', 'towns covered by the portal', { min: 412, max: 413 }, 2]])
    expect(towns.tableRows().map((row) => row.disagree)).toEqual(['', '412–413', '412–413', '', ''])
    expect(impactTooltip(towns.drawn[1]!, 'towns', seed.agencies, en).map((line) => line.text)).toEqual([
      'Cyber attack destroys e-Nagar Palika portal data of 413 towns in Madhya Pradesh',
      '412 towns (towns covered by the portal) · Claimed',
      'Figure given by: NDTV headline',
      'sources disagree: 412–413',
      'Headline of the same report: the portal "covers 412 urban areas".',
      'Source: NDTV (MPCG.NDTV.in), 23 Dec 2023',
    ])
  })

  const two = (impacts: object[]) => validateDataset(datasetWith([minimalIncident({ id: 'hospital', shortTitle: 'Hospital attack', impacts })])).dataset!.incidents
  it('never calls different measures, or different labels of unit "other", a disagreement', () => {
    const servers = model(two([
      { unit: 'devices', count: 5, measure: 'servers infected' },
      { unit: 'devices', count: 100, measure: 'servers in the hospital' },
    ]))
    expect(servers.disagreements).toEqual([])
    expect(servers.drawn.map((row) => row.disagreement)).toEqual([undefined, undefined])
    expect(names(servers)).toEqual(['Hospital attack · servers in the hospital', 'Hospital attack · servers infected'])
    const other = model(two([
      { unit: 'other', unitLabel: 'US dollars ransom demanded', count: 5000 },
      { unit: 'other', unitLabel: 'insurance claims exposed', count: 20 },
    ]))
    expect(other.units.map((unit) => unit.label)).toEqual(['insurance claims exposed', 'US dollars ransom demanded'])
    expect(other.disagreements).toEqual([])
    const same = model(two([
      { unit: 'devices', count: 5, measure: { en: 'Servers infected', hi: 'संक्रमित सर्वर' } },
      { unit: 'devices', count: 7, measure: 'servers  infected' },
    ]))
    expect(same.disagreements.map((d) => d.range)).toEqual([{ min: 5, max: 7 }])
  })
  it('draws at most MAX_BARS of a unit, largest first, and keeps every figure in the table', () => {
    const incidents = validateDataset(datasetWith(Array.from({ length: 30 }, (_, i) => minimalIncident({ id: `i${i}`, impacts: [{ unit: 'people', count: (i + 1) * 100, measure: 'people affected' }] })))).dataset!.incidents
    const m = model(incidents)
    expect(m.drawn.map((row) => row.figure.count.max)).toEqual(Array.from({ length: MAX_BARS }, (_, i) => (30 - i) * 100))
    expect(m.tableRows()).toHaveLength(30)
    expect(m.height).toBe(MAX_BARS * IMPACT_LAYOUT.row + IMPACT_LAYOUT.margin)
  })
})

describe('impact layout', () => {
  it('leaves room beside the bars for the longest figure, within half the chart', () => {
    const incidents = validateDataset(datasetWith([minimalIncident({ impacts: [{ unit: 'people', count: { min: 85_000_000, max: 136_000_000 }, status: 'claimed', measure: 'people' }] })])).dataset!.incidents
    const m = model(incidents)
    expect(bars(m)[0]!.label.formatter).toBe('8.5–13.6 crore · Claimed')
    const wide = impactLayout(m.drawn, 1200, en, (s) => s.length * 7)
    expect(wide).toEqual({ nameWidth: 1176, labelRoom: 24 * 7 + 16 })
    // A phone: the figures get at most half of 300 px, and a longer figure ends in "…" inside that room.
    expect(impactLayout(m.drawn, 300, en, (s) => s.length * 7)).toEqual({ nameWidth: 276, labelRoom: 150 })
  })
})
