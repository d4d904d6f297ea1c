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
      expect(result.stdout).toMatch(/स्रोत \(\d\):/)
      expect(result.stdout).toMatch(/<path d="M[\d.]+ [\d.]+L/)
    }
    const map = await main(['render', '--widget', 'map', '--dataset', 'src/data/incidents.default.json'])
    expect(map.stdout).toContain('Boundaries approximate, not authoritative')
    // The legend and the All-India figure are in the picture: there is no page around it.
    expect(map.stdout).toContain('All India: 2 incidents (National platforms, counted apart from the states)')
    expect(map.stdout).toContain('>no incidents<')
    expect(map.stdout).toMatch(/<text[^>]*>1<\/text>/)
    expect(map.stdout).toContain('Sources (4):')
  }, 30_000)

  it('summarises many sources, wraps long lines inside the width, and reports a dataset’s errors on stderr (--strict refuses it)', async () => {
    const sources = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, publisher: `Publisher ${i}`, url: `https://example.org/${'very-long-path-segment-'.repeat(6)}${i}` }))
    const dataset = JSON.stringify({ schemaVersion: 1, meta: { title: 'Many sources' }, incidents: [
      { id: 'a', title: 'A', regions: ['IN-BR'], sector: 'health', kinds: ['ransomware'], status: 'confirmed', started: '2021', sources },
      { id: 'b', title: 'B', regions: ['IN-XX'], sector: 'health', kinds: ['ransomware'], status: 'confirmed', started: '2021', sources },
    ] })
    const { renderWidget } = await import('../../src/cli/render')
    const options = { widget: 'map', dataset: 'x.json', lang: 'en', theme: 'light', metric: 'incidents', width: 400 } as const
    const result = await renderWidget(options, () => dataset)
    expect(result.svg).toContain('20 sources; the first 8:')
    expect(result.svg).not.toContain('Publisher 8')
    // No line is wider than the picture (estimated as the renderer does: the URLs are broken up).
    const widths = [...result.svg!.matchAll(/<text x="16" y="[\d.]+"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map(([, size, text]) => text!.length * Number(size) * 0.5)
    expect(Math.max(...widths)).toBeLessThanOrEqual(400 - 32)
    expect(result.problems).toEqual(['error: incident "b", incidents[1].regions[0]: "IN-XX" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope).'])
    const strict = await renderWidget({ ...options, strict: true }, () => dataset)
    expect(strict.error).toBe('1 error in the dataset; nothing drawn (--strict).')
    expect(strict.svg).toBeUndefined()
    expect(await main(['render', '--widget', 'map', '--dataset', 'x.json', '--colour', 'red'])).toEqual({ code: 2, stdout: '', stderr: '[ghatna] render: unknown option --colour. See ghatna render --help.\n' })
    expect(await main(['render', '--widget', 'map', '--dataset', 'x.json', '--lang', 'xx'])).toEqual({ code: 2, stdout: '', stderr: '[ghatna] render: --lang must be en or hi; found "xx". See ghatna render --help.\n' })
  })

  it('gives Hindi figure labels the room the layout measured for them, not cut short', async () => {
    const { code, stdout } = await main(['render', '--widget', 'impact', '--dataset', 'src/data/incidents.default.json', '--unit', 'towns', '--lang', 'hi'])
    expect(code).toBe(0)
    // ECharts without a canvas counts each Devanagari letter an em wide and cut these to "413 · पु...".
    expect(stdout).toContain('>413 · पुष्ट<')
    expect(stdout).toContain('>412 · दावा<')
  })
  it('escapes dataset text in the SVG and explains bad input', async () => {
    const dataset = JSON.stringify({ schemaVersion: 1, meta: { title: '<script>alert(1)</script>' }, incidents: [] })
    const { renderWidget } = await import('../../src/cli/render')
    const result = await renderWidget({ widget: 'map', dataset: 'x.json', lang: 'en', theme: 'dark', metric: 'incidents', width: 500 }, () => dataset)
    expect(result.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(result.svg!.includes('<script')).toBe(false)
    expect(await main(['render', '--widget', 'pie', '--dataset', 'x.json'])).toEqual({ code: 2, stdout: '', stderr: '[ghatna] render: --widget must be map, downtime, impact or timeline; found "pie". See ghatna render --help.\n' })
    expect(await main(['render', '--widget', 'map', '--dataset', 'package.json'])).toMatchObject({ code: 1, stderr: '[ghatna] package.json: schemaVersion: "schemaVersion" must be 1; found no schemaVersion. This kit reads format version 1.\n' })
  })
})
