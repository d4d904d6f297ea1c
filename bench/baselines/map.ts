/**
 * What the baseline pages draw: the kit's own geometry (src/geo/india-36.topo.json, the
 * 36 states and UTs the Ghatna map draws) coloured by the same per-state values the
 * Ghatna map page shows (served by scripts/bench.ts), with a plain ECharts visualMap.
 * Tree-shaken ECharts 6: the map chart, visualMap and the canvas renderer, nothing else.
 */
import { init, use, registerMap } from 'echarts/core'
import { MapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import topology from '../../src/geo/india-36.topo.json'

use([MapChart, VisualMapComponent, CanvasRenderer])

/** Per-state values, by ISO 3166-2:IN code; the URL is the page's `?values=` (the bench serves it). */
export async function fetchValues(): Promise<Record<string, number>> {
  const url = new URLSearchParams(location.search).get('values') ?? '/bench/values-100.json'
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`)
  return (await response.json()) as Record<string, number>
}

/** Draws the map into `el` and sets the same `ghatna:painted` mark the kit sets (one frame after ECharts' finished frame). */
export function drawMap(el: HTMLElement, values: Record<string, number>): void {
  const topo = topology as unknown as Topology
  registerMap('india', feature(topo, topo.objects.regions as GeometryCollection) as unknown as Parameters<typeof registerMap>[1])
  const chart = init(el, undefined, { renderer: 'canvas' })
  let painted = false
  chart.on('finished', () => {
    if (painted) return
    painted = true
    requestAnimationFrame(() => performance.mark('ghatna:painted', { detail: { chart: 'baseline' } }))
  })
  const data = Object.entries(values).map(([name, value]) => ({ name, value }))
  chart.setOption({
    animation: false,
    visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d.value)), left: 'left', bottom: 10, calculable: false, inRange: { color: ['#deebf7', '#08519c'] } },
    series: [{ type: 'map', map: 'india', nameProperty: 'code', roam: false, selectedMode: false, aspectScale: 0.92, layoutCenter: ['50%', '50%'], layoutSize: '98%', label: { show: false }, data }],
  })
}
