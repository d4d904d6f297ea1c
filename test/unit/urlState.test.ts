import { describe, expect, it } from 'vitest'
import { parseDashboardState, serializeDashboardState, DEFAULT_STATE } from '../../src/demo/urlState'

describe('dashboard state in the URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(serializeDashboardState(DEFAULT_STATE)).toBe('')
    expect(serializeDashboardState({ ...DEFAULT_STATE, lang: 'hi', region: 'IN-BR' })).toBe('?lang=hi&region=IN-BR')
  })
  it('round-trips every parameter', () => {
    const state = { lang: 'hi' as const, dataset: 'https://example.org/d.json', region: 'IN-MP', sectors: ['health' as const], kinds: ['ransomware' as const, 'ddos' as const], statuses: ['denied' as const], from: '2021', to: '2023-12' }
    expect(parseDashboardState(serializeDashboardState(state))).toEqual({ state, invalid: [] })
  })
  it('keeps what parses, reports what does not, and refuses non-web dataset URLs', () => {
    const { state, invalid } = parseDashboardState('?lang=fr&region=IN-OR&sector=health,farming&from=last-year&dataset=javascript:alert(1)')
    expect(state).toEqual({ ...DEFAULT_STATE, region: 'IN-OD', sectors: ['health'] })
    expect(invalid).toEqual(['lang', 'dataset', 'sector', 'from'])
    expect(parseDashboardState('?dataset=data/other.json').state.dataset).toBe('data/other.json')
  })
})
