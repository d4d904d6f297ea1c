// ECharts ships each renderer's installer as a module of its own; typed as the barrel's export of it.
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  import type { SVGRenderer } from 'echarts/renderers'
  export const install: typeof SVGRenderer
}
