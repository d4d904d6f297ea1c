/**
 * `npx tsx scripts/payload-parts.ts`: what the first <ghatna-map> downloads before its first paint, by
 * part (Vue, Pinia, vue-i18n, valibot, the kit's own code, the pre-projected outlines; ECharts, zrender
 * and the TopoJSON come behind the first paint and are not counted),
 * from the embed build's own chunks. A part's modules (as rendered, before the chunk is minified) are
 * gzipped together; "share" scales those figures to the bytes really shipped (the minified files,
 * gzipped file by file), so the shares add up to what the reader downloads. For planning issue 16's
 * first-paint target; nothing is written to dist/.
 */
import { build, type Plugin, type Rollup } from 'vite'
import { gzipSync } from 'node:zlib'

/** Which part a module belongs to, by its path. */
function partOf(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(id)
  if (!pkg) {
    if (id.endsWith('.paths.json')) return 'outlines (india-36.paths.json)'
    const kit = /\/src\/([^/]+)\//.exec(id)
    return kit ? `kit: src/${kit[1]}` : `other: ${id}`
  }
  const [, name, rest] = pkg
  if (name === 'echarts' || name === 'zrender') {
    const folder = /^lib\/([^/]+)(?:\/([^/]+))?/.exec(rest!)
    return `${name}: ${folder ? (folder[2] && ['component', 'chart', 'coord', 'renderer'].includes(folder[1]!) ? `${folder[1]}/${folder[2]}` : folder[1]) : rest}`
  }
  if (name!.startsWith('@vue/') || name === 'vue') return 'vue'
  if (name!.startsWith('@intlify/') || name === 'vue-i18n') return 'vue-i18n (+ @intlify)'
  return name!
}

const report: Plugin = {
  name: 'ghatna-payload-parts',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    const entry = byName.get('ghatna.js')!
    const seen = new Set<string>()
    const visit = (chunk: Rollup.OutputChunk | undefined) => {
      if (!chunk || seen.has(chunk.fileName)) return
      seen.add(chunk.fileName)
      for (const next of chunk.imports) visit(byName.get(next))
      for (const next of chunk.dynamicImports) if (byName.get(next)?.moduleIds.some((id) => id.endsWith('.paths.json'))) visit(byName.get(next))
    }
    visit(entry)
    entry.dynamicImports.forEach((file) => visit(byName.get(file)))
    visit(chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('/IncidentMap/IncidentMap.vue'))))
    const parts = new Map<string, string[]>()
    for (const file of seen) {
      for (const [id, module] of Object.entries(byName.get(file)!.modules)) {
        const code = module.code ?? ''
        if (!code) continue
        const part = partOf(id)
        parts.set(part, [...(parts.get(part) ?? []), code])
      }
    }
    const rows = [...parts].map(([part, codes]) => ({ part, raw: codes.join('\n').length, gzip: gzipSync(codes.join('\n'), { level: 9 }).length })).sort((a, b) => b.gzip - a.gzip)
    const files = [...seen].map((file) => byName.get(file)!.code)
    const whole = files.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0)
    const kb = (n: number) => (n / 1024).toFixed(1)
    // The outlines are a file of their own (JSON, which minifying does not shrink): their share is that file's gzip;
    // the code parts share the rest in proportion to their gzip alone.
    const geometryPart = 'outlines (india-36.paths.json)'
    const geometryFile = [...seen].map((file) => byName.get(file)!).find((chunk) => chunk.moduleIds.every((id) => id.endsWith('.paths.json')))
    const geometryShipped = geometryFile ? gzipSync(geometryFile.code, { level: 9 }).length : 0
    const codeTotal = rows.filter((row) => row.part !== geometryPart).reduce((sum, row) => sum + row.gzip, 0)
    const share = (gzip: number, part: string) => kb(part === geometryPart ? geometryShipped : (gzip / codeTotal) * (whole - geometryShipped))
    const print = (title: string, list: typeof rows) => {
      console.log(`\n| ${title} | rendered KB | gzip KB, alone | share of the shipped gzip KB |\n|---|---:|---:|---:|`)
      for (const row of list) console.log(`| ${row.part} | ${kb(row.raw)} | ${kb(row.gzip)} | ${share(row.gzip, row.part)} |`)
    }
    console.log(`first <ghatna-map>: ${seen.size} files, ${kb(whole)} KB gzip as shipped (file by file)`)
    const groupOf = (part: string) => (part.startsWith('echarts') || part.startsWith('zrender') ? 'ECharts + zrender' : part.startsWith('kit:') ? 'kit code (src/)' : part)
    const groups = new Map<string, { raw: number; gzip: number }>()
    for (const row of rows) {
      const group = groups.get(groupOf(row.part)) ?? { raw: 0, gzip: 0 }
      groups.set(groupOf(row.part), { raw: group.raw + row.raw, gzip: group.gzip + row.gzip })
    }
    print('group', [...groups].map(([part, size]) => ({ part, ...size })).sort((a, b) => b.gzip - a.gzip))
    print('part', rows)
  },
}

await build({ configFile: 'vite.embed.config.ts', logLevel: 'warn', plugins: [report], build: { write: false } })
