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
  started: PartialDate
  /** In the order of `incident.outages`. */
  outages: { start: PartialDate; end?: PartialDate }[]
  /** In the order of `incident.responses`. */
  responses: PartialDate[]
}

const known = new WeakMap<Incident, { timeZone: string; dates: IncidentDates }>()

/** Only for dates the schema has checked: a validated incident's dates always parse. */
const parse = (text: string, timeZone: string): PartialDate => parsePartialDate(text, timeZone)!

function parseDates(incident: Incident, timeZone: string): IncidentDates {
  return {
    started: parse(incident.started, timeZone),
    outages: (incident.outages ?? []).map((outage) => {
      const start = parse(outage.start, timeZone)
      return outage.end === undefined ? { start } : { start, end: parse(outage.end, timeZone) }
    }),
    responses: (incident.responses ?? []).map((response) => parse(response.date, timeZone)),
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

/** The validator's normalised copy of an incident (legacy region codes replaced) has the same dates. */
export function shareDates(from: Incident, to: Incident): void {
  const entry = known.get(from)
  if (entry && from !== to) known.set(to, entry)
}

const PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day', 'minute']

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

/**
 * Takes the dates `packDates` made from the same incidents (a structured clone of them). Returns
 * false, keeping nothing, when the numbers do not fit the incidents; their dates are then parsed when asked for.
 */
export function unpackDates(incidents: readonly Incident[], packed: Float64Array, timeZone: string = DEFAULT_TIMEZONE): boolean {
  let at = 0
  const fits = (count: number) => at + count <= packed.length
  const take = (text: string): PartialDate => {
    const date = { text, precision: PRECISIONS[packed[at + 2]!]!, start: packed[at]!, end: packed[at + 1]! }
    at += 3
    return date
  }
  const read: IncidentDates[] = []
  for (const incident of incidents) {
    if (!fits(4)) return false
    const started = take(incident.started)
    const outageCount = packed[at++]!
    if (outageCount !== (incident.outages?.length ?? 0)) return false
    const outages: IncidentDates['outages'] = []
    for (const outage of incident.outages ?? []) {
      if (!fits(4)) return false
      const start = take(outage.start)
      const hasEnd = packed[at++] === 1
      if (hasEnd !== (outage.end !== undefined) || (hasEnd && !fits(3))) return false
      outages.push(hasEnd ? { start, end: take(outage.end!) } : { start })
    }
    if (!fits(1)) return false
    const responseCount = packed[at++]!
    if (responseCount !== (incident.responses?.length ?? 0) || !fits(3 * responseCount)) return false
    read.push({ started, outages, responses: (incident.responses ?? []).map((response) => take(response.date)) })
  }
  if (at !== packed.length) return false
  incidents.forEach((incident, i) => known.set(incident, { timeZone, dates: read[i]! }))
  return true
}
