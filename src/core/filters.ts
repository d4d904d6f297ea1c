import { parsePartialDate, DEFAULT_TIMEZONE } from './dates'
import { incidentStart } from './aggregate'
import type { Incident, IncidentKind, IncidentStatus, Sector } from './schema'

/** What the reader has narrowed the dataset to. Empty lists and absent dates mean "all". */
export interface IncidentFilters {
  /** PartialDate: incidents whose start period overlaps [from, to] are kept. */
  from?: string
  to?: string
  regions?: string[]
  sectors?: Sector[]
  kinds?: IncidentKind[]
  statuses?: IncidentStatus[]
}

const active = <T>(selected: readonly T[] | undefined): selected is readonly T[] => selected !== undefined && selected.length > 0

/** True when nothing narrows the incidents: every widget then reads the dataset's own array. */
export function filtersAreEmpty(filters: IncidentFilters): boolean {
  return filters.from === undefined && filters.to === undefined && !active(filters.regions) && !active(filters.sectors) && !active(filters.kinds) && !active(filters.statuses)
}

const anyOf = <T>(selected: readonly T[], values: readonly T[]) => values.some((value) => selected.includes(value))

/** Runs on every filter change over every incident: no allocation per incident. */
export function filterIncidents(incidents: readonly Incident[], filters: IncidentFilters, timeZone = DEFAULT_TIMEZONE): readonly Incident[] {
  if (filtersAreEmpty(filters)) return incidents
  const from = filters.from !== undefined ? parsePartialDate(filters.from, timeZone) : undefined
  const to = filters.to !== undefined ? parsePartialDate(filters.to, timeZone) : undefined
  const { regions, sectors, kinds, statuses } = filters
  return incidents.filter((incident) => {
    if (active(regions) && !anyOf(regions, incident.regions)) return false
    if (active(sectors) && !sectors.includes(incident.sector)) return false
    if (active(kinds) && !anyOf(kinds, incident.kinds)) return false
    if (active(statuses) && !statuses.includes(incident.status)) return false
    if (from || to) {
      const started = incidentStart(incident, timeZone)
      // A month-precision start overlaps any period touching that month.
      if (from && started.end <= from.start) return false
      if (to && started.start >= to.end) return false
    }
    return true
  })
}
