import { readFileSync } from 'node:fs'
import type { Page, ConsoleMessage } from '@playwright/test'

/** Serves a file from test/fixtures (or any body) at a URL the page will fetch, without a server. */
export async function serveJson(page: Page, path: string, body: unknown, status = 200): Promise<void> {
  // Match the pathname only: a glob would also match the page URL whose ?dataset= names this path.
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }),
  )
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
}

/** Collects console errors and CSP violations for assertions. */
export function watchConsole(page: Page): { errors: string[]; violations: string[] } {
  const seen = { errors: [] as string[], violations: [] as string[] }
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') seen.errors.push(message.text())
  })
  page.on('pageerror', (error) => seen.errors.push(String(error)))
  return seen
}

/* ---------- Host pages (test/browser/hosts.spec.ts and the other specs that embed widgets) ---------- */

type Locator = ReturnType<Page['locator']>

/**
 * What every host-page test watches from before the first script: CSP and Trusted Types violations
 * (`securitypolicyviolation`, in every frame), console errors and uncaught errors, and every
 * `ghatna-select` that reaches `document`.
 */
export async function watchHost(page: Page): Promise<{ errors: string[]; violations: () => Promise<string[]>; selects: () => Promise<{ target: string; region: string | null; group?: string }[]>; clearSelects: () => Promise<void> }> {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __selects: unknown[] }
    w.__violations = []
    w.__selects = []
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`), true)
    document.addEventListener('ghatna-select', (event) => {
      const detail = (event as CustomEvent<{ region: string | null; group?: string }>).detail
      w.__selects.push({ target: (event.target as Element).id, region: detail.region, group: detail.group })
    })
  })
  return {
    errors,
    violations: async () => {
      const all: string[] = []
      for (const frame of page.frames()) all.push(...await frame.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => []))
      return all
    },
    selects: () => page.evaluate(() => (window as unknown as { __selects: { target: string; region: string | null; group?: string }[] }).__selects),
    clearSelects: () => page.evaluate(() => void ((window as unknown as { __selects: unknown[] }).__selects.length = 0)),
  }
}

/** Share of a canvas's pixels that are not transparent. */
export const paintedShare = (canvas: HTMLCanvasElement): number => {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
  let n = 0
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
  return n / (canvas.width * canvas.height)
}

export interface ChartPixels {
  /** The widget (host element) and canvas widths in CSS px. */
  hostWidth: number
  canvasWidth: number
  /** Share of the canvas's pixels that differ from the widget's background. */
  painted: number
  /** CSS px from the first to the last canvas column holding such pixels. */
  span: number
}

/**
 * Samples every chart a widget shows (waiting until each has drawn): which of its pixels differ from
 * the widget's own background, and how far across they reach.
 */
export async function chartPixels(host: Locator): Promise<ChartPixels[]> {
  await host.scrollIntoViewIfNeeded()
  const charts = host.locator('.ghatna-chart')
  await charts.first().waitFor({ timeout: 20_000 })
  for (const chart of await charts.all()) await chart.locator('canvas').first().waitFor({ timeout: 20_000 })
  await expectRendered(charts)
  return host.evaluate((element) => {
    const root = element.shadowRoot ?? element
    return [...root.querySelectorAll<HTMLElement>('.ghatna-chart')].map((chart) => {
      const canvas = chart.querySelector('canvas')!
      const frame = chart.closest('.ghatna-widget') ?? chart
      const [r0, g0, b0] = getComputedStyle(frame).backgroundColor.match(/\d+/g)!.map(Number)
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let painted = 0, first = -1, last = -1
      for (let x = 0; x < width; x++) {
        let column = 0
        for (let y = 0; y < height; y++) {
          const i = (y * width + x) * 4
          if (data[i + 3]! > 40 && Math.abs(data[i]! - r0!) + Math.abs(data[i + 1]! - g0!) + Math.abs(data[i + 2]! - b0!) > 30) column++
        }
        painted += column
        if (column > 0) {
          if (first < 0) first = x
          last = x
        }
      }
      const cssWidth = canvas.getBoundingClientRect().width
      return { hostWidth: element.getBoundingClientRect().width, canvasWidth: cssWidth, painted: painted / (width * height), span: first < 0 ? 0 : ((last - first + 1) * cssWidth) / width }
    })
  })
}

async function expectRendered(charts: Locator): Promise<void> {
  for (const chart of await charts.all()) {
    await chart.page().waitForFunction((element) => (element as HTMLElement).dataset.rendered === 'true' || Boolean(element?.closest('.ghatna-widget')?.querySelector('[data-draw-failed]')), await chart.elementHandle(), { timeout: 20_000 })
    const failed = await chart.evaluate((element) => element.closest('.ghatna-widget')?.querySelector('[data-draw-failed]')?.textContent ?? null)
    if (failed) throw new Error(`a chart could not be drawn: ${failed}`)
  }
}

/** What a plain 16 px page gives (measured before sizes moved from rem to em): the same on every host. */
export const PLAIN_PAGE_TEXT = { title: '17.6px', summary: '15.2px', table: '13.6px', attribution: '12px' } as const

/** The font sizes a reader gets in a widget: its title, summary, table and (the map's) attribution. */
export async function textSizes(host: Locator): Promise<Partial<Record<keyof typeof PLAIN_PAGE_TEXT, string>>> {
  return host.evaluate((element) => {
    const root = element.shadowRoot ?? element
    const size = (selector: string) => {
      const found = root.querySelector(selector)
      return found ? getComputedStyle(found).fontSize : undefined
    }
    const sizes = { title: size('.ghatna-widget__title'), summary: size('.ghatna-widget__summary'), table: size('.ghatna-widget__table table'), attribution: size('.ghatna-map__attribution') }
    return Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined))
  })
}

/** Clicks a point of the map (longitude, latitude) as a reader would. */
export async function clickMapAt(page: Page, map: Locator, lonLat: [number, number]): Promise<void> {
  const chart = map.locator('.ghatna-chart')
  await chart.scrollIntoViewIfNeeded()
  const [x, y] = await chart.evaluate((el, point) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, point), lonLat)
  const box = (await chart.boundingBox())!
  await page.mouse.click(box.x + x!, box.y + y!)
}

/** Inside Maharashtra (IN-MH), which holds 6 of the real dataset's 35 incidents. */
export const MAHARASHTRA: [number, number] = [75.5, 19.4]
