import { chromium } from '@playwright/test'
import { readdirSync, writeFileSync } from 'node:fs'
const rate = Number(process.argv[2] ?? 1)
const DATASET = process.argv[3] ?? `/assets/${readdirSync('/tmp/pj/dist/assets').find((n) => /^incidents\.real-.*\.json$/.test(n))}`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 800, height: 900 } })
await page.emulateMedia({ reducedMotion: 'reduce' })
const cdp = await page.context().newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate })
await page.route((u) => u.pathname === '/news/map.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0"><ghatna-map src="${DATASET}"></ghatna-map></body></html>` }))
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] })
await page.goto('http://127.0.0.1:4174/news/map.html')
await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length >= 1)
const buf = await browser.stopTracing()
const marks = await page.evaluate(() => [...performance.getEntriesByType('mark')].map((m) => [m.name, Math.round(m.startTime)]))
const res = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.split('/').pop().slice(0, 18), Math.round(r.startTime), Math.round(r.responseEnd)]))
console.log(JSON.stringify(marks)); console.log(JSON.stringify(res))
const { traceEvents } = JSON.parse(buf.toString())
// main renderer thread: the one with the most 'RunTask'
const counts = new Map()
for (const e of traceEvents) if (e.name === 'RunTask') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1)
const nav = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationBodyLoader::StartLoadingBody') 
const mains = traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
const main = mains.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0]
const paintMark = traceEvents.filter((e) => e.name === 'ghatna:painted').sort((a, b) => a.ts - b.ts)[0]
const t0 = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.name === 'RunTask').map((e) => e.ts).sort((a, b) => a - b)[0]
const end = paintMark ? paintMark.ts : Infinity
const sums = new Map()
const tasks = []
for (const e of traceEvents) {
  if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur || e.ts > end) continue
  if (e.name === 'RunTask') { tasks.push([Math.round((e.ts - t0) / 1000), Math.round(e.dur / 1000)]); continue }
  const k = e.name + (e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop().slice(0, 20) : '') + (e.args?.data?.functionName ? ' ' + e.args.data.functionName : '')
  sums.set(k, (sums.get(k) ?? 0) + e.dur / 1000)
}
console.log('tasks >5ms (start, dur):', JSON.stringify(tasks.filter((t) => t[1] > 5)))
console.log([...sums].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)}  ${k}`).join('\n'))
await browser.close()
