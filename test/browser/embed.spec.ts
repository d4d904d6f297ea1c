import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
const dataset = readFileSync('src/data/incidents.default.json', 'utf8')
const page_ = (name: string) => readFileSync(`test/browser/pages/${name}`, 'utf8')

/** Serves the hostile article and its assets on the preview origin, the article with a strict CSP header. */
async function openHostilePage(page: Page) {
  const datasetRequests: string[] = []
  const violations: string[] = []
  const errors: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __violations: string[] }).__violations ??= []
      ;(window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`)
    })
  })
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.route((url) => url.pathname === '/news/article.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP }, body: page_('hostile.html') }),
  )
  for (const [path, type] of [['hostile.css', 'text/css'], ['other-framework.js', 'text/javascript'], ['host.js', 'text/javascript']] as const) {
    await page.route((url) => url.pathname === `/test-pages/${path}`, (route) => route.fulfill({ status: 200, contentType: type, body: page_(path) }))
  }
  await page.route((url) => url.pathname === '/data/incidents.json', (route) => {
    datasetRequests.push(route.request().url())
    return route.fulfill({ status: 200, contentType: 'application/json', body: dataset })
  })
  await page.route((url) => url.pathname === '/data/missing.json', (route) => route.fulfill({ status: 404, body: 'not found' }))
  await page.goto('/news/article.html')
  return { datasetRequests, violations: () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []), errors }
}

test.describe('embedding in a hostile news page', () => {
  test('healthy widgets draw, share one fetch, cross-filter, and break nothing', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 900 })
    const seen = await openHostilePage(page)
    for (const id of ['story-map', 'story-timeline', 'story-impact']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded()
      await expect(page.locator(`#${id} .ghatna-chart`)).toHaveAttribute('data-rendered', 'true')
      const painted = await page.locator(`#${id} .ghatna-chart canvas`).first().evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
        return n / (canvas.width * canvas.height)
      })
      expect(painted, id).toBeGreaterThan(0.02)
      // The page's `canvas { display: none }` and `div { border }` do not reach inside.
      expect(await page.locator(`#${id} .ghatna-chart canvas`).first().evaluate((c) => getComputedStyle(c).display)).toBe('block')
      expect(await page.locator(`#${id} .ghatna-root`).evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('none')
    }
    expect(seen.datasetRequests).toHaveLength(1)

    // A click on Bihar in the map filters the timeline in the same group.
    await page.locator('#story-map').scrollIntoViewIfNeeded()
    const chart = page.locator('#story-map .ghatna-chart')
    const [x, y] = await chart.evaluate((el) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, [85.6, 25.7]))
    const box = (await chart.boundingBox())!
    await page.mouse.move(box.x + x!, box.y + y!)
    await expect(page.locator('#story-map .ghatna-tooltip__title')).toHaveText('बिहार')
    await page.mouse.click(box.x + x!, box.y + y!)
    await expect(page.locator('#story-timeline select option')).toHaveCount(1)
    await expect(page.locator('#story-timeline select option')).toHaveText('हैकरों ने बिहार की 102 आपातकालीन एंबुलेंस सेवा ठप की, डॉलर मांगे')
    const events = await page.evaluate(() => (window as unknown as { __ghatnaEvents: { name: string; target: string; detail: { region: string } }[] }).__ghatnaEvents)
    // One click, one event: from the widget the reader used, not from every widget of the group.
    expect(events.filter((e) => e.name === 'ghatna-select').map((e) => `${e.target}:${e.detail.region}`)).toEqual(['story-map:IN-BR'])

    // The broken one says so, in the page's language.
    await page.locator('#story-broken').scrollIntoViewIfNeeded()
    await expect(page.locator('#story-broken [role="alert"]')).toContainText('घटनाएँ लोड नहीं हो सकीं')
    await expect(page.locator('#story-broken [role="alert"]')).toContainText('सर्वर ने 404 उत्तर दिया')
    expect(events.some((e) => e.name === 'ghatna-error') || (await page.evaluate(() => (window as unknown as { __ghatnaEvents: { name: string }[] }).__ghatnaEvents.some((e) => e.name === 'ghatna-error')))).toBe(true)

    await page.screenshot({ path: 'test/artifacts/hostile-page.png', fullPage: true })
    expect(await seen.violations()).toEqual([])
    // Only the broken widget may complain, and only about its 404.
    expect(seen.errors.filter((e) => !e.includes('/data/missing.json') && !e.startsWith('Failed to load resource'))).toEqual([])
    // Nothing at all: not even Vue's or vue-i18n's own keys (only the host script's own two are new).
    const added = await page.evaluate(() => Object.keys(window).filter((key) => !(window as unknown as { __hostKeys: string[] }).__hostKeys.includes(key) && key !== '__hostKeys' && key !== '__ghatnaEvents'))
    expect(added).toEqual([])
  })
})

test.describe('the embed API', () => {
  async function openSimplePage(page: Page) {
    const requests: string[] = []
    await page.route((url) => url.pathname === '/news/simple.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: page_('simple.html') }))
    await page.route((url) => url.pathname === '/test-pages/mount.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: page_('mount.js') }))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => {
      requests.push(route.request().url())
      return route.fulfill({ status: 200, contentType: 'application/json', body: dataset })
    })
    await page.goto('/news/simple.html')
    return requests
  }

  test('attribute changes take effect live', async ({ page }) => {
    await openSimplePage(page)
    const live = page.locator('#live')
    await expect(live.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(live.locator('h2')).toHaveText('Incidents by state')
    await live.evaluate((el) => el.setAttribute('lang', 'hi'))
    await expect(live.locator('h2')).toHaveText('राज्यवार घटनाएँ')
    await expect(live.locator('.ghatna-root')).toHaveAttribute('lang', 'hi')
    await live.evaluate((el) => el.setAttribute('metric', 'downtime'))
    await expect(live.locator('[data-metric="downtime"]')).toHaveAttribute('aria-checked', 'true')
    await live.evaluate((el) => el.setAttribute('region', 'IN-MP'))
    await expect(live.locator('.ghatna-map__selected')).toContainText('केवल मध्य प्रदेश दिखाया जा रहा है')
    await live.evaluate((el) => el.setAttribute('theme', 'dark'))
    await expect(live.locator('.ghatna-root')).toHaveAttribute('data-theme', 'dark')
  })

  /** An article with these elements and the embed script, under the strict CSP; returns the console warnings. */
  async function openInlinePage(page: Page, elements: string, css = '') {
    const warnings: string[] = []
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/test-pages/inline.css"></head><body>${elements}<script type="module" src="/embed/ghatna.js"></script></body></html>`
    await page.route((url) => url.pathname === '/news/inline.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: html }))
    await page.route((url) => url.pathname === '/test-pages/inline.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: css }))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
    await page.goto('/news/inline.html')
    return warnings
  }

  test('theme "page" follows the host page as it switches; an invalid setting is said in the console with what is used', async ({ page }) => {
    const warnings = await openInlinePage(page, `<ghatna-downtime id="follows" src="/data/incidents.json"></ghatna-downtime>
<ghatna-downtime id="typo" src="/data/incidents.json" theme="drak" maxmb="lots"></ghatna-downtime>`, 'html.night { color-scheme: dark; } html.night body { background: #121212; color: #eee; }')
    const root = (id: string) => page.locator(`#${id} .ghatna-root`)
    await expect(page.locator('#follows .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(root('follows')).toHaveAttribute('data-theme', 'light')
    await page.evaluate(() => document.documentElement.classList.add('night'))
    await expect(root('follows')).toHaveAttribute('data-theme', 'dark')
    await expect(root('typo')).toHaveAttribute('data-theme', 'dark')
    // Native controls (the sort select) follow the widget's scheme, not the page's default.
    expect(await root('follows').evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark')
    await page.evaluate(() => document.documentElement.classList.remove('night'))
    await expect(root('follows')).toHaveAttribute('data-theme', 'light')
    expect(warnings).toContain('[ghatna] theme="drak" is not light, dark, auto or page; using page')
    expect(warnings).toContain('[ghatna] maxmb="lots" is not a number from 1 to 500 MB; using 20')
    // Said once, not at every re-render.
    expect(warnings.filter((line) => line.includes('theme="drak"'))).toHaveLength(1)
  })

  test('the impact chart starts on the unit its attribute names, follows a change, and says when the dataset has no such unit', async ({ page }) => {
    const warnings = await openInlinePage(page, '<ghatna-impact id="towns" src="/data/incidents.json" unit="towns"></ghatna-impact>')
    const select = page.locator('#towns select[data-control="unit"]')
    await expect(page.locator('#towns .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(select).toHaveValue('towns')
    await page.locator('#towns').evaluate((el) => el.setAttribute('unit', 'people'))
    await expect(select).toHaveValue('people')
    await page.locator('#towns').evaluate((el) => el.setAttribute('unit', 'rupees'))
    await expect.poll(() => warnings).toContain('[ghatna] unit="rupees" is not a unit this dataset counts (people, towns); using people')
  })

  test('mount() builds a widget, resolves ready, and dispose() removes it', async ({ page }) => {
    const requests = await openSimplePage(page)
    await expect.poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready)).toBe(true)
    const mounted = page.locator('#slot ghatna-downtime')
    await expect(mounted.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(mounted.locator('h2')).toHaveText('सेवाएँ कितनी देर ठप रहीं')
    await expect(mounted.locator('.ghatna-root')).toHaveAttribute('data-theme', 'dark')
    expect(requests).toHaveLength(1)
    await page.evaluate(() => (window as unknown as { __mounted: { dispose: () => void } }).__mounted.dispose())
    await expect(page.locator('#slot ghatna-downtime')).toHaveCount(0)
  })
})

test.describe('the iframe embed', () => {
  test('sizes the iframe to its widget, and explains an unknown widget', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 900 })
    await page.route((url) => url.pathname === '/news/iframe.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP + "; frame-src 'self'" }, body: page_('iframe-host.html') }))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
    await page.goto('/news/iframe.html')
    const frame = page.frameLocator('#frame')
    await expect(frame.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(frame.locator('h2')).toHaveText('राज्यवार घटनाएँ')
    // The host script grew the iframe from 150 px to the widget's height.
    await expect.poll(async () => (await page.locator('#frame').boundingBox())!.height).toBeGreaterThan(600)
    const inner = await frame.locator('body').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))
    expect(Math.abs((await page.locator('#frame').boundingBox())!.height - inner)).toBeLessThanOrEqual(2)
    await expect(page.frameLocator('#bad').getByRole('alert')).toHaveText('Ghatna: unknown widget "pie". Use one of: map, downtime, impact, timeline, dashboard.')
  })
})

test.describe('the iframe embed under a sub-path', () => {
  test('validates in its worker, fetched next to the page, not from the site root', async ({ page }) => {
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    // dist/embed served as /ghatna/embed/, as a site that keeps the kit in a folder of its own would.
    await page.route((url) => url.pathname.startsWith('/ghatna/embed/'), (route) => {
      const path = new URL(route.request().url()).pathname.slice('/ghatna/embed/'.length)
      const type = path.endsWith('.html') ? 'text/html' : 'text/javascript'
      try {
        return route.fulfill({ status: 200, contentType: type, body: readFileSync(`dist/embed/${path}`) })
      } catch {
        return route.fulfill({ status: 404, body: 'not found' })
      }
    })
    // The dashboard's own build has a worker at the site root: not this page's to use.
    await page.route((url) => url.pathname.startsWith('/assets/'), (route) => route.fulfill({ status: 404, body: 'not found' }))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
    await page.goto('/ghatna/embed/embed.html?widget=map&src=/data/incidents.json&lang=hi')
    await expect(page.locator('ghatna-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    const validated = await page.evaluate(() => performance.getEntriesByName('ghatna:validated').map((mark) => (mark as PerformanceMark).detail as { where: string; incidents: number }))
    expect(validated).toEqual([{ url: '/data/incidents.json', where: 'worker', incidents: 4 }])
    expect(requests.filter((path) => path.includes('source.worker'))).toEqual([expect.stringMatching(/^\/ghatna\/embed\/assets\/source\.worker-[\w-]+\.js$/)])
    expect(requests.filter((path) => path.startsWith('/assets/') || path.startsWith('/embed/'))).toEqual([])
  })
})

test.describe('the embed codes on the demo page', () => {
  test('the snippet, pasted into an article, draws the widget and resizes with its container', async ({ page }) => {
    await page.goto('/?lang=hi')
    await page.locator('select[data-control="embed-widget"]').selectOption('downtime')
    const snippet = await page.locator('[data-snippet="element"]').innerText()
    expect(snippet).toMatch(/^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\/ghatna\.js"><\/script>\n<ghatna-downtime src="http:\/\/127\.0\.0\.1:\d+\/assets\/incidents\.default-[\w-]+\.json" lang="hi" theme="page"><\/ghatna-downtime>\n<noscript>/)
    expect(await page.locator('[data-snippet="iframe"]').innerText()).toContain('/embed/embed.html?widget=downtime&amp;src=http')
    await page.route((url) => url.pathname === '/news/pasted.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: `<!doctype html><html lang="hi"><body><main id="column">${snippet}</main></body></html>` }),
    )
    await page.goto('/news/pasted.html')
    const widget = page.locator('ghatna-downtime')
    await expect(widget.locator('.ghatna-chart')).toHaveAttribute('data-rendered', 'true')
    await expect(widget.locator('h2')).toHaveText('सेवाएँ कितनी देर ठप रहीं')
    const canvasWidth = () => widget.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width)
    const before = await canvasWidth()
    await page.locator('#column').evaluate((el) => (el.style.width = '340px'))
    await expect.poll(canvasWidth).toBeLessThan(340)
    expect(before).toBeGreaterThan(600)
  })
})

test('a widget far down the article loads nothing until the reader scrolls near it', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 700 })
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await page.route((url) => url.pathname === '/news/long.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: `<!doctype html><html><head><link rel="stylesheet" href="/test-pages/long.css"><script type="module" src="/embed/ghatna.js"></script></head><body><p id="top">Top</p><div id="spacer"></div><ghatna-impact id="far" src="/data/far.json"></ghatna-impact></body></html>` }),
  )
  await page.route((url) => url.pathname === '/test-pages/long.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '#spacer { height: 4000px }' }))
  await page.route((url) => url.pathname === '/data/far.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
  await page.goto('/news/long.html')
  await page.waitForTimeout(800)
  expect(requests.filter((path) => path === '/data/far.json' || path.includes('/ImpactChart-'))).toEqual([])
  await page.locator('#far').scrollIntoViewIfNeeded()
  await expect(page.locator('#far .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
  expect(requests.filter((path) => path === '/data/far.json')).toHaveLength(1)
  expect(requests.some((path) => path.includes('/ImpactChart-'))).toBe(true)
})

test.describe('a group of widgets', () => {
  async function openGroupPage(page: Page) {
    await page.setViewportSize({ width: 1000, height: 900 })
    await page.route((url) => url.pathname === '/news/group.html', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': STRICT_CSP },
        body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/test-pages/host.js"></script><script type="module" src="/embed/ghatna.js"></script></head><body><ghatna-map id="s-map" src="/data/incidents.json" group="s"></ghatna-map><ghatna-timeline id="s-timeline" src="/data/incidents.json" group="s"></ghatna-timeline><div id="later"></div></body></html>',
      }),
    )
    await page.route((url) => url.pathname === '/test-pages/host.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: page_('host.js') }))
    await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
    await page.goto('/news/group.html')
    await expect(page.locator('#s-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
  }
  async function clickBihar(page: Page) {
    const chart = page.locator('#s-map .ghatna-chart')
    await chart.scrollIntoViewIfNeeded()
    const [x, y] = await chart.evaluate((el) => (el as HTMLElement & { ghatnaChart: { convertToPixel: (f: object, p: number[]) => number[] } }).ghatnaChart.convertToPixel({ seriesIndex: 0 }, [85.6, 25.7]))
    const box = (await chart.boundingBox())!
    await page.mouse.click(box.x + x!, box.y + y!)
  }

  test('one click sends one ghatna-select, from the widget used, with its group', async ({ page }) => {
    await openGroupPage(page)
    const selects = () => page.evaluate(() => (window as unknown as { __ghatnaEvents: { name: string; target: string; detail: unknown }[] }).__ghatnaEvents.filter((e) => e.name === 'ghatna-select'))
    await clickBihar(page)
    await expect(page.locator('#s-timeline select option')).toHaveCount(1)
    await page.waitForTimeout(300)
    expect(await selects()).toEqual([{ name: 'ghatna-select', target: 's-map', detail: { region: 'IN-BR', src: '/data/incidents.json', group: 's' } }])
    // Clicked again: cleared, one more event.
    await clickBihar(page)
    await expect(page.locator('#s-map .ghatna-map__selected')).toHaveCount(0)
    await page.waitForTimeout(300)
    expect((await selects()).map((e) => [e.target, (e.detail as { region: unknown }).region])).toEqual([['s-map', 'IN-BR'], ['s-map', null]])
  })

  test('a widget added later keeps the selection the reader made', async ({ page }) => {
    await openGroupPage(page)
    await clickBihar(page)
    await expect(page.locator('#s-map .ghatna-map__selected')).toContainText('Bihar')
    await page.locator('#s-timeline').scrollIntoViewIfNeeded()
    await expect(page.locator('#s-timeline select option')).toHaveCount(1)
    // What a v-if remount, an SPA route or mount() does: a new element in the group, without a region.
    await page.evaluate(() => {
      const late = document.createElement('ghatna-impact')
      late.id = 's-impact'
      late.setAttribute('src', '/data/incidents.json')
      late.setAttribute('group', 's')
      document.querySelector('#later')!.append(late)
    })
    await page.locator('#s-impact').scrollIntoViewIfNeeded()
    // It shows the group's selection: Bihar's incident reported no figure (the whole dataset has several).
    await expect(page.locator('#s-impact .ghatna-widget__summary')).toHaveText('No number was reported for these incidents.')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __ghatnaEvents: { name: string; target: string }[] }).__ghatnaEvents.some((e) => e.name === 'ghatna-ready' && e.target === 's-impact'))).toBe(true)
    await expect(page.locator('#s-map .ghatna-map__selected')).toContainText('Bihar')
    await expect(page.locator('#s-timeline select option')).toHaveCount(1)
    await expect(page.locator('#s-timeline select option')).toContainText('Bihar')
    // An attribute still sets the selection when it is present, and when it changes.
    await page.locator('#s-impact').evaluate((el) => el.setAttribute('region', 'IN-MP'))
    await expect(page.locator('#s-map .ghatna-map__selected')).toContainText('Madhya Pradesh')
  })
})

test('on a page running its own Vue, the embed adds no global and joins none of that Vue\'s lists', async ({ page }) => {
  await page.route((url) => url.pathname === '/vendor/vue.global.prod.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync('node_modules/vue/dist/vue.global.prod.js', 'utf8') }))
  await page.route((url) => url.pathname === '/test-pages/vue-app.js', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      // Vue's global build keeps its setters to itself; a bundled Vue app (esm-bundler) keeps them in these
      // window lists, which another copy of Vue would join: made here as such an app makes them.
      body: `window.__VUE_INSTANCE_SETTERS__ = [() => {}]
window.__VUE_SSR_SETTERS__ = [() => {}]
const { createApp, h, ref } = Vue
createApp({ setup() { const n = ref(0); return () => h('button', { id: 'count', onClick: () => n.value++ }, 'clicked ' + n.value) } }).mount('#app')
window.__keysWithHostVue = Object.keys(window)`,
    }),
  )
  await page.route((url) => url.pathname === '/data/incidents.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset }))
  await page.route((url) => url.pathname === '/news/vue-app.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: '<!doctype html><html><head><script src="/vendor/vue.global.prod.js"></script><script src="/test-pages/vue-app.js" defer></script><script type="module" src="/embed/ghatna.js"></script></head><body><div id="app"></div><ghatna-map src="/data/incidents.json"></ghatna-map></body></html>' }),
  )
  await page.goto('/news/vue-app.html')
  await expect(page.locator('ghatna-map .ghatna-chart')).toHaveAttribute('data-rendered', 'true')
  const globals = await page.evaluate(() => {
    const w = window as unknown as { __keysWithHostVue: string[]; __VUE_INSTANCE_SETTERS__?: unknown[]; __VUE_SSR_SETTERS__?: unknown[] }
    return { added: Object.keys(window).filter((key) => !w.__keysWithHostVue.includes(key) && key !== '__keysWithHostVue'), instanceSetters: w.__VUE_INSTANCE_SETTERS__?.length, ssrSetters: w.__VUE_SSR_SETTERS__?.length }
  })
  // The page's Vue made its lists; the embed's copy of Vue did not join them.
  expect(globals).toEqual({ added: [], instanceSetters: 1, ssrSetters: 1 })
  await page.locator('#count').click()
  await page.locator('#count').click()
  await expect(page.locator('#count')).toHaveText('clicked 2')
})
