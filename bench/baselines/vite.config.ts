/**
 * The bench's baseline pages (scripts/bench.ts): a bare tree-shaken ECharts 6 map page and an
 * ECharts + Vue 3 page, drawing the kit's geometry from the same values, built as a plain Vite
 * app would be. Output: dist/baselines/ (served by the bench next to the kit's own build).
 */
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: '/baselines/',
  plugins: [vue()],
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  build: {
    outDir: here('../../dist/baselines'),
    emptyOutDir: true,
    // One bundle of ECharts and the geometry is what these pages are; no warning about its size.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { input: { echarts: here('echarts.html'), 'echarts-vue': here('echarts-vue.html') } },
  },
})
