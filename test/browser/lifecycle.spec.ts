/**
 * A news page stays open for hours and widgets come and go: mounting and
 * disposing every widget many times must leave no ECharts instance, no window
 * listener and no retained heap behind.
 */
import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

const dataset = readFileSync('src/data/incidents.default.json', 'utf8')
const CYCLES = Number(process.env.GHATNA_LIFECYCLE_CYCLES ?? 60)

async function cycleWidgets(page: Page) {
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
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' })
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })
    const count = async (expression: string) => {
      const proto = await cdp.send('Runtime.evaluate', { expression })
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! })
      const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length }', returnByValue: true })
      return length.value as number
    }
    const objects = process.env.GHATNA_LIFECYCLE_TRACE
      ? { divs: await count('HTMLDivElement.prototype'), canvases: await count('HTMLCanvasElement.prototype'), elements: await count('HTMLElement.prototype') }
      : {}
    return { heap: usedSize, windowListeners: listeners.length, shadowRoots: await count('ShadowRoot.prototype'), ...objects }
  }
  const widgets = process.env.GHATNA_LIFECYCLE_WIDGETS?.split(',') ?? ['map', 'downtime', 'impact', 'timeline']
  // Warm up: code, geometry and the dataset load once and stay cached, by design.
  for (const widget of widgets) await page.evaluate((w) => (window as unknown as { __cycle: (w: string) => Promise<void> }).__cycle(w), widget)
  if (process.env.GHATNA_LIFECYCLE_NOOP) await page.evaluate(() => ((window as unknown as { __noop: boolean }).__noop = true))
  const before = await measure()
  for (let i = 0; i < CYCLES; i++) {
    for (const widget of widgets) await page.evaluate((w) => (window as unknown as { __cycle: (w: string) => Promise<void> }).__cycle(w), widget)
    if (process.env.GHATNA_LIFECYCLE_TRACE && i % 10 === 9) console.log(`[lifecycle] after ${i + 1}: ${JSON.stringify(await measure())}`)
  }
  const after = await measure()
  const connected = await page.evaluate(() => document.querySelectorAll('[_echarts_instance_]').length + document.querySelectorAll('ghatna-map, ghatna-downtime, ghatna-impact, ghatna-timeline').length)
  const growth = after.heap - before.heap
  console.log(`[lifecycle] ${CYCLES} cycles x ${widgets.length} widgets: heap ${(before.heap / 1048576).toFixed(2)} → ${(after.heap / 1048576).toFixed(2)} MB (growth ${(growth / 1024).toFixed(0)} KB); window listeners ${before.windowListeners} → ${after.windowListeners}; shadow roots alive ${before.shadowRoots} → ${after.shadowRoots}`)
  return { connected, growth, before, after }
}

test(`${CYCLES} mount/dispose cycles of every widget leave no widget, chart or window listener attached`, async ({ page }) => {
  test.setTimeout(600_000)
  const { connected, before, after } = await cycleWidgets(page)
  expect(connected).toBe(0)
  expect(after.windowListeners).toBe(before.windowListeners)
})

// Known leak, open in issue 5: about 1 in 10 disposed widgets stays reachable
// (host, shadow root and chart), ~3-6 KB a mount. This test is expected to fail
// until that is fixed; when it starts passing, remove test.fail.
test(`${CYCLES} mount/dispose cycles retain no disposed widget and grow the heap by under 1 MB`, async ({ page }) => {
  test.fail()
  test.setTimeout(600_000)
  const { growth, before, after } = await cycleWidgets(page)
  expect(after.shadowRoots).toBe(before.shadowRoots)
  expect(growth).toBeLessThan(1024 * 1024)
})
