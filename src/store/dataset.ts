/**
 * One Pinia store per dataset source (a URL, or an object given in code). Widgets
 * given the same source get the same store, so they share one fetch, one
 * validation and one set of filters. Data is held in shallow refs: datasets are
 * large and replaced whole, never mutated in place.
 */
import { SETTINGS } from '../core/settings'
import { defineStore, type Pinia } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { validateDataset, type ValidationReport } from '../core/validate'
import { describeIssue } from '../core/issues'
import { filterIncidents, type IncidentFilters } from '../core/filters'
import { tallyByRegion, type Tallies } from '../core/aggregate'
import { DEFAULT_TIMEZONE } from '../core/dates'
import { decodeDataset } from './decode'
import { isCsv, isWorkbook, parseSheetSet, sheetSetText, type SheetFile, type SheetProblem, type SheetRead } from '../core/sheetSource'

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

export interface ValidationOutcome {
  report: ValidationReport
  /** Where the bytes were decoded, parsed and validated. */
  where: 'main' | 'worker'
  /** The whole dataset's tallies, when the validator worked them out too (the worker does: aggregation off the page). */
  tallies?: Tallies
}

/** Turns fetched bytes into a report; the dashboard and iframe page swap in a Web Worker (workerValidation.ts). */
export type DatasetValidator = (bytes: Uint8Array) => Promise<ValidationOutcome>

export function validateOnMainThread(bytes: Uint8Array): ValidationReport {
  return validateDataset(decodeDataset(bytes))
}

/** The default: on the page (the script embed cannot count on a worker). */
export const pageValidator: DatasetValidator = async (bytes) => ({ report: validateOnMainThread(bytes), where: 'main' })

let validator: DatasetValidator = pageValidator

/** Chooses how this page validates fetched datasets (call before the first load). */
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

/**
 * Same source and group, same store (shared filters and selection). Relative
 * URLs are resolved against the page. Widgets in different groups get separate
 * stores but still share one fetch (see `fetchOnce`).
 */
export function datasetStoreId(source: DatasetSource, group = ''): string {
  const key = typeof source === 'string' ? sourceKey(source) : `object:${source.id}`
  return `ghatna-dataset:${key}${group ? `#${group}` : ''}`
}

/** One URL, or one CSV set however it is spelled (relative or absolute addresses). */
export function sourceKey(source: string): string {
  const set = parseSheetSet(source)
  return set && 'files' in set ? `sheets:${sheetSetText(set.files, absolute('.'))}` : absolute(source)
}

/** What a conditional request needs, and what tells an unchanged answer from a new one. */
interface Validators {
  etag?: string
  lastModified?: string
}
type Fetched = Validators & { bytes: Uint8Array; contentType: string }
type FetchOutcome = Fetched | { notModified: true } | { failure: LoadFailure; log: string }
/** `version` rises each time a source's data is read anew, so stores on it can tell whether they show the latest. */
type LoadedData = { report: ValidationReport; tallies?: Tallies; problems?: SheetProblem[]; version: number }
type LoadOutcome = LoadedData | { failure: LoadFailure }

/** Per URL: the validators of its last answer, a digest of its bytes, and the bytes of a sheet file (a set rebuilds from the unchanged ones). */
const lastSeen = new Map<string, Validators & { digest?: string; bytes?: Uint8Array; contentType: string }>()
/** Per source: the newest data read. */
const latest = new Map<string, LoadedData>()
let versions = 0

/** Length and FNV-1a: enough to tell a server that resends the same file (no ETag, no Last-Modified) from a changed one. */
function digestOf(bytes: Uint8Array): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193)
  return `${bytes.length}:${(hash >>> 0).toString(16)}`
}

const isSheetAnswer = (file: SheetFile, fetched: Fetched) => isWorkbook(fetched.bytes, fetched.contentType) || isCsv(file.url, fetched.contentType)

/** Reads the spreadsheet code only now: a JSON source never loads it. */
async function readSheets(files: { label: string; sheet?: string; bytes: Uint8Array; contentType?: string }[]): Promise<SheetRead> {
  const { readSheetFiles } = await import('../sheets/load')
  return readSheetFiles(files)
}

/**
 * Fetches a source (every file of a CSV set, in parallel) and turns it into a report. With
 * `conditional`, each request carries the last ETag / Last-Modified, and when every file
 * answers 304 (or the same bytes) the answer is `'unchanged'`.
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
  let changed = !conditional
  const fetched = answers.map((answer, i): Fetched | undefined => {
    const url = absolute(files[i]!.url)
    const seen = lastSeen.get(url)
    if ('notModified' in answer) return seen?.bytes && { bytes: seen.bytes, contentType: seen.contentType }
    const sheet = set !== undefined || isSheetAnswer(files[i]!, answer as Fetched)
    // Hashed only when the server gives no validator to ask with next time (static hosts do): a large JSON file with an ETag is never walked.
    const fetchedAnswer = answer as Fetched
    const digest = conditional || sheet || (!fetchedAnswer.etag && !fetchedAnswer.lastModified) ? digestOf(fetchedAnswer.bytes) : undefined
    // The same ETag is the same file (a 200 where the server could not be asked conditionally); else the bytes tell.
    const sameTag = fetchedAnswer.etag !== undefined && fetchedAnswer.etag === seen?.etag
    const sameBytes = digest !== undefined && digest === seen?.digest
    if (!sameTag && !sameBytes) changed = true
    lastSeen.set(url, { etag: fetchedAnswer.etag, lastModified: fetchedAnswer.lastModified, digest, contentType: fetchedAnswer.contentType, ...(sheet && { bytes: fetchedAnswer.bytes }) })
    return fetchedAnswer
  })
  if (!changed) return 'unchanged'
  if (fetched.some((answer) => answer === undefined)) {
    // A 304 for a file whose bytes were not kept: read it again without conditions.
    return readSource(source, options, controller, false)
  }
  const read = fetched as Fetched[]
  if (set || isSheetAnswer(files[0]!, read[0]!)) {
    const { report, problems } = await readSheets(read.map((answer, i) => ({ label: files[i]!.url, ...(files[i]!.sheet && { sheet: files[i]!.sheet }), bytes: answer.bytes, contentType: answer.contentType })))
    logReport(source, report, problems)
    return { report, problems, version: ++versions }
  }
  const { report, where, tallies } = await validator(read[0]!.bytes)
  // For the benchmark and a newsroom's own monitoring: when, and where, the data became usable.
  performance.mark?.('ghatna:validated', { detail: { url: source, where, incidents: report.dataset?.incidents.length ?? 0 } })
  logReport(source, report)
  return { report, ...(tallies && { tallies }), version: ++versions }
}

/** Files read on the page: one JSON file, or an .xlsx workbook and/or CSV files of the layout. */
export async function readLocalFiles(label: string, files: readonly LocalFile[]): Promise<LoadedData> {
  const sheets = files.length > 1 || files.some((file) => isWorkbook(file.bytes, file.type) || isCsv(file.name, file.type))
  if (sheets) {
    const { report, problems } = await readSheets(files.map((file) => ({ label: file.name, bytes: file.bytes, ...(file.type && { contentType: file.type }) })))
    logReport(label, report, problems)
    return { report, problems, version: ++versions }
  }
  const { report, tallies } = await validator(files[0]?.bytes ?? new Uint8Array())
  logReport(label, report)
  return { report, ...(tallies && { tallies }), version: ++versions }
}

/**
 * One request, one validation and one console report per URL per page,
 * whatever the number of stores on it; dropped on failure so a retry fetches again.
 */
const inFlight = new Map<string, { promise: Promise<LoadOutcome>; users: number; controller: AbortController; settled: boolean }>()

export function fetchOnce(url: string, options: DatasetLoadOptions): { promise: Promise<LoadOutcome>; release: () => void } {
  const key = sourceKey(url)
  let entry = inFlight.get(key)
  if (!entry) {
    const controller = new AbortController()
    const promise = readSource(url, options, controller, false).then((outcome) => {
      const loaded = outcome as LoadOutcome
      if ('report' in loaded) latest.set(key, loaded)
      return loaded
    })
    entry = { promise, users: 0, controller, settled: false }
    inFlight.set(key, entry)
    const current = entry
    promise.then((outcome) => {
      current.settled = true
      if ('failure' in outcome && inFlight.get(key) === current) inFlight.delete(key)
    })
  }
  entry.users += 1
  const held = entry
  let released = false
  return {
    promise: entry.promise,
    // The last widget that stops waiting for a request still in flight aborts it; a finished one stays cached.
    release: () => {
      if (released) return
      released = true
      held.users -= 1
      if (held.users === 0 && !held.settled && inFlight.get(key) === held) {
        held.controller.abort()
        inFlight.delete(key)
      }
    },
  }
}

/** Refreshes in flight, per source: stores of several groups on one source share one round of requests. */
const refreshing = new Map<string, Promise<LoadOutcome>>()

/**
 * Reads a source again with conditional requests, and answers the newest data (the same
 * `version` when nothing changed) or why it could not be read. New data also replaces the
 * cached first load, so a widget added later starts from it.
 */
export function refreshOnce(url: string, options: DatasetLoadOptions): Promise<LoadOutcome> {
  const key = sourceKey(url)
  let running = refreshing.get(key)
  if (!running) {
    running = readSource(url, options, new AbortController(), true).then((outcome): LoadOutcome => {
      if (outcome === 'unchanged') return latest.get(key) ?? { failure: { kind: 'aborted', url } }
      if ('report' in outcome && !outcome.report.fatal) {
        latest.set(key, outcome)
        inFlight.set(key, { promise: Promise.resolve(outcome), users: 0, controller: new AbortController(), settled: true })
      }
      return outcome
    }).finally(() => refreshing.delete(key))
    refreshing.set(key, running)
  }
  return running
}

/** Forget every cached fetch (tests; a page that wants fresh data). */
export function clearFetchCache(): void {
  inFlight.clear()
  lastSeen.clear()
  latest.clear()
}

/** Origins that refused a request with conditional headers (a CORS preflight they do not answer): asked plainly from then on. */
const plainOrigins = new Set<string>()

async function fetchBytes(url: string, options: DatasetLoadOptions, controller: AbortController, conditional?: Validators): Promise<FetchOutcome> {
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

function sourceLabel(source: DatasetSource): string {
  return typeof source === 'string' ? source : source.id
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

function defineDatasetStore(id: string, source: DatasetSource, options: DatasetLoadOptions) {
  return defineStore(id, () => {
    const status = ref<LoadStatus>('idle')
    const report = shallowRef<ValidationReport>()
    const failure = shallowRef<LoadFailure>()
    const filters = ref<IncidentFilters>({})
    const selectedRegion = ref<string>()
    /** A sheet source's problems, in the spreadsheet's terms and both languages (the report's own issues name JSON paths). */
    const problems = shallowRef<SheetProblem[]>()
    /** When the data shown was read (ms since epoch): shown as "updated HH:MM" while the widget refreshes. */
    const updatedAt = ref<number>()
    /** The last refresh failed: why, and when. The data shown stays. */
    const refreshFailure = shallowRef<{ failure: LoadFailure; at: number }>()
    /** Some widget on this store re-reads its data (`refresh="SECONDS"`). */
    const live = ref(false)
    let pending: Promise<void> | undefined
    let version = 0

    // Dataset data never changes once validated: marked raw, so reading it through the store costs
    // no reactive proxy per incident (at 100 000 incidents the proxies cost more than the aggregation).
    const incidents = computed(() => markRaw(report.value?.dataset?.incidents ?? []))
    const agencies = computed(() => markRaw(report.value?.dataset?.agencies ?? []))
    const meta = computed(() => report.value?.dataset?.meta)
    const timeZone = computed(() => meta.value?.timezone ?? DEFAULT_TIMEZONE)
    /** Incidents under the filter bar, before a region is picked: what the map colours. */
    const scoped = computed(() => markRaw(filterIncidents(incidents.value, filters.value, timeZone.value)))
    /** What the charts and timeline show: the filters plus the selected region. */
    const filtered = computed(() =>
      selectedRegion.value ? markRaw(filterIncidents(scoped.value, { regions: [selectedRegion.value] }, timeZone.value)) : scoped.value,
    )
    /** The unfiltered tallies, when the worker sent them: the first view needs no aggregation on the page. */
    const tallied = shallowRef<Tallies>()
    const tallies = computed(() =>
      tallied.value && scoped.value === incidents.value ? tallied.value : markRaw(tallyByRegion(scoped.value, timeZone.value)),
    )

    function accept(next: ValidationReport, url: string, unfiltered?: Tallies, sheetProblems?: SheetProblem[], loaded = 0) {
      version = loaded
      tallied.value = unfiltered && markRaw(unfiltered)
      problems.value = sheetProblems && markRaw(sheetProblems)
      updatedAt.value = Date.now()
      report.value = markRaw(next)
      if (next.fatal) {
        failure.value = { kind: 'invalid', url }
        status.value = 'error'
      } else status.value = 'ready'
    }

    let release: (() => void) | undefined

    async function fetchDataset(url: string): Promise<void> {
      const request = fetchOnce(url, options)
      release = request.release
      const outcome = await request.promise
      release = undefined
      request.release()
      if ('report' in outcome) return accept(outcome.report, url, outcome.tallies, outcome.problems, outcome.version)
      if (outcome.failure.kind === 'aborted') return // cancelled: nobody is waiting
      failure.value = outcome.failure
      status.value = 'error'
    }

    /** Loads once; later callers share the same promise. */
    function load(): Promise<void> {
      if (pending) return pending
      status.value = 'loading'
      failure.value = undefined
      pending = typeof source === 'string'
        ? fetchDataset(source)
        : 'files' in source
          ? readLocalFiles(source.id, source.files).then((read) => accept(read.report, source.id, read.tallies, read.problems))
          : Promise.resolve().then(() => {
              const next = validateDataset(source.data)
              logReport(source.id, next)
              accept(next, source.id)
            })
      return pending
    }

    /**
     * Reads a URL source again in place: the filters and the selected region stay. Nothing
     * changes when the server answers 304 (or the same bytes); a failed read, or data no
     * longer usable, keeps the data shown and is said in `refreshFailure`.
     */
    async function refresh(): Promise<void> {
      if (typeof source !== 'string' || status.value === 'loading' || status.value === 'idle') return
      const shown = status.value === 'ready'
      const outcome = await refreshOnce(source, options)
      if ('failure' in outcome) {
        if (outcome.failure.kind === 'aborted') return
        if (shown) refreshFailure.value = { failure: outcome.failure, at: Date.now() }
        else failure.value = outcome.failure
        return
      }
      if (outcome.report.fatal && shown) {
        refreshFailure.value = { failure: { kind: 'invalid', url: source }, at: Date.now() }
        return
      }
      if (refreshFailure.value) refreshFailure.value = undefined
      if (outcome.version !== version) accept(outcome.report, source, outcome.tallies, outcome.problems, outcome.version)
    }

    /** Each widget that refreshes holds one of these; the store re-reads at the shortest interval asked, while any is held. */
    const intervals = new Map<symbol, number>()
    let stopSchedule: (() => void) | undefined
    let scheduling = 0
    async function reschedule() {
      const turn = ++scheduling
      stopSchedule?.()
      stopSchedule = undefined
      live.value = intervals.size > 0
      if (!intervals.size) return
      // The timer's code loads only for pages that ask for refresh.
      const { scheduleRefresh } = await import('./refresh')
      if (turn === scheduling && intervals.size) stopSchedule = scheduleRefresh(refresh, Math.min(...intervals.values()))
    }
    function keepFresh(seconds: number): () => void {
      const id = Symbol('refresh')
      intervals.set(id, seconds)
      void reschedule()
      return () => {
        if (intervals.delete(id)) void reschedule()
      }
    }

    function retry(): Promise<void> {
      pending = undefined
      return load()
    }

    /** Stops waiting for a fetch in flight, e.g. when the widgets on this store are removed; the request is aborted when nobody else waits for it. */
    function cancel(): void {
      release?.()
      release = undefined
      if (status.value === 'loading') {
        status.value = 'idle'
        pending = undefined
      }
    }

    function setFilters(next: IncidentFilters) {
      filters.value = next
    }

    /** Selecting the selected region again clears the selection. */
    function toggleRegion(code: string | undefined) {
      selectedRegion.value = code === undefined || selectedRegion.value === code ? undefined : code
    }

    return {
      source: sourceLabel(source), status, report, failure, filters, selectedRegion, problems, updatedAt, refreshFailure, live,
      incidents, agencies, meta, timeZone, scoped, filtered, tallies,
      load, retry, cancel, refresh, keepFresh, setFilters, toggleRegion,
    }
  })
}

export function useDatasetStore(source: DatasetSource, options: DatasetLoadOptions = {}, pinia?: Pinia, group = '') {
  // Pinia returns the store already registered under this id; the options of its first user apply.
  return defineDatasetStore(datasetStoreId(source, group), source, options)(pinia)
}

export type DatasetStore = ReturnType<typeof useDatasetStore>
