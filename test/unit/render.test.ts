import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/ghatna'

describe('ghatna render', () => {
  it('draws each widget as a standalone SVG with its title, date and sources', async () => {
    for (const [widget, title] of [['map', 'राज्यवार घटनाएँ'], ['downtime', 'सेवाएँ कितनी देर ठप रहीं'], ['impact', 'कितने प्रभावित हुए'], ['timeline', 'एजेंसियों ने क्या किया']]) {
      const result = await main(['render', '--widget', widget!, '--dataset', 'src/data/incidents.default.json', '--lang', 'hi', '--width', '600'])
      expect(result.code, widget).toBe(0)
      expect(result.stderr).toBe('')
      expect(result.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600"/)
      expect(result.stdout).toContain(`font-weight="bold" fill="#1a1a1a">${title}`)
      expect(result.stdout).toContain('· 23 नवंबर 2026 तक')
      expect(result.stdout).toContain('स्रोत: आजतक')
      expect(result.stdout).toMatch(/<path d="M[\d.]+ [\d.]+L/)
    }
    const map = await main(['render', '--widget', 'map', '--dataset', 'src/data/incidents.default.json'])
    expect(map.stdout).toContain('Boundaries approximate, not authoritative')
    expect(map.stdout).toContain('2 national incidents (All India), counted apart.')
  }, 30_000)

  it('escapes dataset text in the SVG and explains bad input', async () => {
    const dataset = JSON.stringify({ schemaVersion: 1, meta: { title: '<script>alert(1)</script>' }, incidents: [] })
    const { renderWidget } = await import('../../src/cli/render')
    const result = await renderWidget({ widget: 'map', dataset: 'x.json', lang: 'en', theme: 'dark', metric: 'incidents', width: 500 }, () => dataset)
    expect('svg' in result && result.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect('svg' in result && result.svg.includes('<script')).toBe(false)
    expect(await main(['render', '--widget', 'pie', '--dataset', 'x.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--widget must be map, downtime, impact or timeline.') })
    expect(await main(['render', '--widget', 'map', '--dataset', 'package.json'])).toMatchObject({ code: 1, stderr: '[ghatna] package.json: schemaVersion: "schemaVersion" must be 1; found no schemaVersion. This kit reads format version 1.\n' })
  })
})
