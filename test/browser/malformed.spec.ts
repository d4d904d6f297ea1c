/**
 * The malformed corpus in real widgets: for every file, an English and a Hindi
 * widget on one page show the exact message (error, partial-load notice or
 * nothing for a warning), the console says it once in English, and the valid
 * incidents still render.
 */
import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { MALFORMED_CASES } from '../fixtures/malformed/expected'
import { baseDataset, largeDatasetWithOneBad } from '../fixtures/malformed/generate'

const TITLES = {
  en: { 'first-ambulance': 'Ambulance dispatch stopped', 'second-portal': 'Municipal portal wiped', 'third-leak': 'National portal leak claimed' },
  hi: { 'first-ambulance': 'एम्बुलेंस सेवा ठप', 'second-portal': 'नगरीय पोर्टल मिटा', 'third-leak': 'राष्ट्रीय पोर्टल लीक का दावा' },
} as const

async function openCorpusPage(page: Page, path: string, body: Buffer | string) {
  const consoleLines: { type: string; text: string }[] = []
  page.on('console', (message) => consoleLines.push({ type: message.type(), text: message.text() }))
  page.on('pageerror', (error) => consoleLines.push({ type: 'pageerror', text: String(error) }))
  await page.route((url) => url.pathname === path, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }))
  await page.route((url) => url.pathname === '/news/corpus.html', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><script type="module" src="/embed/ghatna.js"></script></head><body>
<ghatna-downtime id="en" src="${path}" lang="en" group="en" style="display:block;width:640px"></ghatna-downtime>
<ghatna-downtime id="hi" src="${path}" lang="hi" group="hi" style="display:block;width:640px"></ghatna-downtime>
</body></html>`,
    }),
  )
  await page.goto('/news/corpus.html')
  return consoleLines
}

const widget = (page: Page, lang: 'en' | 'hi') => page.locator(`#${lang}`)

for (const expected of MALFORMED_CASES) {
  test(`${expected.file}: ${expected.outcome}, told in both languages`, async ({ page }) => {
    const path = `/corpus/${expected.file}`
    const consoleLines = await openCorpusPage(page, path, readFileSync(`test/fixtures/malformed/files/${expected.file}`))
    for (const lang of ['en', 'hi'] as const) {
      const message = expected[lang]
      const root = widget(page, lang)
      if (expected.outcome === 'fatal') {
        const alert = root.getByRole('alert')
        await expect(alert).toContainText(lang === 'en' ? `The file at ${path} is not a usable dataset:` : `${path} की फ़ाइल इस्तेमाल करने लायक डेटासेट नहीं है:`)
        await expect(alert.locator('.ghatna-status__detail')).toHaveText(message)
        await expect(alert.getByRole('button', { name: lang === 'en' ? 'Try again' : 'फिर से कोशिश करें' })).toBeVisible()
        continue
      }
      await expect(root.locator('.ghatna-chart[data-rendered]')).toHaveCount(1)
      const notice = root.locator('.ghatna-status--partial')
      if (expected.outcome === 'warned') await expect(notice).toHaveCount(0)
      else {
        await expect(notice.locator('p')).toHaveText(
          expected.outcome === 'left-out'
            ? { en: '2 of 3 incidents shown; 1 left out because of errors in the dataset.', hi: '3 में से 2 घटनाएँ दिखाई गईं; डेटासेट की त्रुटियों के कारण 1 छोड़ी गईं।' }[lang]
            : { en: 'All 3 incidents shown; the dataset has errors outside them.', hi: 'सभी 3 घटनाएँ दिखाई गईं; डेटासेट में इनके बाहर त्रुटियाँ हैं।' }[lang],
        )
        await notice.locator('summary').click()
        await expect(notice.locator('li').first()).toHaveText(message)
      }
      // The valid incidents are in the chart's data table; the left-out one is not.
      await root.locator('.ghatna-widget__table summary').click()
      const table = root.locator('table')
      for (const id of ['first-ambulance', 'second-portal', 'third-leak'] as const) {
        await expect(table.getByText(TITLES[lang][id], { exact: true }), id).toHaveCount(expected.valid.includes(id) ? 1 : 0)
      }
    }
    // The console names the problem once, in English, for the page's developer.
    const mentions = consoleLines.filter((line) => line.text.includes(expected.en))
    expect(mentions.map((line) => line.type)).toEqual([expected.outcome === 'warned' ? 'warning' : 'error'])
    expect(mentions[0]!.text.startsWith(`[ghatna] ${path}:`)).toBe(true)
    expect(consoleLines.filter((line) => line.type === 'pageerror')).toEqual([])
  })
}

test('5 MB of valid incidents with one bad one: the widget names it and draws the rest', async ({ page }) => {
  test.setTimeout(60_000)
  const { text, badId } = largeDatasetWithOneBad()
  const consoleLines = await openCorpusPage(page, '/corpus/large.json', text)
  const root = widget(page, 'hi')
  await expect(root.locator('.ghatna-chart[data-rendered]')).toHaveCount(1, { timeout: 30_000 })
  const notice = root.locator('.ghatna-status--partial')
  await expect(notice.locator('p')).toHaveText('7,500 में से 7,499 घटनाएँ दिखाई गईं; डेटासेट की त्रुटियों के कारण 1 छोड़ी गईं।')
  await notice.locator('summary').click()
  await expect(notice.locator('li')).toHaveText([
    `घटना "${badId}", incidents[3700].outages[0].end: "2019-01-01" शुरुआत "2021-03-02T15:10+05:30" से पहले है; सेवा-बाधा शुरू होने से पहले ख़त्म नहीं हो सकती।`,
  ])
  expect(consoleLines.filter((line) => line.type === 'error').map((line) => line.text)).toEqual([
    `[ghatna] /corpus/large.json: 1 of 7500 incidents left out:\n  - incident "${badId}", incidents[3700].outages[0].end: "2019-01-01" is before start "2021-03-02T15:10+05:30"; an outage cannot end before it begins.`,
  ])
})

test('a text missing in the UI language falls back (requested, en, hi, any) and says its language', async ({ page }) => {
  const data = baseDataset() as { incidents: Record<string, unknown>[] }
  data.incidents[0]!.title = { hi: 'केवल हिंदी शीर्षक' }
  data.incidents[1]!.title = { en: 'English only headline', ta: 'தமிழ் தலைப்பு' }
  data.incidents[2]!.title = { ta: 'தமிழ் மட்டும்' }
  await openCorpusPage(page, '/corpus/fallback.json', JSON.stringify(data))
  const cell = (lang: 'en' | 'hi', text: string) => widget(page, lang).locator('td', { hasText: text })
  for (const lang of ['en', 'hi'] as const) {
    await expect(widget(page, lang).locator('.ghatna-chart[data-rendered]')).toHaveCount(1)
    await widget(page, lang).locator('.ghatna-widget__table summary').click()
  }
  await expect(cell('en', 'केवल हिंदी शीर्षक')).toHaveAttribute('lang', 'hi')
  await expect(cell('en', 'English only headline')).not.toHaveAttribute('lang', /./)
  await expect(cell('hi', 'केवल हिंदी शीर्षक')).not.toHaveAttribute('lang', /./)
  await expect(cell('hi', 'English only headline')).toHaveAttribute('lang', 'en')
  await expect(cell('hi', 'தமிழ் மட்டும்')).toHaveAttribute('lang', 'ta')
  await expect(cell('en', 'தமிழ் மட்டும்')).toHaveAttribute('lang', 'ta')
})
