/**
 * Sheet sources through the dataset store: a CSV set and an .xlsx workbook go through the
 * same validation, their problems said in the spreadsheet's terms; refresh re-reads with
 * conditional requests, keeps the reader's selection, and keeps the last good data on failure.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDatasetStore, clearFetchCache, setDatasetValidator, pageValidator } from '../../src/store/dataset'
import defaultDataset from '../../src/data/incidents.default.json'
import { validateDataset } from '../../src/core/validate'
import { datasetToSheets } from '../../src/sheets/toSheets'
import { writeCsv } from '../../src/sheets/csv'
import { writeXlsx } from '../../src/sheets/xlsx'

type Files = Record<string, string | Uint8Array>

function csvFiles(data: unknown = defaultDataset): Files {
  return Object.fromEntries(datasetToSheets(data).workbook.sheets.map((table) => [`/s/${table.name}.csv`, writeCsv(table)]))
}

/** A server with ETags that answers 304 to a matching If-None-Match, and logs what it was asked. */
function server(files: Files) {
  const asked: { path: string; ifNoneMatch: string | null }[] = []
  let failing = false
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost/').pathname
    const headers = new Headers(init?.headers)
    asked.push({ path, ifNoneMatch: headers.get('if-none-match') })
    if (failing) return new Response('down', { status: 503 })
    const body = files[path]
    if (body === undefined) return new Response('no', { status: 404 })
    const etag = `"${typeof body === 'string' ? body.length : body.byteLength}-${String(body).length}-${path}-${versionOf(path)}"`
    if (headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } })
    return new Response(body as BodyInit, { headers: { etag, 'content-type': path.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' } })
  })
  const versions = new Map<string, number>()
  const versionOf = (path: string) => versions.get(path) ?? 0
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    asked,
    set(path: string, body: string | Uint8Array) {
      files[path] = body
      versions.set(path, versionOf(path) + 1)
    },
    fail(on: boolean) {
      failing = on
    },
  }
}

const SET = ['meta', 'agencies', 'incidents', 'sources', 'outages', 'impacts', 'responses'].map((sheet) => `${sheet}=/s/${sheet}.csv`).join(' ')
const expected = validateDataset(defaultDataset).dataset!

beforeEach(() => {
  setActivePinia(createPinia())
  clearFetchCache()
  setDatasetValidator(pageValidator)
  vi.restoreAllMocks()
})

describe('sheet sources', () => {
  it('a CSV set, one file per sheet, loads the same dataset as its JSON', async () => {
    const { fetch } = server(csvFiles())
    const store = useDatasetStore(SET, { fetch })
    await store.load()
    expect(store.status).toBe('ready')
    expect(store.report!.dataset).toEqual(expected)
    expect(store.problems).toEqual([])
  })

  it('an .xlsx workbook is known by its ZIP bytes, whatever the server calls it', async () => {
    const { fetch } = server({ '/s/tracker': await writeXlsx(datasetToSheets(defaultDataset).workbook) })
    const store = useDatasetStore('/s/tracker', { fetch })
    await store.load()
    expect(store.status).toBe('ready')
    expect(store.report!.dataset).toEqual(expected)
  })

  it('says a sheet\'s problems with sheet, row, column and value, in English and Hindi, in the store and the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const files = csvFiles()
    files['/s/incidents.csv'] = (files['/s/incidents.csv'] as string).replace(',health,', ',helth,')
    const store = useDatasetStore(SET, { fetch: server(files).fetch })
    await store.load()
    const helth = store.problems!.find((problem) => problem.rule === 'enum')!
    expect(helth.en).toBe('incidents sheet, row 4, column "sector": "helth" is not allowed; use one of: health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other. Did you mean "health"?')
    expect(helth.hi).toMatch(/^शीट incidents, पंक्ति 4, स्तंभ "sector": "helth"/)
    expect(error.mock.calls.flat().join('\n')).toContain(`[ghatna] ${SET}: 1 error in the sheets:\n  - ${helth.en}`)
  })

  it('a src naming no sheet fails with the reason, without a request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { fetch, asked } = server(csvFiles())
    const store = useDatasetStore('incident=/s/incidents.csv meta=/s/meta.csv', { fetch })
    await store.load()
    expect(store.status).toBe('error')
    expect(store.failure).toMatchObject({ kind: 'source', reason: expect.stringContaining('"incident=" does not name a sheet') })
    expect(asked).toEqual([])
  })
})

describe('refresh', () => {
  it('re-reads with If-None-Match; a row changed on the server updates the data, the selection and filters stay', async () => {
    const files = csvFiles()
    const live = server(files)
    const store = useDatasetStore(SET, { fetch: live.fetch })
    await store.load()
    store.toggleRegion('IN-BR')
    store.setFilters({ sectors: ['emergency-services', 'municipal'] })
    expect(store.filtered.map((incident) => incident.id)).toEqual(['bihar-102-ambulance-ransomware-2021'])

    const moved = structuredClone(defaultDataset)
    moved.incidents[1]!.regions = ['IN-BR']
    live.set('/s/incidents.csv', csvFiles(moved)['/s/incidents.csv']!)
    live.asked.length = 0
    await store.refresh()
    expect(live.asked).toHaveLength(7)
    expect(live.asked.every((request) => request.ifNoneMatch?.startsWith('"'))).toBe(true)
    expect(store.selectedRegion).toBe('IN-BR')
    expect(store.filters).toEqual({ sectors: ['emergency-services', 'municipal'] })
    expect(store.filtered.map((incident) => incident.id)).toEqual(['bihar-102-ambulance-ransomware-2021', 'mp-e-nagar-palika-attack-2023'])
  })

  it('a 304 from every file changes nothing', async () => {
    const live = server(csvFiles())
    const store = useDatasetStore(SET, { fetch: live.fetch })
    await store.load()
    const { report, updatedAt } = store
    await store.refresh()
    expect(store.report).toBe(report)
    expect(store.updatedAt).toBe(updatedAt)
    expect(store.refreshFailure).toBeUndefined()
  })

  it('a failed refresh keeps the last good data and says when it failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const live = server(csvFiles())
    const store = useDatasetStore(SET, { fetch: live.fetch })
    await store.load()
    const report = store.report
    live.fail(true)
    await store.refresh()
    expect(store.status).toBe('ready')
    expect(store.report).toBe(report)
    expect(store.refreshFailure).toMatchObject({ failure: { kind: 'http', status: 503 } })
    live.fail(false)
    await store.refresh()
    expect(store.refreshFailure).toBeUndefined()
  })

  it('a sheet broken on the server keeps the last good data, as a failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const live = server(csvFiles())
    const store = useDatasetStore(SET, { fetch: live.fetch })
    await store.load()
    live.set('/s/meta.csv', 'schemaVersion,title_en\r\n7,x\r\n')
    await store.refresh()
    expect(store.status).toBe('ready')
    expect(store.incidents).toHaveLength(4)
    expect(store.refreshFailure).toMatchObject({ failure: { kind: 'invalid' } })
  })

  it('stores of two groups on one source share a refresh, and each gets the new data', async () => {
    const live = server(csvFiles())
    const a = useDatasetStore(SET, { fetch: live.fetch }, undefined, 'a')
    const b = useDatasetStore(SET, { fetch: live.fetch }, undefined, 'b')
    await Promise.all([a.load(), b.load()])
    const moved = structuredClone(defaultDataset)
    moved.incidents.pop()
    live.set('/s/incidents.csv', csvFiles(moved)['/s/incidents.csv']!)
    await a.refresh()
    live.asked.length = 0
    await b.refresh()
    expect(a.incidents).toHaveLength(3)
    expect(b.incidents).toHaveLength(3)
  })

  it('a JSON source without validators is compared by its bytes: the same file changes nothing', async () => {
    const body = JSON.stringify(defaultDataset)
    const fetch = vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } }))
    const store = useDatasetStore('/data/plain.json', { fetch: fetch as unknown as typeof globalThis.fetch })
    await store.load()
    const report = store.report
    await store.refresh()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].cache).toBe('no-cache')
    expect(store.report).toBe(report)
  })
})

describe('a server on another origin that refuses conditional headers (CORS preflight)', () => {
  it('is asked again without them, the browser cache revalidating, and plainly from then on', async () => {
    const body = JSON.stringify(defaultDataset)
    const calls: RequestInit[] = []
    const fetch = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init ?? {})
      if (new Headers(init?.headers).has('if-none-match')) throw new TypeError('Failed to fetch')
      return new Response(body, { headers: { etag: '"same"', 'content-type': 'application/json' } })
    })
    const store = useDatasetStore('https://sheets.example/data.json', { fetch: fetch as unknown as typeof globalThis.fetch })
    await store.load()
    const report = store.report
    await store.refresh()
    await store.refresh()
    expect(calls.map((init) => [new Headers(init.headers).get('if-none-match'), init.cache])).toEqual([
      [null, undefined], ['"same"', undefined], [null, 'no-cache'], [null, 'no-cache'],
    ])
    expect(store.report).toBe(report)
    expect(store.refreshFailure).toBeUndefined()
  })
})

describe('files read on the page', () => {
  it('CSV files picked together are read as the sheets they are named after', async () => {
    const files = Object.entries(csvFiles()).map(([path, text]) => ({ name: path.slice(3), bytes: new TextEncoder().encode(text as string) }))
    const store = useDatasetStore({ id: 'picked', files })
    await store.load()
    expect(store.report!.dataset).toEqual(expected)
  })
  it('one JSON file is validated as a dataset', async () => {
    const store = useDatasetStore({ id: 'picked-json', files: [{ name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(defaultDataset)), type: 'application/json' }] })
    await store.load()
    expect(store.incidents).toHaveLength(4)
    expect(store.problems).toBeUndefined()
  })
})
