import { describe, expect, it } from 'vitest'
import { outageLabel } from '../../src/widgets/DowntimeChart/option'
import { downtimeModel, MAX_BARS, DOWNTIME_LAYOUT } from '../../src/widgets/DowntimeChart/model'
import { validateDataset } from '../../src/core/validate'
import { THEMES } from '../../src/charts/themes'
import { datasetWith, minimalIncident } from '../fixtures/minimal'
import { seed, testLocale } from '../fixtures/locale'

const NOW = Date.parse('2026-11-23T00:00:00Z')
type Bar = { value: number; itemStyle: { decal?: unknown; borderType?: string }; label: { formatter: string } }
const bars = (model: ReturnType<typeof downtimeModel>) => (model.option.series as { data: Bar[] }[])[0]!.data
const names = (model: ReturnType<typeof downtimeModel>) => (model.option.yAxis as { data: string[] }).data

describe('downtime model', () => {
  it('draws 20 minutes and 3 days on one log axis, both hatched as approximate, each bar naming incident and service', () => {
    const model = downtimeModel({ incidents: seed.incidents, locale: testLocale('en'), theme: THEMES.light, now: NOW })
    expect(bars(model).map((bar) => bar.label.formatter)).toEqual(['about 3 days', 'about 20 min'])
    expect(names(model)).toEqual(['MP e-Nagar Palika attack · e-Nagar Palika portal', 'Bihar 102 ambulance ransomware · 102 ambulance dispatch'])
    expect(bars(model).every((bar) => bar.itemStyle.decal)).toBe(true)
    expect(bars(model)[1]!.value).toBeCloseTo(Math.log10(20))
    expect((model.option.xAxis as { name: string }).name).toBe('Downtime (log scale)')
    expect((model.option.xAxis as { max: number }).max).toBeCloseTo(Math.log10(7 * 1440))
    expect(model.summary).toBe('2 outages; the longest: Cyber attack destroys e-Nagar Palika portal data of 413 towns in Madhya Pradesh, about 3 days.')
    expect(model.height).toBe(180)
    const byDate = downtimeModel({ incidents: seed.incidents, locale: testLocale('hi'), theme: THEMES.light, now: NOW, order: 'date' })
    expect(names(byDate)[0]).toBe('मप्र ई-नगर पालिका हमला · ई-नगर पालिका पोर्टल')
  })
  it('says "end not reported" with no bar, and runs an ongoing outage to now', () => {
    const incidents = validateDataset(datasetWith([
      minimalIncident({ id: 'open', outages: [{ start: '2026-11-20' }] }),
      minimalIncident({ id: 'ongoing', outages: [{ start: '2026-11-21T00:00+05:30', ongoing: true }] }),
      minimalIncident({ id: 'exact', outages: [{ start: '2026-11-01T10:00', end: '2026-11-01T12:00' }] }),
    ])).dataset!.incidents
    const model = downtimeModel({ incidents, locale: testLocale('en'), theme: THEMES.light, now: NOW, order: 'date' })
    expect(bars(model).map((bar) => bar.label.formatter)).toEqual(['ongoing: 2.2 days', 'end not reported', '2 hours'])
    expect(bars(model)[1]!.value).toBe(0)
    expect(bars(model)[0]!.itemStyle.borderType).toBe('dashed')
    expect(bars(model)[2]!.itemStyle.decal).toBeUndefined()
    expect(outageLabel(model.rows[1]!.outage, testLocale('hi'), NOW)).toBe('अंत की सूचना नहीं')
    // Longest first puts the unmeasured outage last.
    expect(bars(downtimeModel({ incidents, locale: testLocale('en'), theme: THEMES.light, now: NOW })).map((bar) => bar.label.formatter)).toEqual(['ongoing: 2.2 days', '2 hours', 'end not reported'])
  })
  it('draws at most MAX_BARS, longest or newest by the reader’s choice, and lists every outage in the table', () => {
    const incidents = validateDataset(datasetWith(Array.from({ length: 30 }, (_, i) => minimalIncident({ id: `o${i}`, started: `2021-01-${String(i + 1).padStart(2, '0')}`, outages: [{ start: `2021-01-${String(i + 1).padStart(2, '0')}`, durationMinutes: 30 - i }] })))).dataset!.incidents
    const longest = downtimeModel({ incidents, locale: testLocale('en'), theme: THEMES.light, now: NOW })
    expect(longest.drawn.map((row) => row.outage.minutes)).toEqual(Array.from({ length: MAX_BARS }, (_, i) => 30 - i))
    expect(longest.tableRows()).toHaveLength(30)
    expect(longest.height).toBe(MAX_BARS * DOWNTIME_LAYOUT.row + DOWNTIME_LAYOUT.margin)
    const newest = downtimeModel({ incidents, locale: testLocale('en'), theme: THEMES.light, now: NOW, order: 'date' })
    expect(newest.drawn.map((row) => row.outage.minutes)).toEqual(Array.from({ length: MAX_BARS }, (_, i) => i + 1))
    expect(newest.keyboard[0]!.announcement).toBe('Test incident: 1 min, 30 Jan 2021. Test incident')
  })
})
