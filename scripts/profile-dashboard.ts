/**
 * `npx tsx scripts/profile-dashboard.ts [dist]`: where the dashboard's main-thread time goes, at
 * 10 000 synthetic incidents (PROFILE_SIZE), 1× CPU. It loads the built dashboard (dist/, or the
 * folder given: build one with `--minify false` for readable names) in Debian Chromium, records a
 * Chromium trace and a sampling CPU profile, and prints
 * - the load's long tasks (> 50 ms), each with the functions that took most of it (self time), and
 * - a filter change (sector → health, as `npm run bench` does): its time to the fourth
 *   `ghatna:painted` mark, the tasks it ran and their hottest functions.
 * What `npm run bench` reports as numbers, this explains.
 */
import { createServer } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { chromium, type CDPSession } from 'playwright-core'
import { syntheticDataset } from '../test/fixtures/synthetic'
import { changeSectorFilter, paintMarks, timeFilterChange, waitForPaints } from './paint-marks'

const DIST = process.argv[2] ?? 'dist'
const SIZE = Number(process.env.PROFILE_SIZE ?? 10_000)
const TOP = Number(process.env.PROFILE_TOP ?? 12)
/** PROFILE_SAMPLES=0: the trace alone (task lengths without the sampler's overhead, which about doubles them). */
const SAMPLE = process.env.PROFILE_SAMPLES !== '0'
const dataset = Buffer.from(JSON.stringify(syntheticDataset({ count: SIZE, seed: 42 })))
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' }

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://profile')
  if (url.pathname === '/profile/dataset.json') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(dataset)
  const path = normalize(join(DIST, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
  if (!path.startsWith(normalize(DIST)) || !existsSync(path) || statSync(path).isDirectory()) return void response.writeHead(404).end()
  response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path))
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: Record<string, unknown> }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }

async function record(cdp: CDPSession, during: () => Promise<void>): Promise<{ events: TraceEvent[]; profile: Profile }> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  if (SAMPLE) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  }
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing,__metadata', transferMode: 'ReportEvents' })
  if (SAMPLE) await cdp.send('Profiler.start')
  await during()
  const { profile } = SAMPLE ? await cdp.send('Profiler.stop') as unknown as { profile: Profile } : { profile: { nodes: [], startTime: 0, samples: [], timeDeltas: [] } }
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.end')
  await done
  return { events, profile }
}

const frameKey = (frame: ProfileNode['callFrame']) => `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`

/** Self and total (inclusive) time per function within [from, to] (trace microseconds). */
function hottest(profile: Profile, from: number, to: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!
    const delta = profile.timeDeltas[i + 1] ?? 0
    if (at < from || at > to) return
    const key = frameKey(byId.get(id)!.callFrame)
    self.set(key, (self.get(key) ?? 0) + delta)
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node)!.callFrame
      if (!frame.url) continue
      const name = frameKey(frame)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + delta)
    }
  })
  const lines = (map: Map<string, number>, label: string) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([key, us]) => `      ${label} ${(us / 1000).toFixed(1).padStart(6)} ms  ${key}`)
  return [...lines(self, 'self '), ...(process.env.PROFILE_TOTAL ? lines(total, 'total') : [])]
}

/** Top-level tasks on the page's main thread (a navigation may change the renderer: every CrRendererMain counts). */
function mainTasks(events: TraceEvent[], minMs: number): TraceEvent[] {
  const main = new Set(events.filter((event) => event.name === 'thread_name' && (event.args as { name?: string })?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`))
  const tasks = events
    .filter((event) => (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask') && event.ph === 'X' && main.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => a.ts - b.ts)
  const outer: TraceEvent[] = []
  for (const task of tasks) {
    const last = outer.at(-1)
    if (last && last.pid === task.pid && task.ts < last.ts + last.dur!) continue
    outer.push(task)
  }
  return outer.filter((task) => task.dur! >= minMs * 1000)
}

function report(title: string, events: TraceEvent[], profile: Profile, minMs: number) {
  const tasks = mainTasks(events, minMs)
  // The kit's user-timing marks (ghatna:validated, ghatna:painted, profile:change), on the same clock.
  const marks = events.filter((event) => /^(ghatna|profile):/.test(event.name) && (event.ph === 'R' || event.ph === 'I' || event.ph === 'n' || event.ph === 'b'))
  const zero = marks.find((mark) => mark.name === 'profile:change')?.ts ?? tasks[0]?.ts ?? 0
  console.log(`\n${title}: ${tasks.length} tasks ≥ ${minMs} ms, longest ${(Math.max(0, ...tasks.map((t) => t.dur!)) / 1000).toFixed(0)} ms`)
  const rows = [...tasks.map((task) => ({ ts: task.ts, task })), ...marks.map((mark) => ({ ts: mark.ts, mark }))].sort((a, b) => a.ts - b.ts)
  for (const row of rows) {
    const at = `+${((row.ts - zero) / 1000).toFixed(0)} ms`
    if ('mark' in row) {
      console.log(`  ${at}: mark ${row.mark!.name} ${JSON.stringify((row.mark!.args as { data?: { detail?: unknown } })?.data?.detail ?? '')}`)
      continue
    }
    console.log(`  ${at}: task ${(row.task!.dur! / 1000).toFixed(1)} ms`)
    if (SAMPLE) console.log(hottest(profile, row.task!.ts, row.task!.ts + row.task!.dur!).join('\n'))
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })

/**
 * PROFILE_RUNS=n: no trace, only what `npm run bench` measures on the dashboard (longest long task
 * of the load, filter change → four charts painted), on n fresh pages, each run and the median.
 */
async function quick(runs: number) {
  const results: { longest: number; filter: number; marks: number; first: number; all: number }[] = []
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 2400 }, reducedMotion: 'reduce' })
    const page = await context.newPage()
    await page.addInitScript(`window.__longTasks = []; new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration) }).observe({ type: 'longtask', buffered: true })`)
    await page.goto(`${base}/?dataset=/profile/dataset.json&maxmb=200&timeout=120`)
    const charts = await waitForPaints(page, 4, 120_000, true)
    await page.waitForTimeout(300)
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks))
    // First painted: the map's outlines count; all: the four charts drawn by ECharts.
    const [first, all, marks] = [(await paintMarks(page))[0]!.at, Math.max(...charts.slice(0, 4).map((mark) => mark.at)), charts.length]
    const filter = await timeFilterChange(page, 60_000)
    results.push({ longest, filter, marks, first, all })
    if (process.env.PROFILE_APPLY) console.log(JSON.stringify(await page.evaluate(() => (window as any).__apply)))
    console.log(`run ${run + 1}: longest task ${longest.toFixed(0)} ms, filter change ${filter.toFixed(0)} ms, painted marks at load ${marks}, first painted ${first.toFixed(0)} ms, last ${all.toFixed(0)} ms`)
    await context.close()
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  console.log(`median of ${runs}: longest task ${median(results.map((r) => r.longest)).toFixed(0)} ms, filter change ${median(results.map((r) => r.filter)).toFixed(0)} ms, first painted ${median(results.map((r) => r.first)).toFixed(0)} ms, last ${median(results.map((r) => r.all)).toFixed(0)} ms`)
}

try {
  if (process.env.PROFILE_RUNS) {
    await quick(Number(process.env.PROFILE_RUNS))
    process.exit(0)
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 2400 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const load = await record(cdp, async () => {
    await page.goto(`${base}/?dataset=/profile/dataset.json&maxmb=200&timeout=120`)
    await waitForPaints(page, 4, 120_000, true)
    await page.waitForTimeout(300)
  })
  report(`load, ${SIZE} incidents`, load.events, load.profile, 50)
  const before = (await paintMarks(page, true)).length
  let filterMs = 0
  const filter = await record(cdp, async () => {
    const started = await changeSectorFilter(page)
    const after = await waitForPaints(page, before + 4, 60_000, true)
    filterMs = Math.max(...after.slice(before).map((mark) => mark.at)) - started
    await page.waitForTimeout(200)
  })
  report(`filter change → all painted in ${filterMs.toFixed(0)} ms`, filter.events, filter.profile, 4)
} finally {
  await browser.close()
  server.close()
}
