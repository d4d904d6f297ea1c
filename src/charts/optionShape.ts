/**
 * The shape of an ECharts option: its keys, nested, with arrays counted but not walked (ECharts
 * replaces an array on merge, so what is inside one never goes stale). Two options of the same
 * shape can be merged, the second into the first, and leave nothing of the first behind: every key
 * the first set, the second sets again. ChartHost merges those, which spares ECharts rebuilding
 * every component and series (the map's 36 regions and their paths) when only figures changed.
 */
const IDENTITY = new Set(['type', 'map', 'coordinateSystem'])

export function optionShape(option: unknown): string {
  const parts: string[] = []
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      parts.push(`${path}[${value.length}]`)
      // Components and series are arrays of objects: their count and their keys are the shape.
      if (path === '' || /^\.(series|xAxis|yAxis|grid|graphic|visualMap|dataZoom|title|legend)$/.test(path)) value.forEach((item, index) => walk(item, `${path}.${index}`))
      return
    }
    if (value === null || typeof value !== 'object') return
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key]
      // What a series or component is, not only that it has a type: a bar series merged into a custom one is not the same chart.
      parts.push(IDENTITY.has(key) ? `${path}.${key}=${String(child)}` : `${path}.${key}`)
      if (key !== 'data') walk(child, `${path}.${key}`)
    }
  }
  walk(option, '')
  return parts.join(' ')
}
