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

const matchesAny = <T>(selected: readonly T[] | undefined, values: readonly T[]) =>
  !selected || selected.length === 0 || values.some((value) => selected.includes(value))

export function filterIncidents(incidents: readonly Incident[], filters: IncidentFilters, timeZone = DEFAULT_TIMEZONE): Incident[] {
  const from = filters.from !== undefined ? parsePartialDate(filters.from, timeZone) : undefined
  const to = filters.to !== undefined ? parsePartialDate(filters.to, timeZone) : undefined
  return incidents.filter((incident) => {
    if (!matchesAny(filters.regions, incident.regions)) return false
    if (!matchesAny(filters.sectors, [incident.sector])) return false
    if (!matchesAny(filters.kinds, incident.kinds)) return false
    if (!matchesAny(filters.statuses, [incident.status])) return false
    if (from || to) {
      const started = incidentStart(incident, timeZone)
      // A month-precision start overlaps any period touching that month.
      if (from && started.end <= from.start) return false
      if (to && started.start >= to.end) return false
    }
    return true
  })
}
