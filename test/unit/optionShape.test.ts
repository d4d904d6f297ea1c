import { describe, expect, it } from 'vitest'
import { optionShape } from '../../src/charts/optionShape'
import { buildMapOption, regionFigures } from '../../src/widgets/IncidentMap/option'
import { tallyByRegion } from '../../src/core/aggregate'
import { THEMES } from '../../src/charts/themes'
import { filterIncidents } from '../../src/core/filters'
import { seed, testLocale } from '../fixtures/locale'

describe('optionShape', () => {
  it('is the same for two maps of different figures, selections and themes: merged, not rebuilt', () => {
    const locale = testLocale('en')
    const map = (incidents: readonly (typeof seed.incidents)[number][], selected: string | undefined, theme: typeof THEMES.light) =>
      buildMapOption({ mapName: 'india', metric: 'incidents', figures: regionFigures(tallyByRegion(incidents), 'incidents', locale), selected, incidentsById: new Map(), timeZone: 'Asia/Kolkata' }, locale, theme, 'summary')
    const all = map(seed.incidents, undefined, THEMES.light)
    const some = map(filterIncidents(seed.incidents, { statuses: ['denied'] }), 'IN-MP', THEMES.dark)
    expect(optionShape(some)).toBe(optionShape(all))
  })

  it('differs when a key is there in one and not the other, when a series is added, or when its type changes', () => {
    const bar = { grid: { left: 16 }, xAxis: { type: 'value', max: 4 }, series: [{ type: 'bar', data: [1, 2] }] }
    expect(optionShape({ ...bar, series: [{ type: 'bar', data: [1, 2, 3, 4] }] })).toBe(optionShape(bar))
    expect(optionShape({ ...bar, grid: { left: 16, right: 40 } })).not.toBe(optionShape(bar))
    expect(optionShape({ ...bar, xAxis: { type: 'value' } })).not.toBe(optionShape(bar))
    expect(optionShape({ ...bar, series: [...bar.series, { type: 'bar', data: [] }] })).not.toBe(optionShape(bar))
    expect(optionShape({ ...bar, series: [{ type: 'custom', data: [1, 2] }] })).not.toBe(optionShape(bar))
    expect(optionShape({ ...bar, xAxis: { type: 'log', max: 4 } })).not.toBe(optionShape(bar))
  })
})
