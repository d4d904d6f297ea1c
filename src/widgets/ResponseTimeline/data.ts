/**
 * One incident's agency responses as lanes and items: a lane per agency, grouped by level (central,
 * state, local, private…), the incident's start on top; each action an item with its date, its
 * span when known only to the day, month or year, and its label ("Denial +2 days").
 */
import { responseSteps, incidentStart, type ResponseStep } from '../../core/aggregate'
import type { PartialDate } from '../../core/dates'
import { AGENCY_LEVELS, type Agency, type AgencyLevel, type Incident, type ResponseAction } from '../../core/schema'
import { text, type ChartLocale } from '../../charts/locale'

export interface TimelineLane {
  key: string
  label: string
  level: AgencyLevel | 'incident' | 'one-off'
}

export interface TimelineItem {
  lane: number
  date: PartialDate
  /** Drawn as a span over its period when the date is known only to the day, month or year. */
  span: boolean
  step?: ResponseStep
}

export interface TimelineData {
  incident: Incident
  lanes: TimelineLane[]
  items: TimelineItem[]
  start: PartialDate
}

export type Shape = 'circle' | 'triangle' | 'diamond' | 'square' | 'cross'

/** Marker shape by what the action is: outcomes of law (square), official word (triangle/diamond), the rest (circle). */
export const ACTION_SHAPES: Record<ResponseAction, Shape> = {
  detected: 'circle', disclosed: 'circle', complaint: 'square', investigation: 'circle', advisory: 'circle',
  statement: 'circle', denial: 'triangle', confirmation: 'diamond', containment: 'cross', restoration: 'cross',
  arrest: 'square', prosecution: 'square', parliament: 'circle', other: 'circle',
}
export const STANDOUT = new Set<ResponseAction>(['denial', 'confirmation'])
const LEVEL_ORDER: readonly (AgencyLevel | 'one-off')[] = [...AGENCY_LEVELS, 'one-off']

function agencyKey(step: ResponseStep, locale: ChartLocale): { key: string; label: string; level: AgencyLevel | 'one-off' } {
  if (step.agency) return { key: step.agency.id, label: text(step.agency.short ?? step.agency.name, locale), level: step.agency.level }
  const name = text(step.response.agency, locale)
  return { key: `one-off:${name}`, label: name, level: 'one-off' }
}

export function timelineData(incident: Incident, agencies: readonly Agency[], locale: ChartLocale, timeZone: string): TimelineData {
  const steps = responseSteps(incident, agencies, timeZone)
  const start = incidentStart(incident, timeZone)
  const byKey = new Map<string, TimelineLane>()
  for (const step of steps) {
    const { key, label, level } = agencyKey(step, locale)
    if (!byKey.has(key)) byKey.set(key, { key, label: `${label} · ${locale.t(level === 'one-off' ? 'level.other' : `level.${level}`)}`, level })
  }
  const agencyLanes = [...byKey.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level as AgencyLevel) - LEVEL_ORDER.indexOf(b.level as AgencyLevel))
  const lanes: TimelineLane[] = [{ key: 'incident', label: locale.t('timeline.start'), level: 'incident' }, ...agencyLanes]
  const laneIndex = new Map(lanes.map((lane, i) => [lane.key, i]))

  const items: TimelineItem[] = [
    { lane: 0, date: start, span: start.precision !== 'minute' },
    ...steps.map((step) => ({
      lane: laneIndex.get(agencyKey(step, locale).key)!,
      date: step.date,
      span: step.date.precision !== 'minute',
      step,
    })),
  ]
  return { incident, lanes, items, start }
}

export function actionLabel(item: TimelineItem, locale: ChartLocale): string {
  if (!item.step) return locale.format.date(item.date)
  return `${locale.t(`action.${item.step.response.action}`)} ${locale.format.lag(item.step.lag)}`
}

