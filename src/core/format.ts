/**
 * Number, date, duration and lag formatting for English and Hindi, built on Intl:
 * Indian digit grouping (15,00,00,000), lakh/crore, IST, and PartialDate precision.
 */
import { DEFAULT_TIMEZONE, zoneOffset, type DatePrecision, type PartialDate } from './dates'

export type Lang = 'en' | 'hi'

export interface FormatOptions {
  lang: Lang
  /** Write Hindi numbers in Devanagari digits (१५ करोड़); off by default, as most Hindi news sites use 0-9. */
  devanagariDigits?: boolean
  timeZone?: string
}

export interface FigureRange {
  min: number
  max: number
}

/** How far apart two dates are, at the precision the coarser of them allows. */
export interface Lag {
  value: number
  unit: 'minute' | 'day' | 'month' | 'year'
}

const WORDS = {
  en: { crore: 'crore', lakh: 'lakh', about: 'about', sameDay: 'same day', sameMonth: 'same month', sameYear: 'same year', endNotReported: 'end not reported', ongoing: 'ongoing' },
  hi: { crore: 'करोड़', lakh: 'लाख', about: 'लगभग', sameDay: 'उसी दिन', sameMonth: 'उसी महीने', sameYear: 'उसी साल', endNotReported: 'अंत की सूचना नहीं', ongoing: 'जारी' },
} as const

const MINUTE = 60_000
export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

/**
 * One formatter per language, digits and time zone, shared by every widget and model: building
 * Intl formats is the costly part (on a cheap phone the first paint's share of it was ~0.5 s at
 * 4× CPU when each widget built its own), and a formatter never changes once made.
 */
const formatters = new Map<string, Formatter>()

export function createFormatter(options: FormatOptions): Formatter {
  const key = `${options.lang}|${options.devanagariDigits ? 1 : 0}|${options.timeZone ?? DEFAULT_TIMEZONE}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = buildFormatter(options)
    formatters.set(key, formatter)
  }
  return formatter
}

/** An Intl format made on first use: a widget that shows no date never builds a date format. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

function buildFormatter({ lang, devanagariDigits = false, timeZone = DEFAULT_TIMEZONE }: FormatOptions) {
  const locale = lang === 'hi' ? (devanagariDigits ? 'hi-IN-u-nu-deva' : 'hi-IN') : 'en-IN'
  const words = WORDS[lang]
  const integerFormat = lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }))
  const oneDecimalFormat = lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }))
  // A whole number below 1 000 in Latin digits reads the same in every locale here: no Intl needed. The
  // first Intl.NumberFormat on a page sets up the engine's number data (~50–130 ms at 4× CPU), and the
  // map's first paint shows only counts like these.
  const integer = { format: (value: number) => (!devanagariDigits && Number.isInteger(value) && value >= 0 && value < 1000 ? String(value) : integerFormat().format(value)) }
  const oneDecimal = { format: (value: number) => oneDecimalFormat().format(value) }
  const unitFormats = new Map<DurationUnit, Intl.NumberFormat>()
  const unit = (name: DurationUnit, value: number) => {
    // English minutes read better short ("20 min"); Hindi's long form is already short (मिनट).
    if (name === 'minute' && lang === 'en') return `${integer.format(value)} min`
    let format = unitFormats.get(name)
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 1 })
      unitFormats.set(name, format)
    }
    return format.format(value)
  }
  // Hindi short months are clipped with a mark ("दिसं॰"); Hindi news writes them out ("दिसंबर").
  const monthStyle = lang === 'hi' ? 'long' : 'short'
  const dateFormats: Record<DatePrecision, () => Intl.DateTimeFormat> = {
    year: lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone })),
    month: lazy(() => new Intl.DateTimeFormat(locale, { month: monthStyle, year: 'numeric', timeZone })),
    day: lazy(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: monthStyle, year: 'numeric', timeZone })),
    minute: lazy(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: monthStyle, year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone })),
  }

  const formatter = {
    lang,
    locale,
    timeZone,
    /** Full figure with Indian grouping: 15,00,00,000. */
    number: (value: number) => integer.format(value),
    /** Short figure in lakh and crore: "15 crore", "6.4 lakh", "4,130". */
    compact(value: number): string {
      const abs = Math.abs(value)
      if (abs >= 1e7) return `${oneDecimal.format(value / 1e7)} ${words.crore}`
      if (abs >= 1e5) return `${oneDecimal.format(value / 1e5)} ${words.lakh}`
      return integer.format(value)
    },
    /** A figure the sources disagree on: "412–413"; a single value when they agree. */
    /**
     * A figure the sources disagree on: "412–413"; a single value when they agree. Compact ranges in
     * one scale say it once ("8.5–13.6 crore"), and fall back to full figures where rounding would
     * make the two ends read the same ("39,70,114–39,70,115", never "39.7 lakh–39.7 lakh").
     */
    range({ min, max }: FigureRange, compact = false): string {
      if (min === max) return compact ? formatter.compact(min) : formatter.number(min)
      if (!compact) return `${formatter.number(min)}–${formatter.number(max)}`
      const low = formatter.compact(min)
      const high = formatter.compact(max)
      if (low === high) return `${formatter.number(min)}–${formatter.number(max)}`
      for (const word of [words.crore, words.lakh]) {
        const suffix = ` ${word}`
        if (low.endsWith(suffix) && high.endsWith(suffix)) return `${low.slice(0, -suffix.length)}–${high}`
      }
      return `${low}–${high}`
    },
    /** A date at the precision it was written with, in the dataset's time zone (IST by default). */
    date: (date: PartialDate) => dateFormats[date.precision]().format(date.start),
    /** "about 20 min", "about 4 days", "3 hours". */
    duration(minutes: number, approximate = false): string {
      const [name, value] = durationUnit(minutes)
      const text = unit(name, value)
      return approximate ? `${words.about} ${text}` : text
    },
    /** "+20 min", "+2 days", "same day", "−1 month". */
    lag(lag: Lag): string {
      if (lag.value === 0) return lag.unit === 'year' ? words.sameYear : lag.unit === 'month' ? words.sameMonth : lag.unit === 'day' ? words.sameDay : unit('minute', 0)
      const sign = lag.value > 0 ? '+' : '−'
      const magnitude = Math.abs(lag.value)
      const text = lag.unit === 'minute' ? unit(...durationUnit(magnitude)) : unit(lag.unit, magnitude)
      return `${sign}${text}`
    },
    /** A duration in a named unit: "1 hour", "1 सप्ताह". */
    unit: (name: DurationUnit, value: number) => unit(name, value),
    words,
  }
  return formatter
}

export type Formatter = ReturnType<typeof buildFormatter>

/** Picks the unit that keeps a duration readable: minutes under 1.5 h, hours under 2 days, and so on. */
function durationUnit(minutes: number): [DurationUnit, number] {
  const round = (value: number) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10)
  if (minutes < 90) return ['minute', Math.round(minutes)]
  if (minutes < 48 * 60) return ['hour', round(minutes / 60)]
  if (minutes < 14 * 1440) return ['day', round(minutes / 1440)]
  if (minutes < 60 * 1440) return ['week', round(minutes / (7 * 1440))]
  if (minutes < 730 * 1440) return ['month', round(minutes / (30.44 * 1440))]
  return ['year', round(minutes / (365.25 * 1440))]
}

const PRECISION_RANK: Record<DatePrecision, number> = { minute: 0, day: 1, month: 2, year: 3 }

/** Wall-clock calendar fields of an instant in a time zone. */
/** The calendar date of an instant in a zone, from the zone's offset (asked of Intl once per zone and day, not per call). */
function calendar(instant: number, timeZone: string): { year: number; month: number; day: number } {
  const wall = new Date(instant + zoneOffset(instant, timeZone))
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() }
}

/**
 * The lag from an incident's start to a later event, counted in the coarsest unit
 * both dates support: two day-precision dates differ in whole days, never in minutes.
 */
export function lagBetween(from: PartialDate, to: PartialDate, timeZone: string = DEFAULT_TIMEZONE): Lag {
  const coarser = PRECISION_RANK[from.precision] >= PRECISION_RANK[to.precision] ? from.precision : to.precision
  if (coarser === 'minute') return { value: Math.round((to.start - from.start) / MINUTE), unit: 'minute' }
  const a = calendar(from.start, timeZone)
  const b = calendar(to.start, timeZone)
  if (coarser === 'year') return { value: b.year - a.year, unit: 'year' }
  if (coarser === 'month') return { value: (b.year - a.year) * 12 + (b.month - a.month), unit: 'month' }
  return { value: Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / (1440 * MINUTE)), unit: 'day' }
}
