/**
 * What an impact counts, as keys: its unit (with the label of unit `other`) and its measure.
 * Two figures of one incident are readings of one quantity only when both keys match.
 */
import type { Impact, LocalText } from './schema'

/**
 * A LocalText compared as what it says, not how it is written: English (else the first language),
 * case and spacing folded. "Servers infected" and {"en": "servers  infected", "hi": "…"} are one measure.
 */
function textKey(value: LocalText | undefined): string {
  if (value === undefined) return ''
  const text = typeof value === 'string' ? value : value.en ?? Object.values(value)[0] ?? ''
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

export function unitKeyOf(impact: Impact): string {
  return impact.unit === 'other' ? `other:${textKey(impact.unitLabel)}` : impact.unit
}

export function quantityKeyOf(impact: Impact): string {
  return `${unitKeyOf(impact)}|${textKey(impact.measure)}`
}
