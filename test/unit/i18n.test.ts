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
    expect(i18n.global.t('state.partial', { valid: 3, total: 4, rejected: 1 }, 4)).toBe('4 में से 3 घटनाएँ दिखाई गईं; डेटासेट की त्रुटियों के कारण 1 छोड़ी गईं।')
    expect(i18n.global.t('sector.emergency-services')).toBe('आपातकालीन सेवाएँ')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('error.http', { status: 404, url: 'x.json' })).toBe('The server answered 404 for x.json.')
  })
})

describe('counts', () => {
  // Every message that states a count has its "one | other" forms; Hindi's "one" is 0 and 1, English's only 1.
  const say = (lang: 'en' | 'hi', key: string, count: number, named: Record<string, unknown> = {}) => {
    const i18n = createGhatnaI18n(lang)
    return i18n.global.t(key, { count, n: count, ...named }, count)
  }
  const counted = ['timeline.actions', 'timeline.agencies', 'map.summary', 'state.warnings', 'downtime.summary', 'downtime.summaryNone', 'impact.unitOption', 'impact.otherDisagreements', 'timeline.denials', 'map.national', 'map.denials', 'state.partial', 'state.headerProblems']
  it('has a singular and a plural form for each counted message, in both languages', () => {
    for (const lang of ['en', 'hi']) {
      const messages = load(lang) as Record<string, Record<string, string>>
      for (const key of counted) {
        const [group, name] = key.split('.')
        expect(messages[group!]![name!]!.split(' | '), `${lang} ${key}`).toHaveLength(2)
      }
    }
  })
  it('says 0, 1 and 2 rightly in English', () => {
    expect([0, 1, 2].map((n) => say('en', 'map.national', n))).toEqual([
      '0 national incidents (All India), counted apart.',
      '1 national incident (All India), counted apart.',
      '2 national incidents (All India), counted apart.',
    ])
    expect([0, 1, 2].map((n) => say('en', 'timeline.denials', n))).toEqual(['0 official denials.', '1 official denial.', '2 official denials.'])
    expect([1, 2].map((n) => say('en', 'impact.unitOption', n, { unit: 'people' }))).toEqual(['people (1 figure)', 'people (2 figures)'])
    expect(say('en', 'downtime.summary', 1, { title: 'A', duration: '2 hours' })).toBe('1 outage: A, 2 hours.')
    expect(say('en', 'downtime.summary', 2, { title: 'A', duration: '2 hours' })).toBe('2 outages; the longest: A, 2 hours.')
    expect(say('en', 'list.counts.sources', 1)).toBe('1 source')
    expect(say('en', 'timeline.actions', 1)).toBe('1 action')
    expect(say('en', 'timeline.agencies', 2)).toBe('2 agencies')
    expect(say('en', 'map.summary', 1, { region: 'Bihar', value: '1 incident', regions: 1 })).toBe('Bihar had 1 incident, the only state or UT with any.')
    expect(say('en', 'state.headerProblems', 1, { valid: 1 })).toBe('The 1 incident is shown; the dataset has errors outside it.')
    expect(say('en', 'state.headerProblems', 2, { valid: 2 })).toBe('All 2 incidents shown; the dataset has errors outside them.')
    expect(say('en', 'state.partial', 1, { valid: 0, total: 1, rejected: 1 })).toBe('0 of 1 incident shown; 1 left out because of errors in the dataset.')
  })
  it('says 0, 1 and 2 rightly in Hindi', () => {
    expect([0, 1, 2].map((n) => say('hi', 'map.national', n))).toEqual([
      '0 राष्ट्रीय घटना (अखिल भारत), अलग गिनी गई।',
      '1 राष्ट्रीय घटना (अखिल भारत), अलग गिनी गई।',
      '2 राष्ट्रीय घटनाएँ (अखिल भारत), अलग गिनी गईं।',
    ])
    expect([0, 1, 2].map((n) => say('hi', 'impact.unitOption', n, { unit: 'लोग' }))).toEqual(['लोग (0 आँकड़ा)', 'लोग (1 आँकड़ा)', 'लोग (2 आँकड़े)'])
    expect([1, 2].map((n) => say('hi', 'downtime.summaryNone', n))).toEqual(['1 सेवा-बाधा, उसके अंत की सूचना नहीं।', '2 सेवा-बाधाएँ, किसी के अंत की सूचना नहीं।'])
  })
})

describe("the dashboard's own messages", () => {
  const demo = (lang: string) => keys(JSON.parse(readFileSync(`src/i18n/locales/demo/${lang}.json`, 'utf8')) as Record<string, unknown>)
  it('has the same keys in English and Hindi, none shadowing the kit\'s', () => {
    expect(demo('en')).toEqual(demo('hi'))
    const kit = keys(load('en'))
    expect(demo('en').filter((key) => kit.includes(key))).toEqual([])
  })
})
