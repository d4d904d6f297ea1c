/**
 * What one <ghatna-map> costs a reader before its first paint (the `ghatna:painted` mark): the bytes
 * of code and geometry the page loaded by then (gzip, as a server would send them), within the
 * budget in scripts/size-budget.json; and the sequential round trips on a 400 ms RTT network, at most
 * two (the script, then everything else at once: code, geometry and data). Both come from the page's
 * own Resource Timing, so an import that waits on another, or a new dependency, fails here.
 */
import { test, expect, type Page } from '@playwright/test'
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
/** The shipped default dataset, as the built app serves it (dist/assets, hashed name): a real file on the network, so the RTT applies to it. */
const DATASET = `/assets/${readdirSync('dist/assets').find((name) => /^incidents\.default-.*\.json$/.test(name))}`
const BUDGET = JSON.parse(readFileSync('scripts/size-budget.json', 'utf8'))['embed: first widget (map), first paint'] as number
const RTT_MS = 400

/** A news page with one map, served with a strict CSP; everything it loads comes from the preview server. */
async function openMapPage(page: Page, latencyMs = 0) {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.setViewportSize({ width: 800, height: 900 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  if (latencyMs > 0) {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 })
  }
  // The page itself is not a round trip of the kit's: routed, so only the kit's requests go over the (slow) network.
  await page.route((url) => url.pathname === '/news/map.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': STRICT_CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title><script type="module" src="/embed/ghatna.js"></script></head><body><ghatna-map src="${DATASET}"></ghatna-map></body></html>`,
  }))
  await page.goto('/news/map.html')
  await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length > 0, null, { timeout: 60_000 })
  const { painted, resources } = await page.evaluate(() => ({
    painted: performance.getEntriesByName('ghatna:painted')[0]!.startTime,
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: entry.responseEnd })),
  }))
  // What first paint waited for: everything that had arrived by then (not the favicon).
  const beforePaint = resources.filter((resource) => resource.end <= painted && resource.path !== '/favicon.ico')
  return { errors, painted, beforePaint }
}

/** The longest chain of requests each started only after the one before had finished: the round trips a reader waits through in turn. */
function sequentialRoundTrips(requests: readonly { path: string; start: number; end: number }[]): { depth: number; chain: string[] } {
  const sorted = [...requests].sort((a, b) => a.end - b.end)
  const best = sorted.map(() => ({ depth: 1, previous: -1 }))
  sorted.forEach((request, i) => {
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.end <= request.start && best[j]!.depth + 1 > best[i]!.depth) best[i] = { depth: best[j]!.depth + 1, previous: j }
    }
  })
  let at = best.reduce((top, entry, i) => (entry.depth > best[top]!.depth ? i : top), 0)
  const chain: string[] = []
  for (; at >= 0; at = best[at]!.previous) chain.unshift(sorted[at]!.path)
  return { depth: chain.length, chain }
}

test.describe('first paint of one <ghatna-map>', () => {
  test('loads at most the payload budget of code and geometry before it paints', async ({ page }) => {
    const { errors, beforePaint } = await openMapPage(page)
    const kit = beforePaint.filter((resource) => resource.path.startsWith('/embed/'))
    const files = kit.map((resource) => resource.path)
    // The map's own code and its outlines are among them: the measure would be empty otherwise.
    expect(files).toContain('/embed/ghatna.js')
    expect(files.some((path) => /\/chunks\/IncidentMap-/.test(path))).toBe(true)
    expect(files.some((path) => /\/chunks\/india-36\.paths-/.test(path))).toBe(true)
    // ECharts and the TopoJSON come behind the first paint, not before it.
    expect(files.filter((path) => /\/chunks\/(InteractiveMap|ChartHost|india-36\.topo)-/.test(path))).toEqual([])
    // Nothing but the kit's files and the dataset: no other origin or asset in the way of first paint.
    expect(beforePaint.filter((resource) => !resource.path.startsWith('/embed/') && resource.path !== DATASET).map((r) => r.path)).toEqual([])
    const gzip = kit.reduce((sum, resource) => sum + gzipSync(readFileSync(`dist${resource.path}`), { level: 9 }).length, 0)
    console.log(`[payload] before first paint: ${files.length} files, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${(BUDGET / 1024).toFixed(1)} KB)`)
    expect(gzip).toBeLessThanOrEqual(BUDGET)
    expect(errors).toEqual([])
  })

  test(`waits on at most two sequential round trips at ${RTT_MS} ms RTT`, async ({ page }) => {
    test.setTimeout(60_000)
    const { errors, painted, beforePaint } = await openMapPage(page, RTT_MS)
    const { depth, chain } = sequentialRoundTrips(beforePaint)
    console.log(`[payload] ${RTT_MS} ms RTT: painted at ${Math.round(painted)} ms after ${depth} sequential round trips (${chain.join(' → ')})`)
    // The dataset travels in the same round trip as the code, not after it.
    expect(beforePaint.map((resource) => resource.path)).toContain(DATASET)
    expect(depth, `sequential requests before first paint: ${chain.join(' → ')}`).toBeLessThanOrEqual(2)
    expect(errors).toEqual([])
  })
})
