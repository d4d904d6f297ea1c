import { describe, expect, it } from 'vitest'
import { buildImpactOption, impactPanels, impactTooltip } from '../../src/widgets/ImpactChart/option'
import { THEMES } from '../../src/charts/themes'
import { seed, seedIncident, testLocale } from '../fixtures/locale'

type Bar = { value: number; itemStyle: { decal?: unknown; borderType?: string; color: string }; label: { formatter: string } }

describe('impact panels', () => {
  const en = testLocale('en')
  const { panels, uncounted } = impactPanels(seed.incidents, en)
  it('keeps units apart, largest panel first, and lists figures without a number separately', () => {
    expect(panels.map((panel) => panel.unitLabel)).toEqual(['people', 'towns'])
    expect(uncounted.map((u) => u.incident.id)).toEqual(['bihar-102-ambulance-ransomware-2021', 'cowin-telegram-bot-leak-2023'])
  })
  it('labels figures in crore with their status, and styles status by outline and pattern, not colour alone', () => {
    const option = buildImpactOption(panels, seed.agencies, en, THEMES.light, '')
    const [people, towns] = option.series as { data: Bar[] }[]
    expect(people!.data.map((bar) => bar.label.formatter)).toEqual(['15 crore · Claimed'])
    expect(towns!.data.map((bar) => bar.label.formatter)).toEqual(['413 · Confirmed', '412 · Claimed'])
    expect(towns!.data[0]!.itemStyle.borderType).toBeUndefined()
    expect(towns!.data[1]!.itemStyle.borderType).toBe('dashed')
    const hi = testLocale('hi')
    const [hiPeople] = buildImpactOption(impactPanels(seed.incidents, hi).panels, seed.agencies, hi, THEMES.light, '').series as { data: Bar[] }[]
    expect(hiPeople!.data[0]!.label.formatter).toBe('15 करोड़ · दावा')
  })
  it('leaves room beside the bars for the longest figure, within what a phone can spare', () => {
    const right = (option: ReturnType<typeof buildImpactOption>) => (option.grid as { right: number }[]).map((grid) => grid.right)
    // The seeds' longest, "15 crore · Claimed" (18 characters), sets the margin of every panel.
    expect(right(buildImpactOption(panels, seed.agencies, en, THEMES.light, ''))).toEqual([133, 133])
    const towns = panels[1]!
    const wide = { ...towns, rows: [{ ...towns.rows[0]!, figure: { ...towns.rows[0]!.figure, count: { min: 92_000_000, max: 149_000_000 } } }] }
    const label = (buildImpactOption([wide], seed.agencies, en, THEMES.light, '').series as { data: Bar[] }[])[0]!.data[0]!.label.formatter
    expect(label).toBe('9.2 crore–14.9 crore · Confirmed')
    // 32 characters would want 224 px: capped at 220; a chart narrower than 440 px (a phone) keeps 118 for its bars.
    const option = buildImpactOption([wide], seed.agencies, en, THEMES.light, '')
    expect(right(option)).toEqual([220])
    expect(option.media).toEqual([{ query: { maxWidth: 440 }, option: { grid: [{ right: 118 }] } }])
  })
  it('shows both sources of a disputed figure as a range', () => {
    const towns = panels[1]!
    expect(towns.rows.map((row) => row.disagreement)).toEqual([{ min: 412, max: 413 }, { min: 412, max: 413 }])
    expect(impactTooltip(towns.rows[1]!, towns, seed.agencies, en).map((line) => line.text)).toEqual([
      'Cyber attack destroys e-Nagar Palika portal data of 413 towns in Madhya Pradesh',
      '412 towns · Claimed',
      'Figure given by: NDTV headline',
      'sources disagree: 412–413',
      'Headline of the same report: the portal "covers 412 urban areas".',
      'Source: NDTV (MPCG.NDTV.in), 23 Dec 2023',
    ])
    expect(impactPanels([seedIncident('cowin-150-million-claim-2021')], testLocale('hi')).panels[0]!.unitLabel).toBe('लोग')
  })
})
