import { describe, expect, it } from 'vitest'
import { normaliseGeometry } from '../../src/geo/india'

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 20], [x + 1, 20], [x + 1, 21], [x, 21], [x, 20]]] })

describe("a newsroom's own boundaries", () => {
  it('finds the ISO code in whatever property holds it, updates old codes, and drops the rest', () => {
    const { geometry, unmatched } = normaliseGeometry({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { iso_code: 'IN-BR', name: 'Bihar' }, geometry: square(85) },
        { type: 'Feature', properties: { STATE_ISO: 'IN-OR' }, geometry: square(84) },
        { type: 'Feature', id: 'IN-TG', properties: {}, geometry: square(79) },
        { type: 'Feature', properties: { name: 'Sea' }, geometry: square(70) },
      ],
    })
    expect(geometry.features.map((f) => f.properties.code)).toEqual(['IN-BR', 'IN-OD', 'IN-TS'])
    expect(unmatched).toBe(1)
  })
  it('reads TopoJSON and refuses other shapes with a reason', () => {
    const topology = { type: 'Topology', arcs: [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]], objects: { states: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: 'IN-GA' } }] } } }
    expect(normaliseGeometry(topology).geometry.features[0]!.properties.code).toBe('IN-GA')
    expect(() => normaliseGeometry({ type: 'Feature' })).toThrow('expected GeoJSON (FeatureCollection) or TopoJSON (Topology)')
  })
})

describe("the map's first paint outlines", () => {
  it('are the bundled boundaries as ECharts lays them out with the map series settings (regenerate: npx tsx scripts/geo/project-india.ts)', async () => {
    const { projectedRegions, PROJECTION_BOX } = await import('../../scripts/geo/projection')
    const shipped = (await import('../../src/geo/india-36.paths.json')).default as { box: number; regions: Record<string, string> }
    expect(shipped.box).toBe(PROJECTION_BOX)
    expect(shipped.regions).toEqual(projectedRegions())
  })
  it('draw every state and UT inside the box, with Ladakh the northernmost and the Andamans the southeast', async () => {
    const { REGION_CODES } = await import('../../src/core/regions')
    const shipped = (await import('../../src/geo/india-36.paths.json')).default as { box: number; regions: Record<string, string> }
    expect(Object.keys(shipped.regions).sort()).toEqual([...REGION_CODES].sort())
    /** The absolute points a path visits (M x y, then relative moves). */
    const points = (d: string) => d.split('z').filter(Boolean).flatMap((ring) => {
      const [start, moves = ''] = ring.slice(1).split('l')
      let [x, y] = start!.trim().split(/\s+/).map(Number) as [number, number]
      const out = [[x, y]]
      const deltas = moves.match(/-?\d+/g)?.map(Number) ?? []
      for (let i = 0; i < deltas.length; i += 2) out.push([(x += deltas[i]!), (y += deltas[i + 1]!)])
      return out
    })
    const bounds = Object.fromEntries(Object.entries(shipped.regions).map(([code, d]) => {
      const all = points(d)
      return [code, { top: Math.min(...all.map((p) => p[1]!)), left: Math.min(...all.map((p) => p[0]!)), right: Math.max(...all.map((p) => p[0]!)), bottom: Math.max(...all.map((p) => p[1]!)) }]
    }))
    for (const box of Object.values(bounds)) {
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(shipped.box)
      expect(box.top).toBeGreaterThanOrEqual(0)
      expect(box.bottom).toBeLessThanOrEqual(shipped.box)
    }
    expect(Math.min(...Object.values(bounds).map((box) => box.top))).toBe(bounds['IN-LA']!.top)
    expect(bounds['IN-AN']!.bottom).toBeGreaterThan(bounds['IN-TN']!.bottom)
    expect(bounds['IN-AN']!.left).toBeGreaterThan(bounds['IN-TN']!.right)
  })
})
