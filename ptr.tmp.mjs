import { chromium } from '@playwright/test'
import { readdirSync } from 'node:fs'
const DATASET = `/assets/${readdirSync('/tmp/pj/dist/assets').find((n) => /^incidents\.real-.*\.json$/.test(n))}`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.addInitScript(() => { window.requestIdleCallback = () => 0 })
  await page.route((u) => u.pathname === '/news/map.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0"><ghatna-map src="${DATASET}"></ghatna-map></body></html>` }))
  await page.goto('http://127.0.0.1:4174/news/map.html')
  await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length >= 1)
  const box = await page.locator('ghatna-map .ghatna-map__outline').boundingBox()
  const moved = await page.evaluate(() => performance.now())
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length >= 2)
  const drawn = await page.evaluate(() => performance.getEntriesByName('ghatna:painted')[1].startTime)
  const res = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.startTime > performance.getEntriesByName('ghatna:painted')[0].startTime - 5).map((r) => [new URL(r.name).pathname.split('/').pop().slice(0, 16), Math.round(r.startTime), Math.round(r.responseEnd)]))
  console.log(Math.round(drawn - moved), JSON.stringify(res))
  await page.close()
}
await browser.close()
