import { describe, expect, it } from 'vitest'
import { parseDashboardState, serializeDashboardState, resolveDashboardState, DEFAULT_STATE, type DashboardState } from '../../src/demo/urlState'

describe('dashboard state in the URL', () => {
  it('writes only what differs from the defaults', () => {
    expect(serializeDashboardState(DEFAULT_STATE)).toBe('')
    expect(serializeDashboardState({ ...DEFAULT_STATE, lang: 'hi', region: 'IN-BR' })).toBe('?lang=hi&region=IN-BR')
  })
  it('round-trips every parameter', () => {
    const state: DashboardState = { lang: 'hi', theme: 'dark', metric: 'downtime', boundaries: 'https://example.org/india.topo.json', src: 'https://example.org/d.json', region: 'IN-MP', sector: ['health'], kind: ['ransomware', 'ddos'], status: ['denied'], from: '2021', to: '2023-12', timeout: 30, maxmb: 120 }
    expect(parseDashboardState(serializeDashboardState(state))).toEqual({ state, problems: [], unknown: [] })
  })
  it('keeps what parses and says why the rest is not used; refuses non-web dataset URLs', () => {
    const { state, problems, unknown } = parseDashboardState('?lang=fr&region=IN-OR&sector=health,farming&from=last-year&dataset=javascript:alert(1)&colour=red')
    expect(state).toEqual({ ...DEFAULT_STATE, region: 'IN-OD', sector: ['health'] })
    expect(problems.map((problem) => problem.message)).toEqual([
      'dataset="javascript:alert(1)" is not a web address (http, https or a relative path), or CSV files one per sheet (incidents=URL sources=URL …); ignored',
      'lang="fr" is not en or hi; using en',
      'from="last-year" is not a date written YYYY, YYYY-MM or YYYY-MM-DD; ignored',
      'sector="health,farming" has "farming", not one of health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other; using health',
    ])
    expect(unknown).toEqual(['colour'])
    expect(parseDashboardState('?maxmb=0&timeout=9999').problems.map((problem) => problem.message)).toEqual([
      'maxmb="0" is not a number from 1 to 500 MB; using 20',
      'timeout="9999" is not a number from 1 to 300 seconds; using 15',
    ])
  })
  it('reads the old name of src, and a dashboard has no host page to follow', () => {
    expect(parseDashboardState('?dataset=data/other.json').state.src).toBe('data/other.json')
    expect(parseDashboardState('?src=real').state.src).toBe('real')
    expect(parseDashboardState('?theme=page').problems[0]?.message).toBe('theme="page" is not light, dark or auto; using auto')
  })
  it('reads a config file with the same keys, and the URL overrides it', async () => {
    const config = { src: 'https://example.org/d.json', lang: 'hi', theme: 'dark', metric: 'affected', status: ['denied', 'claimed'], from: '2021', maxmb: 50 }
    const fetch = async () => new Response(JSON.stringify(config))
    const { state, problems } = await resolveDashboardState('?config=/c.json&lang=en', fetch)
    expect(problems).toEqual([])
    expect(state).toEqual({ ...DEFAULT_STATE, lang: 'en', theme: 'dark', metric: 'affected', src: 'https://example.org/d.json', status: ['denied', 'claimed'], from: '2021', maxmb: 50 })
    const typo = await resolveDashboardState('?config=/c.json', async () => new Response(JSON.stringify({ them: 'dark', maxmb: 'lots' })))
    expect(typo.unknown).toEqual(['them (in /c.json)'])
    expect(typo.problems.map((problem) => problem.message)).toEqual(['config /c.json: maxmb="lots" is not a number from 1 to 500 MB; using 20'])
    const failed = await resolveDashboardState('?config=/missing.json', async () => new Response('', { status: 404 }))
    expect(failed.configError).toBe('/missing.json: the server answered 404')
  })
})
