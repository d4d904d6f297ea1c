/**
 * What `npm run bench` and scripts/profile-dashboard.ts read from a page the same way: the kit's
 * `ghatna:painted` marks, and the dashboard's filter change they time.
 */
import type { Page } from 'playwright-core'

export interface PaintMark { at: number; chart: string }

/**
 * The `ghatna:painted` marks so far. The map's first paint (its pre-projected outlines) is marked with
 * `outline: true`; ECharts' own drawing of it, and every other chart, without. `charts` counts only those.
 */
export const paintMarks = (page: Page, charts = false): Promise<PaintMark[]> => page.evaluate((onlyCharts) => performance.getEntriesByName('ghatna:painted')
  .filter((mark) => !onlyCharts || !(mark as PerformanceMark).detail?.outline)
  .map((mark) => ({ at: mark.startTime, chart: (mark as PerformanceMark).detail?.chart as string })), charts)

export async function waitForPaints(page: Page, count: number, timeout: number, charts = false): Promise<PaintMark[]> {
  await page.waitForFunction(([n, onlyCharts]) => performance.getEntriesByName('ghatna:painted').filter((mark) => !onlyCharts || !(mark as PerformanceMark).detail?.outline).length >= n, [count, charts] as const, { timeout, polling: 20 })
  return paintMarks(page, charts)
}

/** Sets the dashboard's sector filter to "health" as a reader would; returns when (page clock) the change was sent. */
export function changeSectorFilter(page: Page): Promise<number> {
  return page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('select[data-filter="sector"]')!
    select.value = 'health'
    const at = performance.now()
    performance.mark('profile:change')
    select.dispatchEvent(new Event('change', { bubbles: true }))
    return at
  })
}

/** A filter change timed to the fourth chart drawn again by ECharts: what "filter change → all painted" reports. */
export async function timeFilterChange(page: Page, timeout = 120_000): Promise<number> {
  const before = (await paintMarks(page, true)).length
  const started = await changeSectorFilter(page)
  const after = await waitForPaints(page, before + 4, timeout, true)
  return Math.max(...after.slice(before).map((mark) => mark.at)) - started
}
