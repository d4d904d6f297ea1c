/**
 * The embed script: dist/embed/ghatna.js registers the custom elements; each
 * widget's code (and the map's geometry) is a separate chunk loaded on demand.
 */
import { defineConfig, mergeConfig } from 'vite'
import base from './vite.config'

export default mergeConfig(base, defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: true,
    lib: { entry: 'src/embed/index.ts', formats: ['es'], fileName: () => 'ghatna.js' },
    // Library mode keeps whitespace in ES output; this script is served to readers, so minify it fully.
    rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
  },
}))
