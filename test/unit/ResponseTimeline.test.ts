import { describe, expect, it } from 'vitest'
import { timelineData, actionLabel, ACTION_SHAPES } from '../../src/widgets/ResponseTimeline/data'
import { timelineModel, responseOverview, overviewLabel } from '../../src/widgets/ResponseTimeline/model'
import { layoutTimeline, fitText, TIMELINE_LAYOUT } from '../../src/widgets/ResponseTimeline/layout'
import { estimateText } from '../../src/charts/locale'
import { parsePartialDate } from '../../src/core/dates'
import { calendarTicks } from '../../src/core/calendarTicks'
import { validateDataset } from '../../src/core/validate'
import { THEMES } from '../../src/charts/themes'
import { datasetWith, minimalIncident } from '../fixtures/minimal'
import { seed, seedIncident, testLocale } from '../fixtures/locale'

type Box = { left: number; right: number; top: number; bottom: number }
/** The label boxes a layout draws, as the tests of "no label over another" need them. */
function labelBoxes(layout: ReturnType<typeof layoutTimeline>): Box[] {
  return layout.items.map(({ label, y }) => {
    const left = label.align === 'left' ? label.x : label.x - label.width
    return { left, right: left + label.width, top: y - TIMELINE_LAYOUT.font / 2, bottom: y + TIMELINE_LAYOUT.font / 2 }
  })
}
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe('response timeline', () => {
  it('groups agencies by level, central first, with the incident start on top', () => {
    const data = timelineData(seedIncident('cowin-telegram-bot-leak-2023'), seed.agencies, testLocale('en'), 'Asia/Kolkata')
    expect(data.lanes.map((lane) => lane.label)).toEqual([
      'Incident began', 'Government · Central', 'CERT-In · Central', 'Health Ministry · Central',
      'Opposition parties · One-off', 'Police (force not named in the report) · One-off',
    ])
  })
  it('draws month-precision dates as spans and labels lags, including a statement before the claim', () => {
    const en = testLocale('en')
    const data = timelineData(seedIncident('cowin-150-million-claim-2021'), seed.agencies, en, 'Asia/Kolkata')
    expect(data.items.every((item) => item.span)).toBe(true)
    expect(data.items.map((item) => actionLabel(item, en))).toEqual(['Jun 2021', 'Statement −1 month', 'Denial same month', 'Denial same month', 'Investigation same month'])
    expect(ACTION_SHAPES.denial).toBe('triangle')
    // Month-precision actions: ticks on 1sts of months, never on days.
    const layout = layoutTimeline(data, 800, en)
    expect(layout.ticks.every((tick) => tick.precision === 'month' || tick.precision === 'year')).toBe(true)
  })
  it('puts same-day actions of one agency in rows of their own, none over another, at every width', () => {
    for (const lang of ['en', 'hi'] as const) {
      for (const width of [240, 360, 600, 1200]) {
        const model = timelineModel({ incidents: [seedIncident('bihar-102-ambulance-ransomware-2021')], agencies: seed.agencies, locale: testLocale(lang), theme: THEMES.light, width })
        const boxes = labelBoxes(model.layout!)
        for (let i = 0; i < boxes.length; i++) {
          expect(boxes[i]!.left, `${lang} ${width}`).toBeGreaterThanOrEqual(0)
          expect(boxes[i]!.right, `${lang} ${width}`).toBeLessThanOrEqual(width)
          for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${lang} ${width}: ${i} and ${j}`).toBe(false)
        }
        expect(model.height).toBe(model.layout!.lanes.reduce((sum, lane) => sum + lane.height, 0) + TIMELINE_LAYOUT.gridTop + TIMELINE_LAYOUT.gridBottom)
      }
    }
    const model = timelineModel({ incidents: seed.incidents, agencies: seed.agencies, locale: testLocale('hi'), theme: THEMES.dark, width: 600, incidentId: 'bihar-102-ambulance-ransomware-2021' })
    expect(actionLabel(model.data!.items.find((item) => item.step?.response.action === 'complaint')!, testLocale('hi'))).toBe('शिकायत / एफआईआर उसी दिन')
    expect((model.option!.aria as { label: { description: string } }).label.description).toBe(model.summary)
  })
  it('keeps 30 actions within days of each other apart, and shortens a label only when a whole row cannot hold it', () => {
    const responses = Array.from({ length: 30 }, (_, i) => ({ date: `2022-11-${String(23 + (i % 5)).padStart(2, '0')}`, agency: `Agency ${i % 3}`, action: i % 2 ? 'statement' : 'restoration' }))
    const incidents = validateDataset(datasetWith([minimalIncident({ id: 'busy', started: '2022-11-23', responses })])).dataset!.incidents
    for (const width of [300, 800]) {
      const layout = timelineModel({ incidents, agencies: [], locale: testLocale('en'), theme: THEMES.light, width }).layout!
      const boxes = labelBoxes(layout)
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false)
      expect(layout.items.every((item) => !item.label.text.endsWith('…'))).toBe(true)
    }
    expect(fitText('Investigation +3 days', 60, (s) => estimateText(s, 11))).toMatch(/^Inves.*…$/)
  })
  it('puts ticks on calendar boundaries in the dataset’s time zone', () => {
    const day = (text: string) => parsePartialDate(text, 'Asia/Kolkata')!.start
    const en = testLocale('en')
    const label = (tick: { value: number; precision: 'minute' | 'day' | 'month' | 'year' }) => en.format.date({ text: '', precision: tick.precision, start: tick.value, end: tick.value })
    expect(calendarTicks(day('2022-11-20'), day('2022-12-16'), 'Asia/Kolkata', 5).map(label)).toEqual(['21 Nov 2022', '28 Nov 2022', '5 Dec 2022', '12 Dec 2022'])
    expect(calendarTicks(day('2022-11-20'), day('2023-05-02'), 'Asia/Kolkata', 8).map(label)).toEqual(['Dec 2022', 'Jan 2023', 'Feb 2023', 'Mar 2023', 'Apr 2023', 'May 2023'])
    expect(calendarTicks(day('2022-11-20'), day('2022-11-24'), 'Asia/Kolkata', 8, 'day').map(label)).toEqual(['20 Nov 2022', '21 Nov 2022', '22 Nov 2022', '23 Nov 2022', '24 Nov 2022'])
  })
  it('tells, per incident, how long until the first complaint, CERT-In, restoration and official word', () => {
    const rows = responseOverview(seed.incidents, seed.agencies, testLocale('en').format.timeZone)
    const cells = Object.fromEntries(rows.map((row) => [row.incident.id, Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, overviewLabel(v!, testLocale('en'))]))]))
    expect(cells['bihar-102-ambulance-ransomware-2021']).toEqual({ complaint: 'same day', restoration: 'same day' })
    expect(cells['cowin-150-million-claim-2021']).toEqual({ 'cert-in': 'same month', 'official-word': 'same month' })
    expect(cells['mp-e-nagar-palika-attack-2023']).toEqual({ 'cert-in': 'same month', restoration: 'same month' })
  })
})
