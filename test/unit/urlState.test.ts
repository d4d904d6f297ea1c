import { describe, expect, it } from 'vitest'
import { parseDashboardState, serializeDashboardState, resolveDashboardState, DEFAULT_STATE } from '../../src/demo/urlState'

describe('dashboard state in the URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(serializeDashboardState(DEFAULT_STATE)).toBe('')
    expect(serializeDashboardState({ ...DEFAULT_STATE, lang: 'hi', region: 'IN-BR' })).toBe('?lang=hi&region=IN-BR')
  })
  it('round-trips every parameter', () => {
    const state = { lang: 'hi' as const, theme: 'dark' as const, metric: 'downtime' as const, boundaries: 'https://example.org/india.topo.json', dataset: 'https://example.org/d.json', region: 'IN-MP', sectors: ['health' as const], kinds: ['ransomware' as const, 'ddos' as const], statuses: ['denied' as const], from: '2021', to: '2023-12', timeout: 30, maxMb: 120 }
    expect(parseDashboardState(serializeDashboardState(state))).toEqual({ state, invalid: [] })
  })
  it('keeps what parses, reports what does not, and refuses non-web dataset URLs', () => {
    const { state, invalid } = parseDashboardState('?lang=fr&region=IN-OR&sector=health,farming&from=last-year&dataset=javascript:alert(1)')
    expect(state).toEqual({ ...DEFAULT_STATE, region: 'IN-OD', sectors: ['health'] })
    expect(invalid).toEqual(['lang', 'dataset', 'sector', 'from'])
    expect(parseDashboardState('?dataset=data/other.json').state.dataset).toBe('data/other.json')
    expect(parseDashboardState('?maxmb=0&timeout=9999').invalid).toEqual(['timeout', 'maxmb'])
  })
  it('reads a config file, and the URL overrides it', async () => {
    const config = { dataset: 'https://example.org/d.json', lang: 'hi', theme: 'dark', metric: 'affected', filters: { status: ['denied', 'claimed'], from: '2021' } }
    const fetch = async () => new Response(JSON.stringify(config))
    const { state, invalid } = await resolveDashboardState('?config=/c.json&lang=en', fetch)
    expect(invalid).toEqual([])
    expect(state).toEqual({ ...DEFAULT_STATE, lang: 'en', theme: 'dark', metric: 'affected', dataset: 'https://example.org/d.json', statuses: ['denied', 'claimed'], from: '2021' })
    const failed = await resolveDashboardState('?config=/missing.json', async () => new Response('', { status: 404 }))
    expect(failed.configError).toBe('/missing.json: the server answered 404')
  })
})
