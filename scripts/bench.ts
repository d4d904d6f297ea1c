/**
 * `npm run bench`: what a reader's browser pays for the kit, measured in Debian
 * Chromium on the production build (run after `vite build` and `build:embed`).
 *
 * - Payload: bytes of script + geometry the first widget loads and each further
 *   widget adds (raw, gzip, brotli), from the responses the page really received.
 * - Time to painted: from navigation start to the `ghatna:painted` user-timing
 *   mark, which a chart sets one animation frame after ECharts has finished
 *   drawing its final frame (reduced motion is emulated, so animation length
 *   does not count; a reader with animations sees the first frame as early).
 * - Filter change: from the change event on the dashboard's sector filter to
 *   the last of the four charts painted again.
 * - Phases of a load: the dataset's last byte (Resource Timing), validated
 *   (the store's `ghatna:validated` mark: decoded, parsed, validated), and the
 *   last chart painted (aggregated and drawn).
 * - JS heap after render (after GC); long tasks (> 50 ms): total and longest.
 *
 * - Baselines: the floor of the kit's own stack, built in the same run from
 *   bench/baselines/ (vite.config.ts there): a bare tree-shaken ECharts 6 map page
 *   (MapChart + VisualMap + canvas renderer, no Vue) and an ECharts + Vue 3 page,
 *   both drawing the kit's geometry from the per-state values the kit's map page
 *   shows (its 100-incident dataset's tallies, served as /bench/values-100.json),
 *   measured like the kit's map (bytes, painted at each throttle, heap after GC) in
 *   the same interleaved rounds, in the same 800×900 viewport; the kit's figures
 *   are reported as ratios to them. The machine is often shared: absolute times
 *   move with its load, ratios measured interleaved in one run are what count.
 *
 * Datasets are the seeded synthetic generator's (never shown as real), at 100,
 * 10 000 and 100 000 incidents. Runs are interleaved (every scenario once per
 * round) and medians reported. Writes bench/results.json and bench/results.md.
 *
 * Options (environment): BENCH_RUNS (default 5), BENCH_SIZES (default
 * 100,10000,100000), BENCH_THROTTLE (default 1,4), BENCH_OUT (default
 * bench/results). 100 000 incidents at 4× CPU take minutes a run; the README's
 * table came from BENCH_RUNS=3 BENCH_SIZES=100,10000, and BENCH_RUNS=3
 * BENCH_SIZES=100000 BENCH_THROTTLE=1 BENCH_OUT=bench/results-100k.
 */
import { createServer, type Server } from 'node:http'
import { readFileSync, existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync, brotliCompressSync } from 'node:zlib'
import { cpus, totalmem } from 'node:os'
import { chromium, type Browser, type Page } from 'playwright-core'
import { syntheticDataset } from '../test/fixtures/synthetic'
import { validateDataset } from '../src/core/validate'
import { tallyByRegion } from '../src/core/aggregate'
import { REGIONS } from '../src/core/regions'
import { paintMarks, waitForPaints, timeFilterChange } from './paint-marks'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const SIZES = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number)
const THROTTLES = (process.env.BENCH_THROTTLE ?? '1,4').split(',').map(Number)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Where results go, without extension (BENCH_OUT, default bench/results). */
const OUT = process.env.BENCH_OUT ?? 'bench/results'
const DIST = 'dist'
const WIDGETS = ['map', 'downtime', 'impact', 'timeline'] as const

/** The baseline pages (bench/baselines/), built into dist/baselines/. */
const BASELINES = [
  { name: 'ECharts 6 tree-shaken', page: '/baselines/echarts.html' },
  { name: 'ECharts 6 + Vue 3', page: '/baselines/echarts-vue.html' },
] as const
/** The box every page of the comparison draws in. */
const COMPARISON_VIEWPORT = { width: 800, height: 900 }
/** The comparison's dataset size: the kit's map page and the baselines show its per-state values. */
const COMPARISON_SIZE = 100

for (const needed of [`${DIST}/index.html`, `${DIST}/embed/ghatna.js`, ...BASELINES.map((b) => `${DIST}${b.page}`)]) {
  if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npx vite build && npm run build:embed && npx vite build --config bench/baselines/vite.config.ts\` first (npm run bench does).`)
}

// ---------------------------------------------------------------- server
const datasets = new Map<number, Buffer>()
for (const size of new Set([COMPARISON_SIZE, ...SIZES])) datasets.set(size, Buffer.from(JSON.stringify(syntheticDataset({ count: size, seed: 42 }))))
/** What the kit's map colours for a dataset (incidents per state, the map's default metric), worked out by the kit's own core: the baselines draw these. */
function regionValues(size: number): Buffer {
  const report = validateDataset(datasets.get(size)!.toString('utf8'))
  const tallies = tallyByRegion(report.dataset?.incidents ?? [])
  return Buffer.from(JSON.stringify(Object.fromEntries(REGIONS.map(({ code }) => [code, tallies.regions.get(code)?.incidents ?? 0]))))
}
const values = new Map([...datasets.keys()].map((size) => [size, regionValues(size)]))

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

function embedPage(widgets: readonly string[], size: number): string {
  const elements = widgets.map((widget) => `<ghatna-${widget} src="/bench/synthetic-${size}.json" maxmb="200" group="bench" style="display:block;max-width:${COMPARISON_VIEWPORT.width}px"></ghatna-${widget}>`).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>bench</title><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0">${elements}</body></html>`
}

function startServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench')
    const dataset = /^\/bench\/(synthetic|values)-(\d+)\.json$/.exec(url.pathname)
    if (dataset) {
      const body = (dataset[1] === 'values' ? values : datasets).get(Number(dataset[2]))
      if (!body) return void response.writeHead(404).end()
      return void response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body)
    }
    if (url.pathname === '/bench/embed.html') {
      const widgets = (url.searchParams.get('widgets') ?? 'map').split(',')
      return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(embedPage(widgets, Number(url.searchParams.get('n') ?? 100)))
    }
    const path = normalize(join(DIST, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
    if (!path.startsWith(DIST) || !existsSync(path) || statSync(path).isDirectory()) return void response.writeHead(404).end()
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number }
    resolve({ server, base: `http://127.0.0.1:${port}` })
  }))
}

// ---------------------------------------------------------------- browser
async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** Long tasks, collected from the start of the page. */
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration) }).observe({ type: 'longtask', buffered: true })`

async function newPage(browser: Browser, throttle: number, viewport = { width: 1280, height: 2400 }): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.addInitScript(LONG_TASKS)
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  }
  return page
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

const longTaskTotal = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.reduce((sum, d) => sum + d, 0))

// ---------------------------------------------------------------- payload
interface Bytes { raw: number; gzip: number; brotli: number }
const sizeOf = (bodies: Buffer[]): Bytes => ({
  raw: bodies.reduce((sum, b) => sum + b.length, 0),
  gzip: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  brotli: bodies.reduce((sum, b) => sum + brotliCompressSync(b).length, 0),
})

async function payload(browser: Browser, base: string) {
  /** What a page downloads until its charts have painted, by URL: code and geometry, not the dataset. */
  const loadPage = async (url: string, paints: number) => {
    const page = await newPage(browser, 1, COMPARISON_VIEWPORT)
    const bodies = new Map<string, Buffer>()
    page.on('response', async (response) => {
      const path = new URL(response.url()).pathname
      if (path.startsWith('/bench/')) return
      try { bodies.set(path, await response.body()) } catch { /* redirects have no body */ }
    })
    await page.goto(url)
    await waitForPaints(page, paints, 60_000)
    // What had arrived by the first paint (the map's outlines, before ECharts loads behind them).
    const firstPaint = new Set(await page.evaluate(() => {
      const painted = performance.getEntriesByName('ghatna:painted')[0]!.startTime
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.responseEnd <= painted).map((entry) => new URL(entry.name).pathname)
    }))
    await page.waitForLoadState('networkidle')
    // The map's ECharts drawing (loaded on idle after first paint) is part of what the page downloads.
    if (url.includes('widgets=map')) await waitForPaints(page, 1, 60_000, true)
    await page.waitForLoadState('networkidle')
    await page.context().close()
    return Object.assign(bodies, { firstPaint })
  }
  const load = (widgets: readonly string[]) => loadPage(`${base}/bench/embed.html?widgets=${widgets.join(',')}&n=${COMPARISON_SIZE}`, widgets.length)
  const rows: { name: string; files: number; script: Bytes; geometry: Bytes; total: Bytes }[] = []
  const add = (name: string, now: Map<string, Buffer>, before = new Map<string, Buffer>()) => {
    const added = [...now].filter(([path]) => !before.has(path))
    const pick = (test: (path: string) => boolean) => sizeOf(added.filter(([path]) => test(path)).map(([, body]) => body))
    // The bundled India geometry is a JS module (india-36.topo-*.js); a newsroom's own boundaries come as JSON.
    // The map's pre-projected outlines (india-36.paths-*.js) are geometry too.
    const isGeometry = (path: string) => /\.topo\b|\.paths\b|\.(geo|topo)?json$/.test(path)
    const counted = added.filter(([path]) => path.endsWith('.js') || isGeometry(path))
    rows.push({ name, files: counted.length, script: pick((p) => p.endsWith('.js') && !isGeometry(p)), geometry: pick(isGeometry), total: pick((p) => p.endsWith('.js') || isGeometry(p)) })
  }
  let previous = new Map<string, Buffer>()
  for (let n = 1; n <= WIDGETS.length; n++) {
    const now = await load(WIDGETS.slice(0, n))
    if (n === 1) add('first widget: map, first paint', new Map([...now].filter(([path]) => now.firstPaint.has(path))))
    add(n === 1 ? 'first widget: map, with ECharts behind' : `+ ${WIDGETS[n - 1]}`, now, previous)
    previous = now
  }
  add('first widget: downtime (no map)', await load(['downtime']))
  for (const baseline of BASELINES) add(`baseline: ${baseline.name}`, await loadPage(`${base}${baseline.page}?values=/bench/values-${COMPARISON_SIZE}.json`, 1))
  return rows
}

// ---------------------------------------------------------------- request chain
/** Round trip emulated for the request chain (CDP network emulation). */
const CHAIN_RTT_MS = 400

/**
 * Sequential round trips before first paint, on a 400 ms RTT: the longest chain of requests (those
 * finished by the first `ghatna:painted` mark) each started only after the one before had finished.
 * The page itself does not count; test/browser/payload.spec.ts asserts the same measure.
 */
async function requestChain(browser: Browser, url: string): Promise<{ depth: number; chain: string[]; paintedMs: number }> {
  const page = await newPage(browser, 1, COMPARISON_VIEWPORT)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: CHAIN_RTT_MS, downloadThroughput: -1, uploadThroughput: -1 })
  await page.goto(url)
  await waitForPaints(page, 1, 120_000)
  const { painted, requests } = await page.evaluate(() => {
    const mark = performance.getEntriesByName('ghatna:painted')[0]!.startTime
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.responseEnd <= mark && !entry.name.endsWith('/favicon.ico'))
    return { painted: mark, requests: entries.map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: entry.responseEnd })) }
  })
  await page.context().close()
  const sorted = requests.sort((a, b) => a.end - b.end)
  const best = sorted.map(() => ({ depth: 1, previous: -1 }))
  sorted.forEach((request, i) => sorted.slice(0, i).forEach((earlier, j) => {
    if (earlier.end <= request.start && best[j]!.depth + 1 > best[i]!.depth) best[i] = { depth: best[j]!.depth + 1, previous: j }
  }))
  let at = best.reduce((top, entry, i) => (entry.depth > best[top]!.depth ? i : top), 0)
  const chain: string[] = []
  for (; at >= 0 && sorted.length > 0; at = best[at]!.previous) chain.unshift(sorted[at]!.path.replace(/^.*\//, ''))
  return { depth: chain.length, chain, paintedMs: Math.round(painted) }
}

// ---------------------------------------------------------------- timing
interface Sample {
  painted: number[]
  /** A map page: when ECharts had drawn the map (the kit: behind its outlines' first paint; a baseline: its first paint). */
  interactive?: number
  /** When the dataset's last byte arrived, and when the kit had validated it (the ghatna:validated mark). */
  received: number
  validated: number
  heap: number
  longTasks: number
  longestTask: number
  filter?: number
}

/** The phases of a load, from the page's own timings. */
const phases = (page: Page) => page.evaluate(() => {
  // The kit's dataset, or the baselines' per-state values.
  const resource = performance.getEntriesByType('resource').find((entry) => /\/bench\/(synthetic|values)-/.test(entry.name)) as PerformanceResourceTiming | undefined
  const validated = performance.getEntriesByName('ghatna:validated')[0]
  const tasks = (window as unknown as { __longTasks: number[] }).__longTasks
  return { received: resource?.responseEnd ?? Number.NaN, validated: validated?.startTime ?? Number.NaN, longestTask: Math.max(0, ...tasks) }
})

/** One map page (the kit's embed, or a baseline) in the comparison's box, to its first `ghatna:painted` mark. */
async function mapPage(browser: Browser, url: string, throttle: number): Promise<Sample> {
  const page = await newPage(browser, throttle, COMPARISON_VIEWPORT)
  await page.goto(url)
  const marks = await waitForPaints(page, 1, 180_000)
  // The kit's first paint is its outlines; ECharts then draws the same map behind them (hover, tooltips).
  // The heap is read once ECharts has drawn, so it counts what the reader's page ends up holding.
  const drawn = (await waitForPaints(page, 1, 180_000, true))[0]!.at
  const sample = { painted: [marks[0]!.at], interactive: drawn, ...(await phases(page)), heap: await heapAfterGc(page), longTasks: await longTaskTotal(page) }
  await page.context().close()
  return sample
}

/**
 * A reader who reaches for the map at once: the pointer moves onto it at its first paint, before the
 * page has been idle (the kit would otherwise load ECharts then). From that move to ECharts' drawing
 * of the map (hover and tooltips work): issue 16 allows 300 ms at 1× CPU.
 */
async function firstPointer(browser: Browser, url: string, throttle: number): Promise<number> {
  const page = await newPage(browser, throttle, COMPARISON_VIEWPORT)
  await page.addInitScript(() => {
    ;(window as unknown as { requestIdleCallback: unknown }).requestIdleCallback = () => 0
  })
  await page.goto(url)
  await waitForPaints(page, 1, 180_000)
  const box = (await page.locator('ghatna-map .ghatna-map__outline').boundingBox())!
  const moved = await page.evaluate(() => performance.now())
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  const drawn = (await waitForPaints(page, 1, 60_000, true))[0]!.at
  await page.context().close()
  return drawn - moved
}

async function dashboard(browser: Browser, base: string, size: number, throttle: number): Promise<Sample> {
  const page = await newPage(browser, throttle)
  await page.goto(`${base}/?dataset=/bench/synthetic-${size}.json&maxmb=200&timeout=120`)
  const marks = await waitForPaints(page, 4, 300_000, true)
  // First chart painted (the map's outlines count), and all four drawn by ECharts.
  const painted = [(await paintMarks(page))[0]!.at, Math.max(...marks.slice(0, 4).map((mark) => mark.at))]
  await page.waitForTimeout(300)
  const longTasks = await longTaskTotal(page)
  const loadPhases = await phases(page)
  const heap = await heapAfterGc(page)
  // Filter change: the sector filter to "health"; until the four charts have painted again.
  const filter = await timeFilterChange(page)
  await page.context().close()
  return { painted, ...loadPhases, heap, longTasks, filter }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// ---------------------------------------------------------------- main
const { server, base } = await startServer()
const browser = await launch()
try {
  const payloadRows = await payload(browser, base)
  const chains = [{ page: 'Ghatna map embed', ...(await requestChain(browser, `${base}/bench/embed.html?widgets=map&n=${COMPARISON_SIZE}`)) }]
  for (const baseline of BASELINES) chains.push({ page: baseline.name, ...(await requestChain(browser, `${base}${baseline.page}?values=/bench/values-${COMPARISON_SIZE}.json`)) })
  type Scenario = { name: string; size: number; throttle: number; kind: 'embed' | 'dashboard' | 'baseline'; page?: string }
  const embedName = (size: number, throttle: number) => `embed map, ${size} incidents, ${throttle}× CPU`
  const baselineName = (name: string, throttle: number) => `baseline: ${name}, ${throttle}× CPU`
  const scenarios: Scenario[] = SIZES.flatMap((size) => THROTTLES.flatMap((throttle) => [
    { name: embedName(size, throttle), size, throttle, kind: 'embed' as const },
    { name: `dashboard, ${size} incidents, ${throttle}× CPU`, size, throttle, kind: 'dashboard' as const },
  ]))
  // The baselines, in the same rounds; and the kit's map on the comparison's dataset even when BENCH_SIZES leaves it out.
  for (const throttle of THROTTLES) {
    if (!SIZES.includes(COMPARISON_SIZE)) scenarios.push({ name: embedName(COMPARISON_SIZE, throttle), size: COMPARISON_SIZE, throttle, kind: 'embed' })
    for (const baseline of BASELINES) scenarios.push({ name: baselineName(baseline.name, throttle), size: COMPARISON_SIZE, throttle, kind: 'baseline', page: baseline.page })
  }
  const samples = new Map<string, Sample[]>(scenarios.map((s) => [s.name, []]))
  for (let run = 1; run <= RUNS; run++) {
    for (const scenario of scenarios) {
      const sample = scenario.kind === 'dashboard'
        ? await dashboard(browser, base, scenario.size, scenario.throttle)
        : await mapPage(browser, scenario.kind === 'embed' ? `${base}/bench/embed.html?widgets=map&n=${scenario.size}` : `${base}${scenario.page}?values=/bench/values-${scenario.size}.json`, scenario.throttle)
      samples.get(scenario.name)!.push(sample)
      console.log(`[bench] run ${run}/${RUNS} ${scenario.name}: painted ${sample.painted.map((t) => t.toFixed(0)).join('/')} ms${sample.filter !== undefined ? `, filter ${sample.filter.toFixed(0)} ms` : ''}`)
    }
  }
  const pointerMs = Object.fromEntries(await (async () => {
    const entries: [string, number][] = []
    for (const throttle of THROTTLES) {
      const runs: number[] = []
      for (let run = 1; run <= RUNS; run++) runs.push(await firstPointer(browser, `${base}/bench/embed.html?widgets=map&n=${COMPARISON_SIZE}`, throttle))
      entries.push([`${throttle}x`, Math.round(median(runs))])
      console.log(`[bench] first pointer on the map at ${throttle}× CPU → ECharts drawn: ${runs.map((t) => t.toFixed(0)).join('/')} ms`)
    }
    return entries
  })())
  const timing = scenarios.map((scenario) => {
    const runs = samples.get(scenario.name)!
    return {
      scenario: scenario.name,
      size: scenario.size,
      throttle: scenario.throttle,
      kind: scenario.kind,
      datasetBytes: (scenario.kind === 'baseline' ? values : datasets).get(scenario.size)!.length,
      paintedMs: runs[0]!.painted.map((_, i) => Math.round(median(runs.map((r) => r.painted[i]!)))),
      lastPaintedMs: Math.round(median(runs.map((r) => Math.max(...r.painted)))),
      interactiveMs: runs[0]!.interactive === undefined ? undefined : Math.round(median(runs.map((r) => r.interactive!))),
      /** Dataset fully received (ms from navigation). */
      receivedMs: Math.round(median(runs.map((r) => r.received))),
      /** Decoded, parsed and validated: from the last byte to the ghatna:validated mark. */
      validateMs: Math.round(median(runs.map((r) => r.validated - r.received))),
      /** Aggregated and drawn: from validated to the last chart painted. */
      drawMs: Math.round(median(runs.map((r) => Math.max(...r.painted) - r.validated))),
      longestTaskMs: Math.round(median(runs.map((r) => r.longestTask))),
      filterChangeMs: scenario.kind === 'dashboard' ? Math.round(median(runs.map((r) => r.filter!))) : undefined,
      heapMb: Number((median(runs.map((r) => r.heap)) / 1048576).toFixed(1)),
      longTasksMs: Math.round(median(runs.map((r) => r.longTasks))),
      runs: runs.length,
    }
  })
  /**
   * The kit's map against the floor of its own stack: the same values, box and rounds. Bytes from the
   * payload rows (the kit's first widget: map), times and heap from the timing rows.
   */
  const bytesOf = (name: string) => payloadRows.find((row) => row.name === name)!.total.gzip
  const pages = [
    ...BASELINES.map((baseline) => ({ name: baseline.name, bytes: bytesOf(`baseline: ${baseline.name}`), row: (throttle: number) => timing.find((t) => t.scenario === baselineName(baseline.name, throttle)) })),
    { name: 'Ghatna map embed', bytes: bytesOf('first widget: map, first paint'), row: (throttle: number) => timing.find((t) => t.scenario === embedName(COMPARISON_SIZE, throttle)) },
  ]
  const comparison = pages.map((page) => ({
    page: page.name,
    gzipBytes: page.bytes,
    paintedMs: Object.fromEntries(THROTTLES.map((throttle) => [`${throttle}x`, page.row(throttle)?.paintedMs[0]])),
    interactiveMs: Object.fromEntries(THROTTLES.map((throttle) => [`${throttle}x`, page.row(throttle)?.interactiveMs])),
    heapMb: page.row(THROTTLES[0]!)?.heapMb,
  }))
  const machine = { date: new Date().toISOString().slice(0, 10), cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, memoryGb: Math.round(totalmem() / 1073741824), node: process.version, chromium: browser.version() }
  mkdirSync('bench', { recursive: true })
  writeFileSync(`${OUT}.json`, `${JSON.stringify({ machine, payload: payloadRows, requestChain: chains, timing, comparison, firstPointerMs: pointerMs }, null, 2)}\n`)

  const kb = (n: number) => (n / 1024).toFixed(1)
  const [floor, floorVue, kit] = comparison as [typeof comparison[0], typeof comparison[0], typeof comparison[0]]
  /** "1.52× / 1.40×": the kit's figure over the tree-shaken ECharts page's, and over the ECharts + Vue page's. */
  const ratios = (pick: (page: typeof kit) => number | undefined) => {
    const ratio = (other: typeof kit) => ((pick(kit) ?? Number.NaN) / (pick(other) ?? Number.NaN)).toFixed(2)
    return `${ratio(floor)}× / ${ratio(floorVue)}×`
  }
  const md = [
    `Measured ${machine.date} on ${machine.cpus}, ${machine.memoryGb} GB, Chromium ${machine.chromium}, Node ${machine.node}; medians of ${RUNS} interleaved runs.`,
    '',
    `Against the floor of the kit's own stack (same ${COMPARISON_VIEWPORT.width}×${COMPARISON_VIEWPORT.height} box, same per-state values: the ${COMPARISON_SIZE}-incident dataset's tallies; dataset bytes not counted). Absolute times move with the machine's load; the ratios, measured in the same interleaved rounds, are what count.`,
    '',
    `| page | gzip KB before first paint (code + geometry) | ${THROTTLES.map((t) => `painted, ${t}× CPU (ms)`).join(' | ')} | ${THROTTLES.map((t) => `drawn by ECharts, ${t}× CPU (ms)`).join(' | ')} | JS heap after GC, MB |`,
    `|---|---:|${THROTTLES.map(() => '---:|').join('')}${THROTTLES.map(() => '---:|').join('')}---:|`,
    ...comparison.map((page) => `| ${page.page} | ${kb(page.gzipBytes)} | ${THROTTLES.map((t) => page.paintedMs[`${t}x`] ?? '–').join(' | ')} | ${THROTTLES.map((t) => page.interactiveMs[`${t}x`] ?? '–').join(' | ')} | ${page.heapMb ?? '–'} |`),
    `| **Ghatna ÷ ECharts / ÷ ECharts + Vue** | **${ratios((p) => p.gzipBytes)}** | ${THROTTLES.map((t) => `**${ratios((p) => p.paintedMs[`${t}x`])}**`).join(' | ')} | ${THROTTLES.map((t) => `**${ratios((p) => p.interactiveMs[`${t}x`])}**`).join(' | ')} | **${ratios((p) => p.heapMb)}** |`,
    '',
    `A reader's first pointer on the map at its first paint (before the page is idle) → ECharts has drawn it, hover and tooltips working: ${THROTTLES.map((t) => `${pointerMs[`${t}x`]} ms at ${t}× CPU`).join(', ')} (issue 16 allows 300 ms at 1×).`,
    '',
    'Painted: the first `ghatna:painted` mark (the kit\'s map: its pre-projected outlines, with legend, figures and summary; ECharts loads behind). Drawn by ECharts: the first mark set after ECharts has drawn the map (hover and tooltips work from then on); the baselines\' first paint is that. Heap: after GC once ECharts has drawn.',
    '',
    `| request chain at ${CHAIN_RTT_MS} ms RTT | sequential round trips before first paint | painted (ms) | the chain |`,
    '|---|---:|---:|---|',
    ...chains.map((row) => `| ${row.page} | ${row.depth} | ${row.paintedMs} | ${row.chain.join(' → ')} |`),
    '',
    '| payload (script + geometry, dataset excluded) | files | raw KB | gzip KB | brotli KB | of which geometry, gzip KB |',
    '|---|---:|---:|---:|---:|---:|',
    ...payloadRows.map((row) => `| ${row.name} | ${row.files} | ${kb(row.total.raw)} | ${kb(row.total.gzip)} | ${kb(row.total.brotli)} | ${row.name.startsWith('baseline:') ? 'in the script' : kb(row.geometry.gzip)} |`),
    '',
    '| scenario | dataset MB | painted (ms from navigation) | data received | → validated | → all painted | filter change → all painted (ms) | JS heap MB | long tasks: total / longest (ms) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
    ...timing.map((row) => `| ${row.scenario} | ${(row.datasetBytes / 1048576).toFixed(2)} | ${row.kind === 'dashboard' ? `first ${row.paintedMs[0]}, all four ${row.paintedMs[1]}` : row.paintedMs[0]} | ${row.receivedMs} | ${Number.isFinite(row.validateMs) ? `+${row.validateMs}` : '–'} | ${Number.isFinite(row.drawMs) ? `+${row.drawMs}` : `+${row.paintedMs[0]! - row.receivedMs}`} | ${row.filterChangeMs ?? '–'} | ${row.heapMb} | ${row.longTasksMs} / ${row.longestTaskMs} |`),
    '',
    'Baselines: bench/baselines/ (their data is the 36 per-state values, their geometry is bundled in the script). Data received: the dataset\'s last byte (Resource Timing). → validated: decoded, parsed, validated and tallied, and on the page (the `ghatna:validated` mark; in a worker on the dashboard, whose result the page has received by then; on the page in the script embed). → all painted: drawn, to the last `ghatna:painted` mark.',
  ].join('\n')
  writeFileSync(`${OUT}.md`, `${md}\n`)
  console.log(`\n${md}\n\n[bench] wrote ${OUT}.json and ${OUT}.md`)
} finally {
  await browser.close()
  server.close()
}
