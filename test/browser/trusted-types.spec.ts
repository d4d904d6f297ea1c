/**
 * A page that enforces Trusted Types with no policy allowed: every HTML sink is refused.
 * The kit must draw every widget there with no violation, and its success signals must be
 * honest: `ghatna-ready` and `mount().ready === true` only when a chart really drew.
 */
import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { paintedShare } from './helpers'

const TRUSTED_TYPES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'"
const dataset = readFileSync('src/data/incidents.default.json', 'utf8')
const WIDGETS = ['map', 'downtime', 'impact', 'timeline', 'dashboard'] as const

const SCRIPT = `import { mount } from '/embed/ghatna.js'
window.__events = []
for (const name of ['ghatna-ready', 'ghatna-error']) {
  document.addEventListener(name, (event) => window.__events.push({ name, target: event.target.id, detail: JSON.parse(JSON.stringify(event.detail)) }))
}
const mounted = mount(document.querySelector('#slot'), { widget: 'downtime', src: '/data/incidents.json' })
mounted.element.id = 'mounted'
mounted.ready.then((ok) => (window.__ready = ok))
`

async function openPage(page: Page) {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`))
  })
  const body = WIDGETS.map((widget) => `<ghatna-${widget} id="w-${widget}" src="/data/incidents.json" lang="hi"></ghatna-${widget}>`).join('\n')
  await page.route((url) => url.pathname === '/news/trusted-types.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': TRUSTED_TYPES_CSP },
      body: `<!doctype html><html lang="hi"><head><meta charset="utf-8"><script type="module" src="/test-pages/tt.js"></script></head><body>${body}<div id="slot"></div></body></html>`,
    }),
  )
  await page.route((url) => url.pathname === '/test-pages/tt.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: SCRIPT }))
  await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
  await page.goto('/news/trusted-types.html')
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    events: () => page.evaluate(() => (window as unknown as { __events: { name: string; target: string; detail: { failure?: { kind: string; reason: string } } }[] }).__events),
  }
}


test('every widget draws under Trusted Types with no policy, with no violation, and says ready once drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const seen = await openPage(page)
  for (const widget of WIDGETS) {
    const element = page.locator(`#w-${widget}`)
    await element.scrollIntoViewIfNeeded()
    const charts = element.locator('.ghatna-chart')
    await expect(charts.first()).toHaveAttribute('data-rendered', 'true')
    for (const chart of await charts.all()) {
      await expect(chart).toHaveAttribute('data-rendered', 'true')
      expect(await chart.locator('canvas').first().evaluate(paintedShare), widget).toBeGreaterThan(0.02)
    }
  }
  // A tooltip is DOM put into ECharts' tooltip box (cleared first: one more sink the build patches).
  const map = page.locator('#w-map .ghatna-chart')
  await map.scrollIntoViewIfNeeded()
  const [x, y] = await map.evaluate((el) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, [85.6, 25.7]))
  const box = (await map.boundingBox())!
  await page.mouse.move(box.x + x!, box.y + y!)
  await expect(page.locator('#w-map .ghatna-tooltip__title')).toHaveText('बिहार')
  await page.mouse.move(box.x + 5, box.y + 5)

  await expect.poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready)).toBe(true)
  await page.screenshot({ path: 'test/artifacts/trusted-types-page.png', fullPage: true })
  const events = await seen.events()
  expect(events.filter((e) => e.name === 'ghatna-ready').map((e) => e.target).sort()).toEqual([...WIDGETS.map((w) => `w-${w}`), 'mounted'].sort())
  expect(events.filter((e) => e.name === 'ghatna-error')).toEqual([])
  expect(await seen.violations()).toEqual([])
  expect(seen.errors).toEqual([])
  // Vue made no policy (under trusted-types 'none' that alone is a violation).
  expect(await page.evaluate(() => (window as unknown as { trustedTypes: { defaultPolicy: unknown } }).trustedTypes.defaultPolicy)).toBeNull()
})

test('a chart that cannot draw shows its error state, sends ghatna-error with a reason, and mount().ready is false', async ({ page }) => {
  // A browser whose canvas is blocked (a privacy setting, an extension): ECharts cannot draw.
  await page.addInitScript(() => {
    HTMLCanvasElement.prototype.getContext = function () {
      return null
    } as typeof HTMLCanvasElement.prototype.getContext
  })
  const seen = await openPage(page)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready)).toBe(false)
  const mounted = page.locator('#mounted')
  await expect(mounted.locator('[data-draw-failed]')).toHaveAttribute('role', 'alert')
  await expect(mounted.locator('[data-draw-failed]')).toContainText('could not be drawn')
  const downtime = page.locator('#w-downtime')
  await downtime.scrollIntoViewIfNeeded()
  await expect(downtime.locator('[data-draw-failed]')).toContainText('चार्ट इस ब्राउज़र में नहीं बन सका')
  await expect.poll(async () => (await seen.events()).filter((e) => e.target === 'w-downtime').map((e) => e.name)).toEqual(['ghatna-error'])
  // The map's first paint needs no canvas: its outlines stay, ready, with no error shown over them.
  const map = page.locator('#w-map')
  await map.scrollIntoViewIfNeeded()
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('ghatna:painted').some((mark) => (mark as PerformanceMark).detail?.outline))).toBe(true)
  await expect.poll(() => seen.errors.some((e) => e.startsWith('[ghatna] chart ') && e.endsWith('; the picture drawn before it stays'))).toBe(true)
  await expect(map.locator('.ghatna-map__outline path[data-region="IN-BR"]')).toBeVisible()
  await expect(map.locator('[data-draw-failed]')).toHaveCount(0)
  const events = await seen.events()
  expect(events.filter((e) => e.target === 'w-map').map((e) => e.name)).toEqual(['ghatna-ready'])
  expect(events.filter((e) => e.name === 'ghatna-ready').map((e) => e.target)).toEqual(['w-map'])
  const failure = events.find((e) => e.target === 'mounted')!.detail.failure!
  expect(failure.kind).toBe('draw')
  expect(failure.reason).toMatch(/TypeError/)
  expect(seen.errors.some((e) => e.startsWith('[ghatna] chart ') && e.includes('could not be drawn'))).toBe(true)
})
