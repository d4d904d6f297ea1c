/**
 * The embed script: dist/embed/ghatna.js registers the custom elements; each
 * widget's code (and the map's geometry) is a separate chunk loaded on demand.
 */
import { defineConfig, mergeConfig, type Plugin } from 'vite'
import base from './vite.config.ts'

/** The iframe page: only our own scripts, under a strict CSP of its own. */
const iframePage: Plugin = {
  name: 'ghatna-iframe-page',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'embed.html',
      source: `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' https: http:; img-src 'self' data: blob:" />
    <title>Ghatna</title>
    <script type="module" src="./iframe.js"></script>
  </head>
  <body></body>
</html>
`,
    })
  },
}

export default mergeConfig(base, defineConfig({
  plugins: [iframePage],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Every URL the embed builds for itself (the validation worker, chunks) is relative to the script, so the
  // folder can be served under any path (/ghatna/embed/), not only the site root.
  base: './',
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: true,
    // Read by scripts/size-budget.mjs to follow what each widget loads.
    manifest: true,
    lib: {
      entry: { ghatna: 'src/embed/index.ts', iframe: 'src/embed/iframe.ts', 'iframe-host': 'src/embed/iframe-host.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // Library mode keeps whitespace in ES output; this script is served to readers, so minify it fully.
    rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
  },
}))
