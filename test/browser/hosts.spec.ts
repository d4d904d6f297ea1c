/**
 * The host-page suite (issue 14's "Done means"): the embed on each kind of page a newsroom runs it on,
 * on the real dataset. Every host passes the same checks (checkHost): every widget draws pixels across
 * its width, no CSP or Trusted Types violation and no console error, the host's own script still works,
 * text at the sizes a plain 16 px page gives, a selection that survives a widget added later to the
 * group, and exactly one ghatna-select on document per click. Screenshots: test-results/hosts/*.png.
 */
import { test, expect, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { buildHostApps, type HostApps } from './hostApps'
import { chartPixels, clickMapAt, MAHARASHTRA, PLAIN_PAGE_TEXT, textSizes, watchHost } from './helpers'

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`
const realDataset = readFileSync('src/data/incidents.real.json', 'utf8')
const hostFile = (name: string) => readFileSync(`test/browser/pages/hosts/${name}`, 'utf8')
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** Serves a folder's files under a path prefix of the preview origin. */
async function serveFolder(page: Page, prefix: string, dir: string, headers: Record<string, string> = {}) {
  await page.route((url) => url.pathname.startsWith(prefix), (route) => {
    const rest = new URL(route.request().url()).pathname.slice(prefix.length) || 'index.html'
    const file = join(dir, rest)
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', headers: extname(file) === '.html' ? headers : {}, body: readFileSync(file) })
  })
}
async function servePage(page: Page, path: string, body: string, csp?: string) {
  await page.route((url) => url.pathname === path, (route) => route.fulfill({ status: 200, contentType: TYPES['.html'], headers: csp ? { 'Content-Security-Policy': csp } : {}, body }))
}
async function serveCommon(page: Page) {
  await page.route((url) => url.pathname === '/data/real.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: realDataset }))
  await serveFolder(page, '/test-pages/hosts/', 'test/browser/pages/hosts')
}

interface HostChecks {
  /** Ids of the widgets on the page (all drawn, all measured). */
  widgets: string[]
  /** Shows the widget added later to group g (#w-late). */
  addLate: () => Promise<void>
  screenshot: string
}

/** The checks every host page passes; the host's own behaviour is checked by each test around it. */
async function checkHost(page: Page, seen: Awaited<ReturnType<typeof watchHost>>, checks: HostChecks) {
  for (const id of checks.widgets) {
    const host = page.locator(`#${id}`)
    for (const chart of await chartPixels(host)) {
      expect(chart.painted, `${id}: pixels drawn`).toBeGreaterThan(0.01)
      // Laid out by its own width: the chart takes the widget's width (a map, drawn to its aspect, is narrower).
      expect(chart.canvasWidth, `${id}: chart width of ${chart.hostWidth} px widget`).toBeGreaterThan(chart.hostWidth * 0.7)
      expect(chart.span, `${id}: drawn across the chart`).toBeGreaterThan(chart.canvasWidth * (id.includes('map') ? 0.3 : 0.6))
    }
    const sizes = await textSizes(host)
    const expected = Object.fromEntries(Object.keys(sizes).map((key) => [key, PLAIN_PAGE_TEXT[key as keyof typeof PLAIN_PAGE_TEXT]]))
    expect(sizes, `${id}: text sizes`).toEqual(expected)
    expect(Object.keys(sizes), `${id}: title, summary and table measured`).toEqual(expect.arrayContaining(['title', 'summary', 'table']))
  }
  expect(await textSizes(page.locator('#w-map'))).toHaveProperty('attribution', PLAIN_PAGE_TEXT.attribution)
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll of the page').toBeLessThanOrEqual(await page.evaluate(() => innerWidth))

  // A reader selects Maharashtra on the map in group g: one event on document, from the map, with its group.
  await seen.clearSelects()
  const timelineChoices = page.locator('#w-timeline select option')
  const allChoices = await timelineChoices.count()
  await clickMapAt(page, page.locator('#w-map'), MAHARASHTRA)
  await expect(page.locator('#w-map .ghatna-map__selected')).toContainText('Maharashtra')
  await expect.poll(async () => (await timelineChoices.count())).toBeLessThan(allChoices)
  const choices = await timelineChoices.count()
  await page.waitForTimeout(300)
  expect(await seen.selects()).toEqual([{ target: 'w-map', region: 'IN-MH', group: 'g' }])

  // A widget added later to the group takes the selection and resets nothing.
  await checks.addLate()
  const late = page.locator('#w-late')
  expect((await chartPixels(late)).every((chart) => chart.painted > 0.01)).toBe(true)
  await expect(late.locator('.ghatna-widget__summary')).not.toHaveText((await page.locator('#w-impact .ghatna-widget__summary').textContent())!)
  await expect(page.locator('#w-map .ghatna-map__selected')).toContainText('Maharashtra')
  await expect(timelineChoices).toHaveCount(choices)
  await page.locator('#w-aside').scrollIntoViewIfNeeded()
  await expect(page.locator('#w-aside .ghatna-map__selected')).toHaveCount(0)
  expect(await seen.selects(), 'adding a widget sends no ghatna-select').toHaveLength(1)

  await page.screenshot({ path: `test-results/hosts/${checks.screenshot}.png`, fullPage: true })
  expect(await seen.violations()).toEqual([])
  expect(seen.errors).toEqual([])
}

async function countClicks(page: Page) {
  await page.locator('#count').click()
  await page.locator('#count').click()
  await expect(page.locator('#count')).toHaveText('Clicked 2')
}

test.describe('apps built from npm with ghatna/elements', () => {
  test.describe.configure({ timeout: 240_000 })
  let apps: HostApps
  test.beforeAll(() => {
    apps = buildHostApps()
  })
  test.afterAll(() => apps?.dispose())

  for (const kind of ['vue', 'react'] as const) {
    test(`a ${kind === 'vue' ? 'Vue 3.4' : 'React 18'} app: widgets draw, the app keeps working, a route change and a conditional widget remount them`, async ({ page }) => {
      expect(apps.versions[kind]).toMatch(kind === 'vue' ? /^3\.4\./ : /^18\./)
      await page.setViewportSize({ width: 1280, height: 900 })
      const seen = await watchHost(page)
      await serveCommon(page)
      await serveFolder(page, `/hosts/${kind}/`, apps[kind])
      await page.goto(`/hosts/${kind}/`)
      await countClicks(page)
      const widgets = ['w-map', 'w-timeline', 'w-downtime', 'w-impact', 'w-aside', ...(kind === 'react' ? ['w-dashboard'] : [])]
      await checkHost(page, seen, { widgets, addLate: () => page.locator('#toggle-late').click(), screenshot: `${kind}-app` })
      // The kit's bundled Vue joins none of the app's Vue setter lists and adds no global of its own.
      const globals = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown[] | undefined>
        return { instanceSetters: w.__VUE_INSTANCE_SETTERS__?.length, ssrSetters: w.__VUE_SSR_SETTERS__?.length, kit: ['__VUE__', '__INTLIFY_PROD_DEVTOOLS__', '__INTLIFY__', '__VUE_I18N_FULL_INSTALL__'].filter((key) => key in window) }
      })
      // `__VUE__` on the Vue page is the app's own Vue's (its renderer sets it); the React page, running the same kit, has none.
      expect(globals).toEqual(kind === 'vue' ? { instanceSetters: 1, ssrSetters: 1, kit: ['__VUE__'] } : { instanceSetters: undefined, ssrSetters: undefined, kit: [] })
      // v-if / conditional rendering: the late widget goes and comes back drawn.
      await page.locator('#toggle-late').click()
      await expect(page.locator('#w-late')).toHaveCount(0)
      await page.locator('#toggle-late').click()
      expect((await chartPixels(page.locator('#w-late'))).every((chart) => chart.painted > 0.01)).toBe(true)
      // A route change unmounts every widget; coming back mounts new ones, which draw and keep the group's selection.
      await page.locator('#nav-about').click()
      await expect(page.locator('#about')).toHaveText('About this story')
      await expect(page.locator('ghatna-map')).toHaveCount(0)
      await page.locator('#nav-story').click()
      expect((await chartPixels(page.locator('#w-map'))).every((chart) => chart.painted > 0.01)).toBe(true)
      await expect(page.locator('#w-map .ghatna-map__selected')).toContainText('Maharashtra')
      await expect(page.locator('#count')).toHaveText('Clicked 2')
      await page.locator('#count').click()
      await expect(page.locator('#count')).toHaveText('Clicked 3')
      expect(await seen.violations()).toEqual([])
      expect(seen.errors).toEqual([])
    })
  }
})

test('a Bootstrap 5 + jQuery article with aggressive theme CSS, a 10 px root and a 300 px sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const seen = await watchHost(page)
  await serveCommon(page)
  await page.route((url) => url.pathname === '/vendor/bootstrap.min.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css') }))
  await page.route((url) => url.pathname === '/vendor/jquery.min.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync('node_modules/jquery/dist/jquery.min.js') }))
  await servePage(page, '/news/bootstrap.html', hostFile('bootstrap.html'))
  await page.goto('/news/bootstrap.html')
  await countClicks(page)
  // The theme's rules apply to the page (so the test would notice if they did not load)…
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px')
  expect(await page.locator('article h2').first().evaluate((h) => getComputedStyle(h).fontSize)).toBe('30px')
  // …and the 300 px sidebar holds a map drawn across it, its side panel below, not beside it.
  expect(await page.locator('#w-aside').evaluate((el) => el.getBoundingClientRect().width)).toBe(300)
  await checkHost(page, seen, { widgets: ['w-map', 'w-timeline', 'w-downtime', 'w-impact', 'w-dashboard', 'w-aside'], addLate: () => page.locator('#toggle-late').click(), screenshot: 'bootstrap-jquery' })
})

for (const [name, csp] of [['strict-CSP', STRICT_CSP], ['Trusted Types', TRUSTED_TYPES_CSP]] as const) {
  test(`a plain article under a ${name} page policy`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    const seen = await watchHost(page)
    await serveCommon(page)
    await servePage(page, '/news/plain.html', hostFile('plain.html'), csp)
    await page.goto('/news/plain.html')
    await countClicks(page)
    await checkHost(page, seen, { widgets: ['w-map', 'w-timeline', 'w-downtime', 'w-impact', 'w-dashboard', 'w-aside'], addLate: () => page.locator('#toggle-late').click(), screenshot: name === 'strict-CSP' ? 'strict-csp' : 'trusted-types' })
    if (name === 'Trusted Types') expect(await page.evaluate(() => (window as unknown as { trustedTypes: { defaultPolicy: unknown } }).trustedTypes.defaultPolicy)).toBeNull()
  })
}

/** The plain article as a dark news site: `html { font-size: 10px; color-scheme: dark; background: #111 }`, widgets with theme="page". */
const darkPage = hostFile('plain.html').replace('<html lang="en">', '<html lang="en" class="dark">').replace(/<ghatna-(\w+) id="([\w-]+)"/g, '<ghatna-$1 id="$2" theme="page"')

test('a dark site with a 10 px root: text sizes as on a plain page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const seen = await watchHost(page)
  await serveCommon(page)
  await servePage(page, '/news/dark.html', darkPage, STRICT_CSP)
  await page.goto('/news/dark.html')
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px')
  await countClicks(page)
  await checkHost(page, seen, { widgets: ['w-map', 'w-timeline', 'w-downtime', 'w-impact', 'w-dashboard', 'w-aside'], addLate: () => page.locator('#toggle-late').click(), screenshot: 'dark-10px' })
})

// Issue 14 item 8 (theme="page", the lead's): until it is merged, this expectation fails on this branch.
test('a dark site: theme="page" follows the page\'s dark scheme, native controls included', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await serveCommon(page)
  await servePage(page, '/news/dark.html', darkPage, STRICT_CSP)
  await page.goto('/news/dark.html')
  for (const id of ['w-map', 'w-timeline', 'w-downtime']) {
    await chartPixels(page.locator(`#${id}`))
    const looks = await page.locator(`#${id} .ghatna-widget`).first().evaluate((widget) => {
      const luminance = (colour: string) => {
        const [r, g, b] = colour.match(/\d+/g)!.map(Number)
        return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255
      }
      const select = widget.querySelector('select')
      return { background: luminance(getComputedStyle(widget).backgroundColor), text: luminance(getComputedStyle(widget).color), select: select ? getComputedStyle(select).colorScheme : 'dark' }
    })
    expect(looks.background, `${id}: a dark background`).toBeLessThan(0.2)
    expect(looks.text, `${id}: light text`).toBeGreaterThan(0.7)
    expect(looks.select, `${id}: its select drawn dark`).toContain('dark')
  }
})

test('a sub-path deployment: the embed and its iframe page served under /ghatna/embed/', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const seen = await watchHost(page)
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await serveCommon(page)
  await serveFolder(page, '/ghatna/embed/', 'dist/embed')
  // Nothing may come from the site root's /embed/ or /assets/: answer those with 404s so a stray request fails loudly.
  await page.route((url) => url.pathname.startsWith('/embed/') || url.pathname.startsWith('/assets/'), (route) => route.fulfill({ status: 404, body: 'not here' }))
  const body = hostFile('plain.html')
    .replace('src="/embed/ghatna.js"', 'src="/ghatna/embed/ghatna.js"')
    .replace('<div id="late"></div>', '<div id="late"></div>\n<iframe id="w-iframe" data-ghatna src="/ghatna/embed/embed.html?widget=downtime&src=/data/real.json" title="Downtime" width="100%" height="500"></iframe><script src="/ghatna/embed/iframe-host.js" defer></script>')
  await servePage(page, '/news/subpath.html', body, STRICT_CSP)
  await page.goto('/news/subpath.html')
  await countClicks(page)
  await checkHost(page, seen, { widgets: ['w-map', 'w-timeline', 'w-downtime', 'w-impact', 'w-dashboard', 'w-aside'], addLate: () => page.locator('#toggle-late').click(), screenshot: 'sub-path' })
  // The iframe page draws too, and validates in its worker, fetched from next to its script.
  const frame = page.frameLocator('#w-iframe')
  await expect(frame.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 })
  expect(await frame.locator('.ghatna-chart canvas').first().evaluate((canvas: HTMLCanvasElement) => canvas.width > 0 && canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0))).toBe(true)
  expect(requests.filter((path) => path.includes('worker'))).toEqual([expect.stringMatching(/^\/ghatna\/embed\/.*worker.*\.js$/)])
  expect(requests.filter((path) => path.startsWith('/embed/') || path.startsWith('/assets/'))).toEqual([])
  expect(await seen.violations()).toEqual([])
  expect(seen.errors).toEqual([])
})

const WIDTHS = [240, 300, 360, 600, 1200]
const WIDGETS = ['map', 'downtime', 'impact', 'timeline', 'dashboard']

test.describe('every widget laid out by its container in a 1280 px window', () => {
  for (const width of WIDTHS) {
    test(`in a ${width} px container: drawn across it, nothing cut off, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 })
      const seen = await watchHost(page)
      await serveCommon(page)
      await page.route((url) => url.pathname === '/test-pages/containers.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: `body { margin: 0 } .box { width: ${width}px; margin: 0 0 24px 8px }` }))
      await servePage(page, '/news/containers.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/test-pages/containers.css"><script type="module" src="/embed/ghatna.js"></script></head><body>${WIDGETS.map((w) => `<div class="box"><ghatna-${w} id="w-${w}" src="/data/real.json"></ghatna-${w}></div>`).join('')}</body></html>`, STRICT_CSP)
      await page.goto('/news/containers.html')
      for (const widget of WIDGETS) {
        const host = page.locator(`#w-${widget}`)
        for (const chart of await chartPixels(host)) {
          expect(chart.hostWidth).toBe(width)
          expect(chart.painted, `${widget}: pixels drawn`).toBeGreaterThan(0.01)
          expect(chart.canvasWidth, `${widget}: the chart takes the widget's width`).toBeGreaterThan(width * (width <= 300 ? 0.7 : 0.75) - (widget === 'dashboard' ? 40 : 0))
          expect(chart.span, `${widget}: drawn across the chart`).toBeGreaterThan(chart.canvasWidth * (widget === 'map' || widget === 'dashboard' ? 0.3 : 0.6))
        }
        // Nothing reaches past the widget's edge (tables scroll in their own region; hidden text is clipped).
        const cut = await host.evaluate((element) => {
          const right = element.getBoundingClientRect().right
          return [...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]
            .filter((el) => !el.closest('.ghatna-table-scroll, .ghatna-visually-hidden, details:not([open]) > :not(summary)') && el.getBoundingClientRect().width > 0)
            .filter((el) => el.getBoundingClientRect().right > right + 0.5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} +${(el.getBoundingClientRect().right - right).toFixed(0)}px`)
        })
        expect(cut, `${widget}: nothing cut off`).toEqual([])
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
      if (width === 300 || width === 1200) await page.screenshot({ path: `test-results/hosts/containers-${width}.png`, fullPage: true })
      expect(await seen.violations()).toEqual([])
      expect(seen.errors).toEqual([])
    })
  }
})

test('in a flex row with no width given, a widget takes room and still shrinks to a narrow row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const seen = await watchHost(page)
  await serveCommon(page)
  await page.route((url) => url.pathname === '/test-pages/flex.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: 'body { margin: 0 } .row { display: flex; gap: 8px; margin-bottom: 24px } .narrow { width: 300px } .row p { margin: 0 }' }))
  await servePage(page, '/news/flex.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/test-pages/flex.css"><script type="module" src="/embed/ghatna.js"></script></head><body>
<div class="row"><ghatna-map id="wide" src="/data/real.json"></ghatna-map><p>Text beside the map in the same row.</p></div>
<div class="row narrow"><ghatna-downtime id="narrow" src="/data/real.json"></ghatna-downtime></div></body></html>`, STRICT_CSP)
  await page.goto('/news/flex.html')
  for (const [id, least, most] of [['wide', 600, 1000], ['narrow', 280, 300]] as const) {
    const charts = await chartPixels(page.locator(`#${id}`))
    expect(charts[0]!.hostWidth, `${id}: the widget's width`).toBeGreaterThanOrEqual(least)
    expect(charts[0]!.hostWidth, `${id}: the widget's width`).toBeLessThanOrEqual(most)
    expect(charts[0]!.painted, `${id}: pixels drawn`).toBeGreaterThan(0.01)
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
  expect(seen.errors).toEqual([])
})
