import { test, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
const dataset = readFileSync('src/data/incidents.default.json', 'utf8')

async function axe(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(TAGS)
  if (include) builder.include(include)
  const { violations, passes } = await builder.analyze()
  expect(passes.length).toBeGreaterThan(10)
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

test.describe('accessibility', () => {
  for (const lang of ['en', 'hi']) {
    for (const theme of ['light', 'dark']) {
      test(`the dashboard has no axe violations (${lang}, ${theme})`, async ({ page }) => {
        await page.goto(`/?lang=${lang}&theme=${theme}`)
        await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
        for (const details of await page.locator('details').all()) await details.locator('summary').click()
        expect(await axe(page)).toEqual([])
      })

      test(`embedded widgets have no axe violations (${lang}, ${theme})`, async ({ page }) => {
        await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
        const body = ['map', 'downtime', 'impact', 'timeline'].map((w) => `<ghatna-${w} src="/data/incidents.json" lang="${lang}" theme="${theme}"></ghatna-${w}>`).join('')
        await page.route((url) => url.pathname === '/news/a11y.html', (route) =>
          route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="${lang}"><head><title>Embed</title><script type="module" src="/embed/ghatna.js"></script></head><body><main>${body}</main></body></html>` }),
        )
        await page.goto('/news/a11y.html')
        for (const w of ['map', 'downtime', 'impact', 'timeline']) {
          await page.locator(`ghatna-${w}`).scrollIntoViewIfNeeded()
          await expect(page.locator(`ghatna-${w} .ghatna-chart`)).toHaveAttribute('data-rendered', 'true')
        }
        expect(await axe(page, 'main')).toEqual([])
      })
    }
  }

  test('the map can be stepped through by keyboard, each step announced; Enter selects, Escape clears', async ({ page }) => {
    await page.goto('/')
    const map = page.locator('.ghatna-widget').first()
    const chart = map.locator('.ghatna-chart')
    await expect(chart).toHaveAttribute('data-rendered', 'true')
    await chart.focus()
    await expect(chart).toBeFocused()
    const announcer = map.locator('[data-announcer]')
    await page.keyboard.press('Home')
    await expect(announcer).toHaveText('Andaman and Nicobar Islands: no incidents')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
    await expect(announcer).toHaveText('Bihar: 1 incident')
    await expect(map.locator('.ghatna-tooltip__title')).toHaveText('Bihar')
    await page.keyboard.press('Enter')
    await expect(page.locator('.ghatna-widget', { hasText: 'How agencies responded' }).locator('select option')).toHaveCount(1)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowRight')
    await expect(announcer).toHaveText('Bihar: 1 incident, selected')
    await page.keyboard.press('Escape')
    await expect(page.locator('.ghatna-widget', { hasText: 'How agencies responded' }).locator('select option')).toHaveCount(4)
    // The other charts step through their items too, announced with figures and status.
    const impact = page.locator('.ghatna-widget', { hasText: 'How many were affected' })
    await impact.locator('.ghatna-chart').focus()
    await page.keyboard.press('ArrowDown')
    await expect(impact.locator('[data-announcer]')).toHaveText('CoWIN 15 crore claim · users in the database offered for sale: 15,00,00,000 people, Claimed. Hackers claim a database of 150 million CoWIN users; Health Ministry denies any breach')
    // The chart draws one unit at a time: the towns, whose two reports disagree.
    await impact.locator('select[data-control="unit"]').selectOption('towns')
    await impact.locator('.ghatna-chart').focus()
    await page.keyboard.press('ArrowDown')
    await expect(impact.locator('[data-announcer]')).toHaveText('MP e-Nagar Palika attack · towns covered by the portal: 413 towns, Confirmed; sources disagree: 412–413. Cyber attack destroys e-Nagar Palika portal data of 413 towns in Madhya Pradesh')
  })

  test('every widget is reachable by Tab, with a visible focus ring', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
    const reached = new Set<string>()
    for (let i = 0; i < 80 && reached.size < 4; i++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        return el?.classList.contains('ghatna-chart') ? { title: el.closest('.ghatna-widget')!.querySelector('h2')!.textContent, outline: getComputedStyle(el).outlineStyle } : undefined
      })
      if (focused) {
        expect(focused.outline).toBe('solid')
        reached.add(focused.title!)
      }
    }
    expect([...reached].sort()).toEqual(['How agencies responded', 'How long services were down', 'How many were affected', 'Incidents by state'])
  })

  test('reduced motion turns animation off', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    const chart = page.locator('.ghatna-chart').first()
    await expect(chart).toHaveAttribute('data-rendered', 'true')
    expect(await chart.evaluate((el) => (el as HTMLElement & { ghatnaChart: { getOption: () => { animation: boolean } } }).ghatnaChart.getOption().animation)).toBe(false)
  })

  test('printing draws charts at high resolution, with sources, without controls', async ({ page }) => {
    await page.goto('/?lang=hi')
    const chart = page.locator('.ghatna-chart').nth(1)
    await expect(chart).toHaveAttribute('data-rendered', 'true')
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    await expect.poll(() => chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width)).toBeCloseTo(3, 1)
    await expect(page.locator('.ghatna-widget__export').first()).toBeHidden()
    await expect(page.locator('.ghatna-widget__sources').first()).toBeVisible()
    await expect(page.locator('.ghatna-widget__sources').first()).toContainText('स्रोत: एनडीटीवी (MPCG.NDTV.in)')
    await page.pdf({ path: 'test/artifacts/dashboard-print-hi.pdf' })
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    await expect.poll(() => chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width)).toBeLessThan(2.1)
  })
})
