/**
 * The dashboard renders its widgets in turns (src/ui/turns.ts): each widget's first render, and
 * each chart's first draw, in a task of its own after a frame, top to bottom. What a reader must
 * not notice: anything moving, a chart drawn twice or left blank, or a filter change that leaves
 * one chart showing the old figures.
 */
import { test, expect, type Page } from '@playwright/test'
import { syntheticDataset } from '../fixtures/synthetic'
import { serveJson } from './helpers'
import { validateDataset } from '../../src/core/validate'
import { filterIncidents } from '../../src/core/filters'
import { tallyByRegion } from '../../src/core/aggregate'
import { REGIONS } from '../../src/core/regions'
import type { Sector } from '../../src/core/schema'
import { chartLocale, type ChartLocale } from '../../src/charts/locale'
import { THEMES } from '../../src/charts/themes'
import { downtimeModel } from '../../src/widgets/DowntimeChart/model'
import { impactModel } from '../../src/widgets/ImpactChart/model'
import { timelineModel } from '../../src/widgets/ResponseTimeline/model'

const SIZE = 3000
const raw = syntheticDataset({ count: SIZE, seed: 7 })
const dataset = validateDataset(JSON.stringify(raw)).dataset!
// Bar names and figures do not go through translations: a locale that answers keys is enough to compare them.
const locale: ChartLocale = chartLocale('en', ((key: string) => key) as ChartLocale['t'], dataset.meta.timezone)

/** What the page's charts show now, read from their ECharts instances. */
const shown = (page: Page) => page.evaluate(() => {
  type Instance = { getOption: () => { series: { data: ({ name?: string; value: number } | number)[] }[]; yAxis?: { data: string[] }[] } }
  const charts = [...document.querySelectorAll<HTMLElement & { ghatnaChart?: Instance }>('.ghatna-chart')]
  const option = (index: number) => charts[index]!.ghatnaChart!.getOption()
  const map = option(0).series[0]!.data as { name: string; value: number }[]
  return {
    map: Object.fromEntries(map.map((region) => [region.name, region.value])),
    downtime: option(1).yAxis![0]!.data,
    impact: option(2).yAxis![0]!.data,
    timelineItems: option(3).series[0]!.data.length,
    timelineIncident: document.querySelector<HTMLSelectElement>('.ghatna-timeline__picker select:not([data-control])')?.value,
  }
})

function expected(sector?: Sector) {
  const incidents = sector ? filterIncidents(dataset.incidents, { sectors: [sector] }, dataset.meta.timezone) : dataset.incidents
  const tallies = tallyByRegion(incidents, dataset.meta.timezone)
  const timeline = timelineModel({ incidents, agencies: dataset.agencies, locale, theme: THEMES.light, width: 800 })
  return {
    map: Object.fromEntries(REGIONS.map(({ code }) => [code, tallies.regions.get(code)?.incidents ?? 0])),
    downtime: (downtimeModel({ incidents, locale, theme: THEMES.light, now: Date.now() }).option.yAxis as { data: string[] }).data,
    impact: (impactModel({ incidents, agencies: dataset.agencies, locale, theme: THEMES.light }).option!.yAxis as { data: string[] }).data,
    timelineItems: timeline.data!.items.length,
    timelineIncident: timeline.incident!.id,
  }
}

/** The charts ECharts has drawn, in order (the map's first-paint outlines, marked `outline`, are not ECharts'). */
const painted = (page: Page) => page.evaluate(() => performance.getEntriesByName('ghatna:painted').filter((mark) => !(mark as PerformanceMark).detail.outline).map((mark) => (mark as PerformanceMark).detail.chart as string))

test.describe('dashboard rendered in turns', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    // From the first script: the animation frame each widget and each chart canvas appeared in, and where the map stood.
    await page.addInitScript(() => {
      const w = window as unknown as { __frame: number; __appeared: Record<string, number>; __mapTop: number[] }
      w.__frame = 0
      w.__appeared = {}
      w.__mapTop = []
      const tick = () => {
        w.__frame++
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
      new MutationObserver(() => {
        document.querySelectorAll<HTMLElement>('.ghatna-widget, .ghatna-incidents').forEach((section, index) => {
          const name = section.querySelector('h2')?.textContent?.trim() ?? `section ${index}`
          if (!(name in w.__appeared)) w.__appeared[name] = w.__frame
          const canvas = section.querySelector('.ghatna-chart canvas')
          if (canvas && !(`${name}: chart` in w.__appeared)) w.__appeared[`${name}: chart`] = w.__frame
        })
        const map = document.querySelector('.ghatna-map')
        if (map) w.__mapTop.push(Math.round(map.getBoundingClientRect().top + scrollY))
      }).observe(document, { childList: true, subtree: true })
    })
    await serveJson(page, '/fixtures/synthetic-turns.json', raw)
  })

  test('each widget and each chart comes in a frame of its own, top to bottom, drawn once, and nothing above moves', async ({ page }) => {
    await page.goto('/?dataset=/fixtures/synthetic-turns.json&maxmb=50')
    await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
    await expect(page.locator('.ghatna-incidents__count')).toHaveText(`Incidents 1–10 of ${SIZE.toLocaleString('en-IN')}`)
    const appeared = await page.evaluate(() => (window as unknown as { __appeared: Record<string, number> }).__appeared)
    const order = ['Incidents by state', 'How long services were down', 'How many were affected', 'How agencies responded', 'Incidents']
    for (const name of order) expect(Object.keys(appeared), name).toContain(name)
    // Widgets in page order, each in a later frame than the one above it...
    for (let i = 1; i < order.length; i++) expect(appeared[order[i]!]!, `${order[i]} after ${order[i - 1]}`).toBeGreaterThan(appeared[order[i - 1]!]!)
    // ...and each of the three charts below the map drawn in a frame after its widget, before the next widget.
    for (const name of order.slice(1, 4)) {
      expect(appeared[`${name}: chart`]!, `${name}: chart`).toBeGreaterThan(appeared[name]!)
      const next = order[order.indexOf(name) + 1]!
      expect(appeared[`${name}: chart`]!, `${name}: chart before ${next}`).toBeLessThanOrEqual(appeared[next]!)
    }
    // Drawn once each: four charts, four marks, four different charts.
    await page.waitForTimeout(300)
    const marks = await painted(page)
    expect(marks).toHaveLength(4)
    expect(new Set(marks).size).toBe(4)
    // The map never moved while the widgets under it came.
    const tops = await page.evaluate(() => (window as unknown as { __mapTop: number[] }).__mapTop)
    expect(new Set(tops).size).toBe(1)
    // Every chart ends with its figures: the same as the kit's models give for the whole dataset.
    expect(await shown(page)).toEqual(expected())
    // Pixels, not only options: every canvas has drawn something other than its background.
    for (const canvas of await page.locator('.ghatna-widget .ghatna-chart canvas').all()) {
      const inked = await canvas.evaluate((el: HTMLCanvasElement) => {
        const context = el.getContext('2d')!
        const { data } = context.getImageData(0, 0, el.width, el.height)
        let count = 0
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++
        return count / (el.width * el.height)
      })
      expect(inked).toBeGreaterThan(0.02)
    }
  })

  test('a filter change repaints every chart once, with exactly the filtered figures', async ({ page }) => {
    await page.goto('/?dataset=/fixtures/synthetic-turns.json&maxmb=50')
    await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
    await page.waitForTimeout(300)
    const before = (await painted(page)).length
    await page.locator('select[data-filter="sector"]').selectOption('health')
    await expect.poll(async () => (await painted(page)).length).toBe(before + 4)
    await page.waitForTimeout(300)
    const marks = (await painted(page)).slice(before)
    expect(marks).toHaveLength(4)
    expect(new Set(marks).size).toBe(4)
    const now = await shown(page)
    expect(now).toEqual(expected('health'))
    // Not the unfiltered figures again: the filter really changed what every chart shows.
    const all = expected()
    expect(now.map).not.toEqual(all.map)
    expect(now.downtime).not.toEqual(all.downtime)
    expect(now.impact).not.toEqual(all.impact)
    await expect(page.locator('.ghatna-incidents__count')).not.toHaveText(`Incidents 1–10 of ${SIZE.toLocaleString('en-IN')}`)
  })
})
