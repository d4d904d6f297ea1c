import { chromium } from '@playwright/test'
import { readdirSync } from 'node:fs'
const rate = Number(process.argv[2] ?? 4)
const DATASET = `/assets/${readdirSync("/tmp/pj/dist/assets").find((n) => /^incidents\.real-.*\.json$/.test(n))}`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 800, height: 900 } })
await page.emulateMedia({ reducedMotion: 'reduce' })
const cdp = await page.context().newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await page.route((u) => u.pathname === '/news/map.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/embed/ghatna.js"></script></head><body style="margin:0"><ghatna-map src="${DATASET}"></ghatna-map></body></html>` }))
await cdp.send('Profiler.start')
await page.goto('http://127.0.0.1:4174/news/map.html')
await page.waitForFunction(() => performance.getEntriesByName('ghatna:painted').length >= 1)
const { profile } = await cdp.send('Profiler.stop')
const marks = await page.evaluate(() => [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('navigation')].map((m) => [m.name, Math.round(m.startTime)]))
const res = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]))
console.log(JSON.stringify(marks)); console.log(JSON.stringify(res))
// self time per node
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = profile.timeDeltas
for (let i = 0; i < profile.samples.length; i++) { const id = profile.samples[i]; self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)) }
const agg = new Map(); const byFile = new Map()
for (const [id, t] of self) { const n = byId.get(id); const f = n.callFrame; const file = (f.url.split('/').pop() || '(native)'); const key = `${f.functionName || "(anon)"} @ ${file}:${f.lineNumber}:${f.columnNumber}`; agg.set(key, (agg.get(key) ?? 0) + t); byFile.set(file, (byFile.get(file) ?? 0) + t) }
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / 1000).toFixed(1).padStart(7)} ms  ${n}`).join('\n')
console.log('--- by file\n' + top(byFile, 15)); console.log('--- by function\n' + top(agg, 30))
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
// inclusive time per function key (counted once per stack)
const total = new Map()
const children = new Map(profile.nodes.map((n) => [n.id, n.children ?? []]))
const incl = new Map()
const inclusive = (id) => { if (incl.has(id)) return incl.get(id); let t = self.get(id) ?? 0; for (const c of children.get(id)) t += inclusive(c); incl.set(id, t); return t }
const stackKeys = (id) => { const keys = new Set(); let p = id; while (p) { const c = byId.get(p).callFrame; keys.add(`${c.functionName || '(anon)'} @ ${(c.url.split('/').pop() || '').slice(0, 14)}:${c.lineNumber}:${c.columnNumber}`); p = parent.get(p) } return keys }
for (const [id, t] of self) for (const k of stackKeys(id)) total.set(k, (total.get(k) ?? 0) + t)
if (process.env.INCL) console.log('--- inclusive\n' + [...total].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 45).map(([n, t]) => `${(t / 1000).toFixed(1).padStart(7)} ms  ${n}`).join('\n'))
const want = (process.env.WANT ?? '').split(',').filter(Boolean)
for (const [id, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 60)) {
  const n = byId.get(id); const f = n.callFrame
  const key = `${f.functionName || '(anon)'}:${f.lineNumber}:${f.columnNumber}`
  if (!want.some((w) => key.includes(w))) continue
  const chain = []; let p = parent.get(id); while (p && chain.length < 14) { const c = byId.get(p).callFrame; chain.push(`${c.functionName || '(anon)'}@${(c.url.split('/').pop() || '').slice(0, 12)}:${c.lineNumber}:${c.columnNumber}`); p = parent.get(p) }
  console.log((t / 1000).toFixed(1), key, '<-', chain.join(' < '))
}
await browser.close()
