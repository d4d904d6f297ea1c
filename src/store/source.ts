/**
 * A dataset source: one per URL (or object, or set of local files) per page, shared by every
 * widget on it with reference counting. It owns the whole pipeline — fetch (timeout, size limit,
 * abort when the last holder lets go, conditional refresh), decode, parse, validate, aggregate —
 * and knows nothing of Vue or Pinia: `useDatasetStore` (dataset.ts) is a thin view over it.
 *
 * The pipeline after the fetch runs wholly on the page (the default: the script embed cannot
 * count on a worker) or wholly in a worker (`setDatasetValidator(createWorkerValidator())`, see
 * sourceWorker.ts). Sheet sources (.xlsx, CSV) and local files are read on the page.
 */
import { SETTINGS } from '../core/settings'
import { validateDataset, type ValidationReport } from '../core/validate'
import { describeIssue } from '../core/issues'
import type { Tallies } from '../core/aggregate'
import { isCsv, isWorkbook, parseSheetSet, sheetSetText, type SheetFile, type SheetProblem, type SheetRead } from '../core/sheetSource'
import { digestOf, readDatasetBytes, talliesOf, type DatasetRead, type ReadRequest } from './pipeline'

/** Reads the spreadsheet code only now: a JSON source never loads it. */
async function readSheets(files: { label: string; sheet?: string; bytes: Uint8Array; contentType?: string }[]): Promise<SheetRead> {
  const { readSheetFiles } = await import('../sheets/load')
  return readSheetFiles(files)
}

/** A file a reader picked or dropped on the page (the dashboard's checker): read there, sent nowhere. */
export interface LocalFile {
  name: string
  bytes: Uint8Array
  /** The browser's MIME type for it, if any. */
  type?: string
}

/**
 * A URL (JSON, an .xlsx workbook, a CSV file, or a set of CSV files `incidents=URL sources=URL …`,
 * see core/sheetSource.ts), a dataset given in code, or files read on the page.
 */
export type DatasetSource = string | { id: string; data: unknown } | { id: string; files: LocalFile[] }

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LoadFailure {
  kind: 'http' | 'network' | 'interrupted' | 'timeout' | 'too-large' | 'invalid' | 'aborted' | 'source'
  url: string
  /** For `source`: what is wrong with how `src` names its sheets. */
  reason?: string
  status?: number
  /** For `timeout`: how long the kit waited. */
  timeoutMs?: number
  /** For `too-large`: the limit. */
  maxBytes?: number
}

export interface DatasetLoadOptions {
  /** Give up on a server that does not answer; news pages must not spin for ever. */
  timeoutMs?: number
  /** Stop reading past this many bytes (a 50 MB file would freeze a cheap phone). */
  maxBytes?: number
  fetch?: typeof fetch
}

export interface ValidationOutcome extends DatasetRead {
  /** Where the bytes were decoded, parsed, validated and aggregated. */
  where: 'main' | 'worker'
}

/** `lost`: the worker died with the bytes; the source reads the file again on the page. */
export type ValidatorAnswer = ValidationOutcome | { unchanged: true; digest: string } | { lost: true }

/**
 * Runs the pipeline after the fetch (decode → parse → validate → aggregate) on bytes it may take
 * (a worker's is given them as a transfer: the caller does not read them afterwards).
 */
export type DatasetValidator = (bytes: Uint8Array, request: ReadRequest) => Promise<ValidatorAnswer>

/** The default: wholly on the page. */
export const pageValidator: DatasetValidator = async (bytes, request) => {
  const answer = readDatasetBytes(bytes, request)
  return 'unchanged' in answer ? answer : { ...answer, where: 'main' }
}

let validator: DatasetValidator = pageValidator

/** Chooses where this page runs the pipeline (call before the first load). */
export function setDatasetValidator(next: DatasetValidator): void {
  validator = next
}

// The defaults of the `timeout` and `maxmb` settings.
export const DEFAULT_TIMEOUT_MS = SETTINGS.timeout.default * 1000
export const DEFAULT_MAX_BYTES = SETTINGS.maxmb.default * 1024 * 1024

export function absolute(url: string): string {
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/'
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

/** One URL, or one CSV set however it is spelled (relative or absolute addresses); an object or local files by id. */
export function sourceKey(source: DatasetSource): string {
  if (typeof source !== 'string') return `object:${source.id}`
  const set = parseSheetSet(source)
  return set && 'files' in set ? `sheets:${sheetSetText(set.files, absolute('.'))}` : absolute(source)
}

export function sourceLabel(source: DatasetSource): string {
  return typeof source === 'string' ? source : source.id
}

/** What every holder of a source sees; replaced whole on each change (never mutated). */
export interface SourceState {
  status: LoadStatus
  report?: ValidationReport
  /** The whole dataset's per-region tallies. */
  tallies?: Tallies
  failure?: LoadFailure
  /** A sheet source's problems, in the spreadsheet's terms and both languages (the report's own issues name JSON paths). */
  problems?: SheetProblem[]
  /** When the data shown was read (ms since epoch). */
  updatedAt?: number
  /** The last refresh failed: why, and when. The data shown stays. */
  refreshFailure?: { failure: LoadFailure; at: number }
  /** Some holder re-reads the data (`refresh="SECONDS"`). */
  live: boolean
  /** Rises each time new data is accepted. */
  version: number
}

/** One holder's reference to a shared source. */
export interface DatasetSourceHandle {
  /** The source's state now. */
  readonly state: SourceState
  readonly report: ValidationReport | undefined
  readonly tallies: Tallies | undefined
  /** Settles when the load this holder started or joined has ended (ready, error, or aborted: status `idle`). */
  readonly ready: Promise<SourceState>
  /**
   * Reads a URL source again with conditional requests (ETag, Last-Modified, else the bytes' digest).
   * Unchanged: nothing changes. A failed read, or data no longer usable, keeps the data shown and
   * is said in `refreshFailure`.
   */
  refresh(): Promise<void>
  /** Re-reads every `seconds` (the shortest asked of the source) until the returned function is called. */
  keepFresh(seconds: number): () => void
  subscribe(listener: (state: SourceState) => void): () => void
  /** Lets go: the last holder of a load still in flight aborts it. Data already read stays cached for later holders. */
  dispose(): void
}

type Fetched = { bytes: Uint8Array; contentType: string; etag?: string; lastModified?: string }
type FetchOutcome = Fetched | { notModified: true } | { failure: LoadFailure; log: string }
export type Loaded = { report: ValidationReport; tallies?: Tallies; problems?: SheetProblem[] }
export type LoadOutcome = Loaded | { failure: LoadFailure }

/** Per URL: the validators of its last answer, a digest of its bytes, and the bytes of a sheet file (a set rebuilds from the unchanged ones). */
const lastSeen = new Map<string, { etag?: string; lastModified?: string; digest?: string; bytes?: Uint8Array; contentType: string }>()
/** Origins that refused a request with conditional headers (a CORS preflight they do not answer): asked plainly from then on. */
const plainOrigins = new Set<string>()

const isSheetAnswer = (file: SheetFile, fetched: Fetched) => isWorkbook(fetched.bytes, fetched.contentType) || isCsv(file.url, fetched.contentType)

async function readSheetSource(label: string, files: Parameters<typeof readSheets>[0]): Promise<Loaded> {
  const { report, problems } = await readSheets(files)
  logReport(label, report, problems)
  return { report, problems }
}

/** JSON bytes through the page's pipeline (page or worker); a worker that died with them hands back `lost`. */
async function readJson(label: string, bytes: Uint8Array, request: ReadRequest): Promise<(Loaded & { digest?: string }) | { unchanged: true; digest: string } | { lost: true }> {
  const answer = await validator(bytes, request)
  // The worker is gone, and the bytes with it: from now on this page reads on the page.
  if ('lost' in answer) validator = pageValidator
  if ('unchanged' in answer || 'lost' in answer) return answer
  const { report, where, tallies, digest } = answer
  // For the benchmark and a newsroom's own monitoring: when, and where, the data became usable.
  performance.mark?.('ghatna:validated', { detail: { url: label, where, incidents: report.dataset?.incidents.length ?? 0 } })
  logReport(label, report)
  return { report, tallies, digest }
}

/**
 * Fetches a source (every file of a CSV set, in parallel) and reads it. With `conditional`, each
 * request carries the last ETag / Last-Modified, and when every file answers 304 (or the same
 * bytes) the answer is `'unchanged'`.
 */
async function readSource(source: string, options: DatasetLoadOptions, controller: AbortController, conditional: boolean): Promise<LoadOutcome | 'unchanged'> {
  const set = parseSheetSet(source)
  if (set && 'error' in set) {
    console.error(`[ghatna] src="${source}": ${set.error}.`)
    return { failure: { kind: 'source', url: source, reason: set.error } }
  }
  const files: SheetFile[] = set ? set.files : [{ url: source }]
  const answers = await Promise.all(files.map((file) => fetchBytes(file.url, options, controller, conditional ? lastSeen.get(absolute(file.url)) : undefined)))
  const failed = answers.find((answer): answer is { failure: LoadFailure; log: string } => 'failure' in answer)
  if (failed) {
    if (failed.failure.kind !== 'aborted') console.error(`[ghatna] ${failed.failure.url}: ${failed.log}`)
    return { failure: failed.failure }
  }
  const first = answers[0]!
  if (!set && !('notModified' in first) && !isSheetAnswer(files[0]!, first as Fetched)) {
    // One JSON file: the pipeline works out the digest where it reads the bytes, and skips the bytes it has seen.
    const fetched = first as Fetched
    const url = absolute(source)
    const seen = lastSeen.get(url)
    const remember = (digest?: string) => lastSeen.set(url, { etag: fetched.etag, lastModified: fetched.lastModified, digest, contentType: fetched.contentType })
    // The same ETag is the same file (a 200 where the server could not be asked conditionally).
    if (conditional && fetched.etag !== undefined && fetched.etag === seen?.etag) {
      remember(seen.digest)
      return 'unchanged'
    }
    // Hashed only when the server gives no validator to ask with next time (static hosts do): a large JSON file with an ETag is never walked.
    const request: ReadRequest = { digest: conditional || (!fetched.etag && !fetched.lastModified), unlessDigest: conditional ? seen?.digest : undefined }
    const read = await readJson(source, fetched.bytes, request)
    if ('lost' in read) return readSource(source, options, controller, false)
    remember(read.digest)
    if ('unchanged' in read) return 'unchanged'
    return read
  }
  let changed = !conditional
  const fetched = answers.map((answer, i): Fetched | undefined => {
    const url = absolute(files[i]!.url)
    const seen = lastSeen.get(url)
    if ('notModified' in answer) return seen?.bytes && { bytes: seen.bytes, contentType: seen.contentType }
    const fetchedAnswer = answer as Fetched
    const digest = digestOf(fetchedAnswer.bytes)
    const sameTag = fetchedAnswer.etag !== undefined && fetchedAnswer.etag === seen?.etag
    if (!sameTag && digest !== seen?.digest) changed = true
    lastSeen.set(url, { etag: fetchedAnswer.etag, lastModified: fetchedAnswer.lastModified, digest, contentType: fetchedAnswer.contentType, bytes: fetchedAnswer.bytes })
    return fetchedAnswer
  })
  if (!changed) return 'unchanged'
  if (fetched.some((answer) => answer === undefined)) {
    // A 304 for a file whose bytes were not kept: read it again without conditions.
    return readSource(source, options, controller, false)
  }
  const read = fetched as Fetched[]
  return readSheetSource(source, read.map((answer, i) => ({ label: files[i]!.url, ...(files[i]!.sheet && { sheet: files[i]!.sheet }), bytes: answer.bytes, contentType: answer.contentType })))
}

/** Files read on the page: one JSON file, or an .xlsx workbook and/or CSV files of the layout. */
async function readLocalFiles(label: string, files: readonly LocalFile[]): Promise<Loaded> {
  const sheets = files.length > 1 || files.some((file) => isWorkbook(file.bytes, file.type) || isCsv(file.name, file.type))
  if (sheets) return readSheetSource(label, files.map((file) => ({ label: file.name, bytes: file.bytes, ...(file.type && { contentType: file.type }) })))
  // The reader's file stays theirs: the pipeline (a worker takes the bytes it is given) gets a copy.
  const bytes = files[0]?.bytes ?? new Uint8Array()
  const read = await readJson(label, bytes.slice(), {})
  return 'lost' in read ? readLocalFiles(label, files) : read as Loaded
}

/** A dataset given in code: already parsed, validated on the page. */
function readObject(label: string, data: unknown): Loaded {
  const report = validateDataset(data)
  logReport(label, report)
  return { report }
}

/** The shared part of a source: one per key per page. */
export interface SharedSource {
  key: string
  source: DatasetSource
  options: DatasetLoadOptions
  state: SourceState
  listeners: Set<(state: SourceState) => void>
  /** Open handles. */
  holders: number
  loading?: { promise: Promise<SourceState>; controller: AbortController }
  refreshing?: Promise<void>
  intervals: Map<symbol, number>
  stopSchedule?: () => void
  scheduling: number
}

const sources = new Map<string, SharedSource>()
let versions = 0

function update(shared: SharedSource, change: Partial<SourceState>): void {
  shared.state = { ...shared.state, ...change }
  shared.listeners.forEach((listener) => listener(shared.state))
}

function accept(shared: SharedSource, loaded: Loaded): void {
  const url = sourceLabel(shared.source)
  const { report, problems } = loaded
  update(shared, {
    status: report.fatal ? 'error' : 'ready',
    // The JSON pipeline worked them out where it validated (in the worker, say); sheets and objects here.
    report, tallies: loaded.tallies ?? talliesOf(report), problems,
    failure: report.fatal ? { kind: 'invalid', url } : undefined,
    updatedAt: Date.now(),
    refreshFailure: undefined,
    version: ++versions,
  })
}

function startLoad(shared: SharedSource): Promise<SourceState> {
  const controller = new AbortController()
  const { source, options } = shared
  update(shared, { status: 'loading', failure: undefined })
  const read: Promise<LoadOutcome> = typeof source === 'string'
    ? readSource(source, options, controller, false) as Promise<LoadOutcome>
    : 'files' in source ? readLocalFiles(source.id, source.files) : Promise.resolve().then(() => readObject(source.id, source.data))
  const loading = {
    controller,
    promise: read.then((outcome) => {
      if (shared.loading !== loading) return shared.state // let go of before it ended
      shared.loading = undefined
      if ('report' in outcome) accept(shared, outcome)
      else if (outcome.failure.kind !== 'aborted') update(shared, { status: 'error', failure: outcome.failure })
      return shared.state
    }),
  }
  shared.loading = loading
  return loading.promise
}

async function reschedule(shared: SharedSource): Promise<void> {
  const turn = ++shared.scheduling
  shared.stopSchedule?.()
  shared.stopSchedule = undefined
  const live = shared.intervals.size > 0
  if (live !== shared.state.live) update(shared, { live })
  if (!live) return
  // The timer's code loads only for pages that ask for refresh.
  const { scheduleRefresh } = await import('./refresh')
  if (turn === shared.scheduling && shared.intervals.size) {
    shared.stopSchedule = scheduleRefresh(() => refreshOf(shared), Math.min(...shared.intervals.values()))
  }
}

/**
 * Not read, or not fetched (a network or HTTP failure, which a later holder tries again). A file
 * that was read but is unusable stays read: told once, not fetched again for every widget.
 */
const unread = (shared: SharedSource) => shared.state.status === 'idle' || (shared.state.status === 'error' && !shared.state.report)

/** Refreshes of one source share one round of requests. */
function refreshOf(shared: SharedSource): Promise<void> {
  // The re-read's code loads with the timer's, only for pages that refresh.
  shared.refreshing ??= import('./refresh').then(({ refreshShared }) => refreshShared(shared, { readSource, update, accept })).finally(() => (shared.refreshing = undefined))
  return shared.refreshing
}

/**
 * Opens a reference to the source (the options of its first holder apply), and starts loading it
 * unless it is loading or loaded already: one fetch and one validation per source, however many widgets.
 */
export function openDatasetSource(source: DatasetSource, options: DatasetLoadOptions = {}): DatasetSourceHandle {
  const key = sourceKey(source)
  let shared = sources.get(key)
  if (!shared) {
    shared = { key, source, options, state: { status: 'idle', live: false, version: 0 }, listeners: new Set(), holders: 0, intervals: new Map(), scheduling: 0 }
    sources.set(key, shared)
  }
  const held = shared
  held.holders += 1
  const ready = held.loading?.promise ?? (unread(held) ? startLoad(held) : Promise.resolve(held.state))
  let open = true
  /** What this holder started: stopped when it lets go (each stop may run twice). */
  const stops: (() => void)[] = []
  return {
    get state() { return held.state },
    get report() { return held.state.report },
    get tallies() { return held.state.tallies },
    ready,
    refresh: () => refreshOf(held),
    keepFresh(seconds) {
      const id = Symbol('refresh')
      held.intervals.set(id, seconds)
      void reschedule(held)
      const stop = () => {
        if (held.intervals.delete(id)) void reschedule(held)
      }
      stops.push(stop)
      return stop
    },
    subscribe(listener) {
      held.listeners.add(listener)
      const stop = () => {
        held.listeners.delete(listener)
      }
      stops.push(stop)
      return stop
    },
    dispose() {
      if (!open) return
      open = false
      stops.forEach((stop) => stop())
      held.holders -= 1
      if (held.holders > 0 || sources.get(key) !== held) return
      if (held.loading) {
        // Nobody waits for this request any more.
        held.loading.controller.abort()
        held.loading = undefined
        update(held, { status: 'idle' })
        sources.delete(key)
      } else if (unread(held)) sources.delete(key) // a later holder tries again
    },
  }
}

/** Forget every source and what was fetched (tests; a page that wants fresh data). */
export function clearFetchCache(): void {
  for (const shared of sources.values()) {
    shared.loading?.controller.abort()
    shared.stopSchedule?.()
  }
  sources.clear()
  lastSeen.clear()
}

async function fetchBytes(url: string, options: DatasetLoadOptions, controller: AbortController, conditional?: { etag?: string; lastModified?: string }): Promise<FetchOutcome> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, fetch: fetchImpl = globalThis.fetch } = options
  let timedOut = false
  let answered = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const origin = new URL(absolute(url)).origin
  const headers: Record<string, string> = {}
  if (conditional && !plainOrigins.has(origin)) {
    if (conditional.etag) headers['If-None-Match'] = conditional.etag
    if (conditional.lastModified) headers['If-Modified-Since'] = conditional.lastModified
  }
  const ask = (withHeaders: Record<string, string>) => fetchImpl(url, {
    signal: controller.signal,
    credentials: 'omit',
    // Conditional headers are not CORS-safelisted: without them the browser's cache revalidates instead.
    ...(Object.keys(withHeaders).length ? { headers: withHeaders } : conditional && { cache: 'no-cache' as const }),
  })
  try {
    let response: Response
    try {
      response = await ask(headers)
    } catch (cause) {
      if (!Object.keys(headers).length || controller.signal.aborted) throw cause
      response = await ask({})
      // Refused with the headers, answered without: a preflight the server does not allow (not merely offline).
      plainOrigins.add(origin)
    }
    answered = true
    if (response.status === 304) return { notModified: true }
    if (!response.ok) {
      return { failure: { kind: 'http', url, status: response.status }, log: `the server answered ${response.status}. Check the dataset URL.` }
    }
    const bytes = await readLimited(response, maxBytes)
    if (bytes === undefined) {
      return { failure: { kind: 'too-large', url, maxBytes }, log: `larger than ${maxBytes} bytes; not read. Split the dataset or raise maxBytes.` }
    }
    const etag = response.headers.get('etag') ?? undefined
    const lastModified = response.headers.get('last-modified') ?? undefined
    return { bytes, contentType: response.headers.get('content-type') ?? '', ...(etag && { etag }), ...(lastModified && { lastModified }) }
  } catch (cause) {
    if (timedOut) return { failure: { kind: 'timeout', url, timeoutMs }, log: `no complete answer within ${timeoutMs / 1000} s.` }
    if (controller.signal.aborted) return { failure: { kind: 'aborted', url }, log: '' }
    // Headers came but the body did not: the connection broke off mid-way.
    if (answered) return { failure: { kind: 'interrupted', url }, log: `the connection broke off while loading (${String(cause)}).` }
    return { failure: { kind: 'network', url }, log: `could not be fetched (${String(cause)}).` }
  } finally {
    clearTimeout(timer)
  }
}

/** Reports problems once per load, prefixed, in English for the page's developer; a sheet source's in the spreadsheet's terms. */
function logReport(label: string, report: ValidationReport, problems?: readonly SheetProblem[]): void {
  if (problems?.length) {
    const list = (severity: SheetProblem['severity']) => problems.filter((problem) => problem.severity === severity).map((problem) => `  - ${problem.en}`)
    const [errors, warnings] = [list('error'), list('warning')]
    if (errors.length) console.error(`[ghatna] ${label}: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the sheets:\n${errors.join('\n')}`)
    if (warnings.length) console.warn(`[ghatna] ${label}: ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} about the sheets:\n${warnings.join('\n')}`)
    return
  }
  if (report.fatal) {
    console.error(`[ghatna] ${label}: ${describeIssue(report.fatal)}`)
    return
  }
  if (report.rejected.length > 0) {
    const lines = report.errors.map((issue) => `  - ${describeIssue(issue)}`).join('\n')
    console.error(`[ghatna] ${label}: ${report.rejected.length} of ${report.incidentCount} incidents left out:\n${lines}`)
  } else if (report.errors.length > 0) {
    console.error(`[ghatna] ${label}:\n${report.errors.map((issue) => `  - ${describeIssue(issue)}`).join('\n')}`)
  }
  if (report.warnings.length > 0) {
    console.warn(`[ghatna] ${label}: ${report.warnings.length} warnings:\n${report.warnings.map((issue) => `  - ${describeIssue(issue)}`).join('\n')}`)
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) return undefined
  if (!response.body) return new Uint8Array(await response.arrayBuffer())
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
