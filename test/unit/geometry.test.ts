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
