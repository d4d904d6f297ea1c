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

export type DatasetSource = string | { id: string; data: unknown }

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LoadFailure {
  kind: 'http' | 'network' | 'interrupted' | 'timeout' | 'too-large' | 'invalid' | 'aborted'
  url: string
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

function absolute(url: string): string {
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
  const key = typeof source === 'string' ? absolute(source) : `object:${source.id}`
  return `ghatna-dataset:${key}${group ? `#${group}` : ''}`
}

type FetchOutcome = { bytes: Uint8Array } | { failure: LoadFailure; log: string }
type LoadOutcome = { report: ValidationReport; tallies?: Tallies } | { failure: LoadFailure }

/**
 * One request, one validation and one console report per URL per page,
 * whatever the number of stores on it; dropped on failure so a retry fetches again.
 */
const inFlight = new Map<string, { promise: Promise<LoadOutcome>; users: number; controller: AbortController; settled: boolean }>()

export function fetchOnce(url: string, options: DatasetLoadOptions): { promise: Promise<LoadOutcome>; release: () => void } {
  const key = absolute(url)
  let entry = inFlight.get(key)
  if (!entry) {
    const controller = new AbortController()
    const promise = fetchBytes(url, options, controller).then(async (outcome): Promise<LoadOutcome> => {
      if ('bytes' in outcome) {
        const { report, where, tallies } = await validator(outcome.bytes)
        // For the benchmark and a newsroom's own monitoring: when, and where, the data became usable.
        performance.mark?.('ghatna:validated', { detail: { url, where, incidents: report.dataset?.incidents.length ?? 0 } })
        logReport(url, report)
        return { report, ...(tallies && { tallies }) }
      }
      if (outcome.failure.kind !== 'aborted') console.error(`[ghatna] ${url}: ${outcome.log}`)
      return { failure: outcome.failure }
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

/** Forget every cached fetch (tests; a page that wants fresh data). */
export function clearFetchCache(): void {
  inFlight.clear()
}

async function fetchBytes(url: string, options: DatasetLoadOptions, controller: AbortController): Promise<FetchOutcome> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, fetch: fetchImpl = globalThis.fetch } = options
  let timedOut = false
  let answered = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit' })
    answered = true
    if (!response.ok) {
      return { failure: { kind: 'http', url, status: response.status }, log: `the server answered ${response.status}. Check the dataset URL.` }
    }
    const bytes = await readLimited(response, maxBytes)
    if (bytes === undefined) {
      return { failure: { kind: 'too-large', url, maxBytes }, log: `larger than ${maxBytes} bytes; not read. Split the dataset or raise maxBytes.` }
    }
    return { bytes }
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

/** Reports problems once per load, prefixed, in English for the page's developer. */
function logReport(label: string, report: ValidationReport): void {
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
    let pending: Promise<void> | undefined

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

    function accept(next: ValidationReport, url: string, unfiltered?: Tallies) {
      tallied.value = unfiltered && markRaw(unfiltered)
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
      if ('report' in outcome) return accept(outcome.report, url, outcome.tallies)
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
        : Promise.resolve().then(() => {
            const next = validateDataset(source.data)
            logReport(source.id, next)
            accept(next, source.id)
          })
      return pending
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
      source: sourceLabel(source), status, report, failure, filters, selectedRegion,
      incidents, agencies, meta, timeZone, scoped, filtered, tallies,
      load, retry, cancel, setFilters, toggleRegion,
    }
  })
}

export function useDatasetStore(source: DatasetSource, options: DatasetLoadOptions = {}, pinia?: Pinia, group = '') {
  // Pinia returns the store already registered under this id; the options of its first user apply.
  return defineDatasetStore(datasetStoreId(source, group), source, options)(pinia)
}

export type DatasetStore = ReturnType<typeof useDatasetStore>
