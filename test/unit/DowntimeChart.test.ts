import { describe, expect, it } from 'vitest'
import { buildDowntimeOption, outageLabel, longestOutages, type DowntimeRow } from '../../src/widgets/DowntimeChart/option'
import { outageSpans } from '../../src/core/aggregate'
import { validateDataset } from '../../src/core/validate'
import { THEMES } from '../../src/charts/themes'
import { datasetWith, minimalIncident } from '../fixtures/minimal'
import { seed, testLocale } from '../fixtures/locale'

const NOW = Date.parse('2026-11-23T00:00:00Z')
const rowsOf = (incidents: typeof seed.incidents): DowntimeRow[] => incidents.flatMap((incident) => outageSpans(incident).map((outage) => ({ outage, incident })))
type Bar = { value: number; itemStyle: { decal?: unknown; borderType?: string }; label: { formatter: string } }
const bars = (option: ReturnType<typeof buildDowntimeOption>) => (option.series as { data: Bar[] }[])[0]!.data

describe('buildDowntimeOption', () => {
  it('draws 20 minutes and 3 days on one log axis, both hatched as approximate', () => {
    const option = buildDowntimeOption(rowsOf(seed.incidents), testLocale('en'), THEMES.light, NOW, '')
    expect(bars(option).map((bar) => bar.label.formatter)).toEqual(['about 20 min', 'about 3 days'])
    expect(bars(option).every((bar) => bar.itemStyle.decal)).toBe(true)
    expect(bars(option)[0]!.value).toBeCloseTo(Math.log10(20))
    expect((option.xAxis as { name: string }).name).toBe('Downtime (log scale)')
    expect((option.xAxis as { max: number }).max).toBeCloseTo(Math.log10(7 * 1440))
  })
  it('says "end not reported" with no bar, and runs an ongoing outage to now', () => {
    const incidents = validateDataset(datasetWith([
      minimalIncident({ id: 'open', outages: [{ start: '2026-11-20' }] }),
      minimalIncident({ id: 'ongoing', outages: [{ start: '2026-11-21T00:00+05:30', ongoing: true }] }),
      minimalIncident({ id: 'exact', outages: [{ start: '2026-11-01T10:00', end: '2026-11-01T12:00' }] }),
    ])).dataset!.incidents
    const option = buildDowntimeOption(rowsOf(incidents), testLocale('en'), THEMES.light, NOW, '')
    expect(bars(option).map((bar) => bar.label.formatter)).toEqual(['end not reported', 'ongoing: 2.2 days', '2 hours'])
    expect(bars(option)[0]!.value).toBe(0)
    expect(bars(option)[1]!.itemStyle.borderType).toBe('dashed')
    expect(bars(option)[2]!.itemStyle.decal).toBeUndefined()
    expect(outageLabel(rowsOf(incidents)[0]!.outage, testLocale('hi'), NOW)).toBe('अंत की सूचना नहीं')
  })
  it('keeps the longest outages when there are too many to draw', () => {
    const incidents = validateDataset(datasetWith(Array.from({ length: 30 }, (_, i) => minimalIncident({ id: `o${i}`, outages: [{ start: '2021-01-01', durationMinutes: i + 1 }] })))).dataset!.incidents
    expect(longestOutages(rowsOf(incidents), 15, NOW).map((row) => row.outage.minutes)).toEqual(Array.from({ length: 15 }, (_, i) => 30 - i))
  })
})
