import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { readSettings, settingNames } from '../../src/core/settings'
import { settingText } from '../../src/core/settingText'
import { EMBED_ATTRIBUTES } from '../../src/embed/config'

const messages = (source: Record<string, unknown>, surface: 'element' | 'dashboard' | 'cli' = 'element') => readSettings(source, surface).problems.map((problem) => problem.message)

describe('the settings contract', () => {
  it('gives each surface its settings, and the elements their attributes', () => {
    expect(EMBED_ATTRIBUTES).toEqual(['src', 'config', 'lang', 'theme', 'metric', 'region', 'from', 'to', 'group', 'unit', 'maxmb', 'timeout', 'refresh'])
    expect(settingNames('dashboard')).toEqual(['src', 'config', 'lang', 'theme', 'metric', 'region', 'from', 'to', 'maxmb', 'timeout', 'boundaries', 'sector', 'kind', 'status'])
    expect(settingNames('cli')).toEqual(['lang', 'theme', 'metric', 'unit', 'widget', 'dataset', 'width', 'incident', 'strict'])
  })
  it('says why a value is not used and what is used instead', () => {
    expect(messages({ theme: 'drak' })).toEqual(['theme="drak" is not light, dark, auto or page; using page'])
    expect(messages({ lang: 'fr', metric: 'cost' })).toEqual(['lang="fr" is not en or hi; using en', 'metric="cost" is not incidents, downtime or affected; using incidents'])
    expect(messages({ maxmb: '900' })).toEqual(['maxmb="900" is not a number from 1 to 500 MB; using 20'])
    expect(messages({ maxmb: 'lots' })).toEqual(['maxmb="lots" is not a number from 1 to 500 MB; using 20'])
    expect(messages({ region: 'Bihar' })).toEqual(['region="Bihar" is not an ISO 3166-2:IN code such as IN-MP, or IN for All India; ignored'])
    expect(messages({ from: '01/04/2021' })).toEqual(['from="01/04/2021" is not a date written YYYY, YYYY-MM or YYYY-MM-DD; ignored'])
    expect(messages({ src: 'javascript:alert(1)' })).toEqual(['src="javascript:alert(1)" is not a web address (http, https or a relative path), or CSV files one per sheet (incidents=URL sources=URL …); ignored'])
    expect(messages({ theme: 'page' }, 'cli')).toEqual(['theme="page" is not light or dark; using light'])
  })
  it('raises a refresh below a minute to a minute, and refuses what is not a whole number of seconds', () => {
    expect(readSettings({ refresh: '10' }, 'element')).toMatchObject({ values: { refresh: 60 }, problems: [{ message: 'refresh="10" is below 60 seconds; using 60' }] })
    expect(readSettings({ refresh: '300' }, 'element')).toMatchObject({ values: { refresh: 300 }, problems: [] })
    for (const value of ['90.5', 'soon', '0', '-60', '60s']) expect(messages({ refresh: value })).toEqual([`refresh="${value}" is not a whole number from 60 to 86400 seconds; ignored`])
  })
  it('reads typed values (a config file, mount options) and text (attributes, URL) alike', () => {
    expect(readSettings({ maxmb: 50, lang: 'hi', region: 'in-mp', refresh: 120 }, 'element').values).toEqual({ maxmb: 50, lang: 'hi', region: 'IN-MP', refresh: 120 })
    expect(readSettings({ maxmb: '50', refresh: '120' }, 'element').values).toEqual({ maxmb: 50, refresh: 120 })
    // Renamed states read under their new code, as in datasets.
    expect(readSettings({ region: 'IN-OR' }, 'element').values).toEqual({ region: 'IN-OD' })
    expect(readSettings({ sector: ['health', 'energy'] }, 'dashboard').values).toEqual({ sector: ['health', 'energy'] })
    expect(readSettings({ strict: true, width: '1200' }, 'cli').values).toEqual({ strict: true, width: 1200 })
  })
  it('takes CSV files one per sheet as a src, each a web address', () => {
    expect(readSettings({ src: 'incidents=https://docs.google.com/x/pub?gid=1&output=csv sources=s.csv' }, 'element').values.src).toBe('incidents=https://docs.google.com/x/pub?gid=1&output=csv sources=s.csv')
    expect(messages({ src: 'incidents=javascript:alert(1) sources=s.csv' })).toEqual(['src="incidents=javascript:alert(1) sources=s.csv" is not a web address (http, https or a relative path), or CSV files one per sheet (incidents=URL sources=URL …); ignored'])
  })
  it('treats an empty value as not given, and names keys that are no setting', () => {
    expect(readSettings({ theme: '', region: '' }, 'element')).toEqual({ values: {}, problems: [], unknown: [] })
    expect(readSettings({ them: 'dark', boundaries: 'x.json' }, 'element').unknown).toEqual(['them', 'boundaries'])
  })
  it('writes values back as attribute text', () => {
    expect([settingText(['a', 'b']), settingText(20), settingText([]), settingText(undefined), settingText(false)]).toEqual(['a,b', '20', undefined, undefined, undefined])
  })
  it('every element setting is in the README attribute table and every dashboard setting in its parameter table', () => {
    const readme = readFileSync('README.md', 'utf8')
    const table = (heading: string) => readme.slice(readme.indexOf(heading)).split('\n\n')[0] ?? ''
    const documented = (rows: string) => [...rows.matchAll(/^\| `([a-z]+)`(?:, `([a-z]+)`)?(?:, `([a-z]+)`)?/gm)].flatMap((match) => match.slice(1).filter(Boolean))
    expect(documented(table('| attribute | meaning |')).sort()).toEqual([...EMBED_ATTRIBUTES].sort())
    expect(documented(table('| parameter | meaning |')).sort()).toEqual([...settingNames('dashboard')].sort())
  })
})
