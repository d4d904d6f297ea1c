import { describe, expect, it } from 'vitest'
import { buildMapOption, classBreaks, legendRanges, regionFigures, regionTooltip, metricLabel, type MapData } from '../../src/widgets/IncidentMap/option'
import { tallyByRegion } from '../../src/core/aggregate'
import { THEMES } from '../../src/charts/themes'
import { normaliseGeometry } from '../../src/geo/india'
import topology from '../../src/geo/india-36.topo.json'
import { REGION_CODES } from '../../src/core/regions'
import { seed, testLocale } from '../fixtures/locale'

const tallies = tallyByRegion(seed.incidents)
function data(lang: 'en' | 'hi', metric: MapData['metric'] = 'incidents', selected?: string): MapData {
  return { mapName: 'india', metric, figures: regionFigures(tallies, metric, testLocale(lang)), selected, incidentsById: new Map(seed.incidents.map((i) => [i.id, i])), timeZone: 'Asia/Kolkata' }
}
type MapItem = { name: string; value: number; itemStyle: { areaColor: string; borderWidth?: number } }
const items = (option: ReturnType<typeof buildMapOption>) => (option.series as { data: MapItem[] }[])[0]!.data

describe('map geometry', () => {
  it('has the 36 current units keyed by ISO code, Ladakh reaching Aksai Chin', () => {
    const { geometry, unmatched } = normaliseGeometry(topology)
    expect(unmatched).toBe(0)
    expect(geometry.features.map((f) => f.properties.code).sort()).toEqual([...REGION_CODES].sort())
    const ladakh = geometry.features.find((f) => f.properties.code === 'IN-LA')!
    const longitudes = JSON.stringify(ladakh.geometry).match(/-?\d+\.\d+/g)!.map(Number).filter((_, i) => i % 2 === 0)
    expect(Math.max(...longitudes)).toBeGreaterThan(80)
  })
})

describe('buildMapOption', () => {
  it('colours Bihar and Madhya Pradesh, leaves every other state grey, and never paints national incidents', () => {
    const option = buildMapOption(data('en'), testLocale('en'), THEMES.light, 'summary')
    const coloured = items(option).filter((item) => item.itemStyle.areaColor !== THEMES.light.empty).map((item) => item.name)
    expect(coloured).toEqual(['IN-BR', 'IN-MP'])
    expect(items(option)).toHaveLength(36)
  })
  it('outlines the selected region', () => {
    const option = buildMapOption(data('en', 'incidents', 'IN-BR'), testLocale('en'), THEMES.light, '')
    expect(items(option).find((item) => item.name === 'IN-BR')!.itemStyle.borderWidth).toBe(2.5)
    expect(items(option).find((item) => item.name === 'IN-MP')!.itemStyle.borderWidth).toBeUndefined()
  })
  it('reads figures per metric in both languages', () => {
    const en = testLocale('en')
    const hi = testLocale('hi')
    expect(metricLabel(tallies.regions.get('IN-BR'), 'incidents', en)).toBe('1 incident')
    expect(metricLabel(tallies.regions.get('IN-BR'), 'incidents', hi)).toBe('1 घटना')
    expect(metricLabel(tallies.national, 'incidents', hi)).toBe('2 घटनाएँ')
    expect(metricLabel(tallies.regions.get('IN-MP'), 'downtime', en)).toBe('about 3 days of downtime')
    expect(metricLabel(tallies.national, 'affected', en)).toBe('15 crore people affected')
    expect(metricLabel(tallies.national, 'affected', hi)).toBe('15 करोड़ लोग प्रभावित')
  })
  it('shows the region name, figure, incidents and sources in the tooltip', () => {
    const d = data('hi')
    const bihar = d.figures.find((f) => f.code === 'IN-BR')!
    expect(regionTooltip(bihar, d, testLocale('hi')).map((line) => line.text)).toEqual([
      'बिहार',
      '1 घटना',
      'हैकरों ने बिहार की 102 आपातकालीन एंबुलेंस सेवा ठप की, डॉलर मांगे (1 अप्रैल 2021)',
      'स्रोत: पटना की हिंदी समाचार साइट (सहेजी गई प्रति में नाम नहीं), 1 अप्रैल 2021 को 8:44 pm बजे',
    ])
  })
  it('uses round class breaks', () => {
    expect(classBreaks(0)).toEqual([])
    expect(classBreaks(3)).toEqual([1, 2, 3])
    expect(classBreaks(37)).toEqual([1, 2, 5, 10, 20])
    expect(classBreaks(150000000)).toEqual([5000000, 10000000, 20000000, 50000000, 100000000])
    // Hours may be fractional; counts may not: no 0.5 class shown as a second "1".
    expect(classBreaks(17)).toEqual([0.5, 1, 2, 5, 10])
    expect(classBreaks(17, true)).toEqual([1, 2, 5, 10])
  })
  it('labels the legend so no count falls in two classes', () => {
    const figures = (values: number[]) => values.map((value) => ({ value }))
    const format = (value: number) => new Intl.NumberFormat('en-IN').format(value)
    expect(legendRanges(figures([1, 3, 8, 17]), format)).toEqual(['1', '2–4', '5–9', '10+'])
    expect(legendRanges(figures([1, 10]), format)).toEqual(['1', '2–4', '5–9', '10'])
    expect(legendRanges(figures([0.5, 3.5, 17.2]), format)).toEqual(['0.5', '1', '2–5', '5–10', '10+'])
  })
})
