/**
 * The map's first paint is drawn without ECharts: the region outlines pre-projected at build time,
 * coloured from the tallies, with the legend, All-India figure, summary and table toggle around them.
 * ECharts loads behind it and replaces it with the same picture. What a reader would notice: the right
 * states coloured, a click that selects before ECharts has arrived, `ghatna-ready` only once something is
 * drawn, nothing moving when ECharts takes over, and the keyboard reaching the chart that steps regions.
 */
import { test, expect, type Page } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { THEMES } from '../../src/charts/themes'
import { watchHost } from './helpers'

const DATASET = `/assets/${readdirSync('dist/assets').find((name) => /^incidents\.default-.*\.json$/.test(name))}`

async function openMap(page: Page, { blockECharts = false, holdECharts, width = 800 }: { blockECharts?: boolean; holdECharts?: Promise<void>; width?: number } = {}) {
  const host = await watchHost(page)
  await page.setViewportSize({ width, height: 1100 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  if (blockECharts) await page.route(/\/chunks\/InteractiveMap-/, (route) => route.abort())
  // ECharts' chunk held back until the test lets it go: the outlines can be looked at first.
  if (holdECharts) await page.route(/\/chunks\/InteractiveMap-/, async (route) => {
    await holdECharts
    await route.continue()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __ready: number }
    w.__ready = 0
    document.addEventListener('ghatna-ready', () => (w.__ready += 1))
  })
  await page.route((url) => url.pathname === '/news/map.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0"><ghatna-map id="map" src="${DATASET}" theme="light"></ghatna-map></body></html>`,
  }))
  await page.goto('/news/map.html')
  await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length > 0)
  return { host, map: page.locator('#map') }
}

/** Each outline's fill, by region code. */
const fills = (page: Page) => page.locator('#map .ghatna-map__outline path').evaluateAll((paths) => Object.fromEntries(paths.map((path) => [path.getAttribute('data-region'), path.getAttribute('fill')])))

test.describe("the map's first paint, before ECharts", () => {
  test('colours the states with incidents, shows the figures around the map, and is ready', async ({ page }) => {
    const { host, map } = await openMap(page, { blockECharts: true })
    const colours = await fills(page)
    expect(Object.keys(colours)).toHaveLength(36)
    // Bihar and Madhya Pradesh had one incident each: the one class, the ramp's darkest; every other region the grey of "no data".
    expect(Object.entries(colours).filter(([, fill]) => fill !== THEMES.light.empty).map(([code]) => code).sort()).toEqual(['IN-BR', 'IN-MP'])
    expect(colours['IN-BR']).toBe(THEMES.light.ramp[4])
    await expect(map.locator('.ghatna-widget__summary')).toHaveText('Bihar and Madhya Pradesh had the most, 1 incident each; 2 states and UTs had at least one incident. 2 national incidents (All India), counted apart. 2 involved an official denial.')
    await expect(map.locator('.ghatna-map__national span')).toHaveText('2 incidents')
    await expect(map.locator('.ghatna-map__legend li')).toHaveText(['1', 'no incidents'])
    await expect(map.locator('.ghatna-widget__table summary')).toHaveText('Show the numbers as a table')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __ready: number }).__ready)).toBe(1)
    // The picture is named for a screen reader like the chart it stands for.
    await expect(map.locator('.ghatna-map__outline')).toHaveAttribute('aria-label', /^Bihar and Madhya Pradesh had the most/)
    // Blocked here on purpose: the map stays as drawn and the console says why there are no tooltips.
    expect(host.errors.filter((error) => error.startsWith('[ghatna]'))).toEqual([expect.stringMatching(/^\[ghatna\] the interactive map could not be loaded \(.*\); it stays as first drawn, without tooltips\.$/)])
    expect(await map.locator('canvas').count()).toBe(0)
  })

  test('a click on a state selects it and outlines it, without ECharts', async ({ page }) => {
    const { host, map } = await openMap(page, { blockECharts: true })
    await map.locator('.ghatna-map__outline path[data-region="IN-BR"]').click()
    expect(await host.selects()).toEqual([{ target: 'map', region: 'IN-BR', group: null }])
    await expect(map.locator('.ghatna-map__selected')).toContainText('Bihar')
    const bihar = map.locator('.ghatna-map__outline path[data-region="IN-BR"]')
    await expect(bihar).toHaveAttribute('stroke', THEMES.light.text)
    await expect(bihar).toHaveAttribute('stroke-width', '2.5')
    // Drawn last, so its outline is not under a neighbour's.
    expect(await map.locator('.ghatna-map__outline path').last().getAttribute('data-region')).toBe('IN-BR')
  })
})

test.describe('ECharts behind the first paint', () => {
  for (const width of [800, 360]) {
    test(`draws the same picture over the outlines and then removes them (${width} px)`, async ({ page }) => {
      let release = () => {}
      const { host, map } = await openMap(page, { width, holdECharts: new Promise((resolve) => (release = resolve)) })
      const picture = map.locator('.ghatna-map__picture')
      const outline = await picture.screenshot()
      release()
      await expect(map.locator('.ghatna-chart[data-rendered="true"]')).toHaveCount(1, { timeout: 20_000 })
      await expect(map.locator('.ghatna-map__outline')).toHaveCount(0)
      const chart = await picture.screenshot()
      const differing = await page.evaluate(async ([a, b]) => {
        const load = async (png: string) => {
          const image = new Image()
          image.src = `data:image/png;base64,${png}`
          await image.decode()
          return image
        }
        const [first, second] = await Promise.all([load(a!), load(b!)])
        const canvas = new OffscreenCanvas(first.width, first.height)
        const context = canvas.getContext('2d')!
        const pixels = (image: HTMLImageElement) => {
          context.clearRect(0, 0, canvas.width, canvas.height)
          context.drawImage(image, 0, 0)
          return context.getImageData(0, 0, canvas.width, canvas.height).data
        }
        const [p, q] = [pixels(first), pixels(second)]
        let off = 0
        for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 150) off += 1
        return { share: off / (p.length / 4), same: first.width === second.width && first.height === second.height }
      }, [outline.toString('base64'), chart.toString('base64')])
      expect(differing.same).toBe(true)
      // Anti-aliasing along the borders differs between SVG and canvas; a shifted or rescaled map would differ over whole states.
      expect(differing.share).toBeLessThan(0.005)
      expect(host.errors).toEqual([])
    })
  }

  test('keyboard focus on the outlines moves to the chart, which steps through the regions', async ({ page }) => {
    await page.addInitScript(() => {
      // No idle time before the reader's Tab: ECharts loads because of the focus.
      ;(window as unknown as { requestIdleCallback: unknown }).requestIdleCallback = () => 0
    })
    const { host, map } = await openMap(page)
    // Where Tab lands after the table toggle and the metric buttons.
    await map.locator('.ghatna-map__outline').focus()
    const chart = map.locator('.ghatna-chart')
    await expect(chart).toBeFocused({ timeout: 10_000 })
    await page.keyboard.press('ArrowRight')
    await expect(map.locator('[data-announcer]')).toHaveText('Andaman and Nicobar Islands: no incidents')
    expect(host.errors).toEqual([])
  })
})
