import { registerMap } from 'echarts/core'
import { loadBundledGeometry, loadGeometryFromUrl } from '../../geo/india'

/** Geometry is loaded and registered with ECharts once per source, shared by every map on the page. */
const registered = new Map<string, Promise<string>>()

export function registerIndiaMap(url: string | undefined): Promise<string> {
  const key = url ?? 'bundled'
  let pending = registered.get(key)
  if (!pending) {
    const name = `ghatna-india-${registered.size}`
    pending = (url ? loadGeometryFromUrl(url) : loadBundledGeometry()).then((geometry) => {
      registerMap(name, geometry as unknown as Parameters<typeof registerMap>[1])
      return name
    })
    // A failed load may be retried by the next map that asks.
    pending.catch(() => registered.delete(key))
    registered.set(key, pending)
  }
  return pending
}
