/**
 * PartialDate: an ISO 8601 date written with only the precision actually known
 * (`2021`, `2021-04`, `2021-04-01`, `2021-04-01T13:00`, `2021-04-01T13:00+05:30`).
 * Parsing keeps that precision so a month is never drawn as the 1st at midnight.
 */

export type DatePrecision = 'year' | 'month' | 'day' | 'minute'

export interface PartialDate {
  /** The text as written in the dataset. */
  text: string
  precision: DatePrecision
  /** First instant the date can mean (ms since epoch). */
  start: number
  /** First instant after the period (exclusive): a day-precision date spans 24 hours. */
  end: number
}

export const DEFAULT_TIMEZONE = 'Asia/Kolkata'

export const PARTIAL_DATE_PATTERN =
  /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?)?)?$/

const MINUTE = 60_000

/**
 * An IANA zone name (Area/Location, or UTC). Engines also accept three-letter
 * aliases such as "IST", but they are ambiguous (India, Ireland, Israel) and
 * not the same in every browser, so the contract refuses them.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (FIXED_OFFSETS.has(timeZone)) return true
  if (!/^(?:[A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+)+|UTC)$/.test(timeZone)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/**
 * Zones whose offset has not changed since 1946, with that offset and the instant from which it holds:
 * India's (IST, +5:30, since 15 October 1945) and UTC. The first Intl format with a time zone loads
 * the engine's zone data, a cost on the first paint of a cheap phone (~0.1 s at 4× CPU) for an
 * answer known in advance; earlier instants, and every other zone, still ask Intl.
 */
const FIXED_OFFSETS = new Map<string, { offset: number; since: number }>([
  ['Asia/Kolkata', { offset: 330 * MINUTE, since: Date.UTC(1946, 0, 1) }],
  ['Asia/Calcutta', { offset: 330 * MINUTE, since: Date.UTC(1946, 0, 1) }],
  ['UTC', { offset: 0, since: -8.64e15 }],
])

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

/** Offset of `timeZone` from UTC at the given instant, in ms, asked of Intl (slow: about 10 µs). */
function exactZoneOffset(instant: number, timeZone: string): number {
  const fixed = FIXED_OFFSETS.get(timeZone)
  if (fixed && instant >= fixed.since) return fixed.offset
  let formatter = offsetFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    offsetFormatters.set(timeZone, formatter)
  }
  const part = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, Number(p.value)]))
  const asUtc = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!)
  return asUtc - Math.floor(instant / 1000) * 1000
}

const DAY = 86_400_000
/** Per zone, per UTC day: the day's offset, or null when it changes within that day. */
const dayOffsets = new Map<string, Map<number, number | null>>()

/**
 * Offset of `timeZone` from UTC at the given instant, in ms. Asked of Intl once
 * per zone and day (start and end agree unless the day has a change), so 100 000
 * dates cost a few thousand Intl calls, not half a million.
 */
export function zoneOffset(instant: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone)
  if (!days) dayOffsets.set(timeZone, (days = new Map()))
  const day = Math.floor(instant / DAY)
  let offset = days.get(day)
  if (offset === undefined) {
    const atStart = exactZoneOffset(day * DAY, timeZone)
    offset = atStart === exactZoneOffset(day * DAY + DAY - 1000, timeZone) ? atStart : null
    days.set(day, offset)
  }
  return offset ?? exactZoneOffset(instant, timeZone)
}

/** The instant at which the wall clock in `timeZone` reads the given time (`Date.UTC` fields; month 0-11). */
function wallTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month, day, hour, minute, second)
  // Two passes settle the offset across a DST change (India has none, other zones may).
  const instant = asUtc - zoneOffset(asUtc, timeZone)
  return asUtc - zoneOffset(instant, timeZone)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month (1-12), Gregorian leap years; arithmetic, as it runs for every date in a dataset. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!
}

/** True when the text is a PartialDate (the pattern, and a day the month has: not 2021-02-30). No time-zone work. */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE_PATTERN.exec(text)
  return match !== null && (match[3] === undefined || Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2])))
}

/**
 * Parses a PartialDate, or returns undefined when it is not one (including 2021-02-30).
 * Runs several times per incident (validation, filters, aggregates), so it allocates only its result.
 */
export function parsePartialDate(text: string, timeZone: string = DEFAULT_TIMEZONE): PartialDate | undefined {
  const match = PARTIAL_DATE_PATTERN.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s, offset] = match
  const year = Number(y)
  const month = mo ? Number(mo) : 1
  const day = d ? Number(d) : 1
  if (d && day > daysInMonth(year, month)) return undefined
  const precision: DatePrecision = h ? 'minute' : d ? 'day' : mo ? 'month' : 'year'
  const hour = h ? Number(h) : 0
  const minute = mi ? Number(mi) : 0
  const second = s ? Number(s) : 0

  let start: number
  if (offset) {
    // ±HH:MM, or Z
    const offsetMinutes = offset === 'Z' ? 0 : (offset.charCodeAt(0) === 45 ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
    start = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * MINUTE
  } else {
    start = wallTimeToInstant(year, month - 1, day, hour, minute, second, timeZone)
  }

  const end = precision === 'minute' ? start + MINUTE
    : precision === 'day' ? wallTimeToInstant(year, month - 1, day + 1, 0, 0, 0, timeZone)
    : precision === 'month' ? wallTimeToInstant(year, month, 1, 0, 0, 0, timeZone)
    : wallTimeToInstant(year + 1, 0, 1, 0, 0, 0, timeZone)
  return { text, precision, start, end }
}

/** How a date is compared and sorted: by the start of what it can mean, coarser first on ties. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return a.start - b.start || b.end - a.end
}

/** True when `later` certainly does not begin before `earlier` could have. */
export function isNotBefore(later: PartialDate, earlier: PartialDate): boolean {
  return later.end > earlier.start
}

