import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDatasetStore, clearFetchCache, setDatasetValidator, pageValidator, type DatasetValidator } from '../../src/store/dataset'
import defaultDataset from '../../src/data/incidents.default.json'
import { tallyByRegion } from '../../src/core/aggregate'
import { validateDataset } from '../../src/core/validate'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

function stubFetch(body: string, init: ResponseInit = {}) {
  return vi.fn(async () => new Response(body, init))
}

beforeEach(() => {
  setActivePinia(createPinia())
  clearFetchCache()
  vi.restoreAllMocks()
})

describe('dataset store', () => {
  it('gives widgets on the same URL one store and one fetch', async () => {
    const fetch = stubFetch(JSON.stringify(defaultDataset))
    const a = useDatasetStore('/data/incidents.json', { fetch })
    const b = useDatasetStore('/data/incidents.json', { fetch })
    expect(a).toBe(b)
    await Promise.all([a.load(), b.load()])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(a.status).toBe('ready')
    expect(b.incidents).toHaveLength(4)
  })

  it('fetches a URL once for widgets in different groups, which keep their own selection', async () => {
    const fetch = stubFetch(JSON.stringify(defaultDataset))
    const first = useDatasetStore('/data/shared.json', { fetch }, undefined, 'article-1')
    const second = useDatasetStore('/data/shared.json', { fetch }, undefined, 'article-2')
    expect(first).not.toBe(second)
    await Promise.all([first.load(), second.load()])
    const late = useDatasetStore('/data/shared.json', { fetch }, undefined, 'sidebar')
    await late.load()
    expect(fetch).toHaveBeenCalledTimes(1)
    first.toggleRegion('IN-BR')
    expect(first.filtered).toHaveLength(1)
    expect(second.filtered).toHaveLength(4)
  })

  it('validates and reports a shared file once, however many groups read it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const body = JSON.stringify(datasetWith([minimalIncident({ id: 'good' }), minimalIncident({ id: 'bad', started: 'soon' })]))
    const stores = ['en', 'hi', 'sidebar'].map((group) => useDatasetStore('/data/twice.json', { fetch: stubFetch(body) }, undefined, group))
    await Promise.all(stores.map((store) => store.load()))
    expect(error).toHaveBeenCalledTimes(1)
    expect(stores[1]!.report).toBe(stores[0]!.report)
  })

  it('hands the fetched bytes, BOM and all, to the page’s validator and marks where it ran', async () => {
    const seen: Uint8Array[] = []
    const inWorker: DatasetValidator = async (bytes, request) => {
      seen.push(bytes.slice())
      const answer = await pageValidator(bytes, request)
      return 'report' in answer ? { ...answer, where: 'worker' } : answer
    }
    setDatasetValidator(inWorker)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const store = useDatasetStore('/data/bom.json', { fetch: stubFetch('\uFEFF' + JSON.stringify(datasetWith([minimalIncident()]))) })
      await store.load()
      expect(seen).toHaveLength(1)
      expect([...seen[0]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(store.status).toBe('ready')
      expect(store.report!.warnings.map((warning) => warning.rule)).toEqual(['bom'])
      const mark = performance.getEntriesByName('ghatna:validated').at(-1) as PerformanceMark
      expect(mark.detail).toEqual({ url: '/data/bom.json', where: 'worker', incidents: 1 })
    } finally {
      setDatasetValidator(pageValidator)
    }
  })

  it('uses the tallies a worker sent for the unfiltered view, and counts again under a filter', async () => {
    const body = JSON.stringify(datasetWith([minimalIncident({ id: 'a', sector: 'health' }), minimalIncident({ id: 'b', sector: 'finance', regions: ['IN-MP'] })]))
    const sent = tallyByRegion(validateDataset(body).dataset!.incidents)
    setDatasetValidator(async (bytes, request) => {
      const answer = await pageValidator(bytes, request)
      return 'report' in answer ? { ...answer, where: 'worker', tallies: sent } : answer
    })
    try {
      const store = useDatasetStore('/data/tallied.json', { fetch: stubFetch(body) })
      await store.load()
      expect(store.tallies).toBe(sent)
      store.setFilters({ sectors: ['health'] })
      expect(store.tallies).not.toBe(sent)
      expect([...store.tallies.regions.keys()]).toEqual(['IN-BR'])
      store.setFilters({})
      expect(store.tallies).toBe(sent)
    } finally {
      setDatasetValidator(pageValidator)
    }
  })

  it('aborts the request when every widget waiting for it is removed', async () => {
    let signal: AbortSignal | undefined
    const fetch = vi.fn((_: string | URL | Request, init?: RequestInit) => {
      signal = init!.signal!
      return new Promise<Response>((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)))
    })
    const store = useDatasetStore('/data/abandoned.json', { fetch })
    const loading = store.load()
    store.cancel()
    await loading
    expect(signal!.aborted).toBe(true)
    expect(store.status).toBe('idle')
  })

  it('reports an HTTP error with its status, in the widget state and the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = useDatasetStore('https://example.org/missing.json', { fetch: stubFetch('not found', { status: 404 }) })
    await store.load()
    expect(store.status).toBe('error')
    expect(store.failure).toEqual({ kind: 'http', url: 'https://example.org/missing.json', status: 404 })
    expect(error).toHaveBeenCalledWith('[ghatna] https://example.org/missing.json: the server answered 404. Check the dataset URL.')
  })

  it('loads the valid incidents of a partly broken file and lists the rest in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const body = JSON.stringify(datasetWith([minimalIncident({ id: 'good' }), minimalIncident({ id: 'bad', started: 'soon' })]))
    const store = useDatasetStore('https://example.org/partial.json', { fetch: stubFetch(body) })
    await store.load()
    expect(store.status).toBe('ready')
    expect(store.incidents.map((i) => i.id)).toEqual(['good'])
    expect(store.report!.rejected).toEqual([{ index: 1, id: 'bad' }])
    expect(error.mock.calls[0]![0]).toBe(
      '[ghatna] https://example.org/partial.json: 1 of 2 incidents left out:\n  - incident "bad", incidents[1].started: "soon" is not a date of known precision: write 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 or 2021-04-01T13:00+05:30.',
    )
  })

  it('gives up on a server that does not answer, and retries', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let answer = false
    const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) =>
      answer
        ? Promise.resolve(new Response(JSON.stringify(defaultDataset)))
        : new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    )
    const store = useDatasetStore('https://example.org/slow.json', { fetch, timeoutMs: 20 })
    await store.load()
    expect(store.failure).toEqual({ kind: 'timeout', url: 'https://example.org/slow.json', timeoutMs: 20 })
    answer = true
    await store.retry()
    expect(store.status).toBe('ready')
  })

  it('refuses a file larger than the limit without reading it all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = useDatasetStore('https://example.org/huge.json', { fetch: stubFetch('x'.repeat(2000)), maxBytes: 1000 })
    await store.load()
    expect(store.failure?.kind).toBe('too-large')
  })

  it('a file that is not JSON is an error state', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = useDatasetStore('https://example.org/page.html', { fetch: stubFetch('<html>') })
    await store.load()
    expect(store.status).toBe('error')
    expect(store.failure?.kind).toBe('invalid')
    expect(store.report!.fatal!.rule).toBe('html-page')
  })

  it('selecting a region narrows the charts but not the map; selecting it again clears', async () => {
    const store = useDatasetStore({ id: 'default', data: defaultDataset })
    await store.load()
    store.toggleRegion('IN-BR')
    expect(store.filtered.map((i) => i.id)).toEqual(['bihar-102-ambulance-ransomware-2021'])
    expect(store.scoped).toHaveLength(4)
    store.toggleRegion('IN-BR')
    expect(store.filtered).toHaveLength(4)
    store.setFilters({ statuses: ['denied', 'disputed'] })
    expect(store.tallies.national.incidents).toBe(2)
    expect(store.tallies.regions.size).toBe(0)
  })
})
