import { describe, expect, it } from 'vitest'
import { timelineData, actionLabel, buildTimelineOption, axisPrecision, labelPlacement, ACTION_SHAPES } from '../../src/widgets/ResponseTimeline/option'
import { THEMES } from '../../src/charts/themes'
import { seed, seedIncident, testLocale } from '../fixtures/locale'

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
    expect(axisPrecision(90 * 86_400_000, data.items)).toBe('month')
  })
  it('stacks same-day actions of one agency instead of drawing them on top of each other', () => {
    const data = timelineData(seedIncident('bihar-102-ambulance-ransomware-2021'), seed.agencies, testLocale('hi'), 'Asia/Kolkata')
    const operator = data.items.filter((item) => item.step?.agency?.id === 'bihar-102-operator')
    expect(operator.map((item) => [item.slot, item.slots])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]])
    expect(actionLabel(operator[2]!, testLocale('hi'))).toBe('शिकायत / एफआईआर उसी दिन')
    const option = buildTimelineOption(data, testLocale('hi'), THEMES.dark, 'सार')
    expect((option.aria as { label: { description: string } }).label.description).toBe('सार')
  })
  it('puts an action’s label left of its marker when it would run past the right edge', () => {
    expect(labelPlacement(100, 6, 'Investigation +3 days', 1200)).toEqual({ x: 110, align: 'left' })
    expect(labelPlacement(1150, 6, 'Investigation +3 days', 1200)).toEqual({ x: 1140, align: 'right' })
  })
})
