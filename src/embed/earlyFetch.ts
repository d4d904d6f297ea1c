/**
 * Datasets the embed script started fetching before the widgets' code arrived (see index.ts), handed
 * to the first store that asks for the same URL: the data comes in the same round trip as the code
 * instead of one after it. A fetch nobody claims is aborted.
 */

/** A fetch started by the embed script, keyed by absolute URL. */
export interface EarlyFetch {
  response: Promise<Response>
  controller: AbortController
}

/** How long an unclaimed early fetch is kept: a widget near the viewport asks for its data within a few frames. */
const UNCLAIMED_MS = 10_000

const early = new Map<string, EarlyFetch>()

/** Takes over the embed script's fetches (once its elements are defined). */
export function adoptEarlyFetches(fetches: ReadonlyMap<string, EarlyFetch>): void {
  for (const [url, entry] of fetches) {
    early.set(url, entry)
    setTimeout(() => {
      if (early.get(url) !== entry) return
      early.delete(url)
      entry.controller.abort()
    }, UNCLAIMED_MS)
  }
}

/** The absolute URL a dataset URL names on this page, as the embed script keyed it. */
export function earlyFetchKey(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).href
  } catch {
    return undefined
  }
}

/**
 * `fetch`, answered by an early fetch of the same URL when there is one (once: a retry fetches again).
 * The caller's signal still aborts it, so a widget removed mid-load stops the request as before.
 */
export const fetchEarly: typeof fetch = (input, init) => {
  const key = typeof input === 'string' ? earlyFetchKey(input) : undefined
  const entry = key === undefined ? undefined : early.get(key)
  if (!entry || init?.method !== undefined) return fetch(input, init)
  early.delete(key!)
  const signal = init?.signal
  if (signal?.aborted) entry.controller.abort(signal.reason)
  else signal?.addEventListener('abort', () => entry.controller.abort(signal.reason), { once: true })
  return entry.response
}
