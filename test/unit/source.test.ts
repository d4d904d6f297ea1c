/**
 * The framework-free dataset source (src/store/source.ts): one fetch and one validation per
 * source, the same report and tallies on the page and in the worker, failures by kind, refresh,
 * abort when the last holder lets go. The worker's side runs here as a plain function
 * (workerProtocol.ts), behind a stand-in Worker that clones and transfers as a browser does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearFetchCache, openDatasetSource, pageValidator, setDatasetValidator, type SourceState } from '../../src/store/source'
import { createWorkerValidator, unpackDates } from '../../src/store/sourceWorker'
import { answerRequest, BATCH, type WorkerMessage, type WorkerRequest } from '../../src/store/workerProtocol'
import { validateDataset } from '../../src/core/validate'
import { incidentStart, outageSpans, responseSteps, tallyByRegion } from '../../src/core/aggregate'
import { datesOf, packDates, rememberDates, PRECISIONS } from '../../src/core/incidentDates'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

const dataset = datasetWith([
  minimalIncident({ id: 'bihar', outages: [{ start: '2021-04-01T10:00', end: '2021-04-01T12:30' }], responses: [{ date: '2021-04-03', agency: 'CERT-In', action: 'statement', source: 's1' }] }),
  minimalIncident({ id: 'legacy-orissa', regions: ['IN-OR'], started: '2021-05' }),
  minimalIncident({ id: 'broken', started: 'soon' }),
], { meta: { title: 'Test dataset', timezone: 'Asia/Kolkata' } })
const body = JSON.stringify(dataset)

const serve = (text: string, init: ResponseInit = {}) => vi.fn(async (..._: unknown[]) => new Response(text, init))
const validatedMarks = () => performance.getEntriesByName('ghatna:validated').length

beforeEach(() => {
  clearFetchCache()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  setDatasetValidator(pageValidator)
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('a dataset source on the page', () => {
  it('fetches and validates once for every holder, and gives them one report and the whole-dataset tallies', async () => {
    const fetch = serve(body)
    const a = openDatasetSource('https://example.org/one.json', { fetch })
    const b = openDatasetSource('https://example.org/one.json', { fetch })
    const [stateA, stateB] = await Promise.all([a.ready, b.ready])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(stateA.status).toBe('ready')
    expect(stateB.report).toBe(stateA.report)
    const expected = validateDataset(body)
    expect(a.report!.dataset!.incidents.map((incident) => incident.id)).toEqual(['bihar', 'legacy-orissa'])
    expect(a.report!.rejected).toEqual(expected.rejected)
    expect(a.tallies).toEqual(tallyByRegion(expected.dataset!.incidents, 'Asia/Kolkata'))
    expect([...a.tallies!.regions.keys()].sort()).toEqual(['IN-BR', 'IN-OD'])
    // A later holder takes what was read.
    const late = openDatasetSource('https://example.org/one.json', { fetch })
    expect((await late.ready).report).toBe(stateA.report)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('aborts the request only when the last holder lets go, and a later holder fetches again', async () => {
    const signals: AbortSignal[] = []
    const fetch = vi.fn((_: unknown, init?: RequestInit) => {
      signals.push(init!.signal!)
      return new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)))
    })
    const a = openDatasetSource('https://example.org/slow.json', { fetch })
    const b = openDatasetSource('https://example.org/slow.json', { fetch })
    const seen: SourceState['status'][] = []
    b.subscribe((state) => seen.push(state.status))
    a.dispose()
    await Promise.resolve()
    expect(signals[0]!.aborted).toBe(false)
    b.dispose()
    expect(signals[0]!.aborted).toBe(true)
    expect((await b.ready).status).toBe('idle')
    openDatasetSource('https://example.org/slow.json', { fetch })
    expect(fetch).toHaveBeenCalledTimes(2)
    // A holder that let go hears nothing more.
    expect(seen).toEqual([])
  })

  it('says why a source failed, by kind', async () => {
    const cases: [string, Parameters<typeof openDatasetSource>[1], unknown][] = [
      ['https://example.org/404.json', { fetch: serve('gone', { status: 404 }) }, { kind: 'http', url: 'https://example.org/404.json', status: 404 }],
      ['https://example.org/offline.json', { fetch: vi.fn(async () => { throw new TypeError('Failed to fetch') }) }, { kind: 'network', url: 'https://example.org/offline.json' }],
      ['https://example.org/silent.json', { timeoutMs: 10, fetch: vi.fn((_: unknown, init?: RequestInit) => new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) }, { kind: 'timeout', url: 'https://example.org/silent.json', timeoutMs: 10 }],
      ['https://example.org/big.json', { maxBytes: 10, fetch: serve(body) }, { kind: 'too-large', url: 'https://example.org/big.json', maxBytes: 10 }],
      ['https://example.org/page.json', { fetch: serve('<!doctype html><p>Not here') }, { kind: 'invalid', url: 'https://example.org/page.json' }],
      ['incidents=https://example.org/a.csv incidents=https://example.org/b.csv', {}, { kind: 'source' }],
    ]
    for (const [url, options, failure] of cases) {
      const state = await openDatasetSource(url, options).ready
      expect(state.status, url).toBe('error')
      expect(state.failure, url).toMatchObject(failure as object)
    }
    expect(await openDatasetSource('https://example.org/page.json').ready).toMatchObject({ report: { fatal: { rule: 'html-page' } } })
  })

  it('refreshes: the same bytes again change nothing and are not parsed; new bytes replace the data for every holder', async () => {
    let text = body
    const fetch = vi.fn(async () => new Response(text))
    const source = openDatasetSource('https://example.org/live.json', { fetch })
    const first = await source.ready
    const heard: number[] = []
    source.subscribe((state) => heard.push(state.version))
    const marks = validatedMarks()
    await source.refresh()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(validatedMarks()).toBe(marks)
    expect(source.state.version).toBe(first.version)
    expect(heard).toEqual([])
    text = JSON.stringify(datasetWith([minimalIncident({ id: 'newer' })]))
    await source.refresh()
    expect(source.report!.dataset!.incidents.map((incident) => incident.id)).toEqual(['newer'])
    expect(heard).toEqual([source.state.version])
    expect(source.state.version).toBeGreaterThan(first.version)
  })

  it('asks again with the ETag, and a 304 changes nothing', async () => {
    const fetch = vi.fn(async (_: unknown, init?: RequestInit) =>
      (init?.headers as Record<string, string> | undefined)?.['If-None-Match'] === '"v1"' ? new Response(null, { status: 304 }) : new Response(body, { headers: { etag: '"v1"' } }))
    const source = openDatasetSource('https://example.org/tagged.json', { fetch })
    const { version } = await source.ready
    await source.refresh()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(source.state).toMatchObject({ status: 'ready', version, refreshFailure: undefined })
  })

  it('a dataset given in code is validated once, for every holder', async () => {
    const a = openDatasetSource({ id: 'inline', data: dataset })
    const b = openDatasetSource({ id: 'inline', data: dataset })
    expect((await b.ready).report).toBe((await a.ready).report)
    expect(a.report!.incidentCount).toBe(3)
    expect(a.tallies!.regions.get('IN-BR')!.incidents).toBe(1)
  })
})

const page = { onPage: pageValidator, rememberDates, precisions: PRECISIONS }

/** A stand-in for the browser's Worker: runs the worker's handler, cloning and transferring each message as postMessage does. */
class FakeWorker {
  static transferred: ArrayBuffer[] = []
  static crash = false
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null
  onerror: ((event: { preventDefault: () => void }) => void) | null = null
  constructor() {
    setTimeout(() => this.onmessage?.({ data: { ready: true } } as MessageEvent<WorkerMessage>))
  }
  postMessage(message: WorkerRequest, transfer: Transferable[]) {
    FakeWorker.transferred.push(...(transfer as ArrayBuffer[]))
    const received = structuredClone(message, { transfer })
    setTimeout(() => {
      if (FakeWorker.crash) return this.onerror?.({ preventDefault: () => {} })
      answerRequest(received, (answer, moved = []) => {
        const sent = structuredClone(answer, { transfer: moved })
        setTimeout(() => this.onmessage?.({ data: sent } as MessageEvent<WorkerMessage>))
      })
    })
  }
  terminate() {}
}

describe('a dataset source in a worker', () => {
  beforeEach(() => {
    FakeWorker.transferred = []
    FakeWorker.crash = false
    vi.stubGlobal('Worker', FakeWorker)
  })

  it('transfers the fetched bytes and gets the same report, tallies and dates the page would work out', async () => {
    setDatasetValidator(createWorkerValidator(page))
    const source = openDatasetSource('https://example.org/worker.json', { fetch: serve(body) })
    const state = await source.ready
    expect(state.status).toBe('ready')
    // Transferred, not copied: the page's buffer is detached.
    expect(FakeWorker.transferred[0]!.byteLength).toBe(0)
    const onPage = validateDataset(body)
    expect(state.report).toEqual(onPage)
    expect(state.tallies).toEqual(tallyByRegion(onPage.dataset!.incidents, 'Asia/Kolkata'))
    const bihar = state.report!.dataset!.incidents[0]!
    expect(incidentStart(bihar, 'Asia/Kolkata')).toEqual(incidentStart(onPage.dataset!.incidents[0]!, 'Asia/Kolkata'))
    expect(outageSpans(bihar, 'Asia/Kolkata')[0]!.minutes).toBe(150)
    expect(responseSteps(bihar, [], 'Asia/Kolkata')[0]!.lag).toEqual({ value: 2, unit: 'day' })
    const mark = performance.getEntriesByName('ghatna:validated').at(-1) as PerformanceMark
    expect(mark.detail).toEqual({ url: 'https://example.org/worker.json', where: 'worker', incidents: 2 })
  })

  it('sends a large dataset in batches and the page puts them back in order', () => {
    const many = datasetWith(Array.from({ length: BATCH + 2 }, (_, i) => minimalIncident({ id: `incident-${i}` })))
    const messages: WorkerMessage[] = []
    const transfers: Transferable[][] = []
    answerRequest({ id: 3, bytes: new TextEncoder().encode(JSON.stringify(many)).buffer as ArrayBuffer }, (message, transfer = []) => {
      messages.push(message)
      transfers.push(transfer)
    })
    const [head, ...batches] = messages as [Extract<WorkerMessage, { batches: number }>, ...Extract<WorkerMessage, { incidents: unknown[] }>[]]
    expect(head.batches).toBe(2)
    expect(head.report.dataset!.incidents).toEqual([])
    expect(transfers[0]).toEqual([head.dates!.buffer])
    expect(batches.map((batch) => batch.incidents.length)).toEqual([BATCH, 2])
    expect(batches.flatMap((batch) => batch.incidents).map((incident) => incident.id).at(-1)).toBe(`incident-${BATCH + 1}`)
  })

  it('answers `unchanged` for bytes it has seen, without parsing them', () => {
    const bytes = () => new TextEncoder().encode(body).buffer as ArrayBuffer
    const messages: WorkerMessage[] = []
    answerRequest({ id: 1, bytes: bytes(), digest: true }, (message) => messages.push(message))
    const digest = (messages[0] as { digest: string }).digest
    const parse = vi.spyOn(JSON, 'parse')
    answerRequest({ id: 2, bytes: bytes(), unlessDigest: digest }, (message) => messages.push(message))
    expect(messages.at(-1)).toEqual({ id: 2, unchanged: true, digest })
    expect(parse).not.toHaveBeenCalled()
  })

  it('runs wholly on the page when the worker cannot start', async () => {
    vi.stubGlobal('Worker', class { constructor() { throw new Error('Refused by worker-src') } })
    setDatasetValidator(createWorkerValidator(page))
    const state = await openDatasetSource('https://example.org/csp.json', { fetch: serve(body) }).ready
    expect(state.status).toBe('ready')
    const mark = performance.getEntriesByName('ghatna:validated').at(-1) as PerformanceMark
    expect(mark.detail).toMatchObject({ url: 'https://example.org/csp.json', where: 'main' })
  })

  it('reads the file again on the page when the worker dies with its bytes', async () => {
    FakeWorker.crash = true
    setDatasetValidator(createWorkerValidator(page))
    const fetch = serve(body)
    const state = await openDatasetSource('https://example.org/crash.json', { fetch }).ready
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(state.status).toBe('ready')
    expect(state.report!.dataset!.incidents).toHaveLength(2)
  })
})

describe('dates parsed once per incident', () => {
  it('every reader of an incident gets the same parsed instants', () => {
    const incident = validateDataset(body).dataset!.incidents[0]!
    expect(datesOf(incident, 'Asia/Kolkata').started).toBe(incidentStart(incident, 'Asia/Kolkata'))
    expect(outageSpans(incident, 'Asia/Kolkata')[0]!.start).toBe(datesOf(incident, 'Asia/Kolkata').outages[0]!.start)
    expect(responseSteps(incident, [], 'Asia/Kolkata')[0]!.date).toBe(datesOf(incident, 'Asia/Kolkata').responses[0])
    // The exported incident is the dataset's JSON, nothing added.
    expect(Object.keys(incident).sort()).toEqual(Object.keys((dataset.incidents as object[])[0]!).sort())
  })
  it('the page takes the dates the worker packed instead of parsing them, and refuses numbers that do not fit', () => {
    const inWorker = validateDataset(body).dataset!.incidents
    const packed = packDates(inWorker, 'Asia/Kolkata')
    const onPage = structuredClone(inWorker)
    // Shifted by a minute, so what the page reads can only have come from the table.
    const shifted = packed.map((value, i) => (i === 0 ? value + 60_000 : value))
    expect(unpackDates(onPage, shifted, 'Asia/Kolkata', page)).toBe(true)
    expect(incidentStart(onPage[0]!, 'Asia/Kolkata').start).toBe(incidentStart(inWorker[0]!, 'Asia/Kolkata').start + 60_000)
    expect(incidentStart(onPage[0]!, 'Asia/Kolkata').text).toBe('2021-04-01')
    const other = structuredClone(inWorker)
    expect(unpackDates(other, packed.slice(0, -1), 'Asia/Kolkata', page)).toBe(false)
    expect(incidentStart(other[0]!, 'Asia/Kolkata')).toEqual(incidentStart(inWorker[0]!, 'Asia/Kolkata'))
  })
})
