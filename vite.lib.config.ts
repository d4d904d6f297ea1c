/**
 * The Vue-app entry of the npm package (dist/lib). Vue and Pinia (peer dependencies)
 * and ECharts, valibot and topojson-client (dependencies) stay external, so an app
 * shares one copy of each with the widgets. vue-i18n's runtime is bundled: the kit's
 * messages live in a private instance that never meets the app's own vue-i18n.
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
      external: [/^vue($|\/)/, /^pinia($|\/)/, /^echarts($|\/)/, /^zrender($|\/)/, 'valibot', 'topojson-client'],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}))
