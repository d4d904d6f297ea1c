/**
 * The embed script: dist/embed/ghatna.js registers the custom elements; each
 * widget's code (and the map's geometry) is a separate chunk loaded on demand.
 */
import { defineConfig, mergeConfig, type Plugin, type Rollup } from 'vite'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import base from './vite.config.ts'

const CHUNK_GRAPH_PLACEHOLDER = /(["'`])__GHATNA_CHUNK_GRAPH__\1/
/** The widgets' own modules, read from the loaders in src/embed/widgets.ts (`map: () => import('…')`). */
function widgetModules(): Record<string, string> {
  const file = fileURLToPath(new URL('./src/embed/widgets.ts', import.meta.url))
  const found = [...readFileSync(file, 'utf8').matchAll(/(\w+): \(\) => import\('([^']+)'\)/g)]
  return Object.fromEntries(found.map(([, name, path]) => [name!, fileURLToPath(new URL(path!, new URL('./src/embed/', import.meta.url)))]))
}

/**
 * Writes into the entry (src/embed/index.ts, CHUNK_GRAPH) which files the elements and each widget
 * need before they can draw: their chunks' static imports, and the pre-projected outlines the map
 * always imports. The entry preloads them all at once, so first paint waits on two round trips, not one per
 * level of imports. Fails the build when the graph cannot be written, rather than ship without it.
 */
const chunkGraph: Plugin = {
  name: 'ghatna-chunk-graph',
  apply: 'build',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    const entry = chunks.find((chunk) => chunk.isEntry && chunk.fileName === 'ghatna.js')
    if (!entry) this.error('ghatna.js is not in the bundle')
    /** A chunk and every chunk it needs first: static imports, and the map's outlines (imported as soon as it mounts). */
    const closure = (start: Rollup.OutputChunk, into = new Set<string>()) => {
      if (into.has(start.fileName)) return into
      into.add(start.fileName)
      for (const next of [...start.imports, ...start.dynamicImports.filter((file) => byName.get(file)?.moduleIds.some((id) => id.endsWith('.paths.json')))]) {
        const chunk = byName.get(next)
        if (chunk) closure(chunk, into)
      }
      return into
    }
    const [elementsFile] = entry.dynamicImports
    const elementsChunk = elementsFile ? byName.get(elementsFile) : undefined
    if (!elementsChunk || entry.imports.length > 0) this.error(`ghatna.js must import nothing statically and only the elements chunk dynamically; it imports [${entry.imports.join(', ')}], dynamically [${entry.dynamicImports.join(', ')}]`)
    const elements = closure(elementsChunk)
    const graph: Record<string, string[]> = { elements: [...elements] }
    /** Per widget, what it loads behind its first paint (the map: ECharts and the TopoJSON), preloaded once the page has painted. */
    const behind: Record<string, string[]> = {}
    /** Every chunk a dynamic import needs, with the geometry its code imports once it runs. */
    const behindClosure = (start: Rollup.OutputChunk, into: Set<string>) => {
      closure(start, into)
      for (const file of [...into]) {
        for (const next of byName.get(file)?.dynamicImports ?? []) {
          const chunk = byName.get(next)
          if (chunk?.moduleIds.some((id) => id.endsWith('.topo.json'))) into.add(next)
        }
      }
      return into
    }
    for (const [widget, module] of Object.entries(widgetModules())) {
      const chunk = chunks.find((candidate) => candidate.facadeModuleId === module) ?? chunks.find((candidate) => candidate.moduleIds.includes(module))
      if (!chunk) this.error(`no chunk holds ${module} (the ${widget} widget)`)
      graph[widget] = [...closure(chunk)].filter((file) => !elements.has(file))
      const later = new Set<string>()
      for (const file of chunk.dynamicImports) {
        const next = byName.get(file)
        if (next && !graph[widget].includes(file)) behindClosure(next, later)
      }
      const first = new Set([...elements, ...graph[widget]])
      const extra = [...later].filter((file) => !first.has(file))
      if (extra.length) behind[widget] = extra
    }
    if (Object.keys(graph).length < 2) this.error('no widget loader found in src/embed/widgets.ts')
    if (!CHUNK_GRAPH_PLACEHOLDER.test(entry.code)) this.error('the CHUNK_GRAPH placeholder is missing from ghatna.js')
    // Each chunk's name once (chunks/<name>.js, relative to the entry: the folder may be served under any
    // path), and per widget the indices of the names it needs: the fewest bytes in the one file every page loads.
    const files = [...new Set([...Object.values(graph), ...Object.values(behind)].flat())]
    const names = files.map((file) => {
      const name = /^chunks\/(.+)\.js$/.exec(file)?.[1]
      if (!name) this.error(`${file} is not under chunks/: the entry's preload paths assume chunks/<name>.js`)
      return name
    })
    const indices = (lists: Record<string, string[]>) => Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.map((file) => files.indexOf(file))]))
    const written = { names, ...indices(graph), behind: indices(behind) }
    entry.code = entry.code.replace(CHUNK_GRAPH_PLACEHOLDER, JSON.stringify(JSON.stringify(written)))
  },
}

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
  plugins: [iframePage, chunkGraph],
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
