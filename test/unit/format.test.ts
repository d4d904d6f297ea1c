import { describe, expect, it } from 'vitest'
import { createFormatter, lagBetween } from '../../src/core/format'
import { parsePartialDate } from '../../src/core/dates'

const en = createFormatter({ lang: 'en' })
const hi = createFormatter({ lang: 'hi' })
const hiDeva = createFormatter({ lang: 'hi', devanagariDigits: true })
const date = (text: string) => parsePartialDate(text)!

describe('numbers', () => {
  it('groups digits the Indian way in both languages', () => {
    expect(en.number(150000000)).toBe('15,00,00,000')
    expect(hi.number(150000000)).toBe('15,00,00,000')
    expect(hiDeva.number(150000000)).toBe('१५,००,००,०००')
  })

  it('says lakh and crore', () => {
    expect(en.compact(150000000)).toBe('15 crore')
    expect(hi.compact(150000000)).toBe('15 करोड़')
    expect(en.compact(640000)).toBe('6.4 lakh')
    expect(hi.compact(640000)).toBe('6.4 लाख')
    expect(hiDeva.compact(640000)).toBe('६.४ लाख')
    expect(en.compact(413)).toBe('413')
    expect(en.compact(12000000000)).toBe('1,200 crore')
  })

  it('shows disagreeing figures as a range', () => {
    expect(en.range({ min: 412, max: 413 })).toBe('412–413')
    expect(en.range({ min: 413, max: 413 })).toBe('413')
    // Compact: one scale word for both ends; full figures where rounding would make them read alike.
    expect(en.range({ min: 85_000_000, max: 136_000_000 }, true)).toBe('8.5–13.6 crore')
    expect(en.range({ min: 5_830_000, max: 136_000_000 }, true)).toBe('58.3 lakh–13.6 crore')
    expect(en.range({ min: 3_970_114, max: 3_970_115 }, true)).toBe('39,70,114–39,70,115')
    expect(en.range({ min: 412, max: 413 }, true)).toBe('412–413')
  })
})

describe('dates in IST at their precision', () => {
  it('never shows a month as the 1st at midnight', () => {
    expect(en.date(date('2021-04'))).toBe('Apr 2021')
    expect(hi.date(date('2021-04'))).toBe('अप्रैल 2021')
    expect(en.date(date('2021-04-01'))).toBe('1 Apr 2021')
    expect(hi.date(date('2021-04-01'))).toBe('1 अप्रैल 2021')
    expect(en.date(date('2021-04-01T13:00'))).toBe('1 Apr 2021, 1:00 pm')
    expect(en.date(date('2021-04-01T07:30Z'))).toBe('1 Apr 2021, 1:00 pm')
    expect(en.date(date('2021'))).toBe('2021')
    expect(hi.date(date('2023-12'))).toBe('दिसंबर 2023')
    expect(hi.date(date('2021-04-01T13:00'))).toBe('1 अप्रैल 2021 को 1:00 pm बजे')
  })
})

describe('durations and lags', () => {
  it('reads durations from minutes to weeks', () => {
    expect(en.duration(20, true)).toBe('about 20 min')
    expect(hi.duration(20, true)).toBe('लगभग 20 मिनट')
    expect(en.duration(4 * 1440, true)).toBe('about 4 days')
    expect(hi.duration(4 * 1440, true)).toBe('लगभग 4 दिन')
    expect(en.duration(180)).toBe('3 hours')
    expect(en.duration(14 * 1440)).toBe('2 weeks')
  })

  it('labels lags at the precision both dates allow', () => {
    expect(en.lag(lagBetween(date('2021-04-01T13:00'), date('2021-04-01T13:20')))).toBe('+20 min')
    expect(en.lag(lagBetween(date('2021-04-01'), date('2021-04-03')))).toBe('+2 days')
    expect(hi.lag(lagBetween(date('2021-04-01'), date('2021-04-03')))).toBe('+2 दिन')
    expect(en.lag(lagBetween(date('2021-04-01'), date('2021-04-01T18:00')))).toBe('same day')
    expect(en.lag(lagBetween(date('2021-06'), date('2021-05')))).toBe('−1 month')
    expect(hi.lag(lagBetween(date('2021-06'), date('2021-06')))).toBe('उसी महीने')
  })
})

describe('lags in whole days follow the calendar of the dataset zone', () => {
  // The reference: the calendar dates Intl gives for each instant, in the zone.
  const dayOf = (instant: number, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant)
    const get = (type: string) => Number(parts.find((part) => part.type === type)!.value)
    return Date.UTC(get('year'), get('month') - 1, get('day'))
  }
  it('agrees with Intl for minute-precision starts across years, midnights and DST changes', () => {
    for (const timeZone of ['Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      let seed = 7
      const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
      for (let i = 0; i < 400; i++) {
        const from = Date.UTC(2016, 0, 1) + Math.floor(random() * 10 * 365 * 86_400_000)
        const to = from + Math.floor(random() * 90 * 86_400_000)
        const lag = lagBetween({ text: '', start: from, end: from + 60_000, precision: 'minute' }, { text: '', start: to, end: to + 86_400_000, precision: 'day' }, timeZone)
        expect(lag, `${timeZone} ${new Date(from).toISOString()} → ${new Date(to).toISOString()}`).toEqual({ unit: 'day', value: Math.round((dayOf(to, timeZone) - dayOf(from, timeZone)) / 86_400_000) })
      }
    }
  })
})

describe('whole numbers below 1 000 (written without Intl)', () => {
  it('read exactly as Intl writes them, in both languages, and larger or Devanagari ones still come from Intl', async () => {
    const { createFormatter } = await import('../../src/core/format')
    for (const [lang, locale] of [['en', 'en-IN'], ['hi', 'hi-IN']] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
      const format = createFormatter({ lang })
      for (let n = 0; n < 1000; n++) expect(format.number(n)).toBe(intl.format(n))
      expect(format.number(150000000)).toBe('15,00,00,000')
      expect(format.number(2.6)).toBe('3')
    }
    expect(createFormatter({ lang: 'hi', devanagariDigits: true }).number(413)).toBe('४१३')
  })
})
