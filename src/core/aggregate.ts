/**
 * Derived facts the widgets draw: outage spans, impact figures, response lags,
 * and per-region tallies. National-scope incidents are tallied apart from states.
 */
import { NATIONAL } from './regions'
import { DEFAULT_TIMEZONE, compareDates, type PartialDate } from './dates'
import { datesOf } from './incidentDates'
import { lagBetween, type FigureRange, type Lag } from './format'
import type { Agency, Impact, ImpactStatus, ImpactUnit, Incident, Response } from './schema'
import { quantityKeyOf, unitKeyOf } from './quantity'

export { quantityKeyOf, unitKeyOf }

export type SourceIds = string[]

export interface OutageSpan {
  incidentId: string
  index: number
  start: PartialDate
  end?: PartialDate
  /** Known or derived length; undefined when the end was not reported. */
  minutes?: number
  /** "about 20 minutes", "until Tuesday", or derived from dates coarser than a minute. */
  approximate: boolean
  ongoing: boolean
  sources: SourceIds
}

export type FigureStatus = ImpactStatus | 'unspecified'

export interface ImpactFigure {
  incidentId: string
  index: number
  unit: ImpactUnit
  /** The unit as a key: `people`, or `other:` and the label for unit `other` (so "rupees" and "claims" stay apart). */
  unitKey: string
  /** Unit key and measure: figures of one incident with the same quantity key are readings of one quantity. */
  quantityKey: string
  status: FigureStatus
  /** Undefined when the report gives no number ("lakhs of people"): listed, not charted. */
  count?: FigureRange
  sources: SourceIds
}

/** One quantity of one incident (unit, unitLabel and measure alike): every source's number, so disagreement shows as a range. */
export interface IncidentQuantity {
  incidentId: string
  unit: ImpactUnit
  unitKey: string
  quantityKey: string
  range: FigureRange
  figures: ImpactFigure[]
}

/** True when the readings of one quantity differ: the kit says "sources disagree" only then. */
export function disagrees(quantity: IncidentQuantity): boolean {
  return quantity.figures.length > 1 && quantity.range.min !== quantity.range.max
}


export interface ResponseStep {
  incidentId: string
  index: number
  date: PartialDate
  lag: Lag
  response: Response
  agency: Agency | undefined
  sources: SourceIds
}

export interface UnitTally {
  /** Sum over incidents of each incident's range; denied figures are left out of the total. */
  total: FigureRange
  byStatus: Partial<Record<FigureStatus, FigureRange>>
  incidents: number
}

export interface RegionTally {
  region: string
  incidents: number
  incidentIds: string[]
  downtimeMinutes: number
  /** True when any outage added to the downtime was approximate: the total is then "about". */
  downtimeApproximate: boolean
  /** Outages whose end was not reported: counted, not added to downtime. */
  openOutages: number
  /** By unit key (`people`, `other:rupees`): never summed across units. */
  affected: Partial<Record<string, UnitTally>>
}

export interface Tallies {
  /** States and UTs with at least one incident, by code. */
  regions: Map<string, RegionTally>
  /** All-India incidents (region `IN`), never painted onto states. */
  national: RegionTally
  /** Every state-scoped incident counted once, however many states it hit. */
  states: RegionTally
}

function refs(ref: string | string[] | undefined): SourceIds {
  return ref === undefined ? [] : Array.isArray(ref) ? ref : [ref]
}

/**
 * Incidents never change once validated, so what is derived from one is worked out once (per time
 * zone) and kept beside it: a filter change re-adds figures, it does not re-parse dates. Results are
 * shared between callers and must not be mutated.
 */
function perIncident<T>(derive: (incident: Incident, timeZone: string) => T): (incident: Incident, timeZone?: string) => T {
  const cache = new WeakMap<Incident, { timeZone: string; value: T }>()
  return (incident, timeZone = DEFAULT_TIMEZONE) => {
    const known = cache.get(incident)
    if (known && known.timeZone === timeZone) return known.value
    const value = derive(incident, timeZone)
    cache.set(incident, { timeZone, value })
    return value
  }
}

/** Invalid incidents never reach here (the validator checked their dates); each is parsed once (incidentDates.ts). */
export function incidentStart(incident: Incident, timeZone = DEFAULT_TIMEZONE): PartialDate {
  return datesOf(incident, timeZone).started
}

export const outageSpans = perIncident((incident, timeZone): OutageSpan[] =>
  (incident.outages ?? []).map((outage, index) => {
    const { start, end } = datesOf(incident, timeZone).outages[index]!
    let minutes = outage.durationMinutes
    let derived = false
    if (minutes === undefined && end) {
      minutes = Math.max(0, (end.start - start.start) / 60_000)
      derived = start.precision !== 'minute' || end.precision !== 'minute'
    }
    return {
      incidentId: incident.id,
      index,
      start,
      ...(end && { end }),
      ...(minutes !== undefined && { minutes }),
      approximate: outage.approximate === true || derived,
      ongoing: outage.ongoing === true,
      sources: refs(outage.source),
    }
  }))

function figureOf(impact: Impact): FigureRange | undefined {
  if (impact.count === undefined) return undefined
  return typeof impact.count === 'number' ? { min: impact.count, max: impact.count } : { min: impact.count.min, max: impact.count.max }
}

export const impactFigures = perIncident((incident): ImpactFigure[] =>
  (incident.impacts ?? []).map((impact, index) => {
    const count = figureOf(impact)
    return {
      incidentId: incident.id,
      index,
      unit: impact.unit,
      unitKey: unitKeyOf(impact),
      quantityKey: quantityKeyOf(impact),
      status: impact.status ?? 'unspecified',
      ...(count && { count }),
      sources: refs(impact.source),
    }
  }))

/** Per quantity, the range spanning every counted, non-denied reading of it (412 and 413 towns covered → 412–413). */
export const quantityFigures = perIncident((incident): IncidentQuantity[] => {
  const byQuantity = new Map<string, IncidentQuantity>()
  for (const figure of impactFigures(incident)) {
    if (!figure.count || figure.status === 'denied') continue
    const current = byQuantity.get(figure.quantityKey)
    if (current) {
      current.range = { min: Math.min(current.range.min, figure.count.min), max: Math.max(current.range.max, figure.count.max) }
      current.figures.push(figure)
    } else byQuantity.set(figure.quantityKey, { incidentId: incident.id, unit: figure.unit, unitKey: figure.unitKey, quantityKey: figure.quantityKey, range: { ...figure.count }, figures: [figure] })
  }
  return [...byQuantity.values()]
})

/**
 * What an incident counts in each unit for the tallies: its largest quantity of that unit. Different
 * quantities (people whose data leaked, people arrested) are never added, so nobody is counted twice.
 */
export const unitFigures = perIncident((incident): IncidentQuantity[] => {
  const byUnit = new Map<string, IncidentQuantity>()
  for (const quantity of quantityFigures(incident)) {
    const current = byUnit.get(quantity.unitKey)
    if (!current || quantity.range.max > current.range.max) byUnit.set(quantity.unitKey, quantity)
  }
  return [...byUnit.values()]
})

/** The incident's responses in time order, each with its lag from the incident start. */
export function responseSteps(incident: Incident, agencies: readonly Agency[], timeZone = DEFAULT_TIMEZONE): ResponseStep[] {
  const { started: start, responses: dates } = datesOf(incident, timeZone)
  const agencyById = new Map(agencies.map((agency) => [agency.id, agency]))
  return (incident.responses ?? [])
    .map((response, index) => {
      const date = dates[index]!
      return {
        incidentId: incident.id,
        index,
        date,
        lag: lagBetween(start, date, timeZone),
        response,
        agency: typeof response.agency === 'string' ? agencyById.get(response.agency) : undefined,
        sources: refs(response.source),
      }
    })
    .sort((a, b) => compareDates(a.date, b.date) || a.index - b.index)
}

function emptyTally(region: string): RegionTally {
  return { region, incidents: 0, incidentIds: [], downtimeMinutes: 0, downtimeApproximate: false, openOutages: 0, affected: {} }
}

const addRange = (a: FigureRange | undefined, b: FigureRange): FigureRange => (a ? { min: a.min + b.min, max: a.max + b.max } : { ...b })

/** What one incident adds to every tally it counts in: worked out once, however many tallies (national, states, each state). */
interface Contribution {
  incidentId: string
  downtimeMinutes: number
  downtimeApproximate: boolean
  openOutages: number
  units: IncidentQuantity[]
  figures: ImpactFigure[]
}

const contributionOf = perIncident((incident, timeZone): Contribution => {
  const contribution: Contribution = {
    incidentId: incident.id, downtimeMinutes: 0, downtimeApproximate: false, openOutages: 0,
    units: unitFigures(incident), figures: impactFigures(incident),
  }
  for (const span of outageSpans(incident, timeZone)) {
    if (span.minutes === undefined) contribution.openOutages += 1
    else {
      contribution.downtimeMinutes += span.minutes
      contribution.downtimeApproximate ||= span.approximate
    }
  }
  return contribution
})

function addContribution(tally: RegionTally, contribution: Contribution): void {
  tally.incidents += 1
  tally.incidentIds.push(contribution.incidentId)
  tally.openOutages += contribution.openOutages
  tally.downtimeMinutes += contribution.downtimeMinutes
  tally.downtimeApproximate ||= contribution.downtimeApproximate
  for (const figure of contribution.units) {
    const unit = (tally.affected[figure.unitKey] ??= { total: { min: 0, max: 0 }, byStatus: {}, incidents: 0 })
    unit.total = addRange(unit.total, figure.range)
    unit.incidents += 1
  }
  for (const figure of contribution.figures) {
    if (!figure.count) continue
    const unit = (tally.affected[figure.unitKey] ??= { total: { min: 0, max: 0 }, byStatus: {}, incidents: 0 })
    unit.byStatus[figure.status] = addRange(unit.byStatus[figure.status], figure.count)
  }
}

export function tallyByRegion(incidents: readonly Incident[], timeZone = DEFAULT_TIMEZONE): Tallies {
  const regions = new Map<string, RegionTally>()
  const national = emptyTally(NATIONAL)
  const states = emptyTally('states')
  for (const incident of incidents) {
    const contribution = contributionOf(incident, timeZone)
    let stateScoped = false
    for (const code of incident.regions) {
      if (code === NATIONAL) {
        addContribution(national, contribution)
        continue
      }
      stateScoped = true
      let tally = regions.get(code)
      if (!tally) regions.set(code, (tally = emptyTally(code)))
      addContribution(tally, contribution)
    }
    if (stateScoped) addContribution(states, contribution)
  }
  return { regions, national, states }
}
