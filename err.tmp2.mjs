import { chromium } from '@playwright/test'
import { readdirSync } from 'node:fs'
const DATASET = `/assets/${readdirSync('dist/assets').find((n) => /^incidents\.default-.*\.json$/.test(n))}`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
page.on('console', (m) => console.log('console', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror', String(e)))
page.on('requestfailed', (r) => console.log('failed', r.url()))
await page.route((u) => u.pathname === '/news/map.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0"><ghatna-map src="${DATASET}"></ghatna-map></body></html>` }))
await page.goto('http://127.0.0.1:4173/news/map.html')
await page.waitForTimeout(5000)
console.log(await page.evaluate(() => document.querySelector('ghatna-map').shadowRoot?.innerHTML.slice(0, 500)))
await browser.close()
