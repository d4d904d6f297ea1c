import { test, expect } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { hostileDataset, XSS_PAYLOADS } from '../fixtures/xss'

test('dataset text never runs as script: every widget, tooltip, table, list and export shows it literally', async ({ page }) => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100)
  const dataset = hostileDataset()
  // Serve the dashboard without its CSP: only the kit's own handling of text stands between the data and script.
  const html = readFileSync('dist/index.html', 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  await page.route((url) => url.pathname === '/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }))
  await page.route((url) => url.pathname === '/data/hostile.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(dataset) }))
  await page.addInitScript(() => Object.defineProperty(window, '__xss', { set: () => { throw new Error('XSS payload executed') }, configurable: false }))
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`))

  await page.goto('/?dataset=/data/hostile.json')
  await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
  // The payloads show as text, exactly.
  await expect(page.locator('.ghatna-incident__title').first()).toHaveText(dataset.incidents[0]!.title.en)
  await expect(page.locator('.ghatna-demo__dataset')).toContainText(dataset.meta.title.en)
  for (const details of await page.locator('details').all()) await details.locator('summary').click()
  await expect(page.locator('table td', { hasText: dataset.incidents[0]!.title.en }).first()).toBeVisible()
  // Tooltips: hover every chart's items by keyboard, which shows each tooltip.
  for (const chart of await page.locator('.ghatna-chart').all()) {
    await chart.focus()
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight')
  }
  await expect(page.locator('.ghatna-tooltip').first()).toBeAttached()
  // Exports: CSV, SVG and PNG of every widget.
  // Read from the Blob the kit hands to the browser: Chromium's download manager stops saving after ten quick downloads from one page.
  await page.evaluate(() => {
    const exports: { type: string; text: string }[] = ((window as unknown as { __exports: unknown[] }).__exports = []) as never
    const original = URL.createObjectURL
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) void blob.text().then((text) => exports.push({ type: blob.type, text }))
      return original(blob)
    }
  })
  let exported = 0
  for (const widget of await page.locator('.ghatna-widget').all()) {
    for (const kind of ['csv', 'svg', 'png']) {
      const button = widget.locator(`[data-export="${kind}"]`)
      await expect(button).toBeEnabled()
      await button.click()
      exported += 1
      await page.waitForFunction((n) => (window as unknown as { __exports: unknown[] }).__exports.length >= n, exported)
    }
  }
  const files = await page.evaluate(() => (window as unknown as { __exports: { type: string; text: string }[] }).__exports)
  expect(files.map((file) => file.type.split(';')[0])).toEqual(Array(4).fill(['text/csv', 'image/svg+xml', 'image/png']).flat())
  for (const file of files.filter((f) => f.type === 'image/svg+xml')) expect(file.text).not.toMatch(/<(script|img|iframe|a|object|embed|foreignObject)\b/i)
  // The payload text is in the CSV, literally.
  expect(files[3]!.text).toContain(dataset.incidents[0]!.title.en.replace(/"/g, '""'))
  // No source URL other than http(s) became a link (the payload sources have none that validate).
  expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0)
  // No element from the payloads made it into the DOM.
  expect(await page.locator('.ghatna-demo img, .ghatna-demo iframe, .ghatna-demo object, .ghatna-demo embed, .ghatna-demo marquee, .ghatna-demo script').count()).toBe(0)
  expect(errors).toEqual([])
  expect(await page.evaluate(() => Object.getOwnPropertyDescriptor(window, '__xss')?.get === undefined)).toBe(true)
})
