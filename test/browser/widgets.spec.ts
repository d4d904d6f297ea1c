import { test, expect, type Page, type Locator } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { serveJson } from './helpers'
import { syntheticDataset } from '../fixtures/synthetic'

const ARTIFACTS = 'test/artifacts'
mkdirSync(ARTIFACTS, { recursive: true })

/** Share of the chart's canvas pixels that ECharts actually painted (alpha > 0). */
async function paintedShare(chart: Locator): Promise<number> {
  return chart.evaluate((el) => {
    const canvas = el.querySelector('canvas')
    if (!canvas) return 0
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
    return painted / (canvas.width * canvas.height)
  })
}

const widget = (page: Page, title: string) => page.locator('.ghatna-widget', { has: page.getByRole('heading', { name: title, exact: true }) })

/** Moves the mouse onto a point of the map given in longitude/latitude. */
async function hoverMapAt(page: Page, lonLat: [number, number]) {
  const chart = widget(page, page.url().includes('lang=hi') ? 'राज्यवार घटनाएँ' : 'Incidents by state').locator('.ghatna-chart')
  await expect(chart).toHaveAttribute('data-rendered', 'true')
  const [x, y] = await chart.evaluate((el, point) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, point), lonLat)
  const box = (await chart.boundingBox())!
  await page.mouse.move(box.x + x!, box.y + y!)
  return { x: box.x + x!, y: box.y + y! }
}

const BIHAR: [number, number] = [85.6, 25.7]

test.describe('the four widgets on the demo dashboard', () => {
  test('each widget really drew, in English and Hindi', async ({ page }) => {
    for (const lang of ['en', 'hi']) {
      await page.goto(`/?lang=${lang}`)
      const charts = page.locator('.ghatna-widget .ghatna-chart')
      await expect(charts).toHaveCount(4)
      for (let i = 0; i < 4; i++) {
        await expect(charts.nth(i)).toHaveAttribute('data-rendered', 'true')
        expect(await paintedShare(charts.nth(i)), `chart ${i} in ${lang}`).toBeGreaterThan(0.02)
      }
      for (const [i, name] of ['map', 'downtime', 'impact', 'timeline'].entries()) {
        await page.locator('.ghatna-widget').nth(i).screenshot({ path: `${ARTIFACTS}/${name}-${lang}.png` })
      }
    }
  })

  test('hovering Bihar shows its Hindi name, figures and sources', async ({ page }) => {
    await page.goto('/?lang=hi')
    await hoverMapAt(page, BIHAR)
    const tooltip = page.locator('.ghatna-tooltip').first()
    await expect(tooltip).toBeVisible()
    await expect(tooltip.locator('[lang="hi"]').first()).toBeAttached()
    await expect(tooltip.locator('.ghatna-tooltip__title')).toHaveText('बिहार')
    await expect(tooltip.locator('.ghatna-tooltip__figure')).toHaveText('1 घटना')
    await expect(tooltip).toContainText('हैकरों ने बिहार की 102 आपातकालीन एंबुलेंस सेवा ठप की, डॉलर मांगे (1 अप्रैल 2021)')
    await expect(tooltip).toContainText('स्रोत: पटना की हिंदी समाचार साइट')
  })

  test('clicking Bihar filters the other widgets to Bihar; clicking again clears', async ({ page }) => {
    await page.goto('/')
    const timeline = widget(page, 'How agencies responded')
    await expect(timeline.locator('select option')).toHaveCount(4)
    const point = await hoverMapAt(page, BIHAR)
    await page.mouse.click(point.x, point.y)
    await expect(timeline.locator('select option')).toHaveCount(1)
    await expect(timeline.locator('select option')).toHaveText("Hackers halt Bihar's 102 emergency ambulance dispatch and demand dollars")
    await widget(page, 'How long services were down').locator('.ghatna-widget__table summary').click()
    await expect(widget(page, 'How long services were down').locator('tbody tr')).toHaveCount(1)
    await expect(page.locator('.ghatna-incident')).toHaveCount(1)
    await expect(page.locator('.ghatna-map__selected')).toContainText('Showing Bihar only')
    await expect(page).toHaveURL(/region=IN-BR/)
    // Opening the table scrolled the page: bring the map back and find Bihar again.
    await page.evaluate(() => window.scrollTo(0, 0))
    const again = await hoverMapAt(page, BIHAR)
    await page.mouse.click(again.x, again.y)
    await expect(timeline.locator('select option')).toHaveCount(4)
    await expect(page).not.toHaveURL(/region=/)
  })

  test('All India and the small UTs are reachable without the map', async ({ page }) => {
    await page.goto('/')
    await page.locator('.ghatna-map__national').click()
    await expect(page.locator('.ghatna-incident')).toHaveCount(2)
    await expect(widget(page, 'How agencies responded').locator('select option')).toHaveCount(2)
    await page.locator('[data-region="IN-DL"]').click()
    await expect(widget(page, 'How long services were down').locator('.ghatna-status')).toHaveText('No incidents match these filters.')
  })

  test('the metric switch recolours the map and the filter bar drives every widget', async ({ page }) => {
    await page.goto('/')
    await page.locator('[data-metric="affected"]').click()
    await expect(widget(page, 'Incidents by state').locator('.ghatna-widget__summary')).toContainText('No incident was limited to a state or UT')
    await page.locator('[data-metric="downtime"]').click()
    await expect(widget(page, 'Incidents by state').locator('.ghatna-widget__summary')).toHaveText(
      'Madhya Pradesh had about 3 days of downtime, the most of any state or UT; 2 states and UTs had at least one incident. 2 national incidents (All India), counted apart. 2 involved an official denial.',
    )
    await page.locator('select[data-filter="status"]').selectOption('denied')
    await expect(page.locator('.ghatna-incident')).toHaveCount(1)
    await expect(widget(page, 'How many were affected').locator('.ghatna-widget__summary')).toContainText('15 crore people (Claimed)')
    await expect(page).toHaveURL(/status=denied/)
    await page.locator('input[data-filter="to"]').fill('2021')
    await expect(page).toHaveURL(/to=2021/)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(page.locator('.ghatna-incident')).toHaveCount(4)
  })

  test('a 320 px phone has no horizontal scroll', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 })
    for (const lang of ['en', 'hi']) {
      await page.goto(`/?lang=${lang}`)
      await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, lang).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `${ARTIFACTS}/dashboard-320-${lang}.png`, fullPage: true })
    }
    // With every state in the data, the region filter lists long names ("Dadra and Nagar Haveli and Daman and Diu").
    await serveJson(page, '/fixtures/synthetic-every-state.json', syntheticDataset({ count: 500, seed: 3 }))
    await page.goto('/?dataset=/fixtures/synthetic-every-state.json')
    await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'every state').toBeLessThanOrEqual(0)
  })

  test('a large synthetic dataset from ?dataset= draws every widget', async ({ page }) => {
    await serveJson(page, '/fixtures/synthetic-500.json', syntheticDataset({ count: 500, seed: 3 }))
    await page.goto('/?dataset=/fixtures/synthetic-500.json')
    await expect(page.locator('.ghatna-demo__dataset')).toContainText('SYNTHETIC DATA')
    const charts = page.locator('.ghatna-widget .ghatna-chart')
    await expect(charts).toHaveCount(4)
    for (let i = 0; i < 4; i++) await expect(charts.nth(i)).toHaveAttribute('data-rendered', 'true')
    // Long lists come a page at a time; charts draw the largest and say what they left to the table.
    await expect(page.locator('.ghatna-incident')).toHaveCount(10)
    await expect(page.locator('.ghatna-incidents__count')).toHaveText('Incidents 1–10 of 500')
    await page.locator('[data-page="next"]').click()
    await expect(page.locator('.ghatna-incidents__count')).toHaveText('Incidents 11–20 of 500')
    await expect(page.locator('.ghatna-incident')).toHaveCount(10)
    const downtime = widget(page, 'How long services were down')
    await expect(downtime.locator('.ghatna-widget__more')).toContainText('Showing 15 of')
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-synthetic.png` })
    // The table is built when opened, 100 rows at a time.
    await expect(downtime.locator('tbody tr')).toHaveCount(0)
    await downtime.locator('.ghatna-widget__table summary').click()
    await expect(downtime.locator('tbody tr')).toHaveCount(100)
    const more = downtime.getByRole('button', { name: /^Showing 100 of [\d,]+ rows: show more$/ })
    await more.click()
    await expect(downtime.locator('tbody tr')).toHaveCount(200)
    await downtime.getByRole('button', { name: /^Showing 200 of/ }).screenshot({ path: `${ARTIFACTS}/table-more.png` })
  })
})
