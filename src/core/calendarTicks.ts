/**
 * Ticks for a time axis on natural boundaries of the calendar in a time zone. Apart from dates.ts
 * so that only the chart that draws a time axis (the timeline) carries it.
 */
import { DEFAULT_TIMEZONE, parsePartialDate, zoneOffset, type DatePrecision } from './dates'

const DAY = 86_400_000

export interface CalendarTick {
  /** The instant the tick stands at: a midnight, a 1st of the month, 1 January, or a full hour, in the zone. */
  value: number
  /** How it reads: a time, a day, a month or a year. */
  precision: DatePrecision
}

const PRECISION_RANK: Record<DatePrecision, number> = { minute: 0, day: 1, month: 2, year: 3 }
const STEP_RANK = { hour: 0, day: 1, week: 1, month: 2, year: 3 } as const
const pad2 = (n: number) => String(n).padStart(2, '0')

/** Calendar steps a time axis may use, finest first: hours, days, weeks (Mondays), months, quarters, years. */
const TICK_STEPS: readonly { unit: 'hour' | 'day' | 'week' | 'month' | 'year'; every: number; approxMs: number }[] = [
  { unit: 'hour', every: 1, approxMs: 3_600_000 }, { unit: 'hour', every: 3, approxMs: 3 * 3_600_000 },
  { unit: 'hour', every: 6, approxMs: 6 * 3_600_000 }, { unit: 'hour', every: 12, approxMs: 12 * 3_600_000 },
  { unit: 'day', every: 1, approxMs: DAY }, { unit: 'day', every: 2, approxMs: 2 * DAY },
  { unit: 'week', every: 1, approxMs: 7 * DAY }, { unit: 'week', every: 2, approxMs: 14 * DAY },
  { unit: 'month', every: 1, approxMs: 30.4 * DAY }, { unit: 'month', every: 3, approxMs: 91 * DAY },
  { unit: 'month', every: 6, approxMs: 182 * DAY }, { unit: 'year', every: 1, approxMs: 365 * DAY },
  { unit: 'year', every: 2, approxMs: 730 * DAY }, { unit: 'year', every: 5, approxMs: 1826 * DAY },
  { unit: 'year', every: 10, approxMs: 3652 * DAY },
]

/**
 * Ticks on natural boundaries of the calendar in `timeZone` (midnights, Mondays, 1sts of months,
 * 1 January), no more than `maxTicks` of them between `min` and `max`: an axis never reads
 * 22 Nov, 1 Dec, 6 Dec, 15 Dec.
 */
export function calendarTicks(min: number, max: number, timeZone: string = DEFAULT_TIMEZONE, maxTicks = 6, finest: DatePrecision = 'minute'): CalendarTick[] {
  const span = Math.max(1, max - min)
  // Never finer than the dates drawn: actions known to the day get no 6:00 am tick.
  const allowed = TICK_STEPS.filter((s) => STEP_RANK[s.unit] >= PRECISION_RANK[finest])
  const step = allowed.find((s) => span / s.approxMs <= Math.max(1, maxTicks)) ?? allowed.at(-1)!
  const wall = (text: string) => parsePartialDate(text, timeZone)!.start
  const first = new Date(min + zoneOffset(min, timeZone))
  let year = first.getUTCFullYear()
  let month = first.getUTCMonth() + 1
  let day = first.getUTCDate()
  let hour = first.getUTCHours()
  const ticks: CalendarTick[] = []
  const push = (value: number, precision: DatePrecision) => {
    if (value >= min && value <= max) ticks.push({ value, precision })
  }
  if (step.unit === 'hour') {
    hour -= hour % step.every
    for (let guard = 0; guard < 500; guard++) {
      const at = Date.UTC(year, month - 1, day, hour)
      const d = new Date(at)
      const value = wall(`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:00`)
      if (value > max) break
      push(value, 'minute')
      hour += step.every
    }
  } else if (step.unit === 'day' || step.unit === 'week') {
    if (step.unit === 'week') day -= (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7 // back to Monday
    for (let guard = 0; guard < 500; guard++) {
      const d = new Date(Date.UTC(year, month - 1, day))
      const value = wall(`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`)
      if (value > max) break
      push(value, 'day')
      day += step.unit === 'week' ? 7 * step.every : step.every
    }
  } else if (step.unit === 'month') {
    month -= (month - 1) % step.every
    for (let guard = 0; guard < 500; guard++) {
      const y = year + Math.floor((month - 1) / 12)
      const m = ((month - 1) % 12) + 1
      const value = wall(`${y}-${pad2(m)}`)
      if (value > max) break
      push(value, m === 1 && step.every >= 3 ? 'year' : 'month')
      month += step.every
    }
  } else {
    year -= year % step.every
    for (let guard = 0; guard < 500; guard++) {
      const value = wall(String(year))
      if (value > max) break
      push(value, 'year')
      year += step.every
    }
  }
  return ticks
}
