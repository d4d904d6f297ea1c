#!/usr/bin/env node
/**
 * Payload budget for what readers download (run after build:embed and build:lib).
 * Follows the embed's Vite manifest to find what each widget loads: the first
 * widget on a page (for the map: its first paint, script + code + pre-projected
 * outlines; then with ECharts and the geometry it loads behind that), what each
 * further widget adds, and the Vue-app entry. Prints a table, writes dist/size-report.json,
 * and fails when a figure passes its budget in scripts/size-budget.json.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { gzipSync, brotliCompressSync } from 'node:zlib'

for (const needed of ['dist/embed/.vite/manifest.json', 'dist/lib/index.js']) {
  if (!existsSync(needed)) {
    console.error(`[size] ${needed} is missing: run \`npm run build:embed && npm run build:lib\` first`)
    process.exit(1)
  }
}
const manifest = JSON.parse(readFileSync('dist/embed/.vite/manifest.json', 'utf8'))
const budgets = JSON.parse(readFileSync('scripts/size-budget.json', 'utf8'))
const entryKey = Object.keys(manifest).find((key) => manifest[key].file === 'ghatna.js')

/** Every file loaded once `keys` are: static imports, plus the dynamic imports a widget always makes. */
function closure(keys, alwaysDynamic = () => false) {
  const seen = new Set()
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    for (const next of chunk.imports ?? []) visit(next)
    for (const next of chunk.dynamicImports ?? []) if (alwaysDynamic(next, key)) visit(next)
  }
  keys.forEach(visit)
  return seen
}
const widgetKey = (name) => Object.keys(manifest).find((key) => manifest[key].file.startsWith(`chunks/${name}-`))
// The entry always imports the elements (its only import); the map always loads its outlines for
// first paint, then ECharts and the geometry behind it; exports and other widgets load only on demand.
const paintsWith = (key, from) => key.endsWith('.paths.json') || from === entryKey
// Behind the first paint: what a widget's own chunk imports dynamically (the map's ECharts drawing), as vite.embed.config.ts says.
const widgetChunks = new Set(['IncidentMap', 'DowntimeChart', 'ImpactChart', 'ResponseTimeline'].map(widgetKey))
const loadsWith = (key, from) => paintsWith(key, from) || key.endsWith('.topo.json') || widgetChunks.has(from)

function measure(files) {
  const bytes = [...files].map((file) => readFileSync(file))
  const total = (f) => bytes.reduce((sum, b) => sum + f(b), 0)
  return { files: files.size, raw: total((b) => b.length), gzip: total((b) => gzipSync(b, { level: 9 }).length), brotli: total((b) => brotliCompressSync(b).length) }
}
const filesOf = (keys) => new Set([...keys].map((key) => `dist/embed/${manifest[key].file}`))

const report = {}
report['embed: first widget (map), first paint'] = measure(filesOf(closure([entryKey, widgetKey('IncidentMap')], paintsWith)))
const first = closure([entryKey, widgetKey('IncidentMap')], loadsWith)
report['embed: first widget (map), with ECharts behind'] = measure(filesOf(first))
for (const name of ['DowntimeChart', 'ImpactChart', 'ResponseTimeline']) {
  const added = [...closure([widgetKey(name)], loadsWith)].filter((key) => !first.has(key))
  report[`embed: + ${name}`] = measure(filesOf(added))
}
const alone = closure([entryKey, widgetKey('DowntimeChart')], loadsWith)
report['embed: first widget (downtime)'] = measure(filesOf(alone))

// The entry and the chunks it imports statically (code shared with a part loaded on demand, such as the sheet reader, is split out of it).
const libFiles = new Set(['dist/lib/index.js'])
for (const file of libFiles) {
  for (const [, chunk] of readFileSync(file, 'utf8').matchAll(/^import[^;]*?from\s*["']\.\/(?:chunks\/)?([\w.-]+\.js)["']/gm)) libFiles.add(`dist/lib/chunks/${chunk}`)
}
report['vue app entry (externals excluded)'] = measure(libFiles)

let failed = false
const rows = Object.entries(report).map(([name, size]) => {
  const budget = budgets[name]
  const over = budget !== undefined && size.gzip > budget
  if (over) failed = true
  return `| ${name} | ${size.files} | ${(size.raw / 1024).toFixed(1)} | ${(size.gzip / 1024).toFixed(1)} | ${(size.brotli / 1024).toFixed(1)} | ${budget !== undefined ? (budget / 1024).toFixed(0) : '–'} | ${over ? 'OVER' : 'ok'} |`
})
console.log(['| payload | files | raw KB | gzip KB | brotli KB | gzip budget KB | |', '|---|---|---|---|---|---|---|', ...rows].join('\n'))

// The package's exports must point at files that exist after a build.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
for (const [key, target] of Object.entries(pkg.exports)) {
  const paths = typeof target === 'string' ? [target] : Object.values(target)
  for (const path of paths) if (!path.includes('*') && !existsSync(path)) {
    console.error(`[size] package.json exports["${key}"] points at ${path}, which the build did not produce`)
    failed = true
  }
}
writeFileSync('dist/size-report.json', JSON.stringify(report, null, 2) + '\n')
if (failed) {
  console.error('[size] over budget or broken exports: see above')
  process.exit(1)
}
console.log('size: 1 passed, 0 failed')
