/**
 * The Vue-app entry of the npm package (dist/lib). Vue, Pinia, vue-i18n and
 * ECharts stay external, so an app shares one copy of each with the widgets.
 */
import { defineConfig, mergeConfig } from 'vite'
import base from './vite.config.ts'

export default mergeConfig(base, defineConfig({
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    copyPublicDir: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: {
      external: [/^vue($|\/)/, /^pinia($|\/)/, /^vue-i18n($|\/)/, /^@intlify\//, /^echarts($|\/)/, /^zrender($|\/)/, 'valibot', 'topojson-client'],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}))
