/**
 * A news page stays open for hours and widgets come and go: mounting and
 * disposing every widget many times must leave no ECharts instance, no window
 * listener and no retained heap behind.
 */
import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

const dataset = readFileSync('src/data/incidents.default.json', 'utf8')
const CYCLES = Number(process.env.GHATNA_LIFECYCLE_CYCLES ?? 500)
// V8 keeps optimising code for the first hundred or so cycles (measured: +8 MB
// in the first 50, then about 0.7 KB a cycle, all compiled code); the baseline
// is taken after that, so what is left is what the widgets keep.
const WARMUP = Number(process.env.GHATNA_LIFECYCLE_WARMUP ?? 100)
async function cycleWidgets(page: Page, { warmup = WARMUP, cycles = CYCLES, retain = false } = {}) {
  // Without motion a chart is ready as soon as it draws, not after its 300 ms entry animation: the same
  // mount and dispose paths at a third of the time (GHATNA_LIFECYCLE_MOTION=1 keeps the animation).
  if (!process.env.GHATNA_LIFECYCLE_MOTION) await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
  await page.route((url) => url.pathname === '/news/cycles.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><head><script type="module" src="/test-pages/cycles.js"></script></head><body><div id="slot"></div></body></html>' }),
  )
  await page.route((url) => url.pathname === '/test-pages/cycles.js', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `import { mount } from '/embed/ghatna.js'
window.__cycle = async (widget) => {
  if (window.__noop) return
  const m = mount(document.querySelector('#slot'), { widget, src: '/data/incidents.json' })
  await m.ready
  await new Promise((resolve) => { const check = () => m.element.shadowRoot?.querySelector('.ghatna-chart[data-rendered]') ? resolve() : requestAnimationFrame(check); check() })
  m.dispose()
  if (window.__retain) window.__retain.push(m.element)
  await new Promise((resolve) => setTimeout(resolve, 0))
}`,
    }),
  )
  await page.goto('/news/cycles.html')
  await page.waitForFunction(() => typeof (window as unknown as { __cycle?: unknown }).__cycle === 'function')
  const cdp = await page.context().newCDPSession(page)
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage')
    // Every handle goes into one object group, released after counting: a handle kept would itself retain what it counted.
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window', objectGroup: 'lifecycle' })
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })
    const count = async (expression: string) => {
      const proto = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'lifecycle' })
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId!, objectGroup: 'lifecycle' })
      const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length }', returnByValue: true })
      return length.value as number
    }
    const objects = process.env.GHATNA_LIFECYCLE_TRACE
      ? { divs: await count('HTMLDivElement.prototype'), elements: await count('HTMLElement.prototype') }
      : {}
    const counts = {
      shadowRoots: await count('ShadowRoot.prototype'),
      canvases: await count('HTMLCanvasElement.prototype'),
      observers: (await count('ResizeObserver.prototype')) + (await count('IntersectionObserver.prototype')),
    }
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'lifecycle' })
    return { heap: usedSize, dom: embedderHeapUsedSize, windowListeners: listeners.length, ...counts, ...objects }
  }
  const widgets = process.env.GHATNA_LIFECYCLE_WIDGETS?.split(',') ?? ['map', 'downtime', 'impact', 'timeline']
  // Warm up: code, geometry and the dataset load once and stay cached, by design; the JIT settles.
  for (let i = 0; i < warmup; i++) {
    for (const widget of widgets) await page.evaluate((w) => (window as unknown as { __cycle: (w: string) => Promise<void> }).__cycle(w), widget)
  }
  if (process.env.GHATNA_LIFECYCLE_NOOP) await page.evaluate(() => ((window as unknown as { __noop: boolean }).__noop = true))
  if (retain) await page.evaluate(() => ((window as unknown as { __retain: unknown[] }).__retain = []))
  const before = await measure()
  for (let i = 0; i < cycles; i++) {
    for (const widget of widgets) await page.evaluate((w) => (window as unknown as { __cycle: (w: string) => Promise<void> }).__cycle(w), widget)
    if (process.env.GHATNA_LIFECYCLE_TRACE && i % 50 === 49) console.log(`[lifecycle] after ${i + 1}: ${JSON.stringify(await measure())}`)
  }
  const after = await measure()
  const connected = await page.evaluate(() => document.querySelectorAll('[_echarts_instance_]').length + document.querySelectorAll('ghatna-map, ghatna-downtime, ghatna-impact, ghatna-timeline').length)
  const growth = after.heap - before.heap
  console.log(`[lifecycle] ${cycles} cycles x ${widgets.length} widgets after ${warmup} warm-up cycles${retain ? ' (retaining each on purpose)' : ''}: JS heap ${(before.heap / 1048576).toFixed(2)} → ${(after.heap / 1048576).toFixed(2)} MB (growth ${(growth / 1024).toFixed(0)} KB); DOM heap growth ${((after.dom - before.dom) / 1024).toFixed(0)} KB; window listeners ${before.windowListeners} → ${after.windowListeners}; shadow roots alive ${before.shadowRoots} → ${after.shadowRoots}; canvases ${before.canvases} → ${after.canvases}; observers ${before.observers} → ${after.observers}`)
  return { connected, growth, before, after }
}

test(`${CYCLES} mount/dispose cycles of every widget leave no widget, chart, listener or heap behind`, async ({ page }) => {
  test.setTimeout(900_000)
  const { connected, growth, before, after } = await cycleWidgets(page)
  expect(connected).toBe(0)
  expect(after.windowListeners).toBe(before.windowListeners)
  // The last widget disposed stays reachable through Vue's current-app reference until the next mount: one, never more.
  expect(after.shadowRoots).toBeLessThanOrEqual(Math.max(before.shadowRoots, 1))
  // One canvas either way is a text-measuring canvas created once per page (ECharts' or the kit's), or the
  // last chart disposed; a leak would show one per cycle, 500 here.
  expect(after.canvases).toBeLessThanOrEqual(before.canvases + 1)
  expect(after.observers).toBeLessThanOrEqual(before.observers)
  // Blink's heap is swept lazily: a few hundred KB either way between two readings is noise (flat over 600 cycles when traced).
  expect(after.dom - before.dom).toBeLessThan(1024 * 1024)
  expect(growth).toBeLessThan(1024 * 1024)
})

test('the measurement sees a widget that a page keeps after disposing it', async ({ page }) => {
  test.setTimeout(120_000)
  const { before, after } = await cycleWidgets(page, { warmup: 1, cycles: 3, retain: true })
  expect(after.shadowRoots).toBeGreaterThanOrEqual(3 * 4)
})
