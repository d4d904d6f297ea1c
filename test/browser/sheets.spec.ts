/**
 * Spreadsheets in the widgets: a set of CSV files (as a published Google Sheet gives them) and
 * an .xlsx workbook served over HTTP to embeds; refresh after a row changes on the server,
 * keeping the reader's selection; 304s; the sheet code never loaded by a JSON embed; the
 * dashboard's checker (nothing uploaded) and its "Get the data" files.
 */
import { test, expect, type Page, type Locator } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { datasetToSheets } from '../../src/sheets/toSheets'
import { writeCsv, readCsv } from '../../src/sheets/csv'
import { writeXlsx, readXlsx } from '../../src/sheets/xlsx'
import { sheetsToDataset } from '../../src/sheets/fromSheets'
import { SHEET_NAMES } from '../../src/sheets/layout'
import { validateDataset } from '../../src/core/validate'

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
const defaultText = readFileSync('src/data/incidents.default.json', 'utf8')
const defaultDataset = JSON.parse(defaultText) as { incidents: { id: string; regions: string[] }[] }

test.use({ timezoneId: 'Asia/Kolkata' })

/** The default dataset as CSV text, one file per sheet. */
function csvOf(data: unknown): Record<string, string> {
  return Object.fromEntries(datasetToSheets(data).workbook.sheets.map((table) => [table.name, writeCsv(table)]))
}

/** Like a published Google Sheet: one address per sheet, none naming its sheet. */
const gid = (sheet: string) => `/gsheet/pub?gid=${SHEET_NAMES.indexOf(sheet as never)}&single=true&output=csv`
const CSV_SET = SHEET_NAMES.map((sheet) => `${sheet}=${gid(sheet)}`).join(' ')

interface Asked { path: string; method: string; ifNoneMatch?: string; status: number }

/** A server on the page's origin with an ETag per file, answering 304 to a matching If-None-Match. */
async function sheetServer(page: Page, files: Map<string, { body: string | Buffer; type: string }>) {
  const asked: Asked[] = []
  const versions = new Map<string, number>()
  const state = { failing: false }
  await page.route((url) => files.has(`${url.pathname}${url.search}`), async (route) => {
    const url = new URL(route.request().url())
    const key = `${url.pathname}${url.search}`
    const ifNoneMatch = await route.request().headerValue('if-none-match') ?? undefined
    const etag = `"v${versions.get(key) ?? 0}"`
    const status = state.failing ? 503 : ifNoneMatch === etag ? 304 : 200
    asked.push({ path: key, method: route.request().method(), ...(ifNoneMatch && { ifNoneMatch }), status })
    if (status === 503) return route.fulfill({ status, body: 'down for maintenance' })
    if (status === 304) return route.fulfill({ status, headers: { etag } })
    const file = files.get(key)!
    return route.fulfill({ status, contentType: file.type, headers: { etag, 'cache-control': 'no-cache' }, body: file.body })
  })
  return {
    asked,
    state,
    change(key: string, body: string | Buffer) {
      files.get(key)!.body = body
      versions.set(key, (versions.get(key) ?? 0) + 1)
    },
  }
}

async function openArticle(page: Page, body: string) {
  await page.route((url) => url.pathname === '/news/sheets.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': STRICT_CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sheets</title><script type="module" src="/embed/ghatna.js"></script></head><body>${body}</body></html>`,
  }))
  await page.goto('/news/sheets.html')
}

/** The regions the map colours (a figure above zero), as ECharts holds them. */
function coloured(widget: Locator): Promise<string[]> {
  return widget.locator('.ghatna-chart').evaluate((el) => {
    const option = (el as HTMLElement & { ghatnaChart: { getOption: () => { series: { data: { name: string; value: number }[] }[] } } }).ghatnaChart.getOption()
    return option.series[0]!.data.filter((datum) => datum.value > 0).map((datum) => datum.name).sort()
  })
}

async function clickBihar(page: Page, widget: Locator) {
  const chart = widget.locator('.ghatna-chart')
  const [x, y] = await chart.evaluate((el) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, [85.6, 25.7]))
  const box = (await chart.boundingBox())!
  await page.mouse.click(box.x + x!, box.y + y!)
}

test.describe('spreadsheets in embeds', () => {
  test('a CSV set (published Google Sheet addresses) draws, refreshes in place after a row changes, keeps the selection, and a 304 changes nothing', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-03-02T10:00:00+05:30') })
    const files = new Map(Object.entries(csvOf(defaultDataset)).map(([sheet, text]) => [gid(sheet), { body: text, type: 'text/csv; charset=utf-8' }]))
    const server = await sheetServer(page, files)
    const warnings: string[] = []
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
    await openArticle(page, `
      <ghatna-map id="map" src="${CSV_SET.replace(/&/g, '&amp;')}" refresh="60"></ghatna-map>
      <ghatna-downtime id="downtime" src="${CSV_SET.replace(/&/g, '&amp;')}" refresh="10"></ghatna-downtime>`)
    const map = page.locator('#map')
    const downtime = page.locator('#downtime')
    await expect(map.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    expect(await coloured(map)).toEqual(['IN-BR', 'IN-MP'])
    await expect(map.locator('.ghatna-widget__summary')).toHaveText('Bihar and Madhya Pradesh had the most, 1 incident each; 2 states and UTs had at least one incident. 2 national incidents (All India), counted apart. 2 involved an official denial.')
    await expect(map.locator('.ghatna-status--updated')).toHaveText('updated 10:00')
    // One request per sheet, for both widgets (one store).
    expect(server.asked.map((request) => request.path).sort()).toEqual(SHEET_NAMES.map(gid).sort())
    expect(warnings).toContain('[ghatna] refresh="10" is below 60 seconds; using 60')

    await clickBihar(page, map)
    await expect(map.locator('.ghatna-map__selected')).toContainText('Showing Bihar only')
    await downtime.scrollIntoViewIfNeeded()
    await expect(downtime.locator('.ghatna-widget__summary')).toHaveText(/^1 outage: Hackers halt Bihar's 102 emergency ambulance dispatch/)

    // An editor moves the Madhya Pradesh incident to Bihar in the sheet.
    const moved = structuredClone(defaultDataset)
    moved.incidents[1]!.regions = ['IN-BR']
    server.change(gid('incidents'), csvOf(moved).incidents!)
    server.asked.length = 0
    await page.clock.fastForward('01:01')
    await expect(map.locator('.ghatna-widget__summary')).toHaveText(/^Bihar had 2 incidents, the only state or UT with any\. 2 national incidents/)
    expect(await coloured(map)).toEqual(['IN-BR'])
    // The reader's selection stayed, and the downtime chart now has both of Bihar's outages.
    await expect(map.locator('.ghatna-map__selected')).toContainText('Showing Bihar only')
    await expect(downtime.locator('.ghatna-widget__summary')).toHaveText(/^2 outages; the longest: /)
    await expect(map.locator('.ghatna-status--updated')).toHaveText('updated 10:01')
    // Every sheet was asked again with its last ETag; only the changed one came back.
    expect(server.asked.map((request) => [request.path, request.ifNoneMatch, request.status]).sort()).toEqual(
      SHEET_NAMES.map((sheet) => [gid(sheet), sheet === 'incidents' ? '"v0"' : '"v0"', sheet === 'incidents' ? 200 : 304]).sort(),
    )

    // Nothing changed on the server: every file answers 304, and nothing on the page changes.
    server.asked.length = 0
    const before = await map.locator('.ghatna-root').innerHTML()
    await page.clock.fastForward('01:01')
    await expect.poll(() => server.asked.length).toBe(SHEET_NAMES.length)
    expect(server.asked.every((request) => request.status === 304)).toBe(true)
    await page.waitForTimeout(300)
    expect(await map.locator('.ghatna-root').innerHTML()).toBe(before)
    await expect(map.locator('.ghatna-status--updated')).toHaveText('updated 10:01')

    // The server fails: the data stays, and the widget says so.
    server.state.failing = true
    await page.clock.fastForward('01:01')
    await expect(map.locator('.ghatna-status--updated')).toHaveText(/^Could not update at 10:03 \(The server answered 503 for .*gid=\d.*\); the data from 10:01 is still shown\.$/)
    expect(await coloured(map)).toEqual(['IN-BR'])
    await expect(map.locator('.ghatna-map__selected')).toContainText('Showing Bihar only')
  })

  test('refresh stops when the element is removed, and waits while the page is hidden', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-03-02T10:00:00+05:30') })
    const files = new Map(Object.entries(csvOf(defaultDataset)).map(([sheet, text]) => [gid(sheet), { body: text, type: 'text/csv' }]))
    const server = await sheetServer(page, files)
    await openArticle(page, `<ghatna-map id="map" src="${CSV_SET.replace(/&/g, '&amp;')}" refresh="120"></ghatna-map>`)
    await expect(page.locator('#map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    server.asked.length = 0
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await page.clock.fastForward('05:00')
    await page.waitForTimeout(300)
    expect(server.asked).toEqual([])
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await expect.poll(() => server.asked.length).toBe(SHEET_NAMES.length)
    await page.locator('#map').evaluate((el) => el.remove())
    server.asked.length = 0
    await page.clock.fastForward('10:00')
    await page.waitForTimeout(300)
    expect(server.asked).toEqual([])
  })

  test('an .xlsx workbook is known by its bytes (served as octet-stream) and drawn; its problems name sheet, row and column, in Hindi too', async ({ page }) => {
    const broken = structuredClone(defaultDataset) as { incidents: { sector?: string }[] }
    broken.incidents[0]!.sector = 'ambulance'
    const files = new Map([
      ['/data/tracker', { body: Buffer.from(await writeXlsx(datasetToSheets(defaultDataset).workbook)), type: 'application/octet-stream' }],
      ['/data/broken.xlsx', { body: Buffer.from(await writeXlsx(datasetToSheets(broken).workbook)), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
    ])
    await sheetServer(page, files)
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    await openArticle(page, `
      <ghatna-map id="map" src="/data/tracker"></ghatna-map>
      <ghatna-timeline id="timeline" src="/data/broken.xlsx" lang="hi" refresh="600"></ghatna-timeline>`)
    await expect(page.locator('#map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    expect(await coloured(page.locator('#map'))).toEqual(['IN-BR', 'IN-MP'])
    // No refresh asked: no "updated" line.
    await expect(page.locator('#map .ghatna-status--updated')).toHaveCount(0)

    const timeline = page.locator('#timeline')
    await timeline.scrollIntoViewIfNeeded()
    await expect(timeline.locator('.ghatna-status--partial')).toContainText('4 में से 3 घटनाएँ')
    // The time, in Hindi, on the reader's clock.
    await expect(timeline.locator('.ghatna-status--updated')).toHaveText(/^अद्यतन \d\d:\d\d$/)
    await timeline.locator('.ghatna-status--partial summary').click()
    await expect(timeline.locator('.ghatna-status--partial li[data-rule="enum"]')).toHaveText(/^शीट incidents, पंक्ति 2, स्तंभ "sector": "ambulance"/)
    expect(errors.join('\n')).toContain('[ghatna] /data/broken.xlsx: 1 error in the sheets:\n  - incidents sheet, row 2, column "sector": "ambulance" is not allowed; use one of: health, ')
  })

  test('a JSON embed loads no sheet code, before or after it paints', async ({ page }) => {
    const manifest = JSON.parse(readFileSync('dist/embed/.vite/manifest.json', 'utf8')) as Record<string, { file: string; imports?: string[] }>
    const sheetChunk = manifest['src/sheets/load.ts']!.file
    const refreshChunk = manifest['src/store/refresh.ts']!.file
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: defaultText }))
    await openArticle(page, '<ghatna-map id="map" src="/data/incidents.json"></ghatna-map><ghatna-impact id="impact" src="/data/incidents.json"></ghatna-impact>')
    await expect(page.locator('#map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await page.locator('#impact').scrollIntoViewIfNeeded()
    await expect(page.locator('#impact .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await page.waitForTimeout(500)
    const scripts = requested.filter((path) => path.startsWith('/embed/'))
    expect(scripts.length).toBeGreaterThan(3)
    expect(scripts.filter((path) => path.endsWith(sheetChunk) || path.endsWith(refreshChunk) || /papaparse|excel/i.test(path))).toEqual([])
  })
})

test.describe('the dashboard as a checker', () => {
  test('the dashboard reads a CSV set named by ?src=, as the embeds do', async ({ page }) => {
    const files = new Map(Object.entries(csvOf(defaultDataset)).map(([sheet, text]) => [gid(sheet), { body: text, type: 'text/csv; charset=utf-8' }]))
    await sheetServer(page, files)
    await page.goto(`/?${new URLSearchParams({ src: CSV_SET })}`)
    const map = page.locator('.ghatna-widget').filter({ has: page.locator('h2', { hasText: 'Incidents by state' }) })
    await expect(map.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    expect(await coloured(map)).toEqual(['IN-BR', 'IN-MP'])
  })

  test('checks picked CSV files on the page: the report names sheet, row and column; nothing is sent', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.ghatna-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const csv = csvOf(defaultDataset)
    csv.outages = csv.outages!.replace('bihar-102-ambulance-ransomware-2021', 'bihar-102-ambulance-2021')
    const sent: string[] = []
    page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`))
    await page.locator('[data-control="check-file"]').setInputFiles(SHEET_NAMES.map((sheet) => ({ name: `${sheet}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv[sheet]!) })))
    const report = page.locator('[data-report]')
    await expect(report).toContainText('Showing meta.csv, agencies.csv, incidents.csv, sources.csv, outages.csv, impacts.csv, responses.csv, read on this device; nothing was uploaded.')
    await expect(report).toContainText('4 incidents, 1 error, 0 warnings.')
    await expect(report.locator('li[data-rule="sheet-orphan-row"]')).toHaveText('outages sheet, row 2, column "incident_id": "bihar-102-ambulance-2021" is not the id of an incident in the incidents sheet; this row was not read.')
    // The widgets show the checked file: Bihar's incident has no outage now.
    await expect(page.getByRole('region', { name: 'How long services were down' }).locator('.ghatna-widget__summary')).toHaveText(/^1 outage: Cyber attack destroys e-Nagar Palika/)
    await page.getByRole('button', { name: 'हिंदी' }).click()
    await expect(report.locator('li[data-rule="sheet-orphan-row"]')).toHaveText(/^शीट outages, पंक्ति 2, स्तंभ "incident_id": "bihar-102-ambulance-2021" incidents शीट में किसी घटना की id नहीं है/)
    // Only the kit's own code was fetched (the sheet reader, on demand): no upload, no request with data.
    expect(sent.filter((line) => !/^GET http:\/\/127\.0\.0\.1:\d+\/assets\/[\w.-]+\.js$/.test(line))).toEqual([])
  })

  test('a JSON file dropped on the page is checked there, with the validator\'s messages', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.ghatna-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const broken = structuredClone(defaultDataset) as { incidents: { started?: string }[] }
    broken.incidents[2]!.started = 'last spring'
    const sent: string[] = []
    page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`))
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'tracker.json', { type: 'application/json' }))
      return transfer
    }, JSON.stringify(broken))
    await page.dispatchEvent('main', 'dragover', { dataTransfer })
    await expect(page.locator('.ghatna-checker__drop')).toHaveText('Drop the files to check them')
    await page.dispatchEvent('main', 'drop', { dataTransfer })
    const report = page.locator('[data-report]')
    await expect(report).toContainText('tracker.json: 3 incidents, 1 error, 0 warnings.')
    await expect(report.locator('li[data-rule="date"]')).toContainText('"last spring"')
    await expect(page.locator('.ghatna-checker__drop')).toHaveCount(0)
    // Only the kit's own code (the validation worker): the file went nowhere.
    expect(sent.filter((line) => !/^GET http:\/\/127\.0\.0\.1:\d+\/assets\/[\w.-]+\.js$/.test(line))).toEqual([])
    await page.locator('[data-control="check-back"]').click()
    await expect(report).toHaveCount(0)
    await expect(page.locator('.ghatna-get-data')).toContainText('The 4 incidents shown')
  })

  test('"Get the data" downloads an .xlsx and one CSV per sheet that read back to the dataset shown', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.ghatna-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const section = page.locator('.ghatna-get-data')
    await expect(section).toContainText('The 4 incidents shown, with the filters and the selected state applied.')
    const expected = validateDataset(defaultText).dataset

    const [xlsx] = await Promise.all([page.waitForEvent('download'), section.locator('[data-get="xlsx"]').click()])
    expect(xlsx.suggestedFilename()).toBe('ghatna-data.xlsx')
    const workbook = await readXlsx(readFileSync(await xlsx.path()))
    expect(validateDataset(sheetsToDataset(workbook.tables).data).dataset).toEqual(expected)

    const tables = []
    for (const sheet of SHEET_NAMES) {
      const [download] = await Promise.all([page.waitForEvent('download'), section.locator(`[data-get="${sheet}.csv"]`).click()])
      expect(download.suggestedFilename()).toBe(`${sheet}.csv`)
      tables.push(readCsv(sheet, readFileSync(await download.path())).table)
    }
    const fromCsv = sheetsToDataset(tables)
    expect(fromCsv.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(validateDataset(fromCsv.data).dataset).toEqual(expected)

    // With Bihar selected, the files hold what is shown: its one incident.
    await page.goto('/?region=IN-BR')
    await expect(section).toContainText('The 1 incident shown, with the filters and the selected state applied.')
    const [download] = await Promise.all([page.waitForEvent('download'), section.locator('[data-get="incidents.csv"]').click()])
    const rows = readCsv('incidents', readFileSync(await download.path())).table.rows.filter((row) => row.some((cell) => cell !== ''))
    expect(rows.slice(1).map((row) => row[rows[0]!.indexOf('id')])).toEqual(['bihar-102-ambulance-ransomware-2021'])
  })
})
