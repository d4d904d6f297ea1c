/**
 * One Pinia store per dataset source (a URL, or an object given in code). Widgets
 * given the same source get the same store, so they share one fetch, one
 * validation and one set of filters. Data is held in shallow refs: datasets are
 * large and replaced whole, never mutated in place.
 */
import { defineStore, type Pinia } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { validateDataset, type ValidationReport } from '../core/validate'
import { describeIssue } from '../core/issues'
import { filterIncidents, type IncidentFilters } from '../core/filters'
import { tallyByRegion } from '../core/aggregate'
import { DEFAULT_TIMEZONE } from '../core/dates'

export type DatasetSource = string | { id: string; data: unknown }

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LoadFailure {
  kind: 'http' | 'network' | 'timeout' | 'too-large' | 'invalid'
  url: string
  status?: number
}

export interface DatasetLoadOptions {
  /** Give up on a server that does not answer; news pages must not spin for ever. */
  timeoutMs?: number
  /** Stop reading past this many bytes (a 50 MB file would freeze a cheap phone). */
  maxBytes?: number
  fetch?: typeof fetch
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

/** Same URL, same store: relative URLs are resolved against the page. */
export function datasetStoreId(source: DatasetSource): string {
  if (typeof source !== 'string') return `ghatna-dataset:object:${source.id}`
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/'
  let url: string
  try {
    url = new URL(source, base).href
  } catch {
    url = source
  }
  return `ghatna-dataset:${url}`
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

async function readLimited(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) return undefined
  if (!response.body) return response.text()
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
  return new TextDecoder().decode(bytes)
}

function defineDatasetStore(id: string, source: DatasetSource, options: DatasetLoadOptions) {
  return defineStore(id, () => {
    const status = ref<LoadStatus>('idle')
    const report = shallowRef<ValidationReport>()
    const failure = shallowRef<LoadFailure>()
    const filters = ref<IncidentFilters>({})
    const selectedRegion = ref<string>()
    let pending: Promise<void> | undefined
    let controller: AbortController | undefined

    const incidents = computed(() => report.value?.dataset?.incidents ?? [])
    const agencies = computed(() => report.value?.dataset?.agencies ?? [])
    const meta = computed(() => report.value?.dataset?.meta)
    const timeZone = computed(() => meta.value?.timezone ?? DEFAULT_TIMEZONE)
    /** Incidents under the filter bar, before a region is picked: what the map colours. */
    const scoped = computed(() => filterIncidents(incidents.value, filters.value, timeZone.value))
    /** What the charts and timeline show: the filters plus the selected region. */
    const filtered = computed(() =>
      selectedRegion.value ? filterIncidents(scoped.value, { regions: [selectedRegion.value] }, timeZone.value) : scoped.value,
    )
    const tallies = computed(() => tallyByRegion(scoped.value, timeZone.value))

    function accept(next: ValidationReport, url: string) {
      report.value = next
      logReport(url, next)
      if (next.fatal) {
        failure.value = { kind: 'invalid', url }
        status.value = 'error'
      } else status.value = 'ready'
    }

    async function fetchDataset(url: string): Promise<void> {
      const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, fetch: fetchImpl = globalThis.fetch } = options
      controller = new AbortController()
      const timer = setTimeout(() => controller?.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs)
      try {
        const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit' })
        if (!response.ok) {
          failure.value = { kind: 'http', url, status: response.status }
          status.value = 'error'
          console.error(`[ghatna] ${url}: the server answered ${response.status}. Check the dataset URL.`)
          return
        }
        const text = await readLimited(response, maxBytes)
        if (text === undefined) {
          failure.value = { kind: 'too-large', url }
          status.value = 'error'
          console.error(`[ghatna] ${url}: larger than ${maxBytes} bytes; not read. Split the dataset or raise maxBytes.`)
          return
        }
        accept(validateDataset(text), url)
      } catch (cause) {
        const timedOut = controller.signal.aborted && controller.signal.reason instanceof DOMException && controller.signal.reason.name === 'TimeoutError'
        if (controller.signal.aborted && !timedOut) return // cancelled by dispose(): nobody is waiting
        failure.value = { kind: timedOut ? 'timeout' : 'network', url }
        status.value = 'error'
        console.error(`[ghatna] ${url}: ${timedOut ? `no answer within ${timeoutMs / 1000} s` : `could not be fetched (${String(cause)})`}.`)
      } finally {
        clearTimeout(timer)
        controller = undefined
      }
    }

    /** Loads once; later callers share the same promise. */
    function load(): Promise<void> {
      if (pending) return pending
      status.value = 'loading'
      failure.value = undefined
      pending = typeof source === 'string'
        ? fetchDataset(source)
        : Promise.resolve().then(() => accept(validateDataset(source.data), source.id))
      return pending
    }

    function retry(): Promise<void> {
      pending = undefined
      return load()
    }

    /** Aborts a fetch in flight, e.g. when the last widget on this source is removed. */
    function cancel(): void {
      controller?.abort()
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

export function useDatasetStore(source: DatasetSource, options: DatasetLoadOptions = {}, pinia?: Pinia) {
  // Pinia returns the store already registered under this id; the options of its first user apply.
  return defineDatasetStore(datasetStoreId(source), source, options)(pinia)
}

export type DatasetStore = ReturnType<typeof useDatasetStore>
