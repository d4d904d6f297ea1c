// @vitest-environment happy-dom
/** A config file names sheets as `"sheets": {…}` or as a `src` set, resolved against the config file, and may set refresh as a number or text (read as the number it is). */
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../src/embed/config'

const serve = (body: unknown) => (async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch

describe('config file with sheets', () => {
  it('"sheets" becomes a src of sheet=URL pairs, relative addresses read against the config file', async () => {
    const result = await readConfig('https://news.example/cfg/live.json', serve({ sheets: { incidents: 'csv/incidents.csv', meta: 'https://sheets.example/pub?gid=0&output=csv' }, refresh: 300 }))
    expect(result).toEqual({ config: { src: 'incidents=https://news.example/cfg/csv/incidents.csv meta=https://sheets.example/pub?gid=0&output=csv', refresh: 300 } })
  })
  it('a src that is a set is resolved pair by pair', async () => {
    const result = await readConfig('https://news.example/cfg/live.json', serve({ src: 'incidents=a.csv sources=/b.csv' }))
    expect(result).toEqual({ config: { src: 'incidents=https://news.example/cfg/a.csv sources=https://news.example/b.csv' } })
  })
  it('a workbook src stays one address', async () => {
    const result = await readConfig('https://news.example/cfg/live.json', serve({ src: 'tracker.xlsx', refresh: '120' }))
    expect(result).toEqual({ config: { src: 'https://news.example/cfg/tracker.xlsx', refresh: 120 } })
  })
})
