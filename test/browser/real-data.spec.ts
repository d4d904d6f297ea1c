/**
 * The dashboard with rich data: the bundled real dataset (35 reported incidents) and the seeded
 * stress fixture (500 incidents, 60 units, 30 actions in one incident). What a reader would notice:
 * how tall the page and each widget are, labels drawn over each other or cut off, disagreements
 * that are not disagreements, and figures that no table lists.
 */
import { test, expect, type Page, type Locator } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { serveJson } from './helpers'
import { stressDataset } from '../fixtures/synthetic'
import { createFormatter } from '../../src/core/format'
import { localText } from '../../src/core/localText'

const ARTIFACTS = 'test/artifacts'
mkdirSync(ARTIFACTS, { recursive: true })

interface RawImpact { unit: string; unitLabel?: unknown; measure?: unknown; count?: number | { min: number; max: number }; status?: string }
interface RawIncident { id: string; started: string; title: unknown; shortTitle?: unknown; impacts?: RawImpact[]; outages?: unknown[]; responses?: unknown[] }
interface RawDataset { incidents: RawIncident[] }

const real = JSON.parse(readFileSync('src/data/incidents.real.json', 'utf8')) as RawDataset
const stress = stressDataset() as unknown as RawDataset

const DATASETS = [
  { name: 'real', url: '/?dataset=real', data: real },
  { name: 'stress', url: '/?dataset=/fixtures/stress.json', data: stress },
] as const

async function open(page: Page, name: string, query = '') {
  if (name === 'stress') await serveJson(page, '/fixtures/stress.json', stress)
  await page.goto(`${DATASETS.find((d) => d.name === name)!.url}${query}`)
  await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
}

const widget = (page: Page, title: string) => page.locator('.ghatna-widget', { has: page.getByRole('heading', { name: title, exact: true }) })
const WIDGETS = ['Incidents by state', 'How long services were down', 'How many were affected', 'How agencies responded'] as const

/** Limits in px: about two screens for any widget (the impact widget's are the issue's own). */
const LIMITS = {
  1280: { widget: 1800, list: 1900, page: 6500 },
  360: { widget: 2400, list: 2400, page: 12500 },
} as const

test.describe('rich datasets stay readable', () => {
  // Each test loads a dashboard of up to 500 incidents several times (languages, units, widths).
  test.describe.configure({ timeout: 120_000 })
  for (const { name } of DATASETS) {
    for (const width of [1280, 360] as const) {
      test(`${name} dataset at ${width} px: page and widget heights within about two screens`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 })
        for (const lang of ['en', 'hi']) {
          await open(page, name, `&lang=${lang}`)
          const heights = await page.evaluate(() => ({
            page: document.documentElement.scrollHeight,
            widgets: [...document.querySelectorAll('.ghatna-widget')].map((el) => Math.round(el.getBoundingClientRect().height)),
            list: Math.round(document.querySelector('.ghatna-incidents')!.getBoundingClientRect().height),
          }))
          for (const [i, height] of heights.widgets.entries()) expect(height, `${lang}: ${WIDGETS[i]}`).toBeLessThanOrEqual(LIMITS[width].widget)
          expect(heights.list, `${lang}: incident list`).toBeLessThanOrEqual(LIMITS[width].list)
          expect(heights.page, `${lang}: page`).toBeLessThanOrEqual(LIMITS[width].page)
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${lang}: horizontal scroll`).toBeLessThanOrEqual(0)
          for (const [i, title] of WIDGETS.entries()) await page.locator('.ghatna-widget').nth(i).screenshot({ path: `${ARTIFACTS}/${name}-${width}-${lang}-${i}-${title.split(' ').at(-1)}.png` })
          await page.locator('.ghatna-incidents').screenshot({ path: `${ARTIFACTS}/${name}-${width}-${lang}-list.png` })
        }
      })

      test(`${name} dataset at ${width} px: no text label over another or cut off in any widget's SVG`, async ({ page, browser }) => {
        await page.setViewportSize({ width, height: 900 })
        await open(page, name)
        const checker = await browser.newPage()
        for (const title of WIDGETS) {
          const svg = await exportSvg(widget(page, title))
          const problems = await textProblems(checker, svg)
          expect(problems, title).toEqual([])
        }
        // The timeline's busiest incident, and the impact chart's every unit in the stress fixture.
        const timeline = widget(page, 'How agencies responded')
        const busiest = name === 'stress' ? 'synthetic-busy' : 'aiims-delhi-ransomware-2022'
        await timeline.locator('select').first().selectOption(busiest)
        expect(await textProblems(checker, await exportSvg(timeline)), `timeline of ${busiest}`).toEqual([])
        const impact = widget(page, 'How many were affected')
        const units = await impact.locator('select[data-control="unit"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
        for (const unit of units.slice(0, name === 'stress' ? 6 : units.length)) {
          await impact.locator('select[data-control="unit"]').selectOption(unit)
          expect(await textProblems(checker, await exportSvg(impact)), `impact, unit ${unit}`).toEqual([])
        }
        await checker.close()
      })
    }

    test(`${name} dataset: "sources disagree" only for readings of one quantity, in every unit`, async ({ page }) => {
      await open(page, name)
      const impact = widget(page, 'How many were affected')
      const select = impact.locator('select[data-control="unit"]')
      const units = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
      const expected = expectedDisagreements(DATASETS.find((d) => d.name === name)!.data)
      // The list beside the chart names the first 8 and counts the rest (the table marks them all).
      const LISTED = 8
      let shown = 0
      for (const unit of units) {
        await select.selectOption(unit)
        const lines = await impact.locator('.ghatna-impact__disagreements li').allTextContents()
        const want = expected.get(unit) ?? []
        if (want.length <= LISTED) expect(lines.sort(), `unit ${unit}`).toEqual([...want].sort())
        else {
          expect(lines.slice(0, LISTED), `unit ${unit}`).toEqual(want.slice(0, LISTED))
          expect(lines[LISTED], `unit ${unit}`).toBe(`…and ${want.length - LISTED} more, listed in the table.`)
        }
        shown += Math.min(LISTED, lines.length)
      }
      expect(shown).toBe([...expected.values()].reduce((n, lines) => n + Math.min(LISTED, lines.length), 0))
      expect(shown).toBeGreaterThan(0)
    })

    test(`${name} dataset: every outage, figure and action is in a table`, async ({ page }) => {
      await open(page, name)
      const data = DATASETS.find((d) => d.name === name)!.data
      const outages = data.incidents.reduce((n, i) => n + (i.outages?.length ?? 0), 0)
      const impacts = data.incidents.reduce((n, i) => n + (i.impacts?.length ?? 0), 0)
      for (const [title, total] of [['How long services were down', outages], ['How many were affected', impacts]] as const) {
        const box = widget(page, title)
        await box.locator('.ghatna-widget__table summary').click()
        if (total > 100) await expect(box.getByRole('button', { name: `Showing 100 of ${createFormatter({ lang: 'en' }).number(total)} rows: show more` })).toBeVisible()
        else await expect(box.locator('.ghatna-widget__table tbody tr')).toHaveCount(total)
      }
      const timeline = widget(page, 'How agencies responded')
      await timeline.locator('.ghatna-widget__table summary').click()
      // Every incident with responses can be picked (the picker lists 200; the stress fixture's busiest is among them).
      const withResponses = data.incidents.filter((i) => (i.responses?.length ?? 0) > 0)
      const picker = timeline.locator('select').first()
      const pickable = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
      expect(pickable.length).toBe(Math.min(200, withResponses.length))
      const checkTable = async (id: string) => {
        await picker.selectOption(id)
        const incident = data.incidents.find((i) => i.id === id)!
        await expect(timeline.locator('.ghatna-widget__table tbody tr'), id).toHaveCount(Math.min(100, incident.responses!.length))
      }
      for (const id of name === 'stress' ? pickable.slice(0, 4) : pickable) await checkTable(id)
      if (name === 'stress') {
        // Beyond the picker's 200, the filters find an incident: the busiest one, in its month.
        await open(page, name, '&from=2022-11&to=2022-11')
        await timeline.locator('.ghatna-widget__table summary').click()
        await checkTable('synthetic-busy')
      }
    })
  }

  test('real dataset: the overview of response lags opens an incident’s timeline; the list finds, sorts and pages', async ({ page }) => {
    await open(page, 'real')
    const timeline = widget(page, 'How agencies responded')
    const row = timeline.locator('.ghatna-timeline__lags tr[data-incident="aiims-delhi-ransomware-2022"]')
    // Newest first: AIIMS (Nov 2022) is on a later page of the overview.
    while (!(await row.isVisible())) await timeline.getByRole('button', { name: /^Show more/ }).click()
    await expect(row.locator('[data-milestone="complaint"]')).toHaveText(/^\+\d+ days?$|^same day$/)
    await row.getByRole('button').click()
    await expect(timeline.locator('select').first()).toHaveValue('aiims-delhi-ransomware-2022')
    await expect(row).toHaveAttribute('aria-current', 'true')
    await expect(timeline.locator('.ghatna-widget__summary')).toContainText('AIIMS')

    const list = page.locator('.ghatna-incidents')
    await expect(list.locator('.ghatna-incident')).toHaveCount(10)
    await expect(list.locator('.ghatna-incidents__count')).toHaveText(`Incidents 1–10 of ${real.incidents.length}`)
    await list.locator('[data-page="next"]').click()
    await expect(list.locator('.ghatna-incidents__count')).toHaveText(`Incidents 11–20 of ${real.incidents.length}`)
    await list.locator('input[data-control="search"]').fill('aiims')
    // What a reader searches: titles, summaries, places, organisations, services and publishers, in every language.
    const searchable = (i: Record<string, unknown>) => JSON.stringify([i.title, i.shortTitle, i.summary, i.place, i.organisation, i.service, i.tags, (i.sources as { publisher: unknown }[]).map((s) => s.publisher)]).toLowerCase()
    const aiims = real.incidents.filter((i) => searchable(i as unknown as Record<string, unknown>).includes('aiims')).length
    await expect(list.locator('.ghatna-incidents__count')).toHaveText(new RegExp(`^Incidents 1–\\d+ of ${aiims}$`))
    await list.locator('input[data-control="search"]').fill('एम्स')
    await expect(list.locator('.ghatna-incident').first()).toContainText('AIIMS')
    await list.locator('input[data-control="search"]').fill('no such incident anywhere')
    await expect(list.locator('.ghatna-incidents__count')).toHaveText('No incident matches “no such incident anywhere”.')
    await list.locator('input[data-control="search"]').fill('')
    await list.locator('select[data-control="sort"]').selectOption('oldest')
    const oldest = [...real.incidents].sort((a, b) => (a.started < b.started ? -1 : 1))[0]!
    await expect(list.locator('.ghatna-incident').first()).toHaveAttribute('data-incident', oldest.id)
    // Details open on demand: sources are links.
    await list.locator('.ghatna-incident').first().locator('summary').click()
    await expect(list.locator('.ghatna-incident').first().locator('.ghatna-sources a').first()).toHaveAttribute('href', /^https?:\/\//)
  })

  test('ghatna render: no text over another or past the edge, in both languages, at 360 and 800 px', async ({ page }) => {
    test.setTimeout(90_000)
    const rendered = JSON.parse(execFileSync('npx', ['tsx', 'test/fixtures/render-all.ts', 'src/data/incidents.real.json', 'aiims-delhi-ransomware-2022'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, { svg?: string; problems: string[] }>
    expect(Object.keys(rendered)).toHaveLength(16)
    for (const [name, result] of Object.entries(rendered)) {
      expect(result.problems, name).toEqual([])
      expect(await textProblems(page, result.svg!), name).toEqual([])
    }
  })

  for (const { name } of DATASETS) {
    test(`${name} dataset: axe (WCAG 2.2 AA) finds nothing on the dashboard`, async ({ page }) => {
      for (const lang of ['en', 'hi']) {
        await open(page, name, `&lang=${lang}`)
        for (const details of await page.locator('details').all()) await details.locator('summary').first().click()
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), lang).toEqual([])
      }
    })
  }
})

/** The widget's SVG download, as text. */
async function exportSvg(box: Locator): Promise<string> {
  await expect(box.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
  const [download] = await Promise.all([box.page().waitForEvent('download'), box.locator('[data-export="svg"]').click()])
  return readFileSync((await download.path())!, 'utf8')
}

/**
 * Draws an SVG in Chromium and measures every text: pairs whose boxes overlap (more than 1 px each
 * way), and texts that run past the picture's edge.
 */
async function textProblems(page: Page, svg: string): Promise<string[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`)
  return page.evaluate(() => {
    const root = document.querySelector('svg')!
    const frame = root.getBoundingClientRect()
    const texts = [...root.querySelectorAll('text')]
      .filter((el) => (el.textContent ?? '').trim() !== '' && getComputedStyle(el).display !== 'none' && el.getAttribute('opacity') !== '0' && !el.closest('[opacity="0"]'))
      .map((el) => ({ text: el.textContent!.trim(), box: el.getBoundingClientRect() }))
    const problems: string[] = []
    for (const { text, box } of texts) {
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) problems.push(`cut off: "${text}"`)
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!.box
        const b = texts[j]!.box
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (x > 1 && y > 1) problems.push(`overlap: "${texts[i]!.text}" and "${texts[j]!.text}"`)
      }
    }
    return problems
  })
}

/**
 * The disagreements a reader should see, worked out here apart from the kit: per incident, figures
 * with the same unit, unit label and measure whose counted, non-denied values differ; by unit key.
 */
function expectedDisagreements(data: RawDataset): Map<string, string[]> {
  const format = createFormatter({ lang: 'en' })
  const key = (value: unknown) => (value === undefined ? '' : localText(value as never, 'en').trim().replace(/\s+/g, ' ').toLowerCase())
  const units: Record<string, string> = { people: 'people', records: 'records', accounts: 'accounts', patients: 'patients', towns: 'towns', organisations: 'organisations', devices: 'devices', services: 'services' }
  const byUnit = new Map<string, string[]>()
  for (const incident of data.incidents) {
    const groups = new Map<string, RawImpact[]>()
    for (const impact of incident.impacts ?? []) {
      if (impact.count === undefined || impact.status === 'denied') continue
      const unitKey = impact.unit === 'other' ? `other:${key(impact.unitLabel)}` : impact.unit
      const quantity = `${unitKey}|${key(impact.measure)}`
      groups.set(quantity, [...(groups.get(quantity) ?? []), impact])
    }
    for (const [quantity, impacts] of groups) {
      const mins = impacts.map((i) => (typeof i.count === 'number' ? i.count : i.count!.min))
      const maxes = impacts.map((i) => (typeof i.count === 'number' ? i.count : i.count!.max))
      const range = { min: Math.min(...mins), max: Math.max(...maxes) }
      if (impacts.length < 2 || range.min === range.max) continue
      const unitKey = quantity.split('|')[0]!
      const first = impacts[0]!
      const unitLabel = first.unit === 'other' ? localText(first.unitLabel as never, 'en') : units[first.unit]!
      const title = incident.shortTitle !== undefined ? localText(incident.shortTitle as never, 'en') : localText(incident.title as never, 'en')
      const measure = localText(first.measure as never, 'en')
      const line = measure
        ? `${title}, ${measure}: sources disagree, ${format.range(range, true)} ${unitLabel} (${impacts.length} reports)`
        : `${title}: sources disagree, ${format.range(range, true)} ${unitLabel} (${impacts.length} reports)`
      byUnit.set(unitKey, [...(byUnit.get(unitKey) ?? []), line])
    }
  }
  return byUnit
}
