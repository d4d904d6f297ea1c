/**
 * Every date of a validated incident, parsed once (per time zone) and kept beside it in a
 * WeakMap: the validator, the tallies, the filters and each widget's model read the same
 * instants, while the incident itself stays exactly the dataset's JSON (nothing is added to
 * what a reader exports). A worker that validated the dataset sends the instants as one
 * Float64Array (`packDates`), and the page takes them (`unpackDates`) instead of parsing again.
 */
import { DEFAULT_TIMEZONE, parsePartialDate, type DatePrecision, type PartialDate } from './dates'
import type { Incident } from './schema'

export interface IncidentDates {
  readonly started: PartialDate
  /** In the order of `incident.outages`. */
  readonly outages: readonly { start: PartialDate; end?: PartialDate }[]
  /** In the order of `incident.responses`. */
  readonly responses: readonly PartialDate[]
}

const known = new WeakMap<Incident, { timeZone: string; dates: IncidentDates }>()

/** Only for dates the schema has checked: a validated incident's dates always parse. */
const parse = (text: string, timeZone: string): PartialDate => parsePartialDate(text, timeZone)!

function parseDates(incident: Incident, timeZone: string): IncidentDates {
  let responses: PartialDate[] | undefined
  return {
    started: parse(incident.started, timeZone),
    outages: (incident.outages ?? []).map((outage) => {
      const start = parse(outage.start, timeZone)
      return outage.end === undefined ? { start } : { start, end: parse(outage.end, timeZone) }
    }),
    // Parsed when first read: a page without the timeline never needs them.
    get responses() {
      return (responses ??= (incident.responses ?? []).map((response) => parse(response.date, timeZone)))
    },
  }
}

/** The incident's dates in `timeZone`, parsed the first time they are asked for. */
export function datesOf(incident: Incident, timeZone: string = DEFAULT_TIMEZONE): IncidentDates {
  const entry = known.get(incident)
  if (entry && entry.timeZone === timeZone) return entry.dates
  const dates = parseDates(incident, timeZone)
  known.set(incident, { timeZone, dates })
  return dates
}

/** Dates worked out elsewhere (a worker's, see sourceWorker.ts): kept as if parsed here. */
export function rememberDates(incident: Incident, timeZone: string, dates: IncidentDates): void {
  known.set(incident, { timeZone, dates })
}

/** The validator's normalised copy of an incident (legacy region codes replaced) has the same dates. */
export function shareDates(from: Incident, to: Incident): void {
  const entry = known.get(from)
  if (entry && from !== to) known.set(to, entry)
}

/** A precision as a number in a packed table (`packDates`). */
export const PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day', 'minute']

/**
 * The incidents' dates as numbers, in order: per incident its start, its outage count and
 * each outage (start, and a flag then the end), its response count and each response date;
 * a date is three numbers (start, end, precision). Sent from the worker as a transfer.
 */
export function packDates(incidents: readonly Incident[], timeZone: string = DEFAULT_TIMEZONE): Float64Array {
  const numbers: number[] = []
  const put = (date: PartialDate) => numbers.push(date.start, date.end, PRECISIONS.indexOf(date.precision))
  for (const incident of incidents) {
    const dates = datesOf(incident, timeZone)
    put(dates.started)
    numbers.push(dates.outages.length)
    for (const outage of dates.outages) {
      put(outage.start)
      numbers.push(outage.end ? 1 : 0)
      if (outage.end) put(outage.end)
    }
    numbers.push(dates.responses.length)
    for (const response of dates.responses) put(response)
  }
  return Float64Array.from(numbers)
}
