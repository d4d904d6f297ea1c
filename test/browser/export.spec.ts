import { test, expect } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { serveJson } from './helpers'

test.describe('exports carry title, filters, sources and date', () => {
  test('CSV holds exactly the filtered rows with a header naming the dataset, licence and sources', async ({ page }) => {
    await page.goto('/?status=denied')
    const impact = page.locator('.ghatna-widget', { has: page.getByRole('heading', { name: 'How many were affected' }) })
    const [download] = await Promise.all([page.waitForEvent('download'), impact.locator('[data-export="csv"]').click()])
    expect(download.suggestedFilename()).toBe('ghatna-impact-en.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('# How many were affected')
    expect(lines[1]).toBe('# Filters: Status: Denied')
    expect(lines[2]).toBe('# Dataset: Cyber incidents hitting Indian public services (CC-BY-4.0) · Data as of 23 Nov 2026')
    expect(lines[3]).toBe('# Source: Aaj Tak, Health Ministry denies CoWin data breach, rejects hacking claims (translated headline), Jun 2021')
    expect(lines.filter((line) => !line.startsWith('#'))).toEqual([
      'Incident,What was counted,Figure,Unit,Status,Figure given by,Sources disagree (range),Sources',
      "Hackers claim a database of 150 million CoWIN users; Health Ministry denies any breach,users in the database offered for sale,\"15,00,00,000\",people,Claimed,A group of hackers (per a media report),,\"Aaj Tak, Jun 2021\"",
    ])
  })

  test('PNG and SVG downloads are images with the stamp', async ({ page }) => {
    await page.goto('/?lang=hi&region=IN-MP')
    const map = page.locator('.ghatna-widget').first()
    await expect(map.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const [png] = await Promise.all([page.waitForEvent('download'), map.locator('[data-export="png"]').click()])
    const bytes = readFileSync((await png.path())!)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000) // width at pixel ratio 2
    const [svg] = await Promise.all([page.waitForEvent('download'), map.locator('[data-export="svg"]').click()])
    const text = readFileSync((await svg.path())!, 'utf8')
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(text).toContain('>राज्यवार घटनाएँ</text>')
    expect(text).toContain('फ़िल्टर: राज्य: मध्य प्रदेश')
    expect(text).toContain('>स्रोत (1):</text>')
    expect(text).toContain('>एनडीटीवी (MPCG.NDTV.in), MP के ई-नगर पालिका पोर्टल')
    expect(text).toContain('<path')
  })
})

test.describe('dashboard configuration', () => {
  test('a config file sets dataset, language, theme and filters, with the same keys as the URL; a key that is no setting is named', async ({ page }) => {
    const warnings: string[] = []
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
    await serveJson(page, '/fixtures/config.json', { lang: 'hi', theme: 'dark', metric: 'downtime', status: ['confirmed'], filters: { kind: ['ddos'] } })
    await page.goto('/?config=/fixtures/config.json')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.locator('[data-metric="downtime"]')).toHaveAttribute('aria-checked', 'true')
    await expect(page.locator('.ghatna-incident')).toHaveCount(2)
    await expect(page.locator('h1')).toHaveText('घटना: भारतीय सार्वजनिक सेवाओं पर साइबर हमले')
    expect(warnings).toContain('[ghatna] not settings, ignored: filters (in /fixtures/config.json)')
  })

  test('dark theme follows the device when set to auto', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const background = await page.locator('.ghatna-widget').first().evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(22, 22, 22)')
    await context.close()
  })
})

test.describe('exports on a news page under the README\'s CSP', () => {
  const README_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
  test('the embedded map downloads a stamped PNG, with no data: image and no console error', async ({ page, browser }) => {
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`))
    })
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync('src/data/incidents.default.json', 'utf8') }))
    await page.route((url) => url.pathname === '/news/export.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': README_CSP }, body: '<!doctype html><html lang="hi"><head><meta charset="utf-8"><script type="module" src="/embed/ghatna.js"></script></head><body><ghatna-map src="/data/incidents.json" lang="hi" region="IN-MP"></ghatna-map></body></html>' }),
    )
    await page.goto('/news/export.html')
    const map = page.locator('ghatna-map')
    await expect(map.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const chart = (await map.locator('.ghatna-chart').boundingBox())!
    const [png] = await Promise.all([page.waitForEvent('download'), map.locator('[data-export="png"]').click()])
    expect(png.suggestedFilename()).toBe('ghatna-map-hi.png')
    const bytes = readFileSync((await png.path())!)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
    expect(width).toBe(Math.round(chart.width) * 2)
    // Title and filters above the chart, sources below: taller than the chart alone.
    expect(height).toBeGreaterThan(chart.height * 2 + 150)
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
    expect(errors).toEqual([])

    // Looked at on a page of its own: text in the stamp's band, the map in the chart's.
    const viewer = await browser.newPage()
    await viewer.route((url) => url.pathname === '/png', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: bytes }))
    await viewer.route((url) => url.pathname === '/view', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><img id="png" src="/png">' }))
    await viewer.goto('/view')
    const bands = await viewer.locator('#png').evaluate(async (img: HTMLImageElement) => {
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const context = canvas.getContext('2d')!
      context.drawImage(img, 0, 0)
      const inked = (top: number, bottom: number) => {
        const { data } = context.getImageData(0, top, canvas.width, bottom - top)
        const [r, g, b] = [data[0]!, data[1]!, data[2]!]
        let n = 0
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 60) n++
        return n
      }
      return { title: inked(0, 60), chart: inked(Math.round(canvas.height * 0.3), Math.round(canvas.height * 0.6)) }
    })
    expect(bands.title).toBeGreaterThan(200)
    expect(bands.chart).toBeGreaterThan(5000)
    await viewer.close()
  })
})
