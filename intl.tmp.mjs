import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
for (const rate of [1, 4]) {
  const out = {}
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    await page.goto('about:blank')
    const r = await page.evaluate(() => {
      const t = (f) => { const a = performance.now(); f(); return Math.round((performance.now() - a) * 10) / 10 }
      return {
        collator0: t(() => 'a'.localeCompare('b', 'en')),
        plural0: t(() => new Intl.PluralRules('en').select(1)),
        number: t(() => new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }).format(5)),
        number2: t(() => new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 }).format(5)),
        plural: t(() => new Intl.PluralRules('en').select(1)),
        pluralHi: t(() => new Intl.PluralRules('hi').select(1)),
        list: t(() => new Intl.ListFormat('en-IN', { type: 'conjunction' }).format(['a', 'b'])),
        date: t(() => new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' }).format(0)),
        unit: t(() => new Intl.NumberFormat('en-IN', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(3)),
        collator: t(() => 'a'.localeCompare('b', 'en')),
      }
    })
    for (const [k, v] of Object.entries(r)) (out[k] ??= []).push(v)
    await page.close()
  }
  console.log(rate, JSON.stringify(out))
}
await browser.close()
