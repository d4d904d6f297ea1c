import { describe, expect, it } from 'vitest'
import { parsePartialDate, isNotBefore } from '../../src/core/dates'

const iso = (ms: number) => new Date(ms).toISOString()

describe('parsePartialDate', () => {
  it('keeps the precision written and spans the whole period in IST', () => {
    const month = parsePartialDate('2021-04')!
    expect(month.precision).toBe('month')
    expect(iso(month.start)).toBe('2021-03-31T18:30:00.000Z')
    expect(iso(month.end)).toBe('2021-04-30T18:30:00.000Z')
    const day = parsePartialDate('2021-04-01')!
    expect(day.precision).toBe('day')
    expect(day.end - day.start).toBe(24 * 3600_000)
    expect(parsePartialDate('2021')!.precision).toBe('year')
  })

  it('reads a time without offset in the dataset time zone, and honours an explicit offset', () => {
    expect(iso(parsePartialDate('2021-04-01T13:00')!.start)).toBe('2021-04-01T07:30:00.000Z')
    expect(iso(parsePartialDate('2021-04-01T13:00+05:30')!.start)).toBe('2021-04-01T07:30:00.000Z')
    expect(iso(parsePartialDate('2021-04-01T13:00Z')!.start)).toBe('2021-04-01T13:00:00.000Z')
    expect(iso(parsePartialDate('2021-07-01T13:00', 'Europe/London')!.start)).toBe('2021-07-01T12:00:00.000Z')
  })

  it('gets the offset right on the very day a zone changes it (cached per day elsewhere)', () => {
    // London moved to BST at 01:00 UTC on 28 March 2021; New York to EDT at 07:00 UTC on 14 March 2021.
    expect(iso(parsePartialDate('2021-03-28T00:30', 'Europe/London')!.start)).toBe('2021-03-28T00:30:00.000Z')
    expect(iso(parsePartialDate('2021-03-28T03:00', 'Europe/London')!.start)).toBe('2021-03-28T02:00:00.000Z')
    expect(iso(parsePartialDate('2021-03-28T23:00', 'Europe/London')!.start)).toBe('2021-03-28T22:00:00.000Z')
    expect(iso(parsePartialDate('2021-03-14T01:00', 'America/New_York')!.start)).toBe('2021-03-14T06:00:00.000Z')
    expect(iso(parsePartialDate('2021-03-14T12:00', 'America/New_York')!.start)).toBe('2021-03-14T16:00:00.000Z')
    const day = parsePartialDate('2021-03-28', 'Europe/London')!
    expect((day.end - day.start) / 3_600_000).toBe(23)
  })

  it('rejects what is not a date of known precision', () => {
    for (const text of ['2021-02-30', '2021-13', '21-04-01', '2021-04-01 13:00', 'April 2021', '2021-04-01T25:00', '']) {
      expect(parsePartialDate(text), text).toBeUndefined()
    }
  })

  it('compares at the precision written: a month does not end before a time inside it', () => {
    expect(isNotBefore(parsePartialDate('2021-04')!, parsePartialDate('2021-04-01T13:00')!)).toBe(true)
    expect(isNotBefore(parsePartialDate('2021-03-31')!, parsePartialDate('2021-04-01')!)).toBe(false)
  })
})

describe("India's and UTC's fixed offsets (answered without Intl)", () => {
  /** The reference: Intl's wall clock for the instant, in the zone, minus the instant. */
  const intlOffset = (instant: number, timeZone: string) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant).map((p) => [p.type, Number(p.value)]))
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(instant / 1000) * 1000
  }
  it('agree with Intl from 1946 to 2100, and Intl still answers for earlier dates (IST was +6:30 in 1944)', async () => {
    const { zoneOffset } = await import('../../src/core/dates')
    let seed = 11
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    for (const timeZone of ['Asia/Kolkata', 'Asia/Calcutta', 'UTC']) {
      for (let i = 0; i < 300; i++) {
        const instant = Date.UTC(1946, 0, 1) + Math.floor(random() * 154 * 365 * 86_400_000)
        expect(zoneOffset(instant, timeZone), `${timeZone} ${new Date(instant).toISOString()}`).toBe(intlOffset(instant, timeZone))
      }
    }
    const warTime = Date.UTC(1944, 5, 1, 12)
    expect(zoneOffset(warTime, 'Asia/Kolkata')).toBe(intlOffset(warTime, 'Asia/Kolkata'))
    expect(zoneOffset(warTime, 'Asia/Kolkata')).toBe(390 * 60_000)
  })
})
