import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createGhatnaI18n } from '../../src/i18n'
import { SECTORS, KINDS, INCIDENT_STATUSES, IMPACT_STATUSES, IMPACT_UNITS, RESPONSE_ACTIONS, AGENCY_LEVELS } from '../../src/core/schema'

// Read the JSON as written: the Vite plugin precompiles imported messages into functions.
const load = (lang: string) => JSON.parse(readFileSync(`src/i18n/locales/${lang}.json`, 'utf8')) as Record<string, unknown>

function keys(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('messages', () => {
  const en = keys(load('en'))
  const hi = keys(load('hi'))
  it('has the same keys in English and Hindi', () => {
    expect(en.filter((key) => !hi.includes(key))).toEqual([])
    expect(hi.filter((key) => !en.includes(key))).toEqual([])
  })
  it('names every value of every enum in the dataset format', () => {
    const needed = [
      ...SECTORS.map((v) => `sector.${v}`), ...KINDS.map((v) => `kind.${v}`),
      ...[...INCIDENT_STATUSES, ...IMPACT_STATUSES, 'unspecified'].map((v) => `status.${v}`),
      ...IMPACT_UNITS.map((v) => `unit.${v}`), ...RESPONSE_ACTIONS.map((v) => `action.${v}`), ...AGENCY_LEVELS.map((v) => `level.${v}`),
    ]
    expect(needed.filter((key) => !en.includes(key))).toEqual([])
  })
  it('renders precompiled messages with parameters in both languages', () => {
    const i18n = createGhatnaI18n('hi')
    expect(i18n.global.t('state.partial', { valid: 3, total: 4, rejected: 1 })).toBe('4 में से 3 घटनाएँ दिखाई गईं; डेटासेट की त्रुटियों के कारण 1 छोड़ी गईं।')
    expect(i18n.global.t('sector.emergency-services')).toBe('आपातकालीन सेवाएँ')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('error.http', { status: 404, url: 'x.json' })).toBe('The server answered 404 for x.json.')
  })
})
