/**
 * The embed script (dist/embed/ghatna.js): registers <ghatna-map>, <ghatna-downtime>,
 * <ghatna-impact>, <ghatna-timeline> and <ghatna-dashboard> once, and exports `mount`.
 * It adds nothing to `window`; the only global effect is the custom-element registry.
 *
 * First paint in two round trips: this file imports nothing of the kit statically, so
 * it runs as soon as it arrives, and it names at once every chunk the widgets near the
 * viewport will need (modulepreload links, from the chunk graph the build writes into
 * CHUNK_GRAPH) and starts their datasets' fetches. Code, geometry and data then come
 * in one round trip together, instead of each import waiting for the one before.
 */
import type { EarlyFetch } from './earlyFetch'
import type { WidgetName } from './widgetNames'

export { mount, type MountOptions, type MountedWidget } from './mount'
export type { WidgetName }

/**
 * The chunks (chunks/<name>.js next to this script) each widget needs before it can draw, as
 * indices into `names`, and `elements`: what every page needs. Written by the embed build
 * (vite.embed.config.ts, `chunkGraph`); left as the placeholder outside it (tests, dev), where
 * nothing is preloaded.
 */
const CHUNK_GRAPH = '__GHATNA_CHUNK_GRAPH__'
type ChunkGraph = { names: string[]; elements: number[]; behind?: Partial<Record<WidgetName, number[]>> } & Partial<Record<WidgetName, number[]>>
// Through a variable: Vite would read `new URL(template, import.meta.url)` as an asset glob.
const scriptUrl = import.meta.url
/*
 * Only as dist/embed/ghatna.js, next to its chunks: an app that bundles `ghatna/elements` renames
 * every chunk, and preloading the names written here would ask for files that do not exist.
 */
const graph: ChunkGraph | undefined = CHUNK_GRAPH.startsWith('{') && /\/ghatna\.js$/.test(new URL(scriptUrl).pathname) ? (JSON.parse(CHUNK_GRAPH) as ChunkGraph) : undefined

/** How close to the viewport a widget starts loading: the same margin as the element's own IntersectionObserver. */
const NEAR_PX = 300

const preloaded = new Set<string>()
function preload(names: readonly string[], chunks: readonly number[] | undefined): void {
  for (const chunk of chunks ?? []) {
    const href = new URL(`./chunks/${names[chunk]}.js`, scriptUrl).href
    if (preloaded.has(href)) continue
    preloaded.add(href)
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.href = href
    // The module stays in the page's module map; the host page's <head> is left as it was.
    link.addEventListener('load', () => link.remove(), { once: true })
    link.addEventListener('error', () => link.remove(), { once: true })
    document.head.append(link)
  }
}

function isNearViewport(element: Element): boolean {
  const box = element.getBoundingClientRect()
  return box.bottom >= -NEAR_PX && box.top <= innerHeight + NEAR_PX && box.right >= -NEAR_PX && box.left <= innerWidth + NEAR_PX
}

/** Preloads what the widgets near the viewport need and starts their datasets' fetches (one per URL). */
function startEarly(known: ChunkGraph): Map<string, EarlyFetch> {
  const fetches = new Map<string, EarlyFetch>()
  preload(known.names, known.elements)
  const widgets = Object.keys(known).filter((name) => name !== 'elements' && name !== 'names' && name !== 'behind') as WidgetName[]
  const later: number[] = []
  for (const element of document.querySelectorAll(widgets.map((name) => `ghatna-${name}`).join(','))) {
    if (!isNearViewport(element)) continue
    const widget = element.localName.slice('ghatna-'.length) as WidgetName
    preload(known.names, known[widget])
    later.push(...(known.behind?.[widget] ?? []))
    const src = element.getAttribute('src')
    // CSV files one per sheet (`incidents=URL sources=URL …`, core/sheetSource.ts) are the store's to fetch, file by file.
    if (!src || /^\s*[A-Za-z]+=/.test(src)) continue
    let url: string
    try {
      url = new URL(src, document.baseURI).href
    } catch {
      continue // the element reports the bad URL itself
    }
    if (fetches.has(url)) continue
    const controller = new AbortController()
    // The request the dataset store makes (credentials omitted); a failure is the store's to report when it claims it.
    const response = fetch(url, { signal: controller.signal, credentials: 'omit' })
    response.catch(() => {})
    fetches.set(url, { response, controller })
  }
  if (later.length) afterFirstPaint(() => preload(known.names, later))
  return fetches
}

/**
 * Runs `then` once a widget has painted: what a widget loads behind its first paint (the map's ECharts)
 * is fetched then, in one round trip, and never competes with the first paint for the network.
 */
function afterFirstPaint(then: () => void): void {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('mark')) return
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName('ghatna:painted').length) return
    observer.disconnect()
    then()
  })
  observer.observe({ type: 'mark' })
}

let defined: Promise<void> | undefined

/** Registers the elements (once); settles when they are defined. */
export function defineGhatnaElements(): Promise<void> {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return Promise.resolve()
  defined ??= (async () => {
    const early = graph ? startEarly(graph) : new Map<string, EarlyFetch>()
    const elements = await import('./elements')
    elements.defineGhatnaElements(early)
  })()
  return defined
}

void defineGhatnaElements()
