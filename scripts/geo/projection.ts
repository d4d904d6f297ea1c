/**
 * The projection behind src/geo/india-36.paths.json (see project-india.ts): ECharts, in Node,
 * lays out the bundled boundaries with the map series' own settings, and every boundary point
 * is read back in pixels. Rounded to whole units of a 1000-unit box (0.52 px on the largest
 * map, 520 px tall) and written as relative moves, the 36 outlines are a few KB gzip.
 */
import * as echarts from 'echarts/core'
import { MapChart } from 'echarts/charts'
import { SVGRenderer } from 'echarts/renderers'
import type { Position } from 'geojson'
import topology from '../../src/geo/india-36.topo.json'
import { normaliseGeometry } from '../../src/geo/india'
import { MAP_LAYOUT } from '../../src/widgets/IncidentMap/option'

echarts.use([MapChart, SVGRenderer])

export const PROJECTION_BOX = 1000

/** Each region's outline as an SVG path (`M x y l dx dy … z` per ring), by ISO 3166-2:IN code. */
export function projectedRegions(): Record<string, string> {
  const { geometry } = normaliseGeometry(topology)
  echarts.registerMap('ghatna-projection', geometry as unknown as Parameters<typeof echarts.registerMap>[1])
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: PROJECTION_BOX, height: PROJECTION_BOX })
  chart.setOption({ animation: false, series: [{ type: 'map', map: 'ghatna-projection', nameProperty: 'code', ...MAP_LAYOUT, data: [] }] })
  const toPixel = (point: Position) => chart.convertToPixel({ seriesIndex: 0 }, [point[0]!, point[1]!]) as number[]
  const ring = (points: Position[]): string => {
    let path = ''
    let last: [number, number] | undefined
    let moves = 0
    for (const point of points) {
      const [x, y] = toPixel(point).map(Math.round) as [number, number]
      if (!last) path += `M${x} ${y}`
      else if (x !== last[0] || y !== last[1]) {
        const dx = x - last[0]
        const dy = y - last[1]
        // A minus sign separates numbers by itself: "l3-2-1 4".
        path += `${moves === 0 ? 'l' : dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`
        moves += 1
      } else continue
      last = [x, y]
    }
    // A ring smaller than a unit is no outline at all.
    return moves >= 2 ? `${path}z` : ''
  }
  const regions: Record<string, string> = {}
  for (const feature of [...geometry.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))) {
    const shape = feature.geometry
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.type === 'MultiPolygon' ? shape.coordinates : []
    regions[feature.properties.code] = polygons.flatMap((rings) => rings.map(ring)).join('')
  }
  chart.dispose()
  return regions
}
